"""The step-by-step page's logic: the chapter's examples as presets, the
page's controls turned into :func:`convcore.corr2d`'s arguments, the output
cell a click picks, what the page writes out (the cells a window reads, the
flipped kernel, the output as CSV) and the check against TensorFlow with its
verdict (TensorFlow is imported only when that check runs). The walk itself
is :func:`convcore.windows` / :func:`convcore.window_at`; its figures are
:mod:`convlab.figures.stepper`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import convcore
from convcore import seed

from . import codegen, tfcheck
from .fmt import num
from .urlstate import matrix_text

__all__ = ["Preset", "PRESETS", "geometry", "config_problem", "pad_problem", "clamp_cell", "picked_cell", "cells_text", "kernel_text",
           "csv_text", "code", "check_config", "TFCheck", "tf_check", "TOLERANCE", "verdict"]


@dataclass(frozen=True)
class Preset:
    """One of the chapter's examples: input, kernel, padding rows/columns, stride."""

    X: np.ndarray
    K: np.ndarray
    padding: int
    stride: tuple[int, int]

    def values(self) -> dict:
        """The page's other parameters for this example (cross-correlation,
        explicit padding, no dilation, the first output cell)."""
        (sh, sw), p = self.stride, self.padding
        return {"op": "corr", "pad": "explicit", "pad_mode": "zeros", "ph": p, "pw": p, "sh": sh, "sw": sw, "dh": 1, "dw": 1,
                "i": 0, "j": 0}


PRESETS = {
    "seed": Preset(seed.CORR_X, seed.CORR_K, 0, (1, 1)),
    "pad": Preset(seed.CORR_X, seed.CORR_K, 1, (1, 1)),
    "stride": Preset(seed.CORR_X, seed.CORR_K, seed.STRIDE_PADDING, seed.STRIDE),
    "edge": Preset(seed.edge_image(), seed.EDGE_K, 0, (1, 1)),
}


def geometry(pad: str, rows_cols, stride, dilation):
    """``(padding, stride, dilation)`` for convcore from the page's controls:
    ``pad`` is ``"explicit"`` (then ``rows_cols`` = (ph, pw) rows and columns
    on each side) or a padding name.

    >>> geometry("explicit", (1, 2), (3, 2), (1, 1))
    ((1, 2), (3, 2), (1, 1))
    >>> geometry("same", (1, 2), (1, 1), (1, 1))[0]
    'same'
    """
    padding = tuple(rows_cols) if pad == "explicit" else pad
    return padding, tuple(stride), tuple(dilation)


def config_problem(X_shape, K_shape, padding, stride, dilation) -> tuple[str, dict] | None:
    """Why a configuration has no output, as ``(text key, its values)`` for
    :func:`convlab.text.t`, or None when the (dilated) kernel fits the padded
    input. Built from :func:`convcore.axis_plans` (sizes per axis), never from
    convcore's English error text, so that the page says it in every language.

    >>> config_problem((3, 3), (2, 2), (0, 0), (1, 1), (1, 1)) is None
    True
    >>> config_problem((3, 3), (2, 2), (0, 0), (6, 1), (4, 1))
    ('stepper.no_fit_dilated', {'k_h': 2, 'k_w': 2, 'e_h': 5, 'e_w': 2, 'n_h': 3, 'n_w': 3})
    >>> config_problem((3, 3), (4, 2), (0, 0), (1, 1), (1, 1))[0]
    'stepper.no_fit'
    """
    try:
        rows, cols = convcore.axis_plans(X_shape, K_shape, padding, stride, dilation)
    except ValueError:  # nothing the page's controls can produce; said without convcore's words
        return "stepper.bad_config", {}
    if rows.fits and cols.fits:
        return None
    values = {"k_h": rows.k, "k_w": cols.k, "e_h": rows.k_eff, "e_w": cols.k_eff, "n_h": rows.padded,
              "n_w": cols.padded}
    dilated = (rows.k_eff, cols.k_eff) != (rows.k, cols.k)
    return ("stepper.no_fit_dilated" if dilated else "stepper.no_fit"), values


def pad_problem(X_shape, K_shape, padding, stride, dilation, pad_mode) -> tuple[str, dict] | None:
    """Why ``pad_mode`` cannot give this much padding, as ``(text key, its
    values)`` (the page's words, like :func:`config_problem`), or None. The
    limits are :func:`convcore.pad_source`'s: ``reflect`` mirrors at most
    ``n - 1`` rows (columns) per side, ``symmetric`` and ``circular`` at most ``n``.
    Call it for a configuration :func:`config_problem` accepts.

    >>> pad_problem((3, 3), (2, 2), (1, 1), (1, 1), (1, 1), "reflect") is None
    True
    >>> pad_problem((2, 5), (3, 3), (2, 1), (1, 1), (1, 1), "reflect")
    ('stepper.pad_mode_rows', {'mode': 'reflect', 'limit': 1, 'need': 2, 'n': 2, 'alt': 'symmetric, circular, zeros'})
    >>> pad_problem((2, 2), (1, 1), (0, 3), (1, 1), (1, 1), "circular")[0]
    'stepper.pad_mode_cols'
    """
    mode = pad_mode.lower()
    if mode == "zeros":
        return None
    pads = convcore.pad_amounts(X_shape, K_shape, padding, stride, dilation)
    for axis, n, (before, after) in zip(("rows", "cols"), X_shape, pads):
        limit, need = n - 1 if mode == "reflect" else n, max(before, after)
        if need > limit:
            alt = "symmetric, circular, zeros" if mode == "reflect" else "zeros"
            return f"stepper.pad_mode_{axis}", {"mode": mode, "limit": limit, "need": need, "n": n, "alt": alt}
    return None


