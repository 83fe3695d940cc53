"""The groups-and-depthwise page's logic, tested without Streamlit.

- Its parameters (:data:`PARAMS`), the groups a pair of channel counts
  allows (:func:`legal_groups`) and the one a link's illegal value becomes
  (:func:`nearest_groups`).
- The costs it compares (:func:`costs`): the chosen grouped layer, the
  standard one (groups = 1), the depthwise one (groups = C_in) and the
  depthwise-separable pair, each :func:`convcore.layer_cost`; their tables,
  CSV, the ratio formula with its numbers, and the verdict.
- The worked example (:func:`example`): small integer channels through
  :func:`convcore.corr2d_multi_in_out`, and one output cell written out
  channel by channel.
- The code that computes exactly the page's configuration (:func:`code`).

The mathematics is convcore's (``group_inputs``, ``layer_cost``,
``corr2d``, ``corr2d_multi_in_out``, ``output_shape``, ``window_at``).
Visible text comes from :mod:`convlab.text`, in the language asked for.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

import convcore
from convcore import LayerCost

from .fmt import arithmetic, num
from .text import t
from .urlstate import Int

__all__ = ["MAX_CHANNELS", "MAX_K", "MAX_SIDE", "PARAMS", "legal_groups", "nearest_groups", "groups_move",
           "depth_multiplier", "Costs", "costs", "reads_text", "counts_table", "ratio_text", "depthwise_note",
           "separable_table", "separable_latex", "separable_verdict", "counts_csv", "EXAMPLE_SIDE", "EXAMPLE_K", "example_input",
           "example_kernel", "X_CODE", "K_CODE", "Example", "example", "cell_lines", "picked_output", "code"]

MAX_CHANNELS = 16
MAX_K = 7
MAX_SIDE = 4096

PARAMS = {
    "cin": Int(4, 1, MAX_CHANNELS),  # input channels
    "cout": Int(8, 1, MAX_CHANNELS),  # output channels
    "k": Int(3, 1, MAX_K),  # kernel side
    "g": Int(2, 1, MAX_CHANNELS),  # groups: only the common divisors of cin and cout are legal
    "h": Int(32, 1, MAX_SIDE), "w": Int(32, 1, MAX_SIDE),  # image size for the multiply-adds ("same" padding)
    "o": Int(0, 0, MAX_CHANNELS - 1),  # the output channel the worked example follows
}


# --- which groups ------------------------------------------------------------------

def legal_groups(c_in: int, c_out: int) -> tuple[int, ...]:
    """The numbers of groups a layer from ``c_in`` to ``c_out`` channels allows:
    the common divisors, from 1 (standard) up.

    >>> legal_groups(4, 8), legal_groups(4, 6), legal_groups(3, 4)
    ((1, 2, 4), (1, 2), (1,))
    """
    return tuple(d for d in range(1, min(c_in, c_out) + 1) if c_in % d == 0 and c_out % d == 0)


def nearest_groups(g: int, legal) -> int:
    """The legal number of groups nearest to ``g`` (the smaller on a tie).

    >>> nearest_groups(3, (1, 2, 4)), nearest_groups(16, (1, 2)), nearest_groups(4, (1, 2, 4))
    (2, 2, 4)
    """
    return min(legal, key=lambda d: (abs(d - g), d))


def groups_move(g: int, c_in: int, c_out: int) -> tuple[int, dict] | None:
    """When ``g`` does not divide both channel counts: ``(the groups used
    instead, the numbers of the page's message)``; None when it does.

    >>> groups_move(3, 4, 8)
    (2, {'g': 3, 'cin': 4, 'cout': 8, 'new': 2, 'legal': '1, 2, 4'})
    >>> groups_move(2, 4, 8) is None
    True
    """
    legal = legal_groups(c_in, c_out)
    if g in legal:
        return None
    new = nearest_groups(g, legal)
    return new, {"g": g, "cin": c_in, "cout": c_out, "new": new, "legal": ", ".join(map(str, legal))}


def depth_multiplier(c_in: int, c_out: int) -> int:
    """The depth multiplier M of the depthwise layer the page compares:
    ``C_out // C_in`` output channels per input channel (at least 1), so the
    depthwise layer has ``C_in * M`` outputs, ``C_out`` whenever ``C_in``
    divides it.

    >>> depth_multiplier(4, 8), depth_multiplier(4, 6), depth_multiplier(8, 4)
    (2, 1, 1)
    """
    return max(1, c_out // c_in)


# --- costs ------------------------------------------------------------------------

@dataclass(frozen=True)
class Costs:
    """Every layer the page counts, on an ``H x W`` output ("same" padding, stride 1)."""

    c_in: int
    c_out: int
    k: int
    groups: int
    out_shape: tuple[int, int]
    grouped: LayerCost
    standard: LayerCost
    multiplier: int
    depthwise: LayerCost  # groups = c_in, c_in * multiplier outputs
    dw_part: LayerCost  # the separable layer's depthwise k x k, no bias (as Keras' SeparableConv2D)
    pw_part: LayerCost  # its pointwise 1 x 1 to c_out, with bias

    @property
    def separable(self) -> LayerCost:
        """The depthwise-separable pair together."""
        a, b = self.dw_part, self.pw_part
        return LayerCost(a.weights + b.weights, a.biases + b.biases, a.mult_adds + b.mult_adds)

    @property
    def depthwise_out(self) -> int:
        return self.c_in * self.multiplier


def costs(c_in: int, c_out: int, k: int, groups: int, h: int, w: int) -> Costs:
    """The counts of every layer the page shows, from :func:`convcore.layer_cost`.

    >>> c = costs(4, 8, 3, 2, 32, 32)
    >>> c.grouped.params, c.standard.params, c.depthwise.params, c.separable.params
    (152, 296, 80, 76)
    >>> c.standard.mult_adds, c.separable.mult_adds
    (294912, 69632)
    """
    out = convcore.output_shape((h, w), (k, k), "same")
    m = depth_multiplier(c_in, c_out)
    return Costs(
        c_in, c_out, k, groups, out,
        grouped=convcore.layer_cost(c_in, c_out, k, groups=groups, output_shape=out),
        standard=convcore.layer_cost(c_in, c_out, k, output_shape=out),
        multiplier=m,
        depthwise=convcore.layer_cost(c_in, c_in * m, k, groups=c_in, output_shape=out),
        dw_part=convcore.layer_cost(c_in, c_in, k, groups=c_in, output_shape=out, bias=False),
        pw_part=convcore.layer_cost(c_in, c_out, 1, output_shape=out),
    )


def reads_text(c_in: int, c_out: int, groups: int, k: int, lang: str) -> str:
    """The sentence under the connection diagram, with the numbers.

    >>> print(reads_text(4, 8, 2, 3, "en"))
    4 input channels in 2 groups of 2, 8 output channels in 2 groups of 4: each output channel reads 2 of the 4 input channels (those of its group), so its kernel is 2×3×3 = 18 weights instead of 4×3×3 = 36.
    """
    per = c_in // groups
    key = "groups.reads_all" if groups == 1 else "groups.reads_depthwise" if per == 1 else "groups.reads"
    return t(key, lang, cin=c_in, cout=c_out, g=groups, per_in=per, per_out=c_out // groups, k=k,
             w=per * k * k, full=c_in * k * k)


def _n(v: int) -> str:
    return f"{v:,}"


def _ratio(a: int, b: int) -> str:
    """``a / b`` as a fraction when it is a simple one, else 4 significant digits.

    >>> _ratio(144, 288), _ratio(152, 296), _ratio(5, 5)
    ('1/2', '0.5135', '1')
    """
    f = Fraction(a, b)
    if f.denominator == 1:
        return str(f.numerator)
    return f"{f.numerator}/{f.denominator}" if f.denominator <= 64 and f.numerator < 10 else num(float(f))


def _rows(layers, lang: str) -> list[list[str]]:
    """Quantity rows (weights, biases, parameters, multiply-adds, both ÷ the first layer) of ``layers``."""
    base = layers[0]
    rows = [[t("groups.q_weights", lang), *(_n(L.weights) for L in layers)],
            [t("groups.q_biases", lang), *(_n(L.biases) for L in layers)],
            [t("groups.q_params", lang), *(f"**{_n(L.params)}**" for L in layers)],
            [t("groups.q_mult_adds", lang), *(_n(L.mult_adds) for L in layers)],
            [t("groups.q_params_ratio", lang), *(_ratio(L.params, base.params) for L in layers)],
            [t("groups.q_mult_adds_ratio", lang), *(_ratio(L.mult_adds, base.mult_adds) for L in layers)]]
    return rows


def counts_table(c: Costs, lang: str) -> pd.DataFrame:
    """Standard, the chosen groups and depthwise side by side, one row per
    quantity (cells in Markdown, for ``st.table``); ratios against standard."""
    columns = [t("groups.col_quantity", lang),
               t("groups.col_standard", lang, cin=c.c_in, cout=c.c_out),
               t("groups.col_grouped", lang, g=c.groups, cin=c.c_in, cout=c.c_out),
               t("groups.col_depthwise", lang, cin=c.c_in, cout=c.depthwise_out, m=c.multiplier)]
    return pd.DataFrame(_rows([c.standard, c.grouped, c.depthwise], lang), columns=columns)


def ratio_text(c: Costs, lang: str) -> str:
    """What the chosen groups save, against the standard layer.

    >>> print(ratio_text(costs(4, 8, 3, 2, 32, 32), "en"))
    With groups = 2 each output channel has 2 times fewer kernel slices: 144 instead of 288 weights and 147,456 instead of 294,912 multiply-adds; the 8 biases stay, so the parameters are 152 instead of 296.
    """
    if c.groups == 1:
        return t("groups.ratio_one", lang)
    return t("groups.ratio", lang, g=c.groups, w=_n(c.grouped.weights), w1=_n(c.standard.weights),
             m=_n(c.grouped.mult_adds), m1=_n(c.standard.mult_adds), b=c.c_out, p=_n(c.grouped.params),
             p1=_n(c.standard.params))


def depthwise_note(c: Costs, lang: str) -> str:
    """What the depthwise column is: its depth multiplier, and why its outputs
    differ from the page's C_out when they do.

    >>> print(depthwise_note(costs(4, 6, 3, 2, 8, 8), "en"))
    The depthwise layer gives each input channel M = 1 output channel(s) (Keras' `depth_multiplier`): 4 × 1 = 4 outputs (C_out = 6 is not a multiple of C_in = 4, so its column has other outputs than yours).
    """
    why = "" if c.depthwise_out == c.c_out else t("groups.depthwise_note_not", lang, cout=c.c_out, cin=c.c_in)
    return t("groups.depthwise_note", lang, m=c.multiplier, cin=c.c_in, dout=c.depthwise_out, why=why)


def separable_table(c: Costs, lang: str) -> pd.DataFrame:
    """The standard k x k layer beside the depthwise-separable pair (its two
    parts and their sum), one row per quantity."""
    columns = [t("groups.col_quantity", lang), t("groups.col_std_k", lang, k=c.k), t("groups.col_dw_part", lang, k=c.k),
               t("groups.col_pw_part", lang), t("groups.col_separable", lang)]
    return pd.DataFrame(_rows([c.standard, c.dw_part, c.pw_part, c.separable], lang), columns=columns)


def separable_latex(c: Costs) -> str:
    r"""The multiply-adds of both layers and their ratio, ``1/C_out + 1/k²``,
    symbols then numbers, one short line each (they fit a phone).

    >>> print(separable_latex(costs(4, 8, 3, 2, 32, 32)).split(r"\\")[1].strip())
    &= 32 \cdot 32 \cdot 4 \cdot 8 \cdot 9 = 294{,}912
    """
    (H, W), k2 = c.out_shape, c.k * c.k
    std, dw, pw = c.standard.mult_adds, c.dw_part.mult_adds, c.pw_part.mult_adds

    def n(v):
        return f"{v:,}".replace(",", "{,}")

    value = (dw + pw) / std
    ratio = r"\frac{1}{%d} + \frac{1}{%d} %s %s" % (c.c_out, k2, "=" if float(f"{value:.4g}") == value else r"\approx",
                                                    num(value))
    return (r"\begin{aligned}"
            r"\text{std} &= H W \, C_\text{in} C_\text{out} k^2 \\"
            f" &= {H} \\cdot {W} \\cdot {c.c_in} \\cdot {c.c_out} \\cdot {k2} = {n(std)} \\\\"
            r"\text{sep} &= H W \, C_\text{in} k^2 + H W \, C_\text{in} C_\text{out} \\"
            f" &= {n(dw)} + {n(pw)} = {n(dw + pw)} \\\\"
            r"\frac{\text{sep}}{\text{std}} &= \frac{1}{C_\text{out}} + \frac{1}{k^2} \\"
            f" &= {ratio}"
            r"\end{aligned}")


def separable_verdict(c: Costs, lang: str) -> tuple[str, str]:
    """``(Streamlit call, sentence)``: how many times cheaper the separable
    pair is, or why it is not cheaper (a 1x1 kernel, one output channel).

    >>> separable_verdict(costs(4, 8, 3, 2, 32, 32), "en")[0], separable_verdict(costs(4, 8, 1, 1, 8, 8), "en")[0]
    ('success', 'warning')
    """
    std, sep = c.standard, c.separable
    if sep.mult_adds < std.mult_adds:
        return "success", t("groups.sep_cheaper", lang, times=f"{std.mult_adds / sep.mult_adds:.1f}",
                            p=_n(sep.params), p1=_n(std.params))
    return "warning", t("groups.sep_not_cheaper", lang, k=c.k, cout=c.c_out)


CSV_COLUMNS = ("layer", "c_in", "c_out", "kernel", "groups", "bias", "out_h", "out_w", "weights", "biases", "params",
               "mult_adds")


def counts_csv(c: Costs) -> str:
    """Every counted layer, one CSV row each (what the tables show).

    >>> print(counts_csv(costs(4, 8, 3, 2, 32, 32)).splitlines()[2])
    grouped,4,8,3,2,1,32,32,144,8,152,147456
    """
    H, W = c.out_shape
    rows = [("standard", c.c_in, c.c_out, c.k, 1, c.standard), ("grouped", c.c_in, c.c_out, c.k, c.groups, c.grouped),
            ("depthwise", c.c_in, c.depthwise_out, c.k, c.c_in, c.depthwise),
            ("separable_depthwise", c.c_in, c.c_in, c.k, c.c_in, c.dw_part),
            ("separable_pointwise", c.c_in, c.c_out, 1, 1, c.pw_part),
            ("separable", c.c_in, c.c_out, c.k, "", c.separable)]
    lines = [",".join(CSV_COLUMNS)]
    for name, ci, co, k, g, L in rows:
        bias = int(L.biases > 0)
        lines.append(",".join(map(str, (name, ci, co, k, g, bias, H, W, L.weights, L.biases, L.params, L.mult_adds))))
    return "\n".join(lines) + "\n"


# --- the worked example -----------------------------------------------------------

EXAMPLE_SIDE, EXAMPLE_K = 4, 2  # each channel 4x4, each kernel slice 2x2, no padding: 3x3 outputs
X_CODE = "np.random.default_rng(0).integers(0, 5, (C_in, 4, 4))"  # small integers 0..4
K_CODE = "np.random.default_rng(1).integers(0, 3, (C_out, C_in, 2, 2))"  # 0..2, a slice per (output, input) pair


def example_input(c_in: int) -> np.ndarray:
    """The worked example's input: ``c_in`` channels of 4x4 small integers
    (0..4, :data:`X_CODE`); channel c is the same for every ``c_in``.

    >>> example_input(2)[1, 0].tolist() == example_input(5)[1, 0].tolist()
    True
    """
    return np.random.default_rng(0).integers(0, 5, (c_in, EXAMPLE_SIDE, EXAMPLE_SIDE)).astype(float)


def example_kernel(c_in: int, c_out: int, groups: int) -> np.ndarray:
    """Its kernel, ``(c_out, c_in / groups, 2, 2)``: the slices of one full
    kernel of small integers (0..2, :data:`K_CODE`), a slice per (output,
    input) pair, that each output channel keeps for the input channels of its
    group (:func:`convcore.group_inputs`). So changing the groups only drops
    slices: the ones kept stay the same.

    >>> full, grouped = example_kernel(4, 2, 1), example_kernel(4, 2, 2)
    >>> bool((grouped[1] == full[1, 2:]).all())
    True
    """
    full = np.random.default_rng(1).integers(0, 3, (c_out, c_in, EXAMPLE_K, EXAMPLE_K)).astype(float)
    return full[np.arange(c_out)[:, None], convcore.group_inputs(c_in, c_out, groups)]


@dataclass(frozen=True)
class Example:
    """The worked example: input, kernel, which channels each output reads, the output."""

    X: np.ndarray  # (C_in, 4, 4)
    K: np.ndarray  # (C_out, C_in / groups, 2, 2)
    inputs: np.ndarray  # convcore.group_inputs: (C_out, C_in / groups)
    Y: np.ndarray  # (C_out, 3, 3)
    groups: int

    def group_of(self, o: int) -> int:
        return o // (self.Y.shape[0] // self.groups)


def example(c_in: int, c_out: int, groups: int) -> Example:
    """The worked example for the page's channels and groups, computed by
    :func:`convcore.corr2d_multi_in_out`."""
    X, K = example_input(c_in), example_kernel(c_in, c_out, groups)
    return Example(X, K, convcore.group_inputs(c_in, c_out, groups), convcore.corr2d_multi_in_out(X, K, groups=groups),
                   groups)


def cell_lines(ex: Example, o: int, lang: str) -> tuple[list[str], str]:
    """Output channel ``o``'s cell (0, 0) written out: one line per input
    channel it reads (``X[c] ⋆ K[o, j]``, its four products and their sum),
    then the total; each sum from :func:`convcore.window_at`.

    >>> ex = example(4, 4, 2)
    >>> lines, total = cell_lines(ex, 1, "en")
    >>> lines
    ['X[0] ⋆ K[1, 0]: 4×1 + 3×1 + 1×0 + 0×0 = 7', 'X[1] ⋆ K[1, 1]: 3×2 + 2×2 + 1×2 + 4×1 = 16']
    >>> total
    'Y[1][0, 0] = 7 + 16 = 23'
    """
    parts = []
    lines = []
    for j, c in enumerate(ex.inputs[o]):
        window = convcore.window_at(ex.X[c], ex.K[o, j], 0, 0)
        parts.append(window.value)
        arith = arithmetic(window.patch, ex.K[o, j], window.value)
        lines.append(t("groups.cell_line", lang, c=c, o=o, j=j, arith=arith))
    total = " + ".join(num(v) for v in parts)
    if len(parts) > 1:
        total += f" = {num(ex.Y[o, 0, 0])}"
    return lines, f"Y[{o}][0, 0] = {total}"


def picked_output(points, c_in: int, c_out: int) -> int | None:
    """The output channel a click on the connection diagram picked (a point in
    its right column, x = 1), None for anything else.

    >>> picked_output([{"x": 1, "y": 3.5}], 4, 4), picked_output([{"x": 0, "y": 1.0}], 4, 4), picked_output([], 4, 4)
    (3, None, None)
    >>> picked_output([{"x": 1, "y": 3.0}], 8, 4)  # 4 outputs spread over 8 rows
    1
    """
    if not points or points[0].get("x") != 1:
        return None
    n = max(c_in, c_out)
    return int(round(float(points[0]["y"]) * c_out / n - 0.5))


# --- code -------------------------------------------------------------------------

def code(c_in: int, c_out: int, k: int, groups: int, h: int, w: int, o: int) -> tuple[str, str]:
    """(TensorFlow/Keras code, convcore code) that compute the page's counts
    (printed lines the tables match) and its worked example."""
    m = depth_multiplier(c_in, c_out)
    depthwise = groups == c_in
    tf_lines = [
        "import numpy as np",
        "import tensorflow as tf",
        "",
        f"C_in, C_out, k, groups = {c_in}, {c_out}, {k}, {groups}",
        f"H, W = {h}, {w}",
        f"M = {m}  # the depthwise layer's outputs per input channel",
        "",
        "def count(layer):",
        "    layer.build((None, H, W, C_in))",
        "    return layer.count_params()",
        "",
        "# Parameters, as Keras counts them",
        'grouped = tf.keras.layers.Conv2D(C_out, k, groups=groups, padding="same")',
        'standard = tf.keras.layers.Conv2D(C_out, k, padding="same")',
        'depthwise = tf.keras.layers.DepthwiseConv2D(k, depth_multiplier=M, padding="same")  # groups = C_in',
        'separable = tf.keras.layers.SeparableConv2D(C_out, k, padding="same")  # depthwise k x k, then 1 x 1',
        'print("standard", count(standard))',
        'print("grouped", count(grouped))',
        'print("depthwise", count(depthwise))',
        'print("separable", count(separable))',
        "",
        "# Multiply-adds: each weight is used once per output pixel (the same padding keeps H x W)",
        "for name, kernels in [(\"standard\", [standard.kernel]), (\"grouped\", [grouped.kernel]),",
        "                      (\"depthwise\", [depthwise.kernel]),",
        "                      (\"separable\", [separable.depthwise_kernel, separable.pointwise_kernel])]:",
        '    print(name, "multiply-adds", sum(int(np.prod(v.shape)) for v in kernels) * H * W)',
        "",
        "# The worked example: 4 x 4 channels, 2 x 2 kernel slices, no padding",
        f"X = {X_CODE}",
        f"K_full = {K_CODE}",
        "# output o keeps the slices of the input channels of its group: group o // (C_out / groups)",
        "group = np.arange(C_out)[:, None] // (C_out // groups)",
        "K = K_full[np.arange(C_out)[:, None], group * (C_in // groups) + np.arange(C_in // groups)]",
        "example = tf.keras.layers.Conv2D(C_out, 2, groups=groups, use_bias=False)",
        "example.build((None, 4, 4, C_in))",
        "example.set_weights([K.transpose(2, 3, 1, 0)])  # Keras keeps (kh, kw, C_in / groups, C_out)",
        "Y = example(X.transpose(1, 2, 0)[None].astype(np.float32))[0].numpy().transpose(2, 0, 1)",
        f"print(Y[{o}])  # output channel {o}",
    ]
    if depthwise:
        tf_lines += [
            "",
            "# groups = C_in: the same as tf.nn.depthwise_conv2d, filter (kh, kw, C_in, C_out / C_in)",
            "F = K.reshape(C_in, C_out // C_in, 2, 2).transpose(2, 3, 0, 1)",
            "x = X.transpose(1, 2, 0)[None].astype(np.float32)",
            "Y_dw = tf.nn.depthwise_conv2d(x, F.astype(np.float32), strides=[1, 1, 1, 1], padding=\"VALID\")",
            "print(np.allclose(Y_dw[0].numpy().transpose(2, 0, 1), Y))",
        ]
    cc_lines = [
        "import numpy as np",
        "import convcore",
        "",
        f"C_in, C_out, k, groups = {c_in}, {c_out}, {k}, {groups}",
        f"M = {m}  # the depthwise layer's outputs per input channel",
        f"out = convcore.output_shape(({h}, {w}), (k, k), \"same\")",
        "",
        "print(convcore.group_inputs(C_in, C_out, groups))  # row o: the input channels output o reads",
        "for name, cost in [",
        '    ("standard", convcore.layer_cost(C_in, C_out, k, output_shape=out)),',
        '    ("grouped", convcore.layer_cost(C_in, C_out, k, groups=groups, output_shape=out)),',
        '    ("depthwise", convcore.layer_cost(C_in, C_in * M, k, groups=C_in, output_shape=out)),',
        '    ("separable depthwise", convcore.layer_cost(C_in, C_in, k, groups=C_in, output_shape=out, bias=False)),',
        '    ("separable pointwise", convcore.layer_cost(C_in, C_out, 1, output_shape=out)),',
        "]:",
        "    print(name, cost.weights, cost.biases, cost.params, cost.mult_adds)",
        "",
        "# The worked example",
        f"X = {X_CODE}",
        f"K_full = {K_CODE}",
        "K = K_full[np.arange(C_out)[:, None], convcore.group_inputs(C_in, C_out, groups)]",
        "Y = convcore.corr2d_multi_in_out(X, K, groups=groups)",
        f"print(Y[{o}])  # output channel {o}",
    ]
    return "\n".join(tf_lines), "\n".join(cc_lines)
