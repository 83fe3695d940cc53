"""The window's walk over the padded input, one output cell at a time.

This drives the step-by-step views: each record says where the window sits,
what it reads and how the output value is summed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from ._geometry import pair
from ._ops import as_matrix, prepare

__all__ = ["Window", "windows", "window_at"]


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


def _window(P, Kd, i, j, stride, dilation) -> Window:
    (s_h, s_w), (d_h, d_w) = stride, dilation
    kh, kw = Kd.shape
    r, c = i * s_h, j * s_w
    patch = P[r : r + (kh - 1) * d_h + 1 : d_h, c : c + (kw - 1) * d_w + 1 : d_w].copy()
    products = patch * Kd
    value = P.dtype.type(0)
    for p, k in zip(products.ravel(), Kd.ravel()):
        if k != 0:  # corr2d skips zero taps; adding 0 can only flip -0.0
            value = value + p
    return Window((i, j), (r, c), patch, products, float(value))


def windows(X, K, *, padding=0, stride=1, dilation=1, pad_mode="zeros") -> Iterator[Window]:
    """Every window position, row-major over the output of ``corr2d(X, K, ...)``.

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, as for :func:`convcore.corr2d`.
    padding, stride, dilation, pad_mode
        As for :func:`convcore.corr2d`; ``.patch`` shows the padded values
        (zeros, or the input cells :func:`convcore.pad_source` names).

    Returns
    -------
    iterator of Window
        ``H * W`` records, ``(H, W) = output_shape(X.shape, K.shape, ...)``,
        each with ``.index`` ``(i, j)``, ``.origin`` ``(i * s_h, j * s_w)`` (the
        top-left tap in padded coordinates), ``.patch`` (a copy of the input
        values under the taps), ``.products`` (``patch * K``) and ``.value``.

    Raises
    ------
    ValueError
        As :func:`convcore.corr2d`; raised by the first ``next()`` (this is a
        generator).

    See Also
    --------
    window_at : one window, without walking the others.
    numpy.lib.stride_tricks.sliding_window_view : the patches as a view.

    Notes
    -----
    ``.value`` sums ``.products`` in the same row-major tap order as
    :func:`convcore.corr2d` accumulates, so it equals that output bit for bit.

    Examples
    --------
    >>> [w.value for w in windows([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]])]
    [19.0, 25.0, 37.0, 43.0]
    >>> [w.origin for w in windows(np.ones((3, 3)), np.ones((2, 2)), padding=1, stride=(3, 2))]
    [(0, 0), (0, 2), (3, 0), (3, 2)]
    >>> next(windows([[1, 2, 3]], [[1, 1]], padding=(0, 1), pad_mode="circular")).patch.tolist()
    [[3.0, 1.0]]
    """
    X, K = as_matrix(X, "input X"), as_matrix(K, "kernel K")
    P, Kd, _, (H, W), stride, dilation = prepare(X, K, padding, stride, dilation, pad_mode)
    for i in range(H):
        for j in range(W):
            yield _window(P, Kd, i, j, stride, dilation)


def window_at(X, K, i, j, *, padding=0, stride=1, dilation=1, pad_mode="zeros") -> Window:
    """The window of output cell ``(i, j)``: the record :func:`windows` gives
    for that cell, computed without walking the others.

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, as for :func:`convcore.corr2d`.
    i, j : int
        Output row and column, counted from 0.
    padding, stride, dilation, pad_mode
        As for :func:`convcore.corr2d`; ``.patch`` shows the padded values
        (zeros, or the input cells :func:`convcore.pad_source` names).

    Returns
    -------
    Window
        ``.value == corr2d(X, K, ...)[i, j]`` bit for bit.

    Raises
    ------
    ValueError
        The arguments of :func:`convcore.corr2d` are wrong, or ``(i, j)`` is
        outside the ``H x W`` output.

    Examples
    --------
    >>> w = window_at([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]], 1, 0)
    >>> w.origin, w.patch.tolist(), w.value
    ((1, 0), [[3.0, 4.0], [6.0, 7.0]], 37.0)
    >>> window_at([[0, 1], [2, 3]], [[1]], 2, 0)
    Traceback (most recent call last):
    ...
    ValueError: output cell (2, 0) is outside the 2x2 output; rows go from 0 to 1, columns from 0 to 1
    """
    X, K = as_matrix(X, "input X"), as_matrix(K, "kernel K")
    P, Kd, _, (H, W), stride, dilation = prepare(X, K, padding, stride, dilation, pad_mode)
    if not (isinstance(i, (int, np.integer)) and isinstance(j, (int, np.integer)) and 0 <= i < H and 0 <= j < W):
        raise ValueError(
            f"output cell ({i}, {j}) is outside the {H}x{W} output; "
            f"rows go from 0 to {H - 1}, columns from 0 to {W - 1}"
        )
    return _window(P, Kd, int(i), int(j), stride, dilation)
