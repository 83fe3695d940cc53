"""Figures of the step-by-step page: the window walking over the padded input.

The walk is one plotly figure with one animation frame per output cell, so
the play button and the step slider run in the browser without reruns. A
frame carries only what changes: the products, the tapped cells, the window
outline, the current output cell and a cover over the cells not computed yet.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convcore import Window, pad_amounts, window_at, windows
from convcore._geometry import pair
from convcore._ops import pad_input

from ..fmt import window_sum
from ..text import t
from .common import DIVERGING, cell_hover

MAX_FRAMES = 160  # beyond this the walk is stepped with the page's own row/column control


class _AnimatedFigure(go.Figure):
    """A figure whose animation frames and slider steps stay plain dicts.

    plotly.py validates every property of every frame object (about 4 ms a
    frame here), which would dominate the page's rerun; plotly.js in the
    browser checks them anyway. They join the figure in ``to_dict``, which is
    what Streamlit and ``to_json`` serialize.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._raw_frames: list[dict] = []
        self._raw_slider: dict | None = None

    def to_dict(self):
        d = super().to_dict()
        if self._raw_frames:
            d["frames"] = self._raw_frames
        if self._raw_slider:
            d["layout"]["sliders"] = [self._raw_slider]
        return d


def _heat(Z, xaxis, text=True, colorscale=DIVERGING, zmax=None, hover=None):
    Z = np.asarray(Z, float)
    m = zmax if zmax is not None else (float(np.abs(Z[np.isfinite(Z)]).max()) if np.isfinite(Z).any() else 1.0) or 1.0
    return dict(
        type="heatmap", z=Z, colorscale=colorscale, reversescale=True, zmid=0, zmin=-m, zmax=m, showscale=False,
        texttemplate="%{z:.4~g}" if text else None, textfont=dict(size=13), xgap=2, ygap=2,
        hovertemplate=hover or cell_hover(), xaxis=xaxis[0], yaxis=xaxis[1],
    )


def _rect(r0, c0, r1, c1):
    """Closed outline of cells r0..r1 x c0..c1 (inclusive) as scatter x, y."""
    x0, x1, y0, y1 = c0 - 0.5, c1 + 0.5, r0 - 0.5, r1 + 0.5
    return [x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0]


def _cover(i, j, H, W):
    """Polygon over the output cells after (i, j), row-major: not computed yet."""
    if i == H - 1 and j == W - 1:
        return [], []
    xs = [j + 0.5, W - 0.5, W - 0.5, -0.5, -0.5, j + 0.5, j + 0.5]
    ys = [i - 0.5, i - 0.5, H - 0.5, H - 0.5, i + 0.5, i + 0.5, i - 0.5]
    return xs, ys


def _frame_data(w: Window, K, dilation, out_shape, step_label):
    """What changes from one window position to the next: traces 2, 4, 5, 6, 7
    and the title (the sum written out)."""
    d_h, d_w = pair(dilation, "dilation")
    cells = w.cells(dilation)
    r0, c0 = w.origin
    kh, kw = w.patch.shape
    i, j = w.index
    H, W = out_shape
    wx, wy = _rect(r0, c0, r0 + (kh - 1) * d_h, c0 + (kw - 1) * d_w)
    ox, oy = _rect(i, j, i, j)
    cx, cy = _cover(i, j, H, W)
    data = [
        dict(type="heatmap", z=w.products.tolist()),
        dict(type="scatter", x=[c for _, c in cells], y=[r for r, _ in cells]),
        dict(type="scatter", x=wx, y=wy),
        dict(type="scatter", x=ox, y=oy),
        dict(type="scatter", x=cx, y=cy),
    ]
    title = f"{step_label} {i * W + j + 1}/{H * W} — Y[{i}, {j}] = {window_sum(w, K)}"
    return data, title


LABELS = ("input", "kernel", "products", "output", "step", "play", "pause")


def walk_labels(lang: str) -> dict[str, str]:
    """The walk's panel titles and controls in ``lang`` (``labels`` of :func:`walk_figure`)."""
    return {**{name: t(f"stepper.lbl_{name}", lang) for name in LABELS}, "hover": cell_hover(lang)}


