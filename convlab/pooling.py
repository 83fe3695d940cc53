"""The pooling page's logic: its parameters and the chapter's examples, the
walk of the pooling window written out cell by cell (which cells a window
reads, which one wins a maximum, what an average divides by), the
one-pixel-shift experiment on the chapter's edge image with its counts and
verdict, and the code that computes the page's output.

The pooling itself is :func:`convcore.pool2d` / :func:`convcore.pool_argmax`;
the geometry (padding, window origins) is convcore's; figures are
:mod:`convlab.figures.pooling`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import convcore
from convcore import seed

from .fmt import num
from .urlstate import Choice, Int, Matrix, matrix_text

__all__ = ["PARAMS", "MAX_WINDOW", "MAX_SHIFT", "Preset", "PRESETS", "geometry", "config_problem", "real_cells",
           "Step", "walk", "max_text", "avg_text", "step_text", "step_note", "shifted_image", "detections",
           "ShiftDemo", "shift_demo", "shift_verdict", "code"]

MAX_WINDOW = 5  # window rows/columns and stride: every choice pools the chapter's 6x7 edge map
MAX_SHIFT = 2  # pixels the edge image moves right
D2L_X = seed.CORR_X  # D2L's pooling example: the same 3x3 input as its cross-correlation

PARAMS = {
    "X": Matrix(matrix_text(D2L_X)),
    "mode": Choice("max", convcore.POOL_MODES),
    "pad": Choice("valid", ("valid", "same")),
    "ph": Int(2, 1, MAX_WINDOW), "pw": Int(2, 1, MAX_WINDOW),
    "sh": Int(1, 1, MAX_WINDOW), "sw": Int(1, 1, MAX_WINDOW),
    "i": Int(0, 0, 11), "j": Int(0, 0, 11),
    "shift": Int(1, 0, MAX_SHIFT),
}


@dataclass(frozen=True)
class Preset:
    """One of the chapter's pooling examples: input, window, stride, padding."""

    X: np.ndarray
    size: tuple[int, int]
    stride: tuple[int, int]
    padding: str = "valid"

    def values(self) -> dict:
        """The page's other parameters for this example (the pooling mode is kept)."""
        return {"ph": self.size[0], "pw": self.size[1], "sh": self.stride[0], "sw": self.stride[1],
                "pad": self.padding, "i": 0, "j": 0}


_X16 = np.arange(16.0).reshape(4, 4)  # D2L's 4x4 input
PRESETS = {
    "d2l": Preset(D2L_X, (2, 2), (1, 1)),  # max [[4, 5], [7, 8]], avg [[2, 3], [5, 6]]
    "keras": Preset(_X16, (3, 3), (3, 3)),  # the framework's default stride, the window's size: [[10]]
    "same": Preset(_X16, (3, 3), (2, 2), "same"),  # 'same': the corner windows hold padding
}


