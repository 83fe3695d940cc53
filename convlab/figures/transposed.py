"""Figures of the transposed-convolution page.

The scatter walk is one plotly figure with one animation frame per input
cell (the stamp), so ▶ and the step slider run in the browser without
reruns, built like the step page's walk (:mod:`convlab.figures.stepper`,
whose sizing helpers it shares): the input with the current cell outlined,
the kernel, the stamp ``X[i, j]·K``, and the uncropped canvas filling in
(cells no stamp has reached yet are blank; the current stamp is outlined;
a crop is shaded, the output it keeps dotted). The zero-insertion view is the
step page's own walk over the zero-inserted, padded input with the flipped
kernel. The other figures: the input and kernel cells one output cell reads,
and the checkerboard's two heatmaps.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

import convcore

from ..fmt import num
from ..text import t
from .common import MAX_TEXT_CELLS, cell_hover, heatmap
from .stepper import (
    _BUTTONS_AT,
    _LINE_PX,
    _SLIDER_AT,
    _SUM_AT,
    ACCENT,
    DESKTOP_PX,
    PHONE_PX,
    READS_PX,
    SUM_FONT,
    TITLE_FONT,
    _AnimatedFigure,
    _cell_px,
    _grid_axis,
    _grid_layout,
    _heat,
    _numbers_fit,
    _rect,
    _span,
    panel_domains,
    text_px,
    title_lines,
    walk_figure,
)
from .stepper import walk_labels as corr_labels

__all__ = ["walk_labels", "scatter_walk", "zeros_walk", "reads_figure", "checker_figures"]

CROP_FILL = "rgba(73, 80, 87, 0.22)"  # the canvas rows and columns the crop cuts off

LABELS = ("input", "kernel", "stamp", "canvas", "canvas_crop", "step", "stamp_line", "slider", "play", "pause")


def walk_labels(lang: str) -> dict[str, str]:
    """The scatter walk's panel titles and controls in ``lang``."""
    return {**{name: t(f"transposed.lbl_{name}", lang) for name in LABELS}, "hover": cell_hover(lang)}


def _touched(stamps, canvas_shape, kernel_shape) -> list[np.ndarray]:
    """For each step, which canvas cells some stamp so far has covered."""
    kh, kw = kernel_shape
    seen = np.zeros(canvas_shape, bool)
    out = []
    for s in stamps:
        r, c = s.origin
        seen[r:r + kh, c:c + kw] = True
        out.append(seen.copy())
    return out


def _blank_untouched(canvas, touched) -> list[list]:
    """Canvas values as nested lists, ``None`` (a blank cell) where no stamp has been."""
    return [[float(v) if seen else None for v, seen in zip(row, seen_row)] for row, seen_row in zip(canvas, touched)]


def _crop_shapes(plan) -> list[dict]:
    """Shaded bands over the cropped rows and columns of the canvas, and a dotted
    outline around the output they leave (none without a crop)."""
    ((t_, b), (l, r)), (ch, cw), (H, W) = plan.crop, plan.canvas_shape, plan.output_shape
    if not any((t_, b, l, r)):
        return []
    ref = dict(xref="x4", yref="y4")
    band = dict(type="rect", fillcolor=CROP_FILL, line=dict(width=0), layer="above", **ref)
    bands = [((-0.5, ch - 0.5), (-0.5, l - 0.5)), ((-0.5, ch - 0.5), (cw - r - 0.5, cw - 0.5)),
             ((-0.5, t_ - 0.5), (l - 0.5, cw - r - 0.5)), ((ch - b - 0.5, ch - 0.5), (l - 0.5, cw - r - 0.5))]
    shapes = [dict(band, y0=y0, y1=y1, x0=x0, x1=x1) for (y0, y1), (x0, x1) in bands if y1 > y0 and x1 > x0]
    shapes.append(dict(type="rect", x0=l - 0.5, x1=l + W - 0.5, y0=t_ - 0.5, y1=t_ + H - 0.5,
                       line=dict(color="#212529", width=2, dash="dot"), **ref))
    return shapes


