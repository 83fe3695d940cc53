"""Figures of the pooling page: the pooling window walking over the input, and
the one-pixel shift of the chapter's edge image.

The walk is one plotly figure with one animation frame per output cell (the
step page's mechanics, :mod:`convlab.figures.stepper`): ▶ and the slider run
in the browser without reruns. A frame carries what changes: the window's
outline, the cell that won a maximum, the current output cell, the cover over
the output cells not computed yet, and the written-out maximum or average.
Padding ('same') shows as empty cells inside the padded grid, marked −∞ for
max pooling (TensorFlow pads with −∞; an average does not count them).

The shift figures are :func:`convlab.figures.why.panel_figure` columns
(image, edge map, pooled map; the original above, the shifted copy below),
side by side on a desktop and stacked on a phone.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from convcore import pad_amounts, pool2d

from ..pooling import ShiftDemo, Step, detections, step_note, step_text, walk
from ..text import t
from .common import cell_hover
from .stepper import (_BUTTONS_AT, _LINE_PX, _SLIDER_AT, _SUM_AT, ACCENT, DESKTOP_PX, PHONE_PX, SUM_FONT, TITLE_FONT,
                      _AnimatedFigure, _cover, _grid_axis, _heat, _rect, frame_steps, panel_domains, text_px,
                      title_lines)
from .why import Panel, panel_figure

__all__ = ["WINNER", "wrap_px", "walk_labels", "walk_figure", "shift_figures"]

PADDING = "#e9ecef"  # a padding cell of 'same' pooling
WINNER = "#fab005"  # the cell a maximum came from: an inset square, its number left readable
PANEL_PX = 150  # height of each shift panel
IMAGE_SCALE = [[0, "#343a40"], [1, "#f1f3f5"]]  # black 0, white 1 (light grey: white cells stay visible)


def wrap_px(text: str, px: float = PHONE_PX + 20, size: float = SUM_FONT) -> list[str]:
    """``text`` in lines at most ``px`` wide at font ``size``: broken at a space,
    or next to a wide (CJK) character; never inside a number.

    >>> wrap_px("max(0, 1, 3, 4) = 4", 80, 10)
    ['max(0, 1, 3,', '4) = 4']
    >>> wrap_px("只除以真实元素", 30, 10)
    ['只除以', '真实元', '素']
    """
    lines, line, width, cut, after_wide = [], "", 0.0, 0, False  # cut: where the line may break (0: nowhere yet)
    for ch in text:
        w = text_px(ch, size)
        if line and (ch == " " or w >= size or after_wide):
            cut = len(line)
        line, width, after_wide = line + ch, width + w, w >= size
        if width > px and cut:
            lines.append(line[:cut].rstrip())
            line, cut = line[cut:].lstrip(), 0
            width = text_px(line, size)
    return lines + [line] if line else lines


def walk_labels(lang: str) -> dict[str, str]:
    """The walk's panel titles, notes and controls in ``lang`` (``labels`` of :func:`walk_figure`)."""
    return {"input": t("pooling.lbl_input", lang), "input_padded": t("pooling.lbl_input_padded", lang),
            "output": t("pooling.lbl_output", lang), "step": t("stepper.lbl_step", lang),
            "slider": t("stepper.lbl_slider", lang), "play": t("stepper.lbl_play", lang),
            "pause": t("stepper.lbl_pause", lang), "note_avg": t("pooling.note_avg", lang),
            "note_max": t("pooling.note_max", lang), "hover": cell_hover(lang)}


def _frame(s: Step, mode: str, pads, out_shape, labels) -> tuple[list[dict], str]:
    """Traces 4-7 (window, winner, output cell, cover) and the title of one step:
    the step, the maximum or average written out, and what padding in the window means."""
    (top, _), (left, _) = pads
    i, j = s.index
    r0, c0 = s.origin
    wx, wy = _rect(r0, c0, r0 + s.size[0] - 1, c0 + s.size[1] - 1)
    if s.winner is not None:  # an inset square over the winning cell
        r, c = s.winner[0] + top, s.winner[1] + left
        bx, by = [c - 0.38, c + 0.38, c + 0.38, c - 0.38, c - 0.38], [r - 0.38, r - 0.38, r + 0.38, r + 0.38, r - 0.38]
    else:
        bx, by = [], []
    ox, oy = _rect(i, j, i, j)
    cx, cy = _cover(i, j, *out_shape)
    data = [dict(type="scatter", x=wx, y=wy), dict(type="scatter", x=bx, y=by), dict(type="scatter", x=ox, y=oy),
            dict(type="scatter", x=cx, y=cy)]
    H, W = out_shape
    arith, result = step_text(s, mode).rsplit(" = ", 1)  # "= value" (and an average's "/ n") never start a line
    arith = arith.replace(" / ", "\u00a0/\u00a0")
    lines = [labels["step"].format(n=i * W + j + 1, total=H * W), *wrap_px(f"{arith}\u00a0=\u00a0{result}")]
    note = step_note(s, mode)
    if note:
        lines += wrap_px(labels[note[0].rsplit(".", 1)[1]].format(**note[1]), size=SUM_FONT - 1)
    return data, "<br>".join(lines)


