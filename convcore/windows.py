"""The window's walk over the padded input, one output cell at a time.

This drives the step-by-step views: each record says where the window sits,
what it reads and how the output value is summed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from .geometry import pair
from .ops import as_matrix, prepare

__all__ = ["Window", "windows", "arithmetic"]


@dataclass(frozen=True)
class Window:
    index: tuple[int, int]  # output cell (i, j)
    origin: tuple[int, int]  # top-left input cell under the kernel, padded coordinates
    patch: np.ndarray  # input values under the kernel taps
    products: np.ndarray  # patch * K
    value: float  # sum of products, equal to corr2d(...)[i, j]

    def cells(self, dilation=1) -> list[tuple[int, int]]:
        """Padded-input cells the kernel taps read, row-major."""
        d_h, d_w = pair(dilation, "dilation")
        r, c = self.origin
        kh, kw = self.patch.shape
        return [(r + a * d_h, c + b * d_w) for a in range(kh) for b in range(kw)]


def windows(X, K, padding=0, stride=1, dilation=1) -> Iterator[Window]:
    """Every window position, row-major over the output of ``corr2d(X, K, ...)``.

    ``.value`` sums ``.products`` in the same row-major order as
    :func:`convcore.corr2d` accumulates its taps, so it equals that output
    bit for bit.

    >>> [w.value for w in windows([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]])]
    [19.0, 25.0, 37.0, 43.0]
    """
    X, K = as_matrix(X, "input X"), as_matrix(K, "kernel K")
    P, Kd, _, (H, W), stride, dilation = prepare(X, K, padding, stride, dilation)
    dtype = P.dtype
    (s_h, s_w), (d_h, d_w) = stride, dilation
    kh, kw = K.shape
    for i in range(H):
        for j in range(W):
            r, c = i * s_h, j * s_w
            patch = P[r : r + (kh - 1) * d_h + 1 : d_h, c : c + (kw - 1) * d_w + 1 : d_w].copy()
            products = patch * Kd
            value = dtype.type(0)
            for p, k in zip(products.ravel(), Kd.ravel()):
                if k != 0:  # corr2d skips zero taps; adding 0 can only flip -0.0
                    value = value + p
            yield Window((i, j), (r, c), patch, products, float(value))


def _fmt(v: float) -> str:
    if float(v).is_integer() and abs(v) < 1e9:
        return str(int(v))
    return f"{v:.4g}"


def arithmetic(window: Window, K) -> str:
    """The sum written out, e.g. ``0×0 + 1×1 + 3×2 + 4×3 = 19``."""
    K = np.asarray(K)
    def term(v):
        return f"({_fmt(v)})" if v < 0 else _fmt(v)

    terms = [f"{term(x)}×{term(k)}" for x, k in zip(window.patch.ravel(), K.ravel())]
    return " + ".join(terms) + f" = {_fmt(window.value)}"