def walk_figure(X, K, padding=0, stride=1, dilation=1, *, step=0, labels=None, animate=True) -> go.Figure:
    """Padded input with the window, kernel, products and the output filling in.

    ``step`` (row-major output index) is the frame shown first. ``labels``
    translates the panel titles: keys input, kernel, products, output,
    step, play, pause, hover. Frames are plain dicts: plotly's validation of
    hundreds of frame objects would cost more than the rest of the page.
    """
    labels = {"input": "padded input", "kernel": "kernel K", "products": "window × K",
              "output": "output Y", "step": "step", "play": "▶ play", "pause": "❚❚ pause", "hover": cell_hover(),
              **(labels or {})}
    X, K = np.asarray(X, float), np.asarray(K, float)
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    P = pad_input(X, pads, np.float64)
    ws = list(windows(X, K, padding=padding, stride=stride, dilation=dilation))
    H, W = ws[-1].index[0] + 1, ws[-1].index[1] + 1
    Y = np.array([w.value for w in ws]).reshape(H, W)
    step = int(np.clip(step, 0, len(ws) - 1))
    (top, _), (left, _) = pads

    big = max(P.size, Y.size) > 400
    m_prod = float(max(np.abs(w.products).max() for w in ws)) or 1.0
    first, title = _frame_data(ws[step], K, dilation, (H, W), labels["step"])
    accent = "#d6336c"
    line = dict(color=accent, width=4)

    def scatter(d, axes, **style):
        return dict(type="scatter", x=d["x"], y=d["y"], xaxis=axes[0], yaxis=axes[1], hoverinfo="skip",
                    showlegend=False, **style)

    data = [
        _heat(P, ("x", "y"), text=not big, hover=labels["hover"]),
        _heat(K, ("x2", "y2"), hover=labels["hover"]),
        _heat(first[0]["z"], ("x3", "y3"), zmax=m_prod, hover=labels["hover"]),
        _heat(Y, ("x4", "y4"), text=not big, hover=labels["hover"]),
        # the tapped cells: only worth marking when dilation spreads them out
        scatter(first[1], ("x", "y"), mode="markers", visible=pair(dilation, "dilation") != (1, 1),
                marker=dict(symbol="square-open", size=6 if big else 14, color=accent, line=dict(width=2))),
        scatter(first[2], ("x", "y"), mode="lines", line=line),
        scatter(first[3], ("x4", "y4"), mode="lines", line=line),
        scatter(first[4], ("x4", "y4"), mode="lines", fill="toself", fillcolor="white", line=dict(width=0)),
    ]
    # four panels side by side, each as wide as its grid
    widths = np.array([P.shape[1], K.shape[1], K.shape[1], W], float) + 1.0
    gap = 0.04
    widths = widths / widths.sum() * (1 - 3 * gap)
    starts = np.concatenate([[0.0], np.cumsum(widths + gap)[:-1]])
    tick = "linear" if not big else "auto"
    layout = dict(
        # the original input inside the padding ring
        shapes=[dict(type="rect", xref="x", yref="y", x0=left - 0.5, x1=left + X.shape[1] - 0.5, y0=top - 0.5,
                     y1=top + X.shape[0] - 0.5, line=dict(color="#495057", width=2, dash="dot"))],
        title=dict(text=title, x=0.01, y=0.02, yanchor="bottom", font=dict(size=15)),
        annotations=[dict(text=labels[name], x=x0 + w / 2, y=1.0, xref="paper", yref="paper", xanchor="center",
                          yanchor="bottom", showarrow=False, font=dict(size=16))
                     for name, x0, w in zip(("input", "kernel", "products", "output"), starts, widths)],
        height=max(300, min(620, 150 + 32 * max(P.shape[0], Y.shape[0]))) + 120,
        margin=dict(l=10, r=10, t=40, b=150), plot_bgcolor="rgba(0,0,0,0)",
    )
    shapes = [P.shape, K.shape, K.shape, Y.shape]
    for n, (x0, w, (rows, cols)) in enumerate(zip(starts, widths, shapes), start=1):
        sfx = "" if n == 1 else str(n)
        # explicit ranges: a 1x1 panel would otherwise autorange around its single cell
        layout[f"xaxis{sfx}"] = dict(domain=[x0, x0 + w], anchor=f"y{sfx}", showgrid=False, zeroline=False,
                                     tickmode=tick, constrain="domain", range=[-0.5, cols - 0.5])
        layout[f"yaxis{sfx}"] = dict(domain=[0, 1], anchor=f"x{sfx}", range=[rows - 0.5, -0.5],
                                     scaleanchor=f"x{sfx}", showgrid=False, zeroline=False, tickmode=tick)

    if animate and len(ws) <= MAX_FRAMES:
        frames, steps = [], []
        for n, w in enumerate(ws):
            fdata, ftitle = _frame_data(w, K, dilation, (H, W), labels["step"])
            frames.append(dict(name=str(n), traces=[2, 4, 5, 6, 7], data=fdata, layout=dict(title=dict(text=ftitle))))
            steps.append(dict(method="animate", label=f"{w.index[0]},{w.index[1]}",
                              args=[[str(n)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                                   transition=dict(duration=0))]))
        layout["updatemenus"] = [dict(
            type="buttons", direction="left", x=0.0, y=-0.2, xanchor="left", yanchor="top", showactive=False,
            buttons=[
                dict(label=labels["play"], method="animate",
                     args=[None, dict(frame=dict(duration=700, redraw=True), fromcurrent=True,
                                      transition=dict(duration=0), mode="immediate")]),
                dict(label=labels["pause"], method="animate",
                     args=[[None], dict(frame=dict(duration=0, redraw=False), mode="immediate",
                                        transition=dict(duration=0))]),
            ])]
    fig = _AnimatedFigure(data=data, layout=layout)
    if animate and len(ws) <= MAX_FRAMES:
        fig._raw_frames = frames
        fig._raw_slider = dict(active=step, steps=steps, x=0.16, len=0.84, y=-0.14, yanchor="top",
                               currentvalue=dict(prefix=f"{labels['step']} (i, j): "), pad=dict(t=10))
    return fig


