"""Figures of the groups-and-depthwise page (plotly).

* :func:`connection_figure`: input channels as a column of boxes on the
  left, output channels on the right, one line per kernel slice
  (:func:`convcore.group_inputs`), coloured by group; the followed output
  channel's lines thick.
* :func:`channel_grid`: many small heatmaps (channels) in one figure, at
  most ``per_row`` a row, so that sixteen channels are one chart, cheap to
  build and draw, and still fit a phone; cells, gaps, numbers and outlines
  look as on the "Why convolution" page's channel figures.
* :func:`example_figures`: the worked example's input, the followed output
  channel's kernel slices, and the output, as three such grids.

Sizes are in pixels. The connection diagram leaves the top strip of
``MODEBAR_PX`` free for plotly's mode bar, as on the "Why convolution" page;
the channel grids show none (:data:`NO_MODEBAR`), so that stacked on a
phone they stand close together.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.colors import get_colorscale, qualitative

import convcore

from ..text import t
from .common import SEQUENTIAL
from .why import LINE_PX, MODEBAR_PX, OUTLINE

__all__ = ["NO_MODEBAR", "group_colour", "connection_figure", "Tile", "channel_grid", "example_figures"]

# 16 distinguishable colours: depthwise on 16 channels has 16 groups
PALETTE = qualitative.D3 + qualitative.Dark2[:6]
GREYS = [[0, "#f8f9fa"], [1, "#adb5bd"]]  # channels the followed output does not read
NO_MODEBAR = {"displayModeBar": False}  # st.plotly_chart's config for the channel grids


def group_colour(group: int) -> str:
    """The colour of group ``group`` (the same on every figure of the page).

    >>> group_colour(0), group_colour(16) == group_colour(0)
    ('#1F77B4', True)
    """
    return PALETTE[group % len(PALETTE)]


def _positions(n: int, rows: int) -> list[float]:
    """Centres of ``n`` boxes spread evenly over ``rows`` rows (0 on top)."""
    return [(i + 0.5) * rows / n for i in range(n)]


def connection_figure(c_in: int, c_out: int, groups: int, focus: int, lang: str) -> go.Figure:
    """Which input channels each output channel reads: one line per kernel
    slice from :func:`convcore.group_inputs`, coloured by group; the lines of
    output channel ``focus`` thick, the others faint. The output boxes carry
    the points a click selects."""
    reads = convcore.group_inputs(c_in, c_out, groups)
    per_in, per_out = c_in // groups, c_out // groups
    rows = max(c_in, c_out)
    row_px = 30 if rows <= 8 else 26
    y_in, y_out = _positions(c_in, rows), _positions(c_out, rows)
    data = []
    for grp in range(groups):
        for thick in (False, True):
            xs, ys = [], []
            for o in range(grp * per_out, (grp + 1) * per_out):
                if (o == focus) != thick:
                    continue
                for c in reads[o]:
                    xs += [0, 1, None]
                    ys += [y_in[c], y_out[o], None]
            if xs:
                data.append(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(color=group_colour(grp), width=4 if thick else 1.3),
                                 opacity=1 if thick else 0.45))

    def boxes(x, ys, n, per, hover, outline):
        grp = [i // per for i in range(n)]
        return dict(type="scatter", x=[x] * n, y=ys, mode="markers+text", text=[str(i) for i in range(n)],
                    textfont=dict(color="white", size=12), showlegend=False, cliponaxis=False,
                    customdata=[[i, g] for i, g in enumerate(grp)],
                    hovertemplate=t(hover, lang) + "<extra></extra>",
                    marker=dict(symbol="square", size=row_px - 6, color=[group_colour(g) for g in grp],
                                line=dict(color=outline, width=[3 if i == focus and x == 1 else 0 for i in range(n)])),
                    selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)))

    data.append(boxes(0, y_in, c_in, per_in, "groups.hover_in", "#212529"))
    data.append(boxes(1, y_out, c_out, per_out, "groups.hover_out", "#212529"))
    top = MODEBAR_PX + LINE_PX + 4
    height = top + rows * row_px + 8
    axis = dict(visible=False, fixedrange=True)
    headers = [dict(text=f"<b>{t(key, lang)}</b>", x=x, y=1, xref="x", yref="paper", yanchor="bottom", yshift=6,
                    showarrow=False, font=dict(size=13))
               for x, key in ((0, "groups.fig_inputs"), (1, "groups.fig_outputs"))]
    layout = dict(height=height, margin=dict(l=8, r=8, t=top, b=8), plot_bgcolor="rgba(0,0,0,0)",
                  xaxis=dict(axis, range=[-0.45, 1.45]), yaxis=dict(axis, range=[rows, 0]),
                  annotations=headers, showlegend=False, dragmode=False, clickmode="event+select")
    return go.Figure(data=data, layout=layout, _validate=False)  # the tests validate it


@dataclass(frozen=True)
class Tile:
    """One channel of a :func:`channel_grid`: its values, its name (the title
    and the hover say it), its title's colour, whether it is greyed out, and
    cell ranges ``((r0, r1), (c0, c1))`` to outline."""

    Z: np.ndarray
    name: str
    colour: str | None = None
    dim: bool = False
    outlines: tuple = ()
    bold: bool = False


def channel_grid(tiles: list[Tile], lang: str, *, colorscale: str, title: str | None = None, per_row: int = 4,
                 cell_px: int = 22) -> go.Figure:
    """Channels of one shape side by side, ``per_row`` a row, each under its
    name: one heatmap over one pair of axes (cells between the channels are
    empty), so that sixteen channels cost no more than one. The channels
    share the colour scale; greyed ones are a second heatmap in grey. Cells
    are square, at most ``cell_px`` pixels (a phone's 390 px shrink them to
    about 19 px for 4x4 channels: the figure's height, fixed, is then a
    little too tall, so ``cell_px`` stays small),
    with their values written in, as every heatmap of the app
    (:mod:`convlab.figures.common`)."""
    h, w = np.asarray(tiles[0].Z).shape
    cols_used = min(per_row, len(tiles))
    grid_rows = math.ceil(len(tiles) / per_row)
    rows, cols = grid_rows * (h + 1), cols_used * (w + 1) - 1  # a title row above each row of channels
    Z = {False: np.full((rows, cols), np.nan), True: np.full((rows, cols), np.nan)}
    custom = np.empty((rows, cols, 3), dtype=object)
    annotations, shapes = [], []
    for n, tile in enumerate(tiles):
        r0, c0 = (n // per_row) * (h + 1) + 1, (n % per_row) * (w + 1)
        Z[tile.dim][r0:r0 + h, c0:c0 + w] = tile.Z
        for i in range(h):
            for j in range(w):
                custom[r0 + i, c0 + j] = (tile.name, i, j)
        name = f"<b>{tile.name}</b>" if tile.bold else tile.name
        annotations.append(dict(text=name, x=c0 + (w - 1) / 2, y=r0 - 1, xref="x", yref="y", showarrow=False,
                                font=dict(size=12, color=tile.colour or "#495057")))
        for (a0, a1), (b0, b1) in tile.outlines:
            shapes.append(dict(type="rect", xref="x", yref="y", x0=c0 + b0 - 0.5, x1=c0 + b1 + 0.5, y0=r0 + a0 - 0.5,
                               y1=r0 + a1 + 0.5, line=dict(color=OUTLINE, width=3)))
    hover = t("groups.hover_panel", lang, name="%{customdata[0]}", row="%{customdata[1]}",
              col="%{customdata[2]}") + "<extra></extra>"
    top = LINE_PX + 10 if title else 4  # no mode bar on these (NO_MODEBAR): nothing to zoom
    data = []
    values = [float(v) for tile in tiles for v in np.ravel(tile.Z)]
    scale = [list(step) for step in get_colorscale(colorscale)]  # plotly.py's colours (plotly.js' differ)
    for dim in (False, True):
        if np.isnan(Z[dim]).all():
            continue
        data.append(dict(type="heatmap", z=Z[dim].tolist(), customdata=custom.tolist(), hovertemplate=hover,
                         hoverongaps=False, colorscale=GREYS if dim else scale, opacity=0.6 if dim else 1,
                         zmin=min(values), zmax=max(values), showscale=False, xgap=1, ygap=1,
                         texttemplate="%{z:.4~g}", textfont=dict(size=12)))
    if title:
        annotations.append(dict(text=title, x=0, y=1, xref="paper", yref="paper", xanchor="left", yanchor="bottom",
                                yshift=6, showarrow=False, font=dict(size=14)))
    axis = dict(visible=False, fixedrange=True)
    layout = dict(height=top + rows * cell_px + 6, margin=dict(l=4, r=4, t=top, b=6), plot_bgcolor="rgba(0,0,0,0)",
                  showlegend=False, annotations=annotations, shapes=shapes,
                  xaxis=dict(axis, range=[-0.5, cols - 0.5], constrain="domain", constraintoward="left"),
                  yaxis=dict(axis, range=[rows - 0.5, -0.5], scaleanchor="x", constrain="domain",
                             constraintoward="top"))
    return go.Figure(data=data, layout=layout, _validate=False)


def example_figures(ex, o: int, lang: str) -> tuple[go.Figure, go.Figure, go.Figure]:
    """The worked example (:func:`convlab.groups.example`) following output
    channel ``o``: the input (the channels ``o`` reads, with the window of
    cell (0, 0) outlined; the others greyed), ``o``'s kernel slices, and
    every output channel (``o`` in bold, its cell (0, 0) outlined). Names
    take their group's colour."""
    C, O = ex.X.shape[0], ex.Y.shape[0]
    read = set(int(c) for c in ex.inputs[o])
    colour = group_colour(ex.group_of(o))
    inputs = channel_grid([Tile(ex.X[c], f"X[{c}]", group_colour(c // (C // ex.groups)), dim=c not in read,
                                outlines=(((0, 1), (0, 1)),) if c in read else ()) for c in range(C)],
                          lang, colorscale=SEQUENTIAL, title=t("groups.fig_X", lang, o=o))
    kernel = channel_grid([Tile(ex.K[o, j], f"K[{o}, {j}]", colour) for j in range(ex.K.shape[1])],
                          lang, colorscale="Oranges", title=t("groups.fig_K", lang, o=o))
    output = channel_grid([Tile(ex.Y[q], f"▸ Y[{q}]" if q == o else f"Y[{q}]", group_colour(ex.group_of(q)),
                                bold=q == o, outlines=(((0, 0), (0, 0)),) if q == o else ()) for q in range(O)],
                          lang, colorscale="Greens", title=t("groups.fig_Y", lang, cout=O), cell_px=26)
    return inputs, kernel, output