def clamp_cell(i: int, j: int, shape) -> tuple[int, int]:
    """Output cell ``(i, j)`` moved into an ``H x W`` output (a cell picked for an
    earlier, larger output).

    >>> clamp_cell(3, 1, (2, 2))
    (1, 1)
    """
    H, W = shape
    return min(i, H - 1), min(j, W - 1)


def picked_cell(points) -> tuple[int, int] | None:
    """The output cell ``(i, j)`` of a click on the output picker (plotly's
    selected points, x the column and y the row), None without a point.

    >>> picked_cell([{"x": 1, "y": 0}]), picked_cell([])
    ((0, 1), None)
    """
    if not points:
        return None
    return int(points[0]["y"]), int(points[0]["x"])


def cells_text(window, dilation=1) -> str:
    """The padded-input cells a window reads, row-major, e.g. ``(1, 1), (1, 2)``.

    >>> import convcore
    >>> cells_text(convcore.window_at(np.zeros((3, 3)), np.ones((2, 2)), 1, 1))
    '(1, 1), (1, 2), (2, 1), (2, 2)'
    """
    return ", ".join(f"({r}, {c})" for r, c in window.cells(dilation))


def kernel_text(K) -> str:
    """A kernel written out in a sentence, rows split by ``; ``.

    >>> kernel_text([[3, 2], [1, 0]]), kernel_text([[0.5, -1 / 3]])
    ('3,2; 1,0', '0.5,-0.3333')
    """
    return "; ".join(",".join(num(v) for v in row) for row in np.asarray(K, dtype=float))


def csv_text(Y) -> str:
    """The output as CSV: one line per row, values ``,``-separated (6
    significant digits, no trailing newline).

    >>> csv_text([[19.0, 25.0], [37.0, 43.0]])
    '19,25\\n37,43'
    """
    return "\n".join(",".join(f"{v:g}" for v in row) for row in np.asarray(Y, dtype=float))


def code(X_shape, K_shape, padding=0, stride=1, dilation=1, flip=False, pad_mode="zeros") -> tuple[str, str]:
    """(TensorFlow code, convcore code) computing the page's output."""
    return (codegen.tf_code(X_shape, K_shape, padding, stride, dilation, flip=flip, pad_mode=pad_mode),
            codegen.convcore_code(padding, stride, dilation, flip=flip, pad_mode=pad_mode))


# --- the check against TensorFlow ----------------------------------------------

def check_config(X, K, padding, stride, dilation, pad_mode="zeros") -> tuple:
    """What a check is about: a check is shown only while the page still shows
    the same input, (flipped) kernel, padding (and its mode), stride and dilation."""
    return matrix_text(X), matrix_text(K), padding, stride, dilation, pad_mode


@dataclass(frozen=True)
class TFCheck:
    """The outcome of :func:`tf_check`: the largest difference from convcore, or
    why TensorFlow could not run (``problem`` ``"tf_missing"``: not installed;
    ``"stride_dilation"``: stride > 1 together with dilation > 1, which
    ``tf.nn.conv2d`` refuses; ``"unsupported"``: another configuration it
    refuses; ``reason`` says more)."""

    config: tuple
    diff: float | None = None
    problem: str | None = None
    reason: str = ""


def tf_check(X, K, padding, stride, dilation, Y, pad_mode="zeros") -> TFCheck:
    """Compute the cross-correlation with ``tf.nn.conv2d`` (TensorFlow imported
    here; ``tf.pad`` first for a ``pad_mode`` other than zeros) and compare it
    with convcore's output ``Y``."""
    config = check_config(X, K, padding, stride, dilation, pad_mode)
    if np.max(stride) > 1 and np.max(dilation) > 1:
        return TFCheck(config, problem="stride_dilation")  # a known refusal: no need to load TensorFlow
    try:
        ref = tfcheck.tf_corr2d(X, K, padding, stride, dilation, pad_mode)
    except ImportError as e:
        return TFCheck(config, problem="tf_missing", reason=str(e))
    except ValueError as e:
        return TFCheck(config, problem="unsupported", reason=str(e))
    return TFCheck(config, diff=float(np.abs(ref - np.asarray(Y)).max()))


TOLERANCE = 1e-4  # float32 (TensorFlow) against float64 (convcore), relative to the largest |Y| (at least 1)


def verdict(check: TFCheck | None, config: tuple, Y) -> tuple[str, str, dict] | None:
    """What the page says about the last check: ``(level, text key, its
    values)`` with level ``"success"``, ``"error"`` or ``"warning"`` (the
    Streamlit call); None when there is no check for this ``config``.

    >>> Y = np.array([[19.0, 25.0]])
    >>> verdict(TFCheck("c", diff=0.0), "c", Y)
    ('success', 'stepper.verified', {'H': 1, 'W': 2, 'diff': 0.0})
    >>> verdict(TFCheck("c", diff=0.01), "c", Y)[:2], verdict(TFCheck("c", diff=0.0), "other", Y)
    (('error', 'stepper.verify_differs'), None)
    """
    if check is None or check.config != config:
        return None
    if check.problem == "tf_missing":
        return "warning", "common.tf_missing", {"error": check.reason}
    if check.problem == "stride_dilation":
        return "warning", "stepper.verify_stride_dilation", {}
    if check.problem == "unsupported":
        return "warning", "stepper.verify_unsupported", {"reason": check.reason}
    Y = np.asarray(Y)
    if check.diff <= TOLERANCE * max(1.0, float(np.abs(Y).max())):
        H, W = Y.shape
        return "success", "stepper.verified", {"H": H, "W": W, "diff": check.diff}
    return "error", "stepper.verify_differs", {"diff": check.diff}