def _grid_layout(rows: int, big: bool, title, **extra) -> dict:
    tick = "linear" if not big else "auto"
    axis = dict(showgrid=False, zeroline=False, tickmode=tick)
    return dict(
        xaxis=dict(axis, constrain="domain"), yaxis=dict(axis, autorange="reversed", scaleanchor="x"),
        title=dict(text=title, x=0.5, xanchor="center"), plot_bgcolor="rgba(0,0,0,0)",
        height=max(240, min(520, 90 + 34 * rows)), margin=dict(l=10, r=10, t=40, b=10), **extra,
    )


def reads_figure(X, K, padding=0, stride=1, dilation=1, *, cell=(0, 0), title=None, lang="en") -> go.Figure:
    """The padded input with the cells that output ``cell`` reads highlighted."""
    X, K = np.asarray(X, float), np.asarray(K, float)
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    P = pad_input(X, pads, np.float64)
    w = window_at(X, K, *cell, padding=padding, stride=stride, dilation=dilation)
    read = np.zeros(P.shape)
    for r, c in w.cells(dilation):
        read[r, c] = 1
    big = P.size > 400
    (top, _), (left, _) = pads
    heat = dict(type="heatmap", z=read, colorscale=[[0, "#f1f3f5"], [1, "#ffc9c9"]], showscale=False, xgap=2,
                ygap=2, text=P, texttemplate="%{text:.4~g}" if not big else None,
                hovertemplate=cell_hover(lang, "text"))
    ring = dict(type="rect", x0=left - 0.5, x1=left + X.shape[1] - 0.5, y0=top - 0.5, y1=top + X.shape[0] - 0.5,
                line=dict(color="#495057", width=2, dash="dot"))
    return go.Figure(data=[heat], layout=_grid_layout(P.shape[0], big, title, shapes=[ring]))


def output_picker(Y, *, cell=(0, 0), title=None) -> go.Figure:
    """The output with one transparent marker per cell, so that a click selects
    the cell (plotly heatmaps report no selection in Streamlit, and selections
    across subplots are unreliable: this is a figure of its own)."""
    Y = np.asarray(Y, float)
    H, W = Y.shape
    big = Y.size > 400
    heat = _heat(Y, ("x", "y"), text=not big)
    heat.update(hoverinfo="skip", hovertemplate=None)  # clicks and hovers go to the markers
    jj, ii = np.meshgrid(np.arange(W), np.arange(H))
    markers = dict(
        type="scatter", x=jj.ravel(), y=ii.ravel(), customdata=Y.ravel(), mode="markers", showlegend=False,
        marker=dict(size=max(6, min(28, 300 // max(H, W))), color="rgba(0,0,0,0)", symbol="square"),
        hovertemplate="Y[%{y}, %{x}] = %{customdata:.4g}<extra></extra>",
    )
    i, j = cell
    here = dict(type="rect", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5, line=dict(color="#d6336c", width=4))
    return go.Figure(data=[heat, markers], layout=_grid_layout(H, big, title, shapes=[here],
                                                               clickmode="event+select", dragmode=False))