def scatter_walk(X, K, *, stride=1, padding="valid", output_padding=None, labels=None) -> go.Figure:
    """The scatter-add, stamp by stamp: input (current cell outlined), kernel,
    stamp ``X[i, j]·K`` and the uncropped canvas accumulating.

    One frame per input cell, row-major; the figure opens on the first.
    ``labels`` are :func:`walk_labels`' (English without them).
    """
    labels = labels or walk_labels("en")
    X, K = np.asarray(X, float), np.asarray(K, float)
    kw_args = dict(stride=stride, padding=padding, output_padding=output_padding)
    plan = convcore.transpose_plan(X.shape, K.shape, **kw_args)
    stamps = list(convcore.transpose_stamps(X, K, **kw_args))
    touched = _touched(stamps, plan.canvas_shape, K.shape)
    canvases = np.stack([s.canvas for s in stamps])
    products = np.stack([s.products for s in stamps])
    # each panel on its own symmetric scale; a flat one (one value everywhere) borrows the largest
    shared = float(max(np.abs(a).max() for a in (X, K, products, canvases))) or 1.0
    spans = [_span(a) or shared for a in (X, K, products, canvases)]
    total = len(stamps)

    def frame(n):
        s = stamps[n]
        (i, j), (r, c), (kh, kw) = s.index, s.origin, K.shape
        xx, xy = _rect(i, j, i, j)
        cx, cy = _rect(r, c, r + kh - 1, c + kw - 1)
        data = [dict(type="heatmap", z=s.products.tolist()),
                dict(type="heatmap", z=_blank_untouched(s.canvas, touched[n])),
                dict(type="scatter", x=xx, y=xy), dict(type="scatter", x=cx, y=cy)]
        title = "<br>".join([labels["step"].format(n=n + 1, total=total),
                             labels["stamp_line"].format(i=i, j=j, x=num(s.value), r=r, c=c)])
        return data, title

    first, title = frame(0)
    line = dict(color=ACCENT, width=4)

    def outline(d, axes):
        return dict(type="scatter", x=d["x"], y=d["y"], xaxis=axes[0], yaxis=axes[1], mode="lines", line=line,
                    hoverinfo="skip", showlegend=False)

    canvas_heat = _heat(np.zeros(plan.canvas_shape), ("x4", "y4"), text=canvases[0].size <= MAX_TEXT_CELLS,
                        zmax=spans[3], hover=labels["hover"])
    canvas_heat["z"] = first[1]["z"]  # blank where no stamp has been
    data = [
        _heat(X, ("x", "y"), zmax=spans[0], hover=labels["hover"]),
        _heat(K, ("x2", "y2"), zmax=spans[1], hover=labels["hover"]),
        _heat(first[0]["z"], ("x3", "y3"), zmax=spans[2], hover=labels["hover"]),
        canvas_heat,
        outline(first[2], ("x", "y")),
        outline(first[3], ("x4", "y4")),
    ]
    cropped = any(sum(side) for side in plan.crop)
    names = ("input", "kernel", "stamp", "canvas_crop" if cropped else "canvas")
    grids = [X.shape, K.shape, K.shape, plan.canvas_shape]
    fig = _panels(data, grids, [labels[name] for name in names], title, shapes=_crop_shapes(plan))
    frames, steps = [], []
    for n, s in enumerate(stamps):
        fdata, ftitle = frame(n)
        frames.append(dict(name=str(n), traces=[2, 3, 4, 5], data=fdata, layout=dict(title=dict(text=ftitle))))
        steps.append(dict(method="animate", label="{},{}".format(*s.index),
                          args=[[str(n)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                               transition=dict(duration=0))]))
    _play_controls(fig, frames, steps, labels)
    return fig


def _panels(data, grids, titles, title, *, shapes=()) -> _AnimatedFigure:
    """Panels side by side, each as wide as its grid (and its title at a phone's
    width), the per-step text under the controls: the step page's walk layout."""
    lines = [title_lines(text) for text in titles]
    need = [(max(text_px(s, TITLE_FONT) for s in ls) + 8) / PHONE_PX for ls in lines]
    domains = panel_domains([cols + 1.0 for _, cols in grids], need)
    plot_h = int(np.clip(max(rows * min(40.0, (x1 - x0) * DESKTOP_PX / cols) for (rows, cols), (x0, x1)
                             in zip(grids, domains)), 150, 480))
    text_lines = title.count("<br>") + 1
    bottom = _SUM_AT + text_lines * _LINE_PX + 10
    height = plot_h + 44 + bottom
    suffixes = [""] + [str(n) for n in range(2, len(grids) + 1)]
    layout = dict(
        shapes=list(shapes),
        title=dict(text=title, x=0, xref="container", xanchor="left", y=(text_lines * _LINE_PX + 10) / height,
                   yref="container", yanchor="top", pad=dict(l=12), font=dict(size=SUM_FONT)),
        annotations=[dict(text="<br>".join(ls), x=0.5, y=1.0, xref=f"x{sfx} domain", yref=f"y{sfx} domain",
                          xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=TITLE_FONT))
                     for ls, sfx in zip(lines, suffixes)],
        height=height, font=dict(size=13), margin=dict(l=24, r=10, t=44, b=bottom),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    for sfx, (rows, cols), (x0, x1) in zip(suffixes, grids, domains):
        layout[f"xaxis{sfx}"] = dict(domain=[x0, x1], anchor=f"y{sfx}", **_grid_axis(cols))
        layout[f"yaxis{sfx}"] = dict(domain=[0, 1], anchor=f"x{sfx}", scaleanchor=f"x{sfx}",
                                     constraintoward="bottom", **_grid_axis(rows, reversed_=True))
    fig = _AnimatedFigure(data=data, layout=layout)
    fig._plot_h = plot_h
    return fig


