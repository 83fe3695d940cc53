"""Figures of the padding-and-stride page: the padded input with every window
position the stride visits, the output grid, and a layer stack's shapes."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convcore import AxisPlan, axis_origins, read_mask

from ..padding import LIMITS, StackResult
from ..text import t

MAX_DRAW = LIMITS["draw"]  # padded grids larger than this per side are not drawn
MAX_OUTLINES = 36  # beyond this many windows, only their top-left markers
MAX_CELL_TEXT = 20  # output cells are labelled (i, j) up to this per side

# category -> colour of the padded grid
PADDING, INPUT, UNREAD = 0, 1, 2
COLOURS = {PADDING: "#e6e6e6", INPUT: "#9ecae1", UNREAD: "#fdd49e"}
FIRST = "#d62728"
OUTLINE = "#555555"
MARKER = "#08306b"

DEFAULT_LABELS = {
    "input": "input",
    "padding": "padding (zeros)",
    "unread": "input no window reads",
    "origin": "window top-left",
    "first": "first window",
    "windows": "other windows",
    "taps": "kernel taps (dilation)",
    "output": "output",
    "cell": "row %{y}, col %{x}",
    "window_hover": "window for output (%{customdata[0]}, %{customdata[1]})<br>top-left: row %{y}, col %{x}",
    "out_hover": "output (%{y}, %{x})",
    "layer": "layer",
    "size_h": "output height",
    "size_w": "output width",
    "rf_h": "receptive field (rows)",
    "rf_w": "receptive field (columns)",
}


def labels(lang: str) -> dict:
    """The figures' legend and hover texts in ``lang`` (keys of ``DEFAULT_LABELS``).

    >>> labels("zh")["padding"]
    '填充（零）'
    """
    return {key: t(f"padding.fig_{key}", lang) for key in DEFAULT_LABELS}


def drawable(h: AxisPlan, w: AxisPlan, limit: int = MAX_DRAW) -> bool:
    """Whether the padded grid is small enough to draw."""
    return h.padded <= limit and w.padded <= limit


def grid_categories(h: AxisPlan, w: AxisPlan) -> np.ndarray:
    """``(padded_h, padded_w)`` ints: PADDING, INPUT, or UNREAD (input cells no
    kernel tap of any window reads)."""
    Z = np.full((h.padded, w.padded), PADDING, dtype=np.int8)
    Z[h.before : h.before + h.n, w.before : w.before + w.n] = INPUT
    unread = ~read_mask(h, w)
    Z[(Z == INPUT) & unread] = UNREAD
    return Z


def _rect_path(boxes) -> tuple[list, list]:
    """One line trace through many rectangles ``(r0, c0, r1, c1)`` (cell edges),
    separated by None."""
    xs, ys = [], []
    for r0, c0, r1, c1 in boxes:
        xs += [c0, c1, c1, c0, c0, None]
        ys += [r0, r0, r1, r1, r0, None]
    return xs, ys


def _legend_square(name: str, colour: str) -> dict:
    return dict(type="scatter", x=[None], y=[None], mode="markers", name=name, showlegend=True,
                marker=dict(symbol="square", size=14, color=colour, line=dict(color="#999", width=1)))


def _lines(xs, ys, name: str | None, **line) -> dict:
    trace = dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip", line=line)
    if name is None:
        trace["showlegend"] = False
    else:
        trace["name"] = name
    return trace


def _square_axes(rows: int, cols: int) -> dict:
    return dict(
        yaxis=dict(autorange="reversed", scaleanchor="x", constrain="domain", showgrid=False, zeroline=False,
                   tickmode="linear" if rows <= 20 else "auto", range=[rows - 0.5, -0.5]),
        xaxis=dict(constrain="domain", showgrid=False, zeroline=False, side="top",
                   tickmode="linear" if cols <= 20 else "auto", range=[-0.5, cols - 0.5]),
        plot_bgcolor="rgba(0,0,0,0)",
    )


def _title(title: str | None) -> dict | None:
    return dict(text=title, x=0.5, xanchor="center", y=0.99, yanchor="top", yref="container") if title else None


def grid_figure(h: AxisPlan, w: AxisPlan, labels: dict | None = None, title: str | None = None) -> go.Figure:
    """The padded input: input cells, padding cells, input cells no window
    reads, a marker on the top-left cell of every window the stride visits
    (hover: which output cell it computes), the first window outlined (and, on
    small grids, every window), and the first window's taps when dilated.
    Padded coordinates: row 0 / column 0 is the first padding row / column.
    """
    L = {**DEFAULT_LABELS, **(labels or {})}
    Z = grid_categories(h, w)
    scale = [[0, COLOURS[0]], [1 / 3, COLOURS[0]], [1 / 3, COLOURS[1]], [2 / 3, COLOURS[1]],
             [2 / 3, COLOURS[2]], [1, COLOURS[2]]]
    data = [dict(type="heatmap", z=Z, zmin=-0.5, zmax=2.5, colorscale=scale, showscale=False, xgap=1, ygap=1,
                 hovertemplate=L["cell"] + "<extra></extra>", name="")]
    data.append(_legend_square(L["input"], COLOURS[INPUT]))
    if h.p or w.p:
        data.append(_legend_square(L["padding"], COLOURS[PADDING]))
    if (Z == UNREAD).any():
        data.append(_legend_square(L["unread"], COLOURS[UNREAD]))
    if h.p or w.p:  # the original input's border
        xs, ys = _rect_path([(h.before - 0.5, w.before - 0.5, h.before + h.n - 0.5, w.before + w.n - 0.5)])
        data.append(_lines(xs, ys, None, color="#08519c", width=2))
    rows, cols = axis_origins(h), axis_origins(w)
    if rows.size and cols.size:
        if 1 < rows.size * cols.size <= MAX_OUTLINES:
            boxes = [(r - 0.5, c - 0.5, r + h.k_eff - 0.5, c + w.k_eff - 0.5) for r in rows for c in cols]
            xs, ys = _rect_path(boxes[1:])
            data.append(_lines(xs, ys, L["windows"], color=OUTLINE, width=1.5, dash="dot"))
        xs, ys = _rect_path([(-0.5, -0.5, h.k_eff - 0.5, w.k_eff - 0.5)])
        data.append(_lines(xs, ys, L["first"], color=FIRST, width=3))
        if h.d > 1 or w.d > 1:
            tr = [a * h.d for a in range(h.k) for b in range(w.k)]
            tc = [b * w.d for a in range(h.k) for b in range(w.k)]
            data.append(dict(type="scatter", x=tc, y=tr, mode="markers", name=L["taps"], hoverinfo="skip",
                             marker=dict(symbol="square-open", size=max(5, min(16, 420 // max(h.padded, w.padded))),
                                         color=FIRST, line=dict(width=2))))
        I, J = np.meshgrid(np.arange(rows.size), np.arange(cols.size), indexing="ij")
        R, C = np.meshgrid(rows, cols, indexing="ij")
        size = max(4, min(14, 300 // max(h.padded, w.padded)))
        data.append(dict(
            type="scatter", x=C.ravel(), y=R.ravel(), mode="markers", name=L["origin"],
            customdata=np.stack([I.ravel(), J.ravel()], axis=1),
            hovertemplate=L["window_hover"] + "<extra></extra>",
            marker=dict(symbol="circle", size=size, color=MARKER),
        ))
    layout = dict(
        _square_axes(h.padded, w.padded),
        title=_title(title),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, font=dict(size=12)),
        height=int(min(640, max(320, 150 + 26 * h.padded))),
        margin=dict(l=10, r=10, t=75 if title else 30, b=10),
    )
    return go.Figure(data=data, layout=layout)


def output_figure(H: int, W: int, labels: dict | None = None, title: str | None = None) -> go.Figure:
    """The output grid, ``H x W``; small grids carry each cell's index ``i,j``."""
    L = {**DEFAULT_LABELS, **(labels or {})}
    trace = dict(type="heatmap", z=np.zeros((H, W), dtype=np.int8), zmin=0, zmax=1, showscale=False, xgap=2, ygap=2,
                 colorscale=[[0, "#a1d99b"], [1, "#a1d99b"]], hovertemplate=L["out_hover"] + "<extra></extra>")
    if H <= MAX_CELL_TEXT and W <= MAX_CELL_TEXT:
        trace.update(text=[[f"{i},{j}" for j in range(W)] for i in range(H)], texttemplate="%{text}",
                     textfont=dict(size=12))
    layout = dict(
        _square_axes(H, W),
        title=_title(title),
        height=int(min(420, max(220, 90 + 30 * H))),
        margin=dict(l=10, r=10, t=75 if title else 30, b=10),
    )
    return go.Figure(data=[trace], layout=layout)


