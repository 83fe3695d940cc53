"""Figures of the "Why convolution" page (plotly).

Each figure is one ``go.Figure(data=..., layout=...)`` call (a validated
construction costs a few ms; ``figures.common.heatmap``'s incremental
``update_*`` calls cost several times more). A figure holds one column of
heatmap panels, stacked top to bottom; side by side panels are separate
figures that the page puts in ``st.columns``, so on a phone (< 640 px) they
stack instead of squeezing. Every size is in pixels: the top strip of
``MODEBAR_PX`` is left free for plotly's mode bar, then the figure's title,
then each panel's subtitle, its column numbers and its cells. The panels
follow ``common.heatmap``'s conventions: row 0 on top, square cells, 1-px
gaps, cell values through the trace's ``texttemplate`` (only on grids up to
``MAX_TEXT_CELLS``), diverging maps centred at 0 with positive red.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import get_colorscale

from ..text import t
from convcore.why import LocalityWindow, ParamCounts, TranslationDemo, locality_mask

from ..why import approx_zh, human_bytes, sci
from .common import DIVERGING, SEQUENTIAL, cell_hover, show_cell_text

__all__ = ["MODEBAR_PX", "MODEBAR_CONFIG", "Panel", "panel_figure", "params_bar", "params_table", "translation_figures",
           "locality_figure", "channel_input_figures", "channel_row_figures", "mixing_figures",
           "mixing_output_figures"]

LAYER_COLOURS = {"dense": "#c92a2a", "local": "#e67700", "conv": "#2b8a3e"}
OUTLINE = "#d6336c"
LOCALITY_SCALE = [[0, "#f1f3f5"], [0.5, "#74c0fc"], [1, "#1864ab"]]

MODEBAR_PX = 36  # plotly's mode bar (about 30 px tall, top right) shows on hover: nothing else goes here
# The mode bar's buttons for these figures (``st.plotly_chart(config=...)``): download, zoom into a box,
# back. Plotly's eight buttons do not fit one row of a quarter of a desktop page, and a second
# row would cover the titles below the strip.
MODEBAR_CONFIG = {"displaylogo": False,
                  "modeBarButtonsToRemove": ["pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "select2d", "lasso2d"]}
LINE_PX = 20  # one line of a title
TICKS_PX = 30  # the column numbers above a panel
GAP_PX = 18  # between two panels of one figure
BOTTOM_PX = 8
TICKS_LEFT_PX = 28  # the row numbers left of a panel
OP_PX = 30  # a "+", "=" or "×" left of a panel


@dataclass
class Panel:
    """One heatmap in a figure: its values, subtitle and look."""

    Z: np.ndarray
    title: str = ""
    diverging: bool = False
    zmin: float | None = None
    zmax: float | None = None
    colorscale: object = None
    text: bool | None = None
    font_size: int = 13
    hover: str = "row %{y}, col %{x}: %{z:.4g}<extra></extra>"
    outlines: list = field(default_factory=list)  # ((r0, r1), (c0, c1)) inclusive cell ranges
    op: str | None = None  # a big symbol left of the panel: "+", "=", "×"
    px: int | None = None  # height of the cells in pixels (default: from the figure's size)


def _lines(text: str | None) -> int:
    return text.count("<br>") + 1 if text else 0


@lru_cache(maxsize=None)
def _scale(name: str) -> list:
    """A named colour scale as plotly.py's validation writes it out (plotly.js has
    scales of the same names with other colours)."""
    return [list(step) for step in get_colorscale(name)]


def _trace(p: Panel, axis: str) -> dict:
    Z = np.asarray(p.Z, dtype=float)
    text = show_cell_text(Z.shape) if p.text is None else p.text
    scale = p.colorscale or (DIVERGING if p.diverging else SEQUENTIAL)
    tr = dict(
        type="heatmap", z=Z.tolist(), xaxis=f"x{axis}", yaxis=f"y{axis}",
        colorscale=_scale(scale) if isinstance(scale, str) else scale,
        reversescale=p.diverging and p.colorscale is None, showscale=False,
        hovertemplate=p.hover, xgap=1, ygap=1,
    )
    if p.diverging:
        m = float(np.abs(Z).max()) or 1.0
        tr.update(zmid=0, zmin=-m if p.zmin is None else p.zmin, zmax=m if p.zmax is None else p.zmax)
    elif p.zmin is not None or p.zmax is not None:
        tr.update(zmin=p.zmin, zmax=p.zmax)
    if text:
        tr.update(texttemplate="%{z:.4~g}", textfont=dict(size=p.font_size))
    return tr


def panel_figure(panels: list[Panel], *, title: str | None = None, size: int = 200, ops: bool = False) -> go.Figure:
    """Heatmap panels stacked top to bottom in one figure, sized in pixels.

    ``size`` is the cells' extent (px) along a panel's longer side, unless the
    panel says its own height (``px``); cells stay square, so a column
    narrower than that shrinks the cells (the panel keeps its top edge).
    ``title`` goes above everything, below the mode bar's strip. ``ops``
    leaves room on the left for the panels' symbols (``Panel.op``), so that
    figures side by side keep their panels in line.
    """
    y = MODEBAR_PX + (LINE_PX * _lines(title) + 6 if title else 0)
    boxes = []  # (subtitle top, cells top, cells bottom) in px from the top
    for n, p in enumerate(panels):
        rows, cols = np.asarray(p.Z).shape
        height = p.px or round(size * rows / max(rows, cols))
        top = y + (GAP_PX if n else 0)
        cells = top + LINE_PX * _lines(p.title) + TICKS_PX
        boxes.append((top, cells, cells + height))
        y = cells + height
    total = y + BOTTOM_PX
    data, annotations, shapes, layout = [], [], [], dict(
        height=total, margin=dict(l=TICKS_LEFT_PX + (OP_PX if ops else 0), r=8, t=0, b=0),
        plot_bgcolor="rgba(0,0,0,0)", showlegend=False,
    )
    if title:
        annotations.append(dict(text=title, x=0.5, y=1 - MODEBAR_PX / total, xref="paper", yref="paper",
                                yanchor="top", showarrow=False, font=dict(size=15)))
    for n, (p, (top, cells, bottom)) in enumerate(zip(panels, boxes), start=1):
        a = "" if n == 1 else str(n)
        data.append(_trace(p, a))
        rows, cols = np.asarray(p.Z).shape
        axis = dict(showgrid=False, zeroline=False, constrain="domain", tickfont=dict(size=10))
        # fixed ranges: the symbol left of the panel must not widen them (as it would an autorange)
        layout[f"xaxis{a}"] = dict(axis, anchor=f"y{a}", side="top", range=[-0.5, cols - 0.5],
                                   tickmode="linear" if cols <= 20 else "auto")
        layout[f"yaxis{a}"] = dict(axis, domain=[1 - bottom / total, 1 - cells / total], anchor=f"x{a}",
                                   range=[rows - 0.5, -0.5], scaleanchor=f"x{a}", constraintoward="top",
                                   tickmode="linear" if rows <= 20 else "auto")
        if p.title:
            annotations.append(dict(text=p.title, x=0.5, y=1 - top / total, xref="paper", yref="paper",
                                    yanchor="top", showarrow=False, font=dict(size=13, color="#495057")))
        if p.op:
            annotations.append(dict(text=f"<b>{p.op}</b>", x=-0.5, y=(rows - 1) / 2, xref=f"x{a}", yref=f"y{a}",
                                    xanchor="right", xshift=-TICKS_LEFT_PX + 4, showarrow=False, font=dict(size=26)))
        for (r0, r1), (c0, c1) in p.outlines:
            shapes.append(dict(type="rect", xref=f"x{a}", yref=f"y{a}", x0=c0 - 0.5, x1=c1 + 0.5,
                               y0=r0 - 0.5, y1=r1 + 0.5, line=dict(color=OUTLINE, width=3)))
    layout.update({k: v for k, v in (("annotations", annotations), ("shapes", shapes)) if v})
    # Not validated here: the page draws some twenty of these, and plotly's validation would cost
    # about 3 ms each (the tests validate every kind of figure, tests/test_why.py).
    return go.Figure(data=data, layout=layout, _validate=False)


# --- 1. parameter counts -----------------------------------------------------

def params_bar(c: ParamCounts, lang: str) -> go.Figure:
    """Parameters (weights + biases) of the three layers on a log scale, each bar labelled."""
    totals = [L.total for L in c.layers]
    bar = dict(
        type="bar",
        # "(not shared)" on a line of its own: three names side by side fit a phone without turning
        x=[t(f"why.layer_{L.name}", lang).replace(" (", "<br>(").replace("（", "<br>（") for L in c.layers],
        y=[float(v) for v in totals],
        marker=dict(color=[LAYER_COLOURS[L.name] for L in c.layers]),
        text=[sci(v) for v in totals], textposition="outside", cliponaxis=False, textfont=dict(size=15),
        customdata=[[f"{L.weights:,}", f"{L.biases:,}", f"{L.total:,}"] for L in c.layers],
        hovertemplate=t("why.bar_hover", lang) + "<extra></extra>",
    )
    title = t("why.chart_title", lang, h=c.image[0], w=c.image[1], h2=c.hidden[0], w2=c.hidden[1], k=c.k)
    top = MODEBAR_PX + LINE_PX * _lines(title) + 14
    layout = dict(
        # the title in the top margin, below the mode bar's strip (an annotation: a layout title of
        # two lines is placed higher than its pad says)
        annotations=[dict(text=f"<b>{title}</b>", x=0.5, xref="paper", y=1, yref="paper", yanchor="bottom",
                          yshift=14, showarrow=False, font=dict(size=14))],
        xaxis=dict(tickangle=0, tickfont=dict(size=11)),
        yaxis=dict(type="log", title=dict(text=t("why.chart_y", lang)), exponentformat="power",
                   range=[0, float(np.log10(max(totals))) * 1.1 + 0.6]),
        height=440, margin=dict(l=10, r=10, t=top, b=10), showlegend=False,
    )
    return go.Figure(data=[bar], layout=layout)


def params_table(c: ParamCounts, lang: str) -> pd.DataFrame:
    """The three layers' counts written out, one row per layer, for ``st.table``
    (cells in Markdown; the table scrolls sideways in its own box on a phone).
    The columns most worth reading come first: the layer, its parameters."""
    names = ("layer", "total", "approx", "weights", "biases", "formula", "memory")
    rows = []
    for L in c.layers:
        approx = approx_zh(L.total) if lang == "zh" else sci(L.total)
        rows.append([t(f"why.layer_{L.name}", lang), f"**{L.total:,}**", approx, f"{L.weights:,}", f"{L.biases:,}",
                     t(f"why.formula_{L.name}", lang), human_bytes(L.float32_bytes)])
    return pd.DataFrame(rows, columns=[t(f"why.col_{n}", lang) for n in names])


# --- 2. translation ----------------------------------------------------------

def translation_figures(d: TranslationDemo, lang: str) -> list[go.Figure]:
    """Three figures side by side: the input, the convolution, the locally
    connected layer; each the pattern first (top) and then moved (bottom). The
    pattern is outlined on the inputs and its centre on the responses; all four
    responses share one diverging scale."""
    p = d.kernel.shape[0]
    r0, c0 = d.centre0[0] - p // 2, d.centre0[1] - p // 2
    dy, dx = d.offset
    labels = [t("why.row_first", lang, r=r0, c=c0), t("why.row_moved", lang, dy=dy, dx=dx, r=r0 + dy, c=c0 + dx)]
    centres = [d.centre0, d.centre1]
    m = d.zmax
    hover = cell_hover(lang)

    def inputs(X, label, ci, cj):
        box = ((ci - p // 2, ci + p // 2), (cj - p // 2, cj + p // 2))
        return Panel(X, label, zmin=0, zmax=1, text=False, hover=hover, outlines=[box])

    def responses(R, label, ci, cj):
        return Panel(np.round(R, 6), label, diverging=True, zmin=-m, zmax=m, font_size=10, hover=hover,
                     outlines=[((ci, ci), (cj, cj))])

    columns = [("why.fig_input", inputs, (d.X0, d.X1)), ("why.fig_conv", responses, (d.conv0, d.conv1)),
               ("why.fig_lc", responses, (d.lc0, d.lc1))]
    return [panel_figure([make(Z, label, *c) for Z, label, c in zip(maps, labels, centres)],
                         title=f"<b>{t(key, lang)}</b>", size=230) for key, make, maps in columns]


# --- 3. locality --------------------------------------------------------------

def locality_figure(win: LocalityWindow, lang: str) -> go.Figure:
    """The image with the window hidden unit (i, j) reads highlighted and the pixel itself darker."""
    title = t("why.loc_fig", lang, i=win.pixel[0], j=win.pixel[1], d=win.delta, n=win.inside, total=win.total)
    panel = Panel(locality_mask(win), colorscale=LOCALITY_SCALE, zmin=0, zmax=2, text=False,
                  hover=t("why.loc_hover", lang) + "<extra></extra>", outlines=[(win.rows, win.cols)])
    return panel_figure([panel], title=title, size=340)


# --- 4. channels --------------------------------------------------------------

def channel_input_figures(X, lang: str) -> list[go.Figure]:
    """One figure per input channel, to stand side by side."""
    return [panel_figure([Panel(X[c], t("why.ch_input_title", lang, c=c), hover=cell_hover(lang))], size=200)
            for c in range(len(X))]


def channel_row_figures(K, parts, Y, o: int, lang: str) -> list[go.Figure]:
    """Output channel ``o``: one figure per input channel c, kernel slice K[o, c]
    above the map X[c] ⋆ K[o, c] ("+" before every map but the first), then
    "=" and their sum Y[o] (to stand at the bottom of its column, beside the maps)."""
    C = K.shape[1]
    hover = cell_hover(lang)
    figs = [panel_figure([Panel(K[o, c], t("why.ch_kernel_title", lang, o=o, c=c), hover=hover, px=110),
                          Panel(parts[o, c], t("why.ch_part_title", lang, o=o, c=c), hover=hover,
                                op="+" if c else None)], size=150, ops=True) for c in range(C)]
    figs.append(panel_figure([Panel(Y[o], t("why.ch_out_title", lang, o=o), colorscale="Greens", hover=hover, op="=")],
                             size=150, ops=True))
    return figs


def mixing_figures(mix, lang: str) -> list[go.Figure]:
    """The 1x1 convolution at one pixel, three figures side by side: weights
    (O x C) × channel vector (C x 1) = output (O x 1)."""
    i, j = mix.pixel
    hover = cell_hover(lang)
    px = 150  # one height for the three, so that they stand in line
    return [
        panel_figure([Panel(mix.W, t("why.mix_weights", lang), diverging=True, hover=hover, px=px)], ops=True),
        panel_figure([Panel(mix.x[:, None], t("why.mix_vector", lang, i=i, j=j), hover=hover, op="×", px=px)],
                     ops=True),
        panel_figure([Panel(mix.y[:, None], t("why.mix_result", lang, i=i, j=j), colorscale="Greens", hover=hover,
                            op="=", px=px)], ops=True),
    ]


def mixing_output_figures(mix, lang: str) -> list[go.Figure]:
    """The whole 1x1 convolution, one figure per output channel, the chosen pixel outlined."""
    i, j = mix.pixel
    figs = []
    for o in range(mix.Y.shape[0]):
        signed = bool(mix.Y[o].min() < 0)
        figs.append(panel_figure([Panel(mix.Y[o], t("why.mix_out_title", lang, o=o), diverging=signed,
                                        colorscale=None if signed else "Greens", hover=cell_hover(lang),
                                        outlines=[((i, i), (j, j))])], size=220))
    return figs
