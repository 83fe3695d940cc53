"""Heatmaps and helpers every page uses."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

MAX_TEXT_CELLS = 20 * 20  # beyond this, per-cell numbers are noise and payload
DIVERGING = "RdBu"  # reversed below so that positive is red, negative blue
SEQUENTIAL = "Blues"


def cell_hover(lang: str = "en", value: str = "z") -> str:
    """A heatmap cell's hover in ``lang``: its row, column and ``%{value}``.

    >>> cell_hover("zh")
    '第 %{y} 行，第 %{x} 列：%{z:.4g}<extra></extra>'
    """
    from ..text import t

    return t("common.hover_cell", lang).replace("%{z", "%{" + value) + "<extra></extra>"


def show_cell_text(shape) -> bool:
    return int(np.prod(shape)) <= MAX_TEXT_CELLS


def heatmap(
    Z,
    title: str | None = None,
    *,
    diverging: bool = False,
    colorscale: str | None = None,
    text: bool | None = None,
    height: int | None = None,
    zmin: float | None = None,
    zmax: float | None = None,
    showscale: bool = False,
    hover: str | None = None,
    lang: str = "en",
    text_format: str = "%{z:.4~g}",
    text_size: int = 14,
) -> go.Figure:
    """A matrix as a heatmap, row 0 on top, one square per cell.

    Cell values are written with the trace's ``texttemplate`` (never one
    annotation per cell) and only on grids of at most ``MAX_TEXT_CELLS``.
    ``diverging`` centres the colour scale at 0. The hover names the cell in ``lang``.
    ``text_format`` and ``text_size`` write the cell values (narrow cells want fewer digits).
    """
    Z = np.asarray(Z)
    if Z.dtype not in (np.float32, np.float64):
        Z = Z.astype(np.float64)  # float32 stays: half the payload of a large heatmap
    if text is None:
        text = show_cell_text(Z.shape)
    trace = dict(
        type="heatmap",
        z=Z,
        colorscale=colorscale or (DIVERGING if diverging else SEQUENTIAL),
        reversescale=diverging and colorscale is None,
        showscale=showscale,
        hovertemplate=hover or cell_hover(lang),
        xgap=1,
        ygap=1,
    )
    if diverging:
        m = float(np.abs(Z).max()) or 1.0
        trace.update(zmid=0, zmin=-m if zmin is None else zmin, zmax=m if zmax is None else zmax)
    elif zmin is not None or zmax is not None:
        trace.update(zmin=zmin, zmax=zmax)
    if text:
        trace.update(texttemplate=text_format, textfont=dict(size=text_size))
    rows, cols = Z.shape
    axis = dict(showgrid=False, zeroline=False, constrain="domain")
    # One constructor call: plotly.py's update_* calls validate step by step
    # and cost several times more than the whole figure.
    return go.Figure(
        data=[trace],
        layout=dict(
            yaxis=dict(axis, autorange="reversed", scaleanchor="x", tickmode="linear" if rows <= 20 else "auto"),
            xaxis=dict(axis, side="top", tickmode="linear" if cols <= 20 else "auto"),
            title=dict(text=title, y=0.98, x=0.5, xanchor="center") if title else None,
            margin=dict(l=10, r=10, t=60 if title else 30, b=10),
            height=height or int(min(520, max(220, 60 + 34 * rows))),
            plot_bgcolor="rgba(0,0,0,0)",
        ),
    )


def payload_bytes(fig: go.Figure) -> int:
    """Size of the figure as sent to the browser (JSON)."""
    return len(fig.to_json().encode())
