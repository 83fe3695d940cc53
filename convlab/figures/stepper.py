"""Figures of the step-by-step page: the window walking over the padded input.

The walk is one plotly figure with one animation frame per output cell, so
the play button and the step slider run in the browser without reruns. A
frame carries only what changes: the products, the tapped cells, the window
outline, the current output cell and a cover over the cells not computed yet.
A walk longer than :data:`MAX_FRAMES` animates the stretch of steps around the
chosen cell (:func:`frame_steps`).

A figure does not know how wide the browser draws it: from a phone's 390 px
(about :data:`PHONE_PX` of plot) to a desktop's 800. Panel titles are sized to
fit their panel at a phone's width, controls are stacked under the panels
(never side by side), and cell numbers use plotly's automatic font size, which
shrinks them to their cell (and drops them when nothing fits).
"""
from __future__ import annotations

import unicodedata

import numpy as np
import plotly.graph_objects as go

from convcore import Window, pad_amounts, pad_source, window_at, windows
from convcore._geometry import pair
from convcore._ops import pad_input

from ..fmt import num, window_sum
from ..text import t
from .common import DIVERGING, MAX_TEXT_CELLS, cell_hover

MAX_FRAMES = 160  # animation frames of one walk; a longer walk animates MAX_FRAMES steps around the chosen cell
PHONE_PX = 320  # plot width of a full-width figure on a 390-px phone: panel titles must fit at this width
DESKTOP_PX = 800  # plot width of a full-width figure at 1280 px
TITLE_FONT = 12  # panel titles
SUM_FONT = 14  # the written-out sum under the walk
SUM_CHARS = 40  # characters of that sum on one line (a phone's width at SUM_FONT)
SUM_LINES = 4  # lines of that sum at most
GAP = 0.06  # between two panels (room for the next panel's row numbers), as a fraction of the plot width
ACCENT = "#d6336c"


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


# --- sizes of text and panels ----------------------------------------------------

def text_px(text: str, size: float) -> float:
    """Estimated width in px of one line of ``text`` at font ``size`` (wide
    CJK characters one em, others 0.55 em: a little more than the app's font needs).

    >>> text_px("kernel", 10), text_px("卷积核", 10)
    (33.0, 30.0)
    """
    return float(sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.55 * size for ch in text))


def title_lines(text: str, size: float = TITLE_FONT, one_line_px: float = 70) -> list[str]:
    """A panel title as one line, or two balanced lines (broken at a space or
    before an opening bracket) when one line is wider than ``one_line_px``.

    >>> title_lines("output Y"), title_lines("padded input (dotted: X)")
    (['output Y'], ['padded input', '(dotted: X)'])
    >>> title_lines("填充后的输入（虚线内为 X）")
    ['填充后的输入', '（虚线内为 X）']
    """
    if text_px(text, size) <= one_line_px:
        return [text]
    splits = [(text[:k].rstrip(), text[k + 1:].lstrip()) for k, ch in enumerate(text) if ch == " "]
    splits += [(text[:k].rstrip(), text[k:]) for k, ch in enumerate(text) if ch in "(（" and k > 0]
    splits = [s for s in splits if s[0] and s[1]]
    if not splits:
        return [text]
    return list(min(splits, key=lambda s: (max(text_px(s[0], size), text_px(s[1], size)), -len(s[0]))))


def panel_domains(weights, min_fractions, gap: float = GAP) -> list[tuple[float, float]]:
    """Side-by-side x domains, each as wide as its ``weight`` asks (a panel's
    grid) but at least its ``min_fraction`` of the width (its title), ``gap``
    between neighbours.

    >>> [(round(a, 2), round(b, 2)) for a, b in panel_domains([3, 1], [0.1, 0.4], gap=0.1)]
    [(0.0, 0.5), (0.6, 1.0)]
    """
    n = len(weights)
    avail = 1.0 - gap * (n - 1)
    mins = np.asarray(min_fractions, float)
    if mins.sum() > avail:  # titles cannot all fit: shrink them alike
        mins = mins * avail / mins.sum()
    fixed: dict[int, float] = {}
    while True:
        free = [k for k in range(n) if k not in fixed]
        rest = avail - sum(fixed.values())
        total = sum(weights[k] for k in free) or 1.0
        share = {k: rest * weights[k] / total for k in free}
        short = [k for k in free if share[k] < mins[k]]
        if not short:
            break
        fixed.update({k: float(mins[k]) for k in short})
    widths = [fixed.get(k, share.get(k)) for k in range(n)]
    starts = np.concatenate([[0.0], np.cumsum(np.asarray(widths) + gap)[:-1]])
    return [(min(float(s), 1.0), min(float(s + w), 1.0)) for s, w in zip(starts, widths)]  # no 1.0000000000000002