def walk_figure(X, size, stride, padding="valid", mode="max", *, step=0, labels=None) -> go.Figure:
    """The input (padded for 'same') with the pooling window and, for max
    pooling, the cell that wins; the output filling in cell by cell.

    ``step`` (row-major output index) is the frame shown first. ``labels``
    (:func:`walk_labels`) translates titles, notes and controls.
    """
    labels = {**walk_labels("en"), **(labels or {})}
    X = np.asarray(X, float)
    steps = walk(X, size, stride, padding, mode)
    Y = pool2d(X, size, stride=stride, padding=padding, mode=mode)
    H, W = Y.shape
    pads = pad_amounts(X.shape, size, padding, stride)
    (top, bottom), (left, right) = pads
    P = np.full((X.shape[0] + top + bottom, X.shape[1] + left + right), np.nan)
    P[top:top + X.shape[0], left:left + X.shape[1]] = X
    step = int(np.clip(step, 0, len(steps) - 1))
    shown = frame_steps(len(steps), step)
    frames = {n: _frame(steps[n], mode, pads, (H, W), labels) for n in shown}
    first, title = frames[step]
    sum_lines = max(ftitle.count("<br>") + 1 for _, ftitle in frames.values())
    span = float(np.abs(X).max()) or 1.0  # one scale: every output value is an input value or an average of them
    pad_r, pad_c = np.nonzero(np.isnan(P))
    line = dict(color=ACCENT, width=4)

    def scatter(d, axes, **style):
        return dict(type="scatter", x=d["x"], y=d["y"], xaxis=axes[0], yaxis=axes[1], hoverinfo="skip",
                    showlegend=False, **style)

    data = [
        # the padding cells, grey under the input's heatmap (whose padding cells are empty)
        dict(type="heatmap", z=np.where(np.isnan(P), 0.0, np.nan), colorscale=[[0, PADDING], [1, PADDING]],
             showscale=False, xgap=2, ygap=2, hoverinfo="skip", xaxis="x", yaxis="y"),
        _heat(P, ("x", "y"), zmax=span, hover=labels["hover"]),
        _heat(Y, ("x2", "y2"), zmax=span, hover=labels["hover"]),
        # TensorFlow pads max pooling with -inf (it never wins); an average leaves the padding out
        dict(type="scatter", x=pad_c, y=pad_r, mode="text", text=["−∞" if mode == "max" else ""] * len(pad_r),
             textfont=dict(color="#868e96", size=11), xaxis="x", yaxis="y", hoverinfo="skip", showlegend=False),
        scatter(first[0], ("x", "y"), mode="lines", line=line),
        scatter(first[1], ("x", "y"), mode="lines", line=dict(color=WINNER, width=4)),
        scatter(first[2], ("x2", "y2"), mode="lines", line=line),
        scatter(first[3], ("x2", "y2"), mode="lines", fill="toself", fillcolor="white", line=dict(width=0)),
    ]
    grids = [P.shape, Y.shape]
    titles = [title_lines(labels["input_padded" if P.shape != X.shape else "input"]), title_lines(labels["output"])]
    need = [(max(text_px(s, TITLE_FONT) for s in lines) + 8) / PHONE_PX for lines in titles]
    domains = panel_domains([cols + 1.0 for _, cols in grids], need, gap=0.1)
    # plot height: the taller grid at a desktop's width, cells at most 40 px
    plot_h = int(np.clip(max(rows * min(40.0, (x1 - x0) * DESKTOP_PX / cols) for (rows, cols), (x0, x1)
                             in zip(grids, domains)), 150, 420))
    bottom_px = _SUM_AT + sum_lines * _LINE_PX + 10
    height = plot_h + 44 + bottom_px
    layout = dict(
        shapes=[dict(type="rect", xref="x", yref="y", x0=left - 0.5, x1=left + X.shape[1] - 0.5, y0=top - 0.5,
                     y1=top + X.shape[0] - 0.5, line=dict(color="#495057", width=2, dash="dot"))] if (
            P.shape != X.shape) else [],
        title=dict(text=title, x=0, xref="container", xanchor="left", y=(sum_lines * _LINE_PX + 10) / height,
                   yref="container", yanchor="top", pad=dict(l=12), font=dict(size=SUM_FONT)),
        annotations=[dict(text="<br>".join(lines), x=0.5, y=1.0, xref=f"x{sfx} domain", yref=f"y{sfx} domain",
                          xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=TITLE_FONT))
                     for lines, sfx in zip(titles, ("", "2"))],
        height=height, font=dict(size=13), margin=dict(l=24, r=10, t=44, b=bottom_px),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    # the two grids shrink toward each other (a wide figure keeps them side by side, not at its edges)
    for n, ((rows, cols), (x0, x1), toward) in enumerate(zip(grids, domains, ("right", "left")), start=1):
        sfx = "" if n == 1 else str(n)
        layout[f"xaxis{sfx}"] = dict(domain=[x0, x1], anchor=f"y{sfx}", constraintoward=toward, **_grid_axis(cols))
        layout[f"yaxis{sfx}"] = dict(domain=[0, 1], anchor=f"x{sfx}", scaleanchor=f"x{sfx}",
                                     constraintoward="bottom", **_grid_axis(rows, reversed_=True))
    raw_frames, slider_steps = [], []
    for n in shown:
        fdata, ftitle = frames[n]
        raw_frames.append(dict(name=str(n), traces=[4, 5, 6, 7], data=fdata, layout=dict(title=dict(text=ftitle))))
        slider_steps.append(dict(method="animate", label="{},{}".format(*steps[n].index),
                                 args=[[str(n)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                                      transition=dict(duration=0))]))
    layout["updatemenus"] = [dict(
        type="buttons", direction="left", x=0.0, y=-_BUTTONS_AT / plot_h, xanchor="left", yanchor="top",
        showactive=False, pad=dict(t=0, b=0, l=0, r=0),
        buttons=[
            dict(label=labels["play"], method="animate",
                 args=[None, dict(frame=dict(duration=700, redraw=True), fromcurrent=True,
                                  transition=dict(duration=0), mode="immediate")]),
            dict(label=labels["pause"], method="animate",
                 args=[[None], dict(frame=dict(duration=0, redraw=False), mode="immediate",
                                    transition=dict(duration=0))]),
        ])]
    fig = _AnimatedFigure(data=data, layout=layout)
    fig._raw_frames = raw_frames
    fig._raw_slider = dict(active=step - shown.start, steps=slider_steps, x=0.0, len=1.0, y=-_SLIDER_AT / plot_h,
                           yanchor="top", pad=dict(t=0, b=0, l=0, r=0),
                           currentvalue=dict(prefix=labels["slider"], font=dict(size=13)))
    return fig


