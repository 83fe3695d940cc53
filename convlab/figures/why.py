"""Figures of the "Why convolution" page (plotly).

The page draws about thirty small heatmaps. Each figure here is therefore one
``go.Figure(data=..., layout=...)`` call holding several panels (one
validated construction costs a few ms; building the same panels one
``figures.common.heatmap`` at a time, with its incremental ``update_*``
calls, costs ~15 ms each). The panels follow ``common.heatmap``'s
conventions: row 0 on top, square cells, 1-px gaps, cell values through the
trace's ``texttemplate`` (only on grids up to ``MAX_TEXT_CELLS``), diverging
maps centred at 0 with positive red.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from ..text import t
from convcore.why import LocalityWindow, ParamCounts, TranslationDemo, locality_mask

from ..why import approx_zh, human_bytes, sci
from .common import DIVERGING, SEQUENTIAL, cell_hover, show_cell_text

LAYER_COLOURS = {"dense": "#c92a2a", "local": "#e67700", "conv": "#2b8a3e"}
OUTLINE = "#d6336c"
LOCALITY_SCALE = [[0, "#f1f3f5"], [0.5, "#74c0fc"], [1, "#1864ab"]]


@dataclass
class Panel:
    """One heatmap in a grid figure."""

    Z: np.ndarray
    title: str
    row: int = 0
    col: int = 0
    diverging: bool = False
    zmin: float | None = None
    zmax: float | None = None
    colorscale: object = None
    text: bool | None = None
    font_size: int = 13
    hover: str = "row %{y}, col %{x}: %{z:.4g}<extra></extra>"
    outlines: list = field(default_factory=list)  # ((r0, r1), (c0, c1)) inclusive cell ranges


def _trace(p: Panel, axis: str) -> dict:
    Z = np.asarray(p.Z, dtype=float)
    text = show_cell_text(Z.shape) if p.text is None else p.text
    tr = dict(
        type="heatmap", z=Z.tolist(), xaxis=f"x{axis}", yaxis=f"y{axis}",
        colorscale=p.colorscale or (DIVERGING if p.diverging else SEQUENTIAL),
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


def grid_figure(panels: list[Panel], *, ncols: int, nrows: int = 1, height: int, col_weights=None,
                ops: list[tuple[int, int, str]] = (), row_labels: list[str] | None = None,
                gap: float = 0.04) -> go.Figure:
    """Heatmap panels on an ``nrows x ncols`` grid in one figure. ``ops`` puts a
    big symbol (``+``, ``=``) in the gap after ``(row, col)``."""
    w = np.asarray(col_weights or [1] * ncols, dtype=float)
    span = (1 - gap * (ncols - 1)) * w / w.sum()
    x0 = np.concatenate([[0], np.cumsum(span + gap)[:-1]])
    title_h = (88 if row_labels else 56) / height  # room above each row: its label, titles, top tick labels
    row_h = (1 - title_h * nrows - 0.02 * (nrows - 1)) / nrows
    y1s = [1 - title_h - r * (row_h + title_h + 0.02) for r in range(nrows)]
    data, layout = [], dict(
        height=height, margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="rgba(0,0,0,0)",
        annotations=[], shapes=[], showlegend=False,
    )
    for n, p in enumerate(panels, start=1):
        a = "" if n == 1 else str(n)
        data.append(_trace(p, a))
        rows, cols = np.asarray(p.Z).shape
        xd = [float(x0[p.col]), float(x0[p.col] + span[p.col])]
        yd = [float(y1s[p.row] - row_h), float(y1s[p.row])]
        layout[f"xaxis{a}"] = dict(domain=xd, anchor=f"y{a}", side="top", showgrid=False, zeroline=False,
                                   constrain="domain", tickmode="linear" if cols <= 20 else "auto",
                                   tickfont=dict(size=10))
        layout[f"yaxis{a}"] = dict(domain=yd, anchor=f"x{a}", autorange="reversed", scaleanchor=f"x{a}",
                                   constrain="domain", constraintoward="top", showgrid=False, zeroline=False,
                                   tickmode="linear" if rows <= 20 else "auto", tickfont=dict(size=10))
        layout["annotations"].append(dict(text=p.title, x=(xd[0] + xd[1]) / 2, y=yd[1], xref="paper",
                                          yref="paper", yanchor="bottom", yshift=30, showarrow=False,
                                          font=dict(size=14)))
        for (r0, r1), (c0, c1) in p.outlines:
            layout["shapes"].append(dict(type="rect", xref=f"x{a}", yref=f"y{a}", x0=c0 - 0.5, x1=c1 + 0.5,
                                         y0=r0 - 0.5, y1=r1 + 0.5, line=dict(color=OUTLINE, width=3)))
    for r, c, sym in ops:
        layout["annotations"].append(dict(text=f"<b>{sym}</b>", x=float(x0[c] + span[c] + gap * 0.3),
                                          y=float(y1s[r] - row_h / 2), xref="paper", yref="paper",
                                          showarrow=False, font=dict(size=30)))
    for r, label in enumerate(row_labels or []):
        layout["annotations"].append(dict(text=f"<b>{label}</b>", x=0, xanchor="left", y=float(y1s[r]),
                                          xref="paper", yref="paper", yanchor="bottom", yshift=50,
                                          showarrow=False, font=dict(size=16)))
    return go.Figure(data=data, layout=layout)


# --- 1. parameter counts -----------------------------------------------------

def params_bar(c: ParamCounts, lang: str) -> go.Figure:
    """Parameters (weights + biases) of the three layers on a log scale, each bar labelled."""
    totals = [L.total for L in c.layers]
    bar = dict(
        type="bar",
        x=[t(f"why.layer_{L.name}", lang) for L in c.layers],
        y=[float(v) for v in totals],
        marker=dict(color=[LAYER_COLOURS[L.name] for L in c.layers]),
        text=[sci(v) for v in totals], textposition="outside", cliponaxis=False, textfont=dict(size=15),
        customdata=[[f"{L.weights:,}", f"{L.biases:,}", f"{L.total:,}"] for L in c.layers],
        hovertemplate=t("why.bar_hover", lang) + "<extra></extra>",
    )
    layout = dict(
        title=dict(text=t("why.chart_title", lang, h=c.image[0], w=c.image[1], h2=c.hidden[0],
                          w2=c.hidden[1], k=c.k), x=0.5, xanchor="center", font=dict(size=14)),
        yaxis=dict(type="log", title=dict(text=t("why.chart_y", lang)), exponentformat="power",
                   range=[0, float(np.log10(max(totals))) * 1.1 + 0.6]),
        height=420, margin=dict(l=10, r=10, t=60, b=10), showlegend=False,
    )
    return go.Figure(data=[bar], layout=layout)


def params_table(c: ParamCounts, lang: str) -> str:
    """The three layers' counts written out, as a markdown table."""
    head = [t(f"why.col_{n}", lang) for n in ("layer", "weights", "biases", "total", "approx", "formula", "memory")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for L in c.layers:
        approx = approx_zh(L.total) if lang == "zh" else sci(L.total)
        cells = [t(f"why.layer_{L.name}", lang), f"{L.weights:,}", f"{L.biases:,}", f"**{L.total:,}**",
                 approx, t(f"why.formula_{L.name}", lang), human_bytes(L.float32_bytes)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- 2. translation ----------------------------------------------------------

def translation_figure(d: TranslationDemo, lang: str) -> go.Figure:
    """Two rows (the pattern first, then moved) of input | convolution | locally
    connected; the pattern outlined on the inputs and its centre on the responses,
    all four responses on one diverging scale."""
    p = d.kernel.shape[0]
    r0, c0 = d.centre0[0] - p // 2, d.centre0[1] - p // 2
    m = d.zmax
    panels = []
    for row, (X, conv, lc, (ci, cj)) in enumerate([(d.X0, d.conv0, d.lc0, d.centre0),
                                                   (d.X1, d.conv1, d.lc1, d.centre1)]):
        box = ((ci - p // 2, ci + p // 2), (cj - p // 2, cj + p // 2))
        centre = ((ci, ci), (cj, cj))
        panels += [
            Panel(X, t("why.fig_input", lang), row, 0, zmin=0, zmax=1, text=False, hover=cell_hover(lang), outlines=[box]),
            Panel(np.round(conv, 6), t("why.fig_conv", lang), row, 1, diverging=True, zmin=-m, zmax=m,
                  font_size=10, hover=cell_hover(lang), outlines=[centre]),
            Panel(np.round(lc, 6), t("why.fig_lc", lang), row, 2, diverging=True, zmin=-m, zmax=m,
                  font_size=10, hover=cell_hover(lang), outlines=[centre]),
        ]
    dy, dx = d.offset
    labels = [t("why.row_first", lang, r=r0, c=c0), t("why.row_moved", lang, dy=dy, dx=dx, r=r0 + dy, c=c0 + dx)]
    return grid_figure(panels, ncols=3, nrows=2, height=820, row_labels=labels)


# --- 3. locality --------------------------------------------------------------

def locality_figure(win: LocalityWindow, lang: str) -> go.Figure:
    """The image with the window hidden unit (i, j) reads highlighted and the pixel itself darker."""
    title = t("why.loc_fig", lang, i=win.pixel[0], j=win.pixel[1], d=win.delta, n=win.inside, total=win.total)
    panel = Panel(locality_mask(win), title, colorscale=LOCALITY_SCALE, zmin=0, zmax=2, text=False,
                  hover=t("why.loc_hover", lang) + "<extra></extra>", outlines=[(win.rows, win.cols)])
    return grid_figure([panel], ncols=1, height=460)


# --- 4. channels --------------------------------------------------------------

def channel_inputs_figure(X, lang: str) -> go.Figure:
    panels = [Panel(X[c], t("why.ch_input_title", lang, c=c), 0, c, hover=cell_hover(lang)) for c in range(len(X))]
    return grid_figure(panels, ncols=len(X), height=300, gap=0.06)


def channel_row_figure(K, parts, Y, o: int, lang: str) -> go.Figure:
    """Output channel ``o``: kernel slices K[o, c] above the maps X[c] ⋆ K[o, c],
    with "+" between the maps and "=" before their sum Y[o]."""
    C = K.shape[1]
    panels = [Panel(K[o, c], t("why.ch_kernel_title", lang, o=o, c=c), 0, c, hover=cell_hover(lang)) for c in range(C)]
    panels += [Panel(parts[o, c], t("why.ch_part_title", lang, o=o, c=c), 1, c, hover=cell_hover(lang)) for c in range(C)]
    panels.append(Panel(Y[o], t("why.ch_out_title", lang, o=o), 1, C, colorscale="Greens", hover=cell_hover(lang)))
    ops = [(1, c, "+") for c in range(C - 1)] + [(1, C - 1, "=")]
    return grid_figure(panels, ncols=C + 1, nrows=2, height=560, ops=ops, gap=0.06)


def mixing_figure(mix, lang: str) -> go.Figure:
    """The 1x1 convolution at one pixel: weights (O x C) · channel vector (C x 1) = output (O x 1)."""
    i, j = mix.pixel
    panels = [
        Panel(mix.W, t("why.mix_weights", lang), 0, 0, diverging=True, hover=cell_hover(lang)),
        Panel(mix.x[:, None], t("why.mix_vector", lang, i=i, j=j), 0, 1, hover=cell_hover(lang)),
        Panel(mix.y[:, None], t("why.mix_result", lang, i=i, j=j), 0, 2, colorscale="Greens", hover=cell_hover(lang)),
    ]
    return grid_figure(panels, ncols=3, height=280, col_weights=[3, 1, 1], ops=[(0, 0, "×"), (0, 1, "=")], gap=0.08)


def mixing_output_figure(mix, lang: str) -> go.Figure:
    i, j = mix.pixel
    O = mix.Y.shape[0]
    panels = [Panel(mix.Y[o], t("why.mix_out_title", lang, o=o), 0, o, diverging=bool(mix.Y[o].min() < 0),
                    colorscale=None if mix.Y[o].min() < 0 else "Greens", hover=cell_hover(lang),
                    outlines=[((i, i), (j, j))]) for o in range(O)]
    return grid_figure(panels, ncols=max(O, 2), height=320, gap=0.08)