def wrap_sum(text: str, width: int = SUM_CHARS, max_lines: int = SUM_LINES) -> list[str]:
    """A written-out sum ``a×b + c×d + … = s`` in lines of about ``width``
    characters, broken after a ``+``; past ``max_lines`` the middle terms
    give way to "…" (the page writes the chosen cell's sum out in full).

    >>> wrap_sum("0×0 + 1×1 + 3×2 + 4×3 = 19", 14)
    ['0×0 + 1×1 +', '3×2 + 4×3 = 19']
    >>> wrap_sum("0×0 + 1×1 + 3×2 + 4×3 = 19", 14, max_lines=1)
    ['0×0 + 1×1 + … = 19']
    """
    lines: list[str] = []
    for term in text.split(" + "):
        if lines and len(lines[-1]) + 3 + len(term) <= width:
            lines[-1] += " + " + term
        else:
            if lines:
                lines[-1] += " +"
            lines.append(term)
    if len(lines) > max_lines:
        total = text.rsplit(" = ", 1)[1]
        lines = lines[: max_lines - 1] + [lines[max_lines - 1] + " … = " + total]
    return lines


def frame_steps(total: int, step: int, limit: int = MAX_FRAMES) -> range:
    """The steps (row-major output cells) that get animation frames: all of
    them, or ``limit`` consecutive ones around ``step`` for a longer walk.

    >>> frame_steps(4, 3), frame_steps(484, 0), frame_steps(484, 300), frame_steps(484, 483)
    (range(0, 4), range(0, 160), range(220, 380), range(324, 484))
    """
    if total <= limit:
        return range(total)
    start = min(max(step - limit // 2, 0), total - limit)
    return range(start, start + limit)


def _span(Z) -> float | None:
    """Largest |value| of a panel, the end of its symmetric colour range; None
    for a flat panel (one value everywhere, e.g. a single cell), whose own
    range would be a single colour whatever the value."""
    Z = np.asarray(Z, float)
    finite = Z[np.isfinite(Z)]
    if finite.size == 0 or finite.max() == finite.min():
        return None
    return float(np.abs(finite).max())


def _heat(Z, axes, text=True, zmax=1.0, hover=None):
    return dict(
        type="heatmap", z=np.asarray(Z, float), colorscale=DIVERGING, reversescale=True, zmid=0, zmin=-zmax,
        zmax=zmax, showscale=False, texttemplate="%{z:.4~g}" if text else None,
        # no textfont size: plotly.js then sizes the numbers to fit their cells (never overlapping)
        xgap=2, ygap=2, hovertemplate=hover or cell_hover(), xaxis=axes[0], yaxis=axes[1],
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
    and the title (the step, then the sum written out, wrapped)."""
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
    lines = [step_label.format(n=i * W + j + 1, total=H * W), *wrap_sum(f"Y[{i}, {j}] = {window_sum(w, K)}")]
    return data, "<br>".join(lines)


LABELS = ("input", "kernel", "products", "output", "step", "slider", "play", "pause")
SOURCES = ("copy", "zero", "own")  # what a padded-input cell holds: a copy of X[r, c], a zero, X[r, c] itself
SOURCE_LABELS = {"copy": "copy of X[{r}, {c}]", "zero": "zero padding", "own": "X[{r}, {c}]"}


def walk_labels(lang: str) -> dict[str, str]:
    """The walk's panel titles and controls in ``lang`` (``labels`` of :func:`walk_figure`)."""
    return {**{name: t(f"stepper.lbl_{name}", lang) for name in LABELS}, "hover": cell_hover(lang),
            **{name: t(f"stepper.src_{name}", lang) for name in SOURCES}}


def source_text(X_shape, pads, pad_mode="zeros", labels=None) -> np.ndarray:
    """For each padded-input cell, where its value comes from, in words:
    ``X[r, c]`` inside the input, ``copy of X[r, c]`` in the padding of a
    mirroring or wrapping ``pad_mode``, ``zero padding`` for a zero
    (:func:`convcore.pad_source`; ``labels`` translates the three).

    >>> source_text((1, 2), ((0, 0), (1, 0)), "circular").tolist()
    [['copy of X[0, 1]', 'X[0, 0]', 'X[0, 1]']]
    >>> source_text((1, 1), ((0, 0), (0, 1)))[0, 1]
    'zero padding'
    """
    labels = {**SOURCE_LABELS, **(labels or {})}
    src = pad_source(X_shape, pads, pad_mode)
    (top, _), (left, _) = pads
    n_h, n_w = X_shape
    out = np.empty(src.shape[:2], dtype=object)
    for (r, c), _ in np.ndenumerate(out):
        sr, sc = src[r, c]
        inside = top <= r < top + n_h and left <= c < left + n_w
        name = "zero" if sr < 0 else "own" if inside else "copy"
        out[r, c] = labels[name].format(r=sr, c=sc)
    return out


def _source_hover(hover: str) -> str:
    """A cell's hover with the cell's source (its customdata) on a second line."""
    return hover.replace("<extra>", "<br>%{customdata}<extra>") if "<extra>" in hover else hover + "<br>%{customdata}"


def _grid_axis(n: int, reversed_: bool = False) -> dict:
    """An axis over ``n`` cells: exactly their range (reversed for rows: row 0
    on top), whole numbers only (every one up to 8 cells, then every 2nd, beyond 14 every 5th),
    and a domain that shrinks (never a range that grows) to keep cells square."""
    return dict(range=[n - 0.5, -0.5] if reversed_ else [-0.5, n - 0.5], tickmode="linear", tick0=0,
                dtick=1 if n <= 8 else 2 if n <= 14 else 5, ticks="", ticklabelstandoff=2, tickfont=dict(size=10),
                showgrid=False, zeroline=False, constrain="domain", fixedrange=True)


# vertical layout under the panels, in px below the plot area
_BUTTONS_AT = 34  # ▶ / ❚❚ buttons (about 26 px tall), on a row of their own
_SLIDER_AT = 68  # the slider: its "step (i, j)" label, the rail, ticks and step labels (about 70 px)
_SUM_AT = 168  # the written-out sum, one line per _LINE_PX
_LINE_PX = 19


def walk_figure(X, K, padding=0, stride=1, dilation=1, *, step=0, labels=None, animate=True,
                pad_mode="zeros") -> go.Figure:
    """Padded input with the window, kernel, products and the output filling in.

    ``step`` (row-major output index) is the frame shown first; a walk of
    more than :data:`MAX_FRAMES` steps gets frames for :func:`frame_steps`
    around it. ``labels`` translates the panel titles and controls: keys
    input, kernel, products, output, step (with ``{n}`` and ``{total}``),
    slider, play, pause, hover, and copy, zero, own (:func:`source_text`).
    ``pad_mode`` fills the padding (its values shown, their sources on hover).
    Frames are plain dicts: plotly's validation of hundreds of frame objects
    would cost more than the rest of the page.
    """
    labels = {"input": "padded input", "kernel": "kernel K", "products": "window × K",
              "output": "output Y", "step": "step {n}/{total}", "slider": "step (i, j): ", "play": "▶ play",
              "pause": "❚❚ pause", "hover": cell_hover(), **SOURCE_LABELS, **(labels or {})}
    X, K = np.asarray(X, float), np.asarray(K, float)
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    P = pad_input(X, pads, np.float64, pad_mode)
    ws = list(windows(X, K, padding=padding, stride=stride, dilation=dilation, pad_mode=pad_mode))
    H, W = ws[-1].index[0] + 1, ws[-1].index[1] + 1
    Y = np.array([w.value for w in ws]).reshape(H, W)
    step = int(np.clip(step, 0, len(ws) - 1))
    (top, _), (left, _) = pads
    shown = frame_steps(len(ws), step) if animate else range(step, step + 1)

    big = max(P.size, Y.size) > MAX_TEXT_CELLS
    products = np.stack([w.products for w in ws])
    # each panel on its own symmetric scale; the flat panels (a single cell, say), whose own scale would
    # give one colour whatever the value, share the input's scale, widened to hold their values
    panels = (P, K, products, Y)
    shared = float(max(np.abs(a).max() for a in (P, *(a for a in panels if _span(a) is None)))) or 1.0
    spans = [_span(a) or shared for a in panels]
    frame_data = {n: _frame_data(ws[n], K, dilation, (H, W), labels["step"]) for n in shown}
    first, title = frame_data[step]
    sum_lines = max(ftitle.count("<br>") + 1 for _, ftitle in frame_data.values())
    line = dict(color=ACCENT, width=4)

    def scatter(d, axes, **style):
        return dict(type="scatter", x=d["x"], y=d["y"], xaxis=axes[0], yaxis=axes[1], hoverinfo="skip",
                    showlegend=False, **style)

    data = [
        dict(_heat(P, ("x", "y"), text=P.size <= MAX_TEXT_CELLS, zmax=spans[0], hover=_source_hover(labels["hover"])),
             customdata=source_text(X.shape, pads, pad_mode, labels)),
        _heat(K, ("x2", "y2"), zmax=spans[1], hover=labels["hover"]),
        _heat(first[0]["z"], ("x3", "y3"), zmax=spans[2], hover=labels["hover"]),
        _heat(Y, ("x4", "y4"), text=Y.size <= MAX_TEXT_CELLS, zmax=spans[3], hover=labels["hover"]),
        # the tapped cells: only worth marking when dilation spreads them out
        scatter(first[1], ("x", "y"), mode="markers", visible=pair(dilation, "dilation") != (1, 1),
                marker=dict(symbol="square-open", size=6 if big else 14, color=ACCENT, line=dict(width=2))),
        scatter(first[2], ("x", "y"), mode="lines", line=line),
        scatter(first[3], ("x4", "y4"), mode="lines", line=line),
        scatter(first[4], ("x4", "y4"), mode="lines", fill="toself", fillcolor="white", line=dict(width=0)),
    ]
    # four panels side by side, each as wide as its grid and at least as wide as its title at a phone's width
    grids = [P.shape, K.shape, K.shape, Y.shape]
    names = ("input", "kernel", "products", "output")
    titles = [title_lines(labels[name]) for name in names]
    need = [(max(text_px(s, TITLE_FONT) for s in lines) + 8) / PHONE_PX for lines in titles]
    domains = panel_domains([cols + 1.0 for _, cols in grids], need)
    # plot height: the tallest grid at a desktop's width, cells at most 40 px
    plot_h = int(np.clip(max(rows * min(40.0, (x1 - x0) * DESKTOP_PX / cols) for (rows, cols), (x0, x1)
                             in zip(grids, domains)), 150, 480))
    bottom = (_SUM_AT if animate else 34) + sum_lines * _LINE_PX + 10
    height = plot_h + 44 + bottom
    layout = dict(
        # the original input inside the padding ring
        shapes=[dict(type="rect", xref="x", yref="y", x0=left - 0.5, x1=left + X.shape[1] - 0.5, y0=top - 0.5,
                     y1=top + X.shape[0] - 0.5, line=dict(color="#495057", width=2, dash="dot"))],
        # the sum's first line at a fixed place under the controls (a title anchored at its bottom
        # would push its later lines out of the figure)
        title=dict(text=title, x=0, xref="container", xanchor="left", y=(sum_lines * _LINE_PX + 10) / height,
                   yref="container", yanchor="top", pad=dict(l=12), font=dict(size=SUM_FONT)),
        # each title just above its own grid (the grids sit on a common baseline, next to the controls)
        annotations=[dict(text="<br>".join(lines), x=0.5, y=1.0, xref=f"x{sfx} domain", yref=f"y{sfx} domain",
                          xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=TITLE_FONT))
                     for lines, sfx in zip(titles, ("", "2", "3", "4"))],
        height=height, font=dict(size=13),
        margin=dict(l=24, r=10, t=44, b=bottom), plot_bgcolor="rgba(0,0,0,0)",
    )
    for n, ((rows, cols), (x0, x1)) in enumerate(zip(grids, domains), start=1):
        sfx = "" if n == 1 else str(n)
        # explicit ranges, and the domain (never the range) gives way to keep cells square:
        # an axis spans exactly its grid
        layout[f"xaxis{sfx}"] = dict(domain=[x0, x1], anchor=f"y{sfx}", **_grid_axis(cols))
        layout[f"yaxis{sfx}"] = dict(domain=[0, 1], anchor=f"x{sfx}", scaleanchor=f"x{sfx}",
                                     constraintoward="bottom", **_grid_axis(rows, reversed_=True))

    if not animate:
        return _AnimatedFigure(data=data, layout=layout)
    frames, steps = [], []
    for n in shown:
        fdata, ftitle = frame_data[n]
        frames.append(dict(name=str(n), traces=[2, 4, 5, 6, 7], data=fdata, layout=dict(title=dict(text=ftitle))))
        steps.append(dict(method="animate", label="{},{}".format(*ws[n].index),
                          args=[[str(n)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                               transition=dict(duration=0))]))
    # the buttons on a row of their own, the slider (its "step (i, j)" label first) under them
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
    fig._raw_frames = frames
    fig._raw_slider = dict(active=step - shown.start, steps=steps, x=0.0, len=1.0, y=-_SLIDER_AT / plot_h,
                           yanchor="top", pad=dict(t=0, b=0, l=0, r=0),
                           currentvalue=dict(prefix=labels["slider"], font=dict(size=13)))
    return fig


# --- the cell picker and the cells a window reads ------------------------------------

PICK_PX = 220  # the output picker's plot width at 1280 px (a column of the page); a phone gives it more
READS_PX = 320  # the same for the figure of the cells a window reads


def _cell_px(rows: int, cols: int, width_px: float) -> float:
    """Side of a square cell when ``cols`` of them share ``width_px`` (at most 40)."""
    return min(40.0, width_px / cols, 480.0 / rows)


def _numbers_fit(values, cell_px: float) -> bool:
    """Whether numbers are worth writing into cells of ``cell_px``: at least
    16 px, and the longest number fits at 12 px (fewer than MAX_TEXT_CELLS cells)."""
    values = np.asarray(values, float)
    if values.size > MAX_TEXT_CELLS:
        return False
    longest = max(len(num(v)) for v in values.ravel())
    return cell_px >= max(16.0, 7.2 * longest + 6)


def _grid_layout(rows: int, cols: int, cell_px: float, title, **extra) -> dict:
    """One grid, row 0 on top, every axis spanning exactly its cells."""
    return dict(
        xaxis=_grid_axis(cols), yaxis=dict(_grid_axis(rows, reversed_=True), scaleanchor="x", constraintoward="top"),
        title=dict(text=title, x=0.5, xanchor="center"), plot_bgcolor="rgba(0,0,0,0)",
        height=int(np.clip(rows * cell_px + 80, 180, 560)), margin=dict(l=10, r=10, t=40, b=30), **extra,
    )


def reads_figure(X, K, padding=0, stride=1, dilation=1, *, cell=(0, 0), title=None, lang="en",
                 pad_mode="zeros") -> go.Figure:
    """The padded input (``pad_mode`` fills the padding) with the cells that
    output ``cell`` reads highlighted; a cell's hover says where its value comes from."""
    X, K = np.asarray(X, float), np.asarray(K, float)
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    P = pad_input(X, pads, np.float64, pad_mode)
    w = window_at(X, K, *cell, padding=padding, stride=stride, dilation=dilation, pad_mode=pad_mode)
    read = np.zeros(P.shape)
    for r, c in w.cells(dilation):
        read[r, c] = 1
    rows, cols = P.shape
    size = _cell_px(rows, cols, READS_PX)
    (top, _), (left, _) = pads
    heat = dict(type="heatmap", z=read, colorscale=[[0, "#f1f3f5"], [1, "#ffc9c9"]], zmin=0, zmax=1,
                showscale=False, xgap=1 if size < 16 else 2, ygap=1 if size < 16 else 2, text=P,
                texttemplate="%{text:.4~g}" if _numbers_fit(P, size) else None,
                customdata=source_text(X.shape, pads, pad_mode, {s: t(f"stepper.src_{s}", lang) for s in SOURCES}),
                hovertemplate=_source_hover(cell_hover(lang, "text")))
    ring = dict(type="rect", x0=left - 0.5, x1=left + X.shape[1] - 0.5, y0=top - 0.5, y1=top + X.shape[0] - 0.5,
                line=dict(color="#495057", width=2, dash="dot"))
    return go.Figure(data=[heat], layout=_grid_layout(rows, cols, size, title, shapes=[ring]))


def output_picker(Y, *, cell=(0, 0), title=None) -> go.Figure:
    """The output with one transparent marker per cell, so that a click selects
    the cell (plotly heatmaps report no selection in Streamlit, and selections
    across subplots are unreliable: this is a figure of its own). Numbers are
    written only into cells big enough for them."""
    Y = np.asarray(Y, float)
    H, W = Y.shape
    size = _cell_px(H, W, PICK_PX)
    heat = _heat(Y, ("x", "y"), text=_numbers_fit(Y, size), zmax=_span(Y) or float(np.abs(Y).max()) or 1.0)
    heat.update(hoverinfo="skip", hovertemplate=None, xgap=1 if size < 16 else 2, ygap=1 if size < 16 else 2)
    jj, ii = np.meshgrid(np.arange(W), np.arange(H))
    markers = dict(
        type="scatter", x=jj.ravel(), y=ii.ravel(), customdata=Y.ravel(), mode="markers", showlegend=False,
        marker=dict(size=max(4, int(size) - 2), color="rgba(0,0,0,0)", symbol="square"),
        hovertemplate="Y[%{y}, %{x}] = %{customdata:.4g}<extra></extra>",
    )
    i, j = cell
    here = dict(type="rect", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
                line=dict(color=ACCENT, width=4 if size >= 16 else 2))
    return go.Figure(data=[heat, markers], layout=_grid_layout(H, W, size, title, shapes=[here],
                                                               clickmode="event+select", dragmode=False))