def geometry(ph: int, pw: int, sh: int, sw: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """``(size, stride)`` for convcore from the page's four controls.

    >>> geometry(2, 3, 1, 2)
    ((2, 3), (1, 2))
    """
    return (ph, pw), (sh, sw)


def config_problem(X_shape, size) -> tuple[str, dict] | None:
    """Why 'valid' pooling has no output, as ``(text key, values)``, or None
    when the window fits in the input (with 'same' it always does).

    >>> config_problem((3, 3), (2, 2)) is None
    True
    >>> config_problem((3, 3), (4, 2))
    ('pooling.no_fit', {'p_h': 4, 'p_w': 2, 'n_h': 3, 'n_w': 3})
    """
    rows, cols = convcore.axis_plans(X_shape, size, "valid")
    if rows.fits and cols.fits:
        return None
    return "pooling.no_fit", {"p_h": size[0], "p_w": size[1], "n_h": X_shape[0], "n_w": X_shape[1]}


def real_cells(X_shape, size, stride, padding="valid") -> np.ndarray:
    """How many input cells (not padding) each pooling window holds: what a
    'same' average divides by, ``H x W`` like the output. A window of ones
    cross-correlated with an input of ones counts them (:func:`convcore.corr2d`
    pads 'same' exactly as pooling does).

    >>> real_cells((3, 3), (2, 2), (2, 2), "same").tolist()
    [[4.0, 2.0], [2.0, 1.0]]
    """
    return convcore.corr2d(np.ones(X_shape), np.ones(size), padding=padding, stride=stride)


# --- the walk, one output cell at a time -----------------------------------------

@dataclass(frozen=True)
class Step:
    """One output cell of the walk.

    ``index`` is the output cell ``(i, j)``; ``origin`` the window's top-left
    cell in padded coordinates; ``size`` the window's ``(rows, columns)``;
    ``cells`` the input cells (unpadded coordinates, row-major) inside the
    window and ``values`` theirs; ``winner`` the cell a maximum came from
    (None for an average); ``value`` the output; ``divisor`` what an average
    divides by (the real cells).
    """

    index: tuple[int, int]
    origin: tuple[int, int]
    size: tuple[int, int]
    cells: tuple[tuple[int, int], ...]
    values: tuple[float, ...]
    winner: tuple[int, int] | None
    value: float
    divisor: int

    @property
    def window(self) -> int:
        """Cells of the window, padding included."""
        return self.size[0] * self.size[1]

    @property
    def padding_cells(self) -> int:
        """Cells of the window that are padding."""
        return self.window - len(self.cells)


def walk(X, size, stride, padding="valid", mode="max") -> list[Step]:
    """Every output cell of ``convcore.pool2d(X, size, ...)``, row-major, with
    the input cells its window reads and (max) the cell that won.

    >>> s = walk([[0, 1, 2], [3, 4, 5], [6, 7, 8]], (2, 2), (1, 1))[0]
    >>> s.cells, s.values, s.winner, s.value
    (((0, 0), (0, 1), (1, 0), (1, 1)), (0.0, 1.0, 3.0, 4.0), (1, 1), 4.0)
    """
    X = np.asarray(X, float)
    Y = convcore.pool2d(X, size, stride=stride, padding=padding, mode=mode)
    winners = convcore.pool_argmax(X, size, stride=stride, padding=padding) if mode == "max" else None
    counts = real_cells(X.shape, size, stride, padding)
    (top, _), (left, _) = convcore.pad_amounts(X.shape, size, padding, stride)
    H, W = Y.shape
    origins = convcore.window_origins(X.shape, size, padding, stride)
    steps = []
    for n, (r0, c0) in enumerate(origins):
        i, j = divmod(n, W)
        rows = range(max(r0 - top, 0), min(r0 - top + size[0], X.shape[0]))
        cols = range(max(c0 - left, 0), min(c0 - left + size[1], X.shape[1]))
        cells = tuple((r, c) for r in rows for c in cols)
        winner = tuple(int(v) for v in winners[i, j]) if winners is not None else None
        steps.append(Step((i, j), (r0, c0), tuple(size), cells, tuple(float(X[r, c]) for r, c in cells), winner,
                          float(Y[i, j]), int(counts[i, j])))
    return steps


def _term(v: float) -> str:
    return f"({num(v)})" if v < 0 else num(v)


def max_text(values, value) -> str:
    """A maximum written out.

    >>> max_text([0, 1, 3, 4], 4)
    'max(0, 1, 3, 4) = 4'
    """
    return f"max({', '.join(num(v) for v in values)}) = {num(value)}"


def avg_text(values, divisor, value) -> str:
    """An average written out: the sum of the real cells over their count.

    >>> avg_text([0, 1, 3, 4], 4, 2)
    '(0 + 1 + 3 + 4) / 4 = 2'
    >>> avg_text([-1, 2], 2, 0.5)
    '((-1) + 2) / 2 = 0.5'
    """
    return f"({' + '.join(_term(v) for v in values)}) / {divisor} = {num(value)}"


def step_text(step: Step, mode: str) -> str:
    """``Y[i, j] = …`` for one step of the walk.

    >>> step_text(walk([[0, 1, 2], [3, 4, 5], [6, 7, 8]], (2, 2), (1, 1), mode="avg")[3], "avg")
    'Y[1, 1] = (4 + 5 + 7 + 8) / 4 = 6'
    """
    i, j = step.index
    arith = max_text(step.values, step.value) if mode == "max" else avg_text(step.values, step.divisor, step.value)
    return f"Y[{i}, {j}] = {arith}"


def step_note(step: Step, mode: str) -> tuple[str, dict] | None:
    """What a window holding padding needs said, as ``(text key, values)``: an
    average divides by the real cells only, padding never wins a maximum.
    None when the window holds no padding.

    >>> step_note(walk([[0, 1, 2], [3, 4, 5], [6, 7, 8]], (2, 2), (2, 2), "same", "avg")[3], "avg")
    ('pooling.note_avg', {'real': 1, 'pad': 3, 'window': 4})
    """
    if not step.padding_cells:
        return None
    values = {"real": len(step.cells), "pad": step.padding_cells, "window": step.window}
    return ("pooling.note_avg" if mode == "avg" else "pooling.note_max"), values


# --- a one-pixel shift: convolution alone against convolution + pooling -------------

def shifted_image(d: int) -> np.ndarray:
    """The chapter's 6x8 edge image moved ``d`` pixels right; what leaves on
    the right comes back on the left (its borders are white on both sides, so
    no edge appears at the border).

    >>> shifted_image(1)[0].tolist()
    [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    """
    return np.roll(seed.edge_image(), d, axis=1)


def detections(M) -> np.ndarray:
    """Where a map finds the white-to-black edge: the cells holding its
    largest value, when that value is positive (a boolean mask).

    >>> detections([[0, 1, 0], [0, 1, -1]]).tolist()
    [[False, True, False], [False, True, False]]
    >>> bool(detections([[0, -1]]).any())
    False
    """
    M = np.asarray(M, float)
    top = M.max()
    return (M == top) & (top > 0)


@dataclass(frozen=True)
class ShiftDemo:
    """The edge image and its shifted copy, their edge maps (``[1, -1]``) and
    those maps pooled; with how much each changed."""

    shift: int
    images: tuple[np.ndarray, np.ndarray]
    conv: tuple[np.ndarray, np.ndarray]
    pooled: tuple[np.ndarray, np.ndarray]

    @staticmethod
    def _changed(pair) -> int:
        return int(np.count_nonzero(pair[0] != pair[1]))

    @staticmethod
    def _kept(pair) -> tuple[int, int]:
        before, after = detections(pair[0]), detections(pair[1])
        return int(np.count_nonzero(before & after)), int(np.count_nonzero(before))

    def counts(self) -> dict:
        """The numbers the page says: cells changed out of all, and detections
        of the original kept after the shift, for the edge map and the pooled map."""
        (ck, cf), (pk, pf) = self._kept(self.conv), self._kept(self.pooled)
        return {"d": self.shift, "cc": self._changed(self.conv), "ct": self.conv[0].size,
                "pc": self._changed(self.pooled), "pt": self.pooled[0].size, "ck": ck, "cf": cf, "pk": pk, "pf": pf}


def shift_demo(d: int, size, stride, padding="valid", mode="max") -> ShiftDemo:
    """The edge image shifted by ``d``: edge maps by :func:`convcore.corr2d`
    with the chapter's kernel ``[1, -1]``, pooled by :func:`convcore.pool2d`.

    >>> c = shift_demo(1, (2, 2), (1, 1)).counts()
    >>> (c["cc"], c["ct"], c["ck"], c["cf"]), (c["pc"], c["pt"], c["pk"], c["pf"])
    ((24, 42, 0, 6), (10, 30, 5, 10))
    """
    images = (seed.edge_image(), shifted_image(d))
    conv = tuple(convcore.corr2d(X, seed.EDGE_K) for X in images)
    pooled = tuple(convcore.pool2d(Y, size, stride=stride, padding=padding, mode=mode) for Y in conv)
    return ShiftDemo(d, images, conv, pooled)


def shift_verdict(demo: ShiftDemo) -> tuple[str, str, dict]:
    """What the page concludes: ``(level, text key, values)`` with level the
    Streamlit call (``"info"``, ``"success"``, ``"warning"``).

    >>> shift_verdict(shift_demo(1, (2, 2), (1, 1)))[:2]
    ('success', 'pooling.shift_kept')
    >>> shift_verdict(shift_demo(2, (2, 2), (1, 1)))[:2]
    ('warning', 'pooling.shift_lost')
    >>> shift_verdict(shift_demo(1, (2, 2), (2, 2)))[:2]
    ('warning', 'pooling.shift_lost')
    """
    c = demo.counts()
    if demo.shift == 0:
        return "info", "pooling.shift_zero", c
    if c["pf"] and c["pk"] == 0:
        return "warning", "pooling.shift_lost", c
    if c["pk"] > c["ck"] or c["pc"] * c["ct"] < c["cc"] * c["pt"]:  # pooling kept more, or changed less
        return "success", "pooling.shift_kept", c
    return "warning", "pooling.shift_no_help", c


# --- the code ------------------------------------------------------------------

def _matrix(X) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in np.asarray(X, float)) + "]"