def stack_figure(input_shape, result: StackResult, labels: dict | None = None) -> go.Figure:
    """Output size and receptive field after each layer (layer 0 is the input)."""
    L = {**DEFAULT_LABELS, **(labels or {})}
    x = list(range(len(result.shapes) + 1))
    oh = [input_shape[0]] + [s.output_shape[0] for s in result.shapes]
    ow = [input_shape[1]] + [s.output_shape[1] for s in result.shapes]
    rh = [1] + [s.receptive_field[0] for s in result.shapes]
    rw = [1] + [s.receptive_field[1] for s in result.shapes]

    def line(y, name, color, dash=None):
        return dict(type="scatter", x=x, y=y, mode="lines+markers", name=name, line=dict(color=color, dash=dash))

    data = [line(oh, L["size_h"], "#2171b5")]
    if ow != oh:
        data.append(line(ow, L["size_w"], "#6baed6", "dash"))
    data.append(line(rh, L["rf_h"], "#d94801"))
    if rw != rh:
        data.append(line(rw, L["rf_w"], "#fd8d3c", "dash"))
    layout = dict(
        xaxis=dict(title=dict(text=L["layer"]), tickmode="linear" if len(x) <= 25 else "auto", rangemode="tozero"),
        yaxis=dict(rangemode="tozero"),
        height=320, margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return go.Figure(data=data, layout=layout)
