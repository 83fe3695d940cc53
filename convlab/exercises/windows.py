"""Exercises of the step-by-step page: one output cell's value, the cells it reads.

Answers are :func:`convcore.corr2d` / :func:`convcore.convolve2d` and
:func:`convcore.window_at`; the worked solution writes the sum out as the
page does; the link opens the page on the same input, kernel, settings and
output cell.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import convcore

from .. import stepper
from ..fmt import window_sum
from .core import CellsAnswer, Exercise, Grid, NumberAnswer, Text, register, target

__all__ = ["STEPPER_PAGE", "Walk", "draw_walk", "cell_value_exercise", "cells_read_exercise"]

STEPPER_PAGE = "app_pages/stepper.py"
_KERNELS = ((2, 2), (2, 2), (3, 3), (2, 3), (3, 2), (1, 2), (2, 1))


@dataclass(frozen=True)
class Walk:
    """A small input and kernel, their padding (rows, columns per side), stride,
    dilation, and one output cell ``(i, j)``."""

    X: np.ndarray
    K: np.ndarray
    padding: tuple
    stride: tuple
    dilation: tuple
    cell: tuple

    @property
    def kw(self) -> dict:
        return dict(padding=self.padding, stride=self.stride, dilation=self.dilation)

    @property
    def padded(self) -> np.ndarray:
        (ph, pw) = self.padding
        return np.pad(self.X, ((ph, ph), (pw, pw)))

    def window(self, K=None):
        return convcore.window_at(self.X, self.K if K is None else K, *self.cell, **self.kw)

    def settings(self) -> dict:
        """Padding, stride and dilation as the prompt writes them."""
        return {name: f"({a}, {b})" for name, (a, b) in zip(("pad", "s", "d"), (self.padding, self.stride,
                                                                                  self.dilation))}

    def link_values(self, op: str = "corr") -> dict:
        """The step-by-step page's parameters showing this walk at its cell."""
        (ph, pw), (sh, sw), (dh, dw), (i, j) = self.padding, self.stride, self.dilation, self.cell
        return dict(X=self.X, K=self.K, op=op, pad="explicit", ph=ph, pw=pw, sh=sh, sw=sw, dh=dh, dw=dw, i=i, j=j)


def draw_walk(rng, *, dilation: bool = False, max_side: int = 7) -> Walk:
    """A random walk of the step-by-step page: a 3–5 × 3–5 input of small whole
    numbers, a kernel of up to 3 × 3, padding 0–1, stride 1–2 (and, with
    ``dilation``, a dilation of 2 on an axis, never with a stride above 1),
    the padded input at most ``max_side`` a side, an output of 2 cells or more."""
    while True:
        xh, xw = (int(v) for v in rng.integers(3, 6, size=2))
        kh, kw = _KERNELS[int(rng.integers(len(_KERNELS)))]
        ph, pw = (0, 0) if rng.random() < 0.6 else (int(v) for v in rng.integers(0, 2, size=2))
        sh, sw = (int(v) for v in np.where(rng.random(2) < 0.3, 2, 1))
        dh, dw = 1, 1
        if dilation and (sh, sw) == (1, 1) and rng.random() < 0.4:
            dh, dw = (int(v) for v in rng.integers(1, 3, size=2))
        if xh + 2 * ph > max_side or xw + 2 * pw > max_side:
            continue
        try:
            H, W = convcore.output_shape((xh, xw), (kh, kw), (ph, pw), (sh, sw), (dh, dw))
        except ValueError:  # the kernel does not fit
            continue
        if H * W < 2:
            continue
        low = -3 if rng.random() < 0.3 else 0
        X = rng.integers(low, 10, size=(xh, xw)).astype(float)
        K = rng.integers(-2, 4, size=(kh, kw)).astype(float)
        if not K.any():
            continue
        cell = (int(rng.integers(H)), int(rng.integers(W)))
        return Walk(X, K, (ph, pw), (sh, sw), (dh, dw), cell)


@register("cell_value", page="stepper")
def cell_value_exercise(rng):
    """One output cell of a cross-correlation or (40 %) a true convolution."""
    walk = draw_walk(rng)
    op = "conv" if rng.random() < 0.4 else "corr"
    compute = convcore.convolve2d if op == "conv" else convcore.corr2d
    i, j = walk.cell
    value = float(compute(walk.X, walk.K, **walk.kw)[i, j])
    K = convcore.flip_kernel(walk.K) if op == "conv" else walk.K  # what the window meets
    window = walk.window(K)
    solution = [Text("stepper.flipped", {"K": stepper.kernel_text(K)}), Grid.of(Text("practice.grid_flipped"), K)] \
        if op == "conv" else []
    if walk.padding != (0, 0):
        solution.append(Grid.of(Text("practice.grid_padded"), walk.padded))
    solution += [
        Text("practice.sol_window", dict(i=i, j=j, sh=walk.stride[0], sw=walk.stride[1], r=window.origin[0],
                                         c=window.origin[1])),
        Text("stepper.cell_sum", {"i": i, "j": j, "sum": window_sum(window, K)}),
    ]
    return Exercise(
        prompt=(Grid.of(Text("stepper.X"), walk.X), Grid.of(Text("stepper.K"), walk.K),
                Text("practice.q_value_setup", {"op": Text(f"practice.op_{op}"), **walk.settings()})),
        question=Text("practice.q_value", {"i": i, "j": j}),
        answer=NumberAnswer(value),
        hint=Text(f"practice.hint_value_{op}"),
        solution=tuple(solution),
        target=target(STEPPER_PAGE, **walk.link_values(op)),
    )


@register("cells_read", page="stepper")
def cells_read_exercise(rng):
    """Which cells of the padded input one output cell reads (dilation sometimes)."""
    walk = draw_walk(rng, dilation=True)
    i, j = walk.cell
    window = walk.window()
    cells = frozenset(window.cells(walk.dilation))
    read = np.zeros(walk.padded.shape)
    for r, c in cells:
        read[r, c] = 1
    padded = walk.padding != (0, 0)
    return Exercise(
        prompt=(Grid.of(Text("practice.grid_padded" if padded else "stepper.X"), walk.padded),
                Grid.of(Text("stepper.K"), walk.K),
                Text("practice.q_cells_setup", {"k": f"{walk.K.shape[0]} × {walk.K.shape[1]}", **walk.settings()})),
        question=Text("practice.q_cells", {"i": i, "j": j}),
        answer=CellsAnswer(cells, walk.padded.shape),
        hint=Text("practice.hint_cells"),
        solution=(
            Text("practice.sol_cells_origin", dict(i=i, j=j, sh=walk.stride[0], sw=walk.stride[1],
                                                   r=window.origin[0], c=window.origin[1], dh=walk.dilation[0],
                                                   dw=walk.dilation[1])),
            Text("practice.sol_cells", {"i": i, "j": j, "cells": stepper.cells_text(window, walk.dilation)}),
            Grid.of(Text("practice.grid_read"), read),
        ),
        target=target(STEPPER_PAGE, **walk.link_values()),
    )