def _pair(v) -> str:
    return str(v[0]) if v[0] == v[1] else f"({v[0]}, {v[1]})"


def code(X, size, stride, padding="valid", mode="max") -> tuple[str, str]:
    """(TensorFlow code, convcore code) computing the page's output ``Y``:
    Keras' pooling layer and ``tf.nn.max_pool2d`` / ``avg_pool2d``, and
    :func:`convcore.pool2d` (with :func:`convcore.pool_argmax` for max)."""
    layer = {"max": "MaxPooling2D", "avg": "AveragePooling2D"}[mode]
    default_stride = tuple(stride) == tuple(size)
    keras_args = [f"pool_size={_pair(size)}"] + ([] if default_stride else [f"strides={_pair(stride)}"])
    keras_args.append(f'padding="{padding}"')
    tf_text = "\n".join([
        "import tensorflow as tf",
        "",
        f"X = tf.constant({_matrix(X)})",
        "X4 = tf.reshape(X, (1, *X.shape, 1))  # (batch, height, width, channels)",
        "",
        *(["# strides=None (the default) means strides = pool_size"] if default_stride else []),
        f"pool = tf.keras.layers.{layer}({', '.join(keras_args)})",
        "Y = pool(X4)[0, :, :, 0]",
        "",
        "# the same with tf.nn",
        f"Y = tf.nn.{mode}_pool2d(X4, ksize={list(size)}, strides={list(stride)}, "
        f'padding="{padding.upper()}")[0, :, :, 0]',
    ])
    args = [f"{_pair(size)}"] + ([] if default_stride else [f"stride={_pair(stride)}"])
    args += ([f'padding="{padding}"'] if padding != "valid" else []) + ([f'mode="{mode}"'] if mode != "max" else [])
    cc_lines = ["import numpy as np", "import convcore", "", f"X = np.array({_matrix(X)})", "",
                *(["# stride=None (the default) means stride = size"] if default_stride else []),
                f"Y = convcore.pool2d(X, {', '.join(args)})"]
    if mode == "max":
        where = ", ".join(args[:1] + [a for a in args[1:] if not a.startswith("mode")])
        cc_lines.append(f"winners = convcore.pool_argmax(X, {where})  # (row, col) of each maximum")
    return tf_text, "\n".join(cc_lines)
