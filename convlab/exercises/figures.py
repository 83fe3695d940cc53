"""The exercises' figures: a small grid with its numbers, and a set's progress strip."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..figures.common import heatmap
from ..text import t
from .core import Grid

__all__ = ["grid_figure", "progress_strip", "STATUS"]

STATUS = ("todo", "right", "wrong")  # a question's state on the strip
_COLOURS = {"todo": "#e9ecef", "right": "#2f9e44", "wrong": "#e03131"}
_MARKS = {"todo": "", "right": "✓", "wrong": "✗"}


def grid_figure(grid: Grid, lang: str) -> go.Figure:
    """A small matrix as a heatmap with every number written, titled in ``lang``;
    centred on 0 when it holds negative numbers."""
    Z = grid.array
    rows = Z.shape[0]
    return heatmap(Z, grid.title.render(lang), diverging=bool((Z < 0).any()), lang=lang,
                   height=int(min(420, 90 + 40 * rows)), text_size=13)


def progress_strip(statuses, current: int, lang: str) -> go.Figure:
    """One square per question (grey to do, green right, red wrong), the current
    one outlined; hovering a square says its number and state in ``lang``."""
    n = len(statuses)
    codes = np.array([[STATUS.index(s) for s in statuses]], dtype=float)
    scale = [[v / 2, _COLOURS[s]] for v, s in zip((0, 1, 2), STATUS)]
    labels = [[t("practice.strip_hover", lang, n=q + 1, status=t(f"practice.status_{s}", lang))
               for q, s in enumerate(statuses)]]
    marks = [[f"{q + 1}{_MARKS[s]}" for q, s in enumerate(statuses)]]
    trace = dict(type="heatmap", z=codes, zmin=0, zmax=2, colorscale=scale, showscale=False, xgap=4, ygap=4,
                 customdata=labels, text=marks, texttemplate="%{text}", textfont=dict(size=14),
                 hovertemplate="%{customdata}<extra></extra>")
    outline = dict(type="rect", x0=current - 0.5, x1=current + 0.5, y0=-0.5, y1=0.5, line=dict(color="#1c7ed6", width=3))
    axis = dict(visible=False, fixedrange=True)
    return go.Figure(data=[trace], layout=dict(
        xaxis=dict(axis, range=[-0.5, n - 0.5]), yaxis=dict(axis, range=[-0.5, 0.5]), shapes=[outline],
        height=64, margin=dict(l=4, r=4, t=4, b=4), plot_bgcolor="rgba(0,0,0,0)", dragmode=False))