# --- a one-pixel shift -------------------------------------------------------------

def _runs(mask) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The True cells of ``mask`` as outlines ``((r0, r1), (c, c))``, one per
    vertical run in a column.

    >>> _runs([[True, False], [True, True]])
    [((0, 1), (0, 0)), ((1, 1), (1, 1))]
    """
    out = []
    mask = np.asarray(mask, bool)
    for c in range(mask.shape[1]):
        r = 0
        while r < mask.shape[0]:
            if mask[r, c]:
                r1 = r
                while r1 + 1 < mask.shape[0] and mask[r1 + 1, c]:
                    r1 += 1
                out.append(((r, r1), (c, c)))
                r = r1
            r += 1
    return out


def shift_figures(demo: ShiftDemo, titles: tuple[str, str, str], lang: str) -> list[go.Figure]:
    """Three figures side by side: the image, its edge map and the pooled map,
    each the original (top) and the shifted copy (bottom); the cells where a
    map finds the white-to-black edge are outlined. ``titles`` name the three."""
    rows = [t("pooling.row_original", lang), t("pooling.row_shifted", lang, d=demo.shift)]
    hover = cell_hover(lang)
    m = float(max(np.abs(P).max() for P in demo.pooled)) or 1.0

    # every panel as tall (the rows line up across the three figures); cells stay square
    def image(X, label):
        return Panel(X, label, colorscale=IMAGE_SCALE, zmin=0, zmax=1, hover=hover, font_size=11, px=PANEL_PX)

    def edges(M, label, zmax):
        return Panel(np.round(M, 6), label, diverging=True, zmin=-zmax, zmax=zmax, hover=hover, font_size=11,
                     outlines=_runs(detections(M)), px=PANEL_PX)

    columns = [[image(X, r) for X, r in zip(demo.images, rows)],
               [edges(M, r, 1.0) for M, r in zip(demo.conv, rows)],
               [edges(M, r, m) for M, r in zip(demo.pooled, rows)]]
    return [panel_figure(panels, title=f"<b>{title}</b>", size=190) for panels, title in zip(columns, titles)]
