"""Figures of the edge detection page: input, kernel, output (and gradient magnitude).

Small grids show every value in its cell. Large ones are drawn without cell
text and, to keep the page's plotly payload under 1 MB, pooled into blocks
for display only (the image by block mean, outputs by the value of largest
magnitude in each block, so one-pixel edges stay visible); the hover keeps
the original row/column numbers. Values are sent as float32.
"""
from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from .common import heatmap

__all__ = ["DISPLAY_CELLS", "display_factor", "figure_height", "pool", "image_figure", "kernel_figure", "output_figure"]

DISPLAY_CELLS = 100_000  # heatmap cells of all large figures of one view together (~7 bytes each in JSON)
GRAY = "gray"  # 0 black, 1 white, as in the seed's picture
MODEBAR_PX = 36  # plotly's mode bar (about 30 px, top right) shows on hover: the title goes below it
TOP_PX = MODEBAR_PX + 24 + 26  # the mode bar's strip, the title, the column numbers


def display_factor(*shapes, budget: int = DISPLAY_CELLS) -> int:
    """The smallest block size ``f`` such that all grids, pooled by ``f``, hold at most ``budget`` cells.

    >>> display_factor((6, 8))
    1
    >>> display_factor((512, 512), (510, 510))
    3
    """
    f = 1
    while sum(math.ceil(h / f) * math.ceil(w / f) for h, w in shapes) > budget:
        f += 1
    return f


def figure_height(shape, width: int = 330) -> int:
    """A height (px) that fits a picture of ``shape`` drawn about ``width`` px
    wide (a third of a wide page), plus its title and axis labels.

    >>> figure_height((6, 8)), figure_height((512, 512)), figure_height((1, 500))
    (363, 446, 266)
    """
    rows, cols = shape
    return int(min(520, max(240, 90 + width * rows / cols))) + TOP_PX - 60


def pool(Z, f: int, how: str = "mean") -> np.ndarray:
    """``Z`` pooled in ``f`` x ``f`` blocks (the last blocks may be smaller):
    ``"mean"``, or ``"extreme"`` (the value of largest magnitude, sign kept).

    >>> pool([[1, -3, 0], [2, 0, 0]], 2, "extreme").tolist()
    [[-3.0, 0.0]]
    >>> pool([[1, 3], [2, 2]], 2).tolist()
    [[2.0]]
    """
    Z = np.asarray(Z, dtype=np.float64)
    if f <= 1:
        return Z
    h, w = Z.shape
    H, W = math.ceil(h / f), math.ceil(w / f)
    P = np.full((H * f, W * f), np.nan)
    P[:h, :w] = Z
    blocks = P.reshape(H, f, W, f).transpose(0, 2, 1, 3).reshape(H, W, f * f)
    if how == "mean":
        return np.nanmean(blocks, axis=2)
    if how == "extreme":
        idx = np.nanargmax(np.abs(blocks), axis=2)
        return np.take_along_axis(blocks, idx[..., None], axis=2)[..., 0]
    raise ValueError(f"how must be 'mean' or 'extreme', not {how!r}")


def _below_modebar(fig: go.Figure) -> go.Figure:
    """The title moved below the mode bar's strip: at the top of a narrow column
    the mode bar's buttons would cover it."""
    fig.update_layout(title=dict(y=1, yref="container", yanchor="top", pad=dict(t=MODEBAR_PX)), margin_t=TOP_PX)
    return fig


def _finish(fig: go.Figure, Z: np.ndarray, f: int) -> go.Figure:
    _below_modebar(fig)
    trace = fig.data[0]
    if f > 1:  # pooled: keep the original coordinates in the axes and the hover
        trace.update(x0=(f - 1) / 2, dx=f, y0=(f - 1) / 2, dy=f, xgap=0, ygap=0)
    elif max(Z.shape) > 40:
        trace.update(xgap=0, ygap=0)  # gaps would hide the picture
    return fig


def image_figure(X, title: str, f: int = 1, height: int | None = None, lang: str = "en") -> go.Figure:
    """The input picture in gray, 0 black and 1 white (wider ranges stretch)."""
    X = np.asarray(X, dtype=np.float64)
    lo, hi = min(0.0, float(X.min())), max(1.0, float(X.max()))
    Z = pool(X, f, "mean").astype(np.float32)  # half the bytes of float64 in plotly's base64 arrays
    fig = heatmap(Z, title, colorscale=GRAY, zmin=lo, zmax=hi, height=height, lang=lang)
    return _finish(fig, Z, f)


def kernel_figure(K, title: str, height: int | None = None, lang: str = "en") -> go.Figure:
    """The kernel on the diverging scale, every weight written in its cell."""
    return _below_modebar(heatmap(K, title, diverging=True, text=True, height=height, lang=lang))


def output_figure(Y, title: str, f: int = 1, *, signed: bool = True, height: int | None = None,
                  lang: str = "en") -> go.Figure:
    """An output: ``signed`` on the diverging scale centred at 0 (red positive,
    blue negative), otherwise (absolute value, magnitude) black 0 to white max."""
    Y = np.asarray(Y, dtype=np.float64)
    Z = pool(Y, f, "extreme").astype(np.float32)
    if signed:
        fig = heatmap(Z, title, diverging=True, showscale=True, height=height, lang=lang)
    else:
        fig = heatmap(Z, title, colorscale=GRAY, zmin=0.0, zmax=float(Z.max()) or 1.0, showscale=True, height=height,
                      lang=lang)
    fig.update_traces(colorbar=dict(thickness=12, len=0.9))
    return _finish(fig, Z, f)
