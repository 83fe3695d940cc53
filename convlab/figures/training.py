"""Figures of the training page: the loss on a log scale and the kernel
weights epoch by epoch (true values dashed), drawn again as a run grows."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from .common import heatmap

__all__ = ["loss_figure", "weights_figure", "kernel_heatmap", "weight_names", "run_figures", "kernel_pair", "problem_figures", "HEIGHT"]

HEIGHT = 340  # fixed, so redraws do not make the page jump
PALETTE = qualitative.Plotly + qualitative.D3 + qualitative.Dark24


def weight_names(kernel_shape, bias: bool = False) -> list[str]:
    """``k[0][0]``, ``k[0][1]``, ... (row-major), then ``b``.

    >>> weight_names((1, 2), bias=True)
    ['k[0][0]', 'k[0][1]', 'b']
    """
    kh, kw = kernel_shape
    return [f"k[{i}][{j}]" for i in range(kh) for j in range(kw)] + (["b"] if bias else [])


def _layout(fig: go.Figure, title: str, x_title: str, y_title: str, total_epochs: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        height=HEIGHT,
        margin=dict(l=10, r=10, t=50, b=10),
        legend=dict(font=dict(size=11)),
        uirevision="training",
    )
    # The x axis spans the whole run from the start, so the lines grow into it.
    fig.update_xaxes(title=x_title, range=[0.5, max(total_epochs, 2) + 0.5])
    fig.update_yaxes(title=y_title)
    return fig


def loss_figure(epochs, losses, total_epochs: int, *, title: str, x_title: str, y_title: str,
                marks: dict | None = None, marks_name: str = "", x_hover: str | None = None) -> go.Figure:
    """The loss (损失) per epoch on a log scale; ``marks`` ({epoch: loss}, e.g.
    the chapter's printed values) as open circles. ``x_hover`` names the
    epoch in hovers (default ``x_title``)."""
    x_hover = x_hover or x_title
    losses = np.asarray(losses, dtype=float)
    shown = np.where(losses > 0, losses, np.nan)  # a log axis cannot show 0
    fig = go.Figure(go.Scatter(
        x=list(epochs), y=shown, mode="lines+markers" if len(losses) <= 60 else "lines",
        name=y_title, line=dict(color=PALETTE[0], width=2),
        hovertemplate=x_hover + " %{x}: %{y:.4g}<extra></extra>",
    ))
    if marks:
        fig.add_trace(go.Scatter(
            x=list(marks), y=list(marks.values()), mode="markers", name=marks_name,
            marker=dict(symbol="circle-open", size=10, color="gray"),
            hovertemplate=x_hover + " %{x}: %{y}<extra>" + marks_name + "</extra>",
        ))
    fig.update_yaxes(type="log", exponentformat="power")
    fig = _layout(fig, title, x_title, y_title, total_epochs)
    fig.update_layout(showlegend=bool(marks), legend=dict(x=1, xanchor="right", y=1, bgcolor="rgba(255,255,255,0.6)"))
    return fig


def weights_figure(epochs, kernels, true_kernel, total_epochs: int, *, title: str, x_title: str,
                   y_title: str, true_name: str, biases=None, x_hover: str | None = None) -> go.Figure:
    """One line per kernel weight (and the bias) against the epoch, each with
    its true value as a dashed line of the same colour. ``x_hover`` names the
    epoch in hovers (default ``x_title``)."""
    x_hover = x_hover or x_title
    kernels = np.asarray(kernels, dtype=float).reshape(len(epochs), -1)
    true = np.asarray(true_kernel, dtype=float).reshape(-1)
    series = [kernels[:, n] for n in range(kernels.shape[1])]
    targets = list(true)
    if biases is not None:
        series.append(np.asarray(biases, dtype=float))
        targets.append(0.0)
    names = weight_names(np.asarray(true_kernel).shape, biases is not None)
    x = list(epochs)
    x_end = max(total_epochs, 2) + 0.5
    fig = go.Figure()
    for n, (name, ys, target) in enumerate(zip(names, series, targets)):
        color = PALETTE[n % len(PALETTE)]
        fig.add_trace(go.Scatter(
            x=x, y=ys, mode="lines", name=name, legendgroup=name, line=dict(color=color, width=2),
            hovertemplate=name + ", " + x_hover + " %{x}: %{y:.4f}<extra></extra>",
        ))
        fig.add_trace(go.Scatter(
            x=[0.5, x_end], y=[target, target], mode="lines", name=f"{name} ({true_name})",
            legendgroup=name, showlegend=False, line=dict(color=color, width=1, dash="dash"),
            hovertemplate=f"{name} {true_name}: {target:g}<extra></extra>",
        ))
    return _layout(fig, title, x_title, y_title, total_epochs)


def kernel_heatmap(K, title: str, scale: float | None = None, lang: str = "en") -> go.Figure:
    """A kernel as a heatmap with its values written in (diverging colours
    from ``-scale`` to ``scale``, so two kernels can share one scale)."""
    K = np.asarray(K, dtype=float)
    m = scale if scale and np.isfinite(scale) else (float(np.abs(K).max()) or 1.0)
    return heatmap(K, title, diverging=True, zmin=-m, zmax=m,
                   height=int(min(420, max(200, 90 + 60 * K.shape[0]))), lang=lang)


def run_figures(run, lang: str) -> tuple[go.Figure, go.Figure]:
    """A run's loss and weights figures (so far), labelled in ``lang``."""
    from ..text import t

    c = run.config
    loss = loss_figure(run.epochs, run.losses, c["epochs"], title=t("training.loss_title", lang),
                       x_title=t("training.epoch_axis", lang), y_title=t("training.loss_axis", lang),
                       marks=run.book, marks_name=t("training.book", lang), x_hover=t("training.hover_epoch", lang))
    weights = weights_figure(run.epochs, run.kernels, run.true, c["epochs"], title=t("training.weights_title", lang),
                             x_title=t("training.epoch_axis", lang), y_title=t("training.weight_axis", lang),
                             true_name=t("training.true", lang), biases=run.biases,
                             x_hover=t("training.hover_epoch", lang))
    return loss, weights


def kernel_pair(run, lang: str) -> tuple[go.Figure, go.Figure]:
    """The learned and the true kernel on one colour scale (unless a diverged
    run's weights would wash the true kernel out)."""
    from ..text import t

    K_true, K_learned = np.array(run.true), np.array(run.kernels[-1])
    scale = None if run.status == "diverged" else float(max(np.abs(K_true).max(), np.abs(K_learned).max())) or 1.0
    return (kernel_heatmap(K_learned, t("training.learned_kernel", lang), scale, lang),
            kernel_heatmap(K_true, t("training.true_kernel", lang), scale, lang))


def problem_figures(prob, lang: str) -> tuple[go.Figure, go.Figure, go.Figure]:
    """The problem's input X, true kernel K and target Y = corr2d(X, K)
    (numbers in the cells of small grids)."""
    from ..text import t

    text = max(prob.X.shape) <= 8
    return (heatmap(prob.X, t("training.input", lang), text=text, lang=lang), kernel_heatmap(prob.K, "K", lang=lang),
            heatmap(prob.Y, t("training.output", lang), diverging=True, text=text, lang=lang))
