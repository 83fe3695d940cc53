"""Figures of the training page: the loss on a log scale and the kernel
weights epoch by epoch (true values dashed), drawn again as a run grows."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.colors import qualitative

from .common import heatmap

__all__ = ["loss_figure", "weights_figure", "kernel_heatmap", "weight_names", "legend_height", "run_figures", "kernel_pair",
           "problem_figures", "HEIGHT"]

HEIGHT = 340  # fixed, so redraws do not make the page jump
LEGEND_ROW = 22  # a legend row's height (font 11)
PHONE_ROW = 3  # legend entries per row in a phone's figure (~350 px wide)
PALETTE = qualitative.Plotly + qualitative.D3 + qualitative.Dark24


def weight_names(kernel_shape, bias: bool = False) -> list[str]:
    """``k[0][0]``, ``k[0][1]``, ... (row-major), then ``b``.

    >>> weight_names((1, 2), bias=True)
    ['k[0][0]', 'k[0][1]', 'b']
    """
    kh, kw = kernel_shape
    return [f"k[{i}][{j}]" for i in range(kh) for j in range(kw)] + (["b"] if bias else [])


def legend_height(entries: int) -> int:
    """The figure's height with ``entries`` legend entries: :data:`HEIGHT`,
    plus a row for every :data:`PHONE_ROW` entries past the first row, so
    that the plot keeps its height on a phone too.

    >>> [legend_height(n) for n in (0, 2, 4, 9, 26)]
    [340, 340, 362, 384, 516]
    """
    return HEIGHT + LEGEND_ROW * max(0, -(-entries // PHONE_ROW) - 1)


def _layout(title: str, x_title: str, y_title: str, total_epochs: int, entries: int = 0,
            entrywidth: int | None = None, **yaxis) -> dict:
    # The legend is a horizontal band under the plot: it hides no curve, and
    # every entry shows (the band wraps into rows and the margin grows to fit).
    legend = dict(orientation="h", x=0, xanchor="left", y=0, yanchor="bottom", yref="container",
                  font=dict(size=11), tracegroupgap=0)
    if entrywidth:
        legend["entrywidth"] = entrywidth
    return dict(
        title=dict(text=title, x=0, xanchor="left"),
        height=legend_height(entries),
        margin=dict(l=10, r=10, t=50, b=10),
        showlegend=entries > 0,
        legend=legend,
        uirevision="training",
        # The x axis spans the whole run from the start, so the lines grow into it.
        xaxis=dict(title=dict(text=x_title), range=[0.5, max(total_epochs, 2) + 0.5]),
        yaxis=dict(title=dict(text=y_title), **yaxis),
    )


def loss_figure(epochs, losses, total_epochs: int, *, title: str, x_title: str, y_title: str,
                marks: dict | None = None, marks_name: str = "", x_hover: str | None = None) -> go.Figure:
    """The loss (损失) per epoch on a log scale; ``marks`` ({epoch: loss}, e.g.
    the chapter's printed values) as open circles. ``x_hover`` names the
    epoch in hovers (default ``x_title``)."""
    x_hover = x_hover or x_title
    losses = np.asarray(losses, dtype=float)
    shown = np.where(losses > 0, losses, np.nan)  # a log axis cannot show 0
    data = [dict(
        type="scatter", x=list(epochs), y=shown, mode="lines+markers" if len(losses) <= 60 else "lines",
        name=y_title, line=dict(color=PALETTE[0], width=2),
        hovertemplate=x_hover + " %{x}: %{y:.4g}<extra></extra>",
    )]
    if marks:
        data.append(dict(
            type="scatter", x=list(marks), y=list(marks.values()), mode="markers", name=marks_name,
            marker=dict(symbol="circle-open", size=10, color="gray"),
            hovertemplate=x_hover + " %{x}: %{y}<extra>" + marks_name + "</extra>",
        ))
    # One constructor call: plotly.py's add_trace/update_* calls validate step by step.
    return go.Figure(data=data, layout=_layout(title, x_title, y_title, total_epochs, entries=len(data) if marks else 0,
                                               type="log", exponentformat="power"))


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
    data = []
    for n, (name, ys, target) in enumerate(zip(names, series, targets)):
        color = PALETTE[n % len(PALETTE)]
        data.append(dict(
            type="scatter", x=x, y=ys, mode="lines", name=name, legendgroup=name, line=dict(color=color, width=2),
            hovertemplate=name + ", " + x_hover + " %{x}: %{y:.4f}<extra></extra>",
        ))
        data.append(dict(
            type="scatter", x=[0.5, x_end], y=[target, target], mode="lines", name=f"{name} ({true_name})",
            legendgroup=name, showlegend=False, line=dict(color=color, width=1, dash="dash"),
            hovertemplate=f"{name} {true_name}: {target:g}<extra></extra>",
        ))
    # One constructor call (a 5x5 kernel has 50 traces); legend entries in columns: every name is about
    # as wide as "k[0][0]".
    return go.Figure(data=data, layout=_layout(title, x_title, y_title, total_epochs, entries=len(names),
                                               entrywidth=45))


def kernel_heatmap(K, title: str, scale: float | None = None, lang: str = "en") -> go.Figure:
    """A kernel as a heatmap with its values written in (diverging colours
    from ``-scale`` to ``scale``, so two kernels can share one scale)."""
    K = np.asarray(K, dtype=float)
    m = scale if scale and np.isfinite(scale) else (float(np.abs(K).max()) or 1.0)
    text = {}
    if K.shape[1] >= 4:
        # narrow cells (a third of the page wide): two decimals in smaller type, so no number runs into the next
        big = not (np.abs(K) < 100).all()  # a diverged run: 2.6e+03, nan
        text = dict(text_format="%{z:.2~g}" if big else "%{z:.2~f}", text_size=12)
    return heatmap(K, title, diverging=True, zmin=-m, zmax=m,
                   height=int(min(420, max(200, 90 + 60 * K.shape[0]))), lang=lang, **text)


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