def _play_controls(fig: _AnimatedFigure, frames, steps, labels, active: int = 0) -> None:
    """▶ / ❚❚ on a row of their own under the panels, the step slider under them."""
    plot_h = fig._plot_h
    play = dict(frame=dict(duration=900, redraw=True), fromcurrent=True, transition=dict(duration=0), mode="immediate")
    pause = dict(frame=dict(duration=0, redraw=False), mode="immediate", transition=dict(duration=0))
    fig.layout.updatemenus = [dict(
        type="buttons", direction="left", x=0.0, y=-_BUTTONS_AT / plot_h, xanchor="left", yanchor="top",
        showactive=False, pad=dict(t=0, b=0, l=0, r=0),
        buttons=[dict(label=labels["play"], method="animate", args=[None, play]),
                 dict(label=labels["pause"], method="animate", args=[[None], pause])])]
    fig._raw_frames = frames
    fig._raw_slider = dict(active=active, steps=steps, x=0.0, len=1.0, y=-_SLIDER_AT / plot_h, yanchor="top",
                           pad=dict(t=0, b=0, l=0, r=0), currentvalue=dict(prefix=labels["slider"], font=dict(size=13)))


def zeros_walk(X, K, *, stride=1, padding="valid", output_padding=None, step=0, lang="en") -> go.Figure:
    """The zero-insertion view: the step page's walk of the flipped kernel over
    the zero-inserted input (dotted), padded, at stride 1; ``step`` is the
    output cell (row-major) shown first."""
    v = convcore.transpose_as_corr(X, K, stride=stride, padding=padding, output_padding=output_padding)
    labels = {**corr_labels(lang), "input": t("transposed.lbl_zeros_input", lang),
              "kernel": t("transposed.lbl_flipped", lang)}
    return walk_figure(v.inserted, v.kernel, padding=v.pads, step=step, labels=labels)


def reads_figure(M, cells, title: str, lang: str = "en") -> go.Figure:
    """A small matrix with ``cells`` (row, column pairs) highlighted and its values written in."""
    M = np.asarray(M, float)
    mark = np.zeros(M.shape)
    for r, c in cells:
        mark[r, c] = 1
    rows, cols = M.shape
    size = _cell_px(rows, cols, READS_PX * 0.6)
    heat = dict(type="heatmap", z=mark, colorscale=[[0, "#f1f3f5"], [1, "#ffc9c9"]], zmin=0, zmax=1,
                showscale=False, xgap=2, ygap=2, text=M, texttemplate="%{text:.4~g}" if _numbers_fit(M, size) else None,
                hovertemplate=cell_hover(lang, "text"))
    return go.Figure(data=[heat], layout=_grid_layout(rows, cols, size, title))


def checker_figures(cb, titles: tuple[str, str], lang: str = "en") -> tuple[go.Figure, go.Figure]:
    """The checkerboard's output and its overlap-count map (how many stamps
    reach each output cell), on sequential scales from 0."""
    text_y = bool(np.all(np.equal(np.mod(cb.Y, 1), 0)))  # whole numbers fit a cell; a ramp's decimals do not
    y_fig = heatmap(cb.Y, titles[0], text=text_y and cb.Y.size <= MAX_TEXT_CELLS, zmin=0, lang=lang, text_size=11)
    c_fig = heatmap(cb.counts, titles[1], colorscale="Oranges", zmin=0, lang=lang, text_size=11)
    return y_fig, c_fig
