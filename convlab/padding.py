"""The padding-and-stride page's logic, tested without Streamlit.

- Its parameters, each declared once (:data:`PARAMS`: default, bounds,
  choices, from :data:`LIMITS`), and which number controls the settings
  show (:func:`axis_controls`).
- The canonical form of a configuration: the widget values (padding mode
  valid/same/full/explicit, the four explicit sides, the tie option) as
  convcore's padding argument, shapes, stride, dilation and both axes' plans
  (:func:`config`, :func:`padding_argument`, :func:`tied_width`).
- What the page says about it: the seed's output-shape formula with the
  numbers filled in (LaTeX), the axes where the kernel does not fit, the
  chapter's numbers on its 3x3 input, the presets, and the code that
  computes it.
- The Keras check of the chapter's four examples (:func:`keras_cases`,
  :func:`check_keras`, :func:`keras_table`, :func:`keras_verdict`);
  TensorFlow loads only when a check runs, inside
  :func:`convlab.tfcheck.keras_output_shape`.
- The layer-stack calculator: its URL text, the editor's rows, columns and
  bounds (:data:`LAYER_RANGES`), the table of shapes and receptive fields,
  and its messages.

The shape mathematics is convcore's (``axis_plans``, ``layer_stack``,
``pad_amounts``; the figures add ``axis_origins`` and ``read_mask``).
Visible text comes from :mod:`convlab.text`, in the language asked for.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field, replace

import pandas as pd

from convcore import (AxisPlan, LayerShape, axis_plans, dilated_kernel_shape, layer_stack, output_shape,
                      pad_amounts, seed, windows)
from convcore._geometry import pair

from . import codegen
from .fmt import quoted, window_sum
from .tfcheck import keras_output_shape
from .text import t
from .urlstate import Bool, Choice, Int, Param, ParamError

__all__ = [
    "shape_text",
    "axis_latex",
    "formula_latex",
    "same_split_latex",
    "Preset",
    "PRESETS",
    "SEED_X",
    "SEED_K",
    "seed_cells",
    "code_snippets",
    "MODES",
    "axis_controls",
    "tied_width",
    "tie_changes",
    "tie_notice",
    "padding_argument",
    "Config",
    "config",
    "formula_lines",
    "formula_notes",
    "same_latex",
    "misfits",
    "seed_lines",
    "KerasCase",
    "KERAS_CASES",
    "keras_cases",
    "check_keras",
    "cell_shape",
    "keras_cell",
    "keras_table",
    "keras_refusals",
    "keras_verdict",
    "keras_pending",
    "keras_message",
    "Layer",
    "LayerError",
    "LAYER_RANGES",
    "parse_stack",
    "stack_text",
    "layers_from_rows",
    "stack_frame",
    "editor_height",
    "layer_columns",
    "stack_error_text",
    "Stack",
    "StackFailure",
    "StackResult",
    "run_stack",
    "stack_table",
    "stack_summary",
    "stack_failure_text",
    "SEED_STACK",
    "SEED_STACK_INPUT",
    "SAME_STACK",
    "STACK_COLUMNS",
    "stack_buttons",
    "LIMITS",
    "PARAMS",
]

# Bounds of the page's controls (and of the URL values they accept); ``draw``
# bounds the padded grid drawn cell by cell.
LIMITS = dict(n=512, k=64, s=64, d=16, p=128, draw=64, stack_n=4096, layers=64, layer_p=256)


def shape_text(shape) -> str:
    """A shape as the page writes it.

    >>> shape_text((8, 4))
    '8 × 4'
    """
    return f"{shape[0]} × {shape[1]}"


# ---------------------------------------------------------------- the formula

def _floor_frac(num: str, den: str) -> str:
    return rf"\left\lfloor \frac{{{num}}}{{{den}}} \right\rfloor"


def axis_latex(ax: AxisPlan, axis: str, word: str, dilated: bool = False) -> str:
    r"""One axis of the seed's output shape ``floor((n - k + p + s) / s)``, one
    step a line (an ``aligned`` block narrow enough for a phone): the axis'
    padding (and, when ``dilated``, ``k'``, the dilated kernel,
    ``(k - 1) d + 1``, which takes the place of ``k``), the formula, the
    numbers, the result. ``word`` names the axis.

    >>> print(axis_latex(AxisPlan(3, 2, 3, 1, 1, 1), "h", "height").replace(r" \\ ", "\n"))
    \begin{aligned}p_h &= 1 + 1 = 2
    \text{height} &= \left\lfloor \frac{n_h - k_h + p_h + s_h}{s_h} \right\rfloor
    &= \left\lfloor \frac{3 - 2 + 2 + 3}{3} \right\rfloor
    &= \left\lfloor \frac{6}{3} \right\rfloor = 2\end{aligned}
    """
    a, k = axis, ("k'" if dilated else "k")
    rows = [rf"p_{a} &= {ax.before} + {ax.after} = {ax.p}"]
    if dilated:
        rows.append(rf"k'_{a} &= ({ax.k} - 1)\cdot {ax.d} + 1 = {ax.k_eff}")
    rows += [
        rf"\text{{{word}}} &= " + _floor_frac(f"n_{a} - {k}_{a} + p_{a} + s_{a}", f"s_{a}"),
        "&= " + _floor_frac(f"{ax.n} - {ax.k_eff} + {ax.p} + {ax.s}", str(ax.s)),
        "&= " + _floor_frac(str(ax.numerator), str(ax.s)) + f" = {math.floor(ax.numerator / ax.s)}",
    ]
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def formula_latex(h: AxisPlan, w: AxisPlan, words=("height", "width", "output")) -> list[str]:
    r"""The seed's output shape ``floor((n - k + p + s) / s)`` per axis, as LaTeX
    blocks, each narrow enough for a phone's width: the seed's formula (one
    axis a line), each axis with the numbers filled in (:func:`axis_latex`),
    then the result. With a dilation above 1, ``k'`` takes the place of ``k``.
    ``words`` name the height, width and output shape.

    >>> from convcore import axis_plans
    >>> lines = formula_latex(*axis_plans((8, 8), (3, 5), "valid", stride=(3, 4)))
    >>> print(lines[0])
    \begin{aligned}& \lfloor (n_h - k_h + p_h + s_h)/s_h \rfloor \\ \times\ & \lfloor (n_w - k_w + p_w + s_w)/s_w \rfloor\end{aligned}
    >>> print(lines[-1])
    \text{output} = 2 \times 1
    """
    dilated = h.d > 1 or w.d > 1
    k = "k'" if dilated else "k"
    seed_h, seed_w = (rf"\lfloor (n_{a} - {k}_{a} + p_{a} + s_{a})/s_{a} \rfloor" for a in "hw")
    seed = r"\begin{aligned}& " + seed_h + r" \\ \times\ & " + seed_w + r"\end{aligned}"
    result = r" \times ".join(str(math.floor(ax.numerator / ax.s)) for ax in (h, w))
    return [seed, axis_latex(h, "h", words[0], dilated), axis_latex(w, "w", words[1], dilated),
            rf"\text{{{words[2]}}} = {result}"]


def same_split_latex(ax: AxisPlan, axis: str) -> str:
    r"""TensorFlow's 'same' padding on one axis, written out as two rows of an
    ``aligned`` block: total ``max((ceil(n/s) - 1) s + k' - n, 0)``, smaller half first.

    >>> print(same_split_latex(AxisPlan(8, 3, 2, 1, 0, 1), "h"))
    p_h &= \max((\lceil 8/2 \rceil - 1)\cdot 2 + 3 - 8, 0) \\ &= 1 = 0 + 1
    """
    return (
        rf"p_{axis} &= \max((\lceil {ax.n}/{ax.s} \rceil - 1)\cdot {ax.s} + {ax.k_eff} - {ax.n}, 0)"
        rf" \\ &= {ax.p} = {ax.before} + {ax.after}"
    )


# ------------------------------------------------------------ the seed's cases

SEED_X, SEED_K = seed.CORR_X, seed.CORR_K  # the chapter's 3x3 input and 2x2 kernel


def seed_cells(padding=0, stride=1) -> list[tuple[tuple[int, int], str]]:
    """The seed's 3x3 input and 2x2 kernel under this padding and stride:
    each output cell with its sum written out.

    >>> [a for _, a in seed_cells(1, (3, 2))]
    ['0×0 + 0×1 + 0×2 + 0×3 = 0', '0×0 + 0×1 + 1×2 + 2×3 = 8', '0×0 + 6×1 + 0×2 + 0×3 = 6', '7×0 + 8×1 + 0×2 + 0×3 = 8']
    """
    return [(w.index, window_sum(w, SEED_K)) for w in windows(SEED_X, SEED_K, padding=padding, stride=stride)]


@dataclass(frozen=True)
class Preset:
    """A configuration of the page; ``expected`` is the output shape the seed gives."""

    name: str
    nh: int
    nw: int
    kh: int
    kw: int
    mode: str  # valid / same / full / explicit
    sh: int = 1
    sw: int = 1
    p: int = 0  # explicit padding on every side
    expected: tuple[int, int] = (0, 0)
    keras: bool = True  # one of the seed's Keras examples

    def state(self) -> dict:
        """Widget values (names without the page prefix)."""
        return dict(
            nh=self.nh, nw=self.nw, kh=self.kh, kw=self.kw, mode=self.mode, sh=self.sh, sw=self.sw,
            dh=1, dw=1, pt=self.p, pb=self.p, pl=self.p, pr=self.p,
            tie=(self.nh, self.kh, self.sh) == (self.nw, self.kw, self.sw),
        )

    @property
    def padding(self):
        return self.p if self.mode == "explicit" else self.mode


PRESETS = (
    Preset("keras1", 8, 8, 3, 3, "same", expected=(8, 8)),
    Preset("keras2", 8, 8, 5, 3, "same", expected=(8, 8)),
    Preset("keras3", 8, 8, 3, 3, "same", 2, 2, expected=(4, 4)),
    Preset("keras4", 8, 8, 3, 5, "valid", 3, 4, expected=(2, 1)),
    Preset("pad_fig", 3, 3, 2, 2, "explicit", p=1, expected=(4, 4), keras=False),
    Preset("stride_fig", 3, 3, 2, 2, "explicit", 3, 2, p=1, expected=(2, 2), keras=False),
)


def code_snippets(input_shape, kernel_shape, padding="valid", stride=1, dilation=1) -> tuple[str, str]:
    """TensorFlow/Keras and convcore code computing exactly this configuration,
    with an input and kernel of the right shapes so it runs as pasted."""
    nh, nw = pair(tuple(input_shape), "input shape")
    kh, kw = pair(tuple(kernel_shape), "kernel")
    tf_text = codegen.tf_code((nh, nw), (kh, kw), padding, stride, dilation,
                              data=[f"X = tf.random.uniform(({nh}, {nw}))", f"K = tf.random.uniform(({kh}, {kw}))"],
                              after=["print(Y.shape)"])
    shape_args = [f"({nh}, {nw})", f"({kh}, {kw})", *codegen.keyword_args(padding, stride, dilation)]
    cc_text = codegen.convcore_code(padding, stride, dilation, numpy=True,
                                    data=[f"X = np.random.rand({nh}, {nw})", f"K = np.random.rand({kh}, {kw})"],
                                    after=[f"print(Y.shape, convcore.output_shape({', '.join(shape_args)}))"])
    return tf_text, cc_text


# ------------------------------------------------------- the page's configuration

MODES = ("valid", "same", "full", "explicit")  # the padding control's choices
_WIDTH_FOLLOWS = {"nw": "nh", "kw": "kh", "sw": "sh", "dw": "dh", "pb": "pt", "pl": "pt", "pr": "pt"}


def axis_controls(tie: bool, mode: str) -> list[tuple[str | None, list[tuple[str, str, str | None]]]]:
    """The number controls of the settings, one column per axis (a single one
    when tied), as ``(heading, [(parameter, label, help), ...])`` with text
    keys (``padding.<key>``): n, k, s, d, then the explicit padding sides of
    that axis (one ``p`` for every side when tied).

    >>> axis_controls(True, "explicit")
    [(None, [('nh', 'n', None), ('kh', 'k', None), ('sh', 's', None), ('dh', 'd', 'd_help'), ('pt', 'p_all', None)])]
    >>> [[name for name, _, _ in controls] for _, controls in axis_controls(False, "same")]
    [['nh', 'kh', 'sh', 'dh'], ['nw', 'kw', 'sw', 'dw']]
    """
    columns = []
    for a, heading, sides in (("h", "height", "tb"), ("w", "width", "lr")):
        sfx = "" if tie else f"_{a}"
        controls = [(f"{q}{a}", q + sfx, "d_help" if q == "d" else None) for q in "nksd"]
        if mode == "explicit":
            controls += [("pt", "p_all", None)] if tie else [(f"p{side}", f"p_{side}", None) for side in sides]
        columns.append((None if tie else heading, controls))
    return columns[:1] if tie else columns


def tied_width(values: dict) -> dict:
    """The values of the controls a tied page does not draw: with ``tie`` set,
    the width's n, k, s, d follow the height's and the bottom, left and right
    padding follow the top; without it, nothing.

    ``values`` are the page's widget values, named without the page prefix.

    >>> tied_width({"tie": True, "nh": 8, "kh": 3, "sh": 2, "dh": 1, "pt": 1})
    {'nw': 8, 'kw': 3, 'sw': 2, 'dw': 1, 'pb': 1, 'pl': 1, 'pr': 1}
    >>> tied_width({"tie": False, "nh": 8})
    {}
    """
    return {name: values[source] for name, source in _WIDTH_FOLLOWS.items()} if values["tie"] else {}


def _width_labels(mode: str) -> dict[str, str]:
    """The untied controls' text keys (``padding.<key>``) by parameter, for this padding mode."""
    return {name: label for _, controls in axis_controls(False, mode) for name, label, _ in controls}


def tie_changes(values: dict) -> list[tuple[str, int, int]]:
    """What tying overwrites among the controls the untied page shows:
    ``(parameter, old, new)`` for each width value (and, with explicit padding,
    each side) that :func:`tied_width` sets to a different value; empty when
    not tied or when both axes already agree.

    >>> tie_changes(dict(PRESETS[-1].state(), tie=True))  # the stride figure: stride (3, 2)
    [('sw', 2, 3)]
    """
    shown = _width_labels(values["mode"])
    return [(name, values[name], new) for name, new in tied_width(values).items()
            if name in shown and values[name] != new]


def tie_notice(values: dict, lang: str = "en") -> str | None:
    """What tying changed, in ``lang``, naming each control with its old and new
    value (None when it changed nothing the page shows): tying never changes a
    value silently.

    >>> tie_notice(dict(PRESETS[-1].state(), tie=True)).split(":")[0]
    "Tying copied the height's values to the width"
    """
    changes = tie_changes(values)
    if not changes:
        return None
    labels = _width_labels(values["mode"])
    items = t("padding.tie_sep", lang).join(f"{t('padding.' + labels[name], lang)} {old} → {new}"
                                            for name, old, new in changes)
    sides = any(name.startswith("p") for name, _, _ in changes)
    return t("padding.tie_notice_sides" if sides else "padding.tie_notice", lang, changes=items,
             tie=t("padding.tie", lang))


def padding_argument(mode: str, top: int = 0, bottom: int = 0, left: int = 0, right: int = 0):
    """convcore's ``padding`` argument for the padding control and the four
    explicit sides, in its shortest form: the mode's name ('valid', 'same',
    'full'), else ``p`` when every side is ``p``, ``(ph, pw)`` when top equals
    bottom and left equals right, else ``((top, bottom), (left, right))``.
    The sides are ignored unless ``mode`` is 'explicit'.

    >>> padding_argument("same", 5, 0, 0, 0), padding_argument("explicit", 1, 1, 1, 1)
    ('same', 1)
    >>> padding_argument("explicit", 2, 2, 0, 0), padding_argument("explicit", 0, 1, 2, 3)
    ((2, 0), ((0, 1), (2, 3)))
    """
    if mode != "explicit":
        return mode
    if top == bottom == left == right:
        return top
    if top == bottom and left == right:
        return (top, left)
    return ((top, bottom), (left, right))


@dataclass(frozen=True)
class Config:
    """One configuration of the page in the form the rest of the page uses:
    convcore's arguments (``args``), the padding control's ``mode``, and both
    axes' plans (``h`` rows, ``w`` columns; a kernel that does not fit is
    allowed, see ``fits``). Made by :func:`config`."""

    input_shape: tuple[int, int]
    kernel_shape: tuple[int, int]
    mode: str  # valid / same / full / explicit
    padding: object  # convcore's padding argument, see padding_argument
    stride: tuple[int, int]
    dilation: tuple[int, int]
    h: AxisPlan = field(repr=False, compare=False, default=None)
    w: AxisPlan = field(repr=False, compare=False, default=None)

    @property
    def args(self) -> tuple:
        """``(input_shape, kernel_shape, padding, stride, dilation)``, as convcore's
        shape functions and :func:`code_snippets` take them."""
        return (self.input_shape, self.kernel_shape, self.padding, self.stride, self.dilation)

    @property
    def fits(self) -> bool:
        """Whether the (dilated) kernel fits the padded input on both axes."""
        return self.h.fits and self.w.fits

    @property
    def out_shape(self) -> tuple[int, int] | None:
        """The output shape, or None when the kernel does not fit."""
        return (self.h.out, self.w.out) if self.fits else None

    @property
    def padded_shape(self) -> tuple[int, int]:
        return (self.h.padded, self.w.padded)

    @property
    def keras_takes(self) -> bool:
        """Whether Keras' Conv2D can compute it: the kernel fits and the padding is 'valid' or 'same'."""
        return self.fits and self.mode in ("valid", "same")

    @property
    def tf_refuses(self) -> bool:
        """TensorFlow's conv2d and Keras refuse a stride above 1 together with a dilation above 1."""
        return self.fits and max(self.stride) > 1 and max(self.dilation) > 1


def config(values: dict) -> Config:
    """The page's widget values (named as in :data:`PARAMS`, without the page
    prefix) as a :class:`Config`; with ``tie`` set the width follows the height
    (:func:`tied_width`).

    Raises ``ValueError`` for what convcore refuses (only reachable through a
    hand-made state: the widgets bound every value).

    >>> c = config(PRESETS[-1].state())  # the chapter's stride figure
    >>> c.args, c.out_shape, c.padded_shape
    (((3, 3), (2, 2), 1, (3, 2), (1, 1)), (2, 2), (5, 5))
    """
    v = {**values, **tied_width(values)}
    input_shape, kernel_shape = (v["nh"], v["nw"]), (v["kh"], v["kw"])
    stride, dilation = (v["sh"], v["sw"]), (v["dh"], v["dw"])
    padding = padding_argument(v["mode"], v["pt"], v["pb"], v["pl"], v["pr"])
    h, w = axis_plans(input_shape, kernel_shape, padding, stride, dilation)
    return Config(input_shape, kernel_shape, v["mode"], padding, stride, dilation, h, w)


def formula_lines(cfg: Config, words=("height", "width", "output")) -> list[str]:
    r"""The LaTeX blocks the page shows for the formula (:func:`formula_latex`):
    the seed's formula, each axis with the numbers filled in, and the result
    when the kernel fits.

    >>> len(formula_lines(config(dict(PRESETS[3].state(), kh=9)))), len(formula_lines(config(PRESETS[3].state())))
    (3, 4)
    """
    *blocks, result_line = formula_latex(cfg.h, cfg.w, words)
    return blocks + ([result_line] if cfg.fits else [])


def formula_notes(cfg: Config) -> list[str]:
    """Text keys (``padding.<key>``) of the notes under the formula."""
    return ["formula_note"] + (["dilation_note"] if cfg.h.d > 1 or cfg.w.d > 1 else [])


def same_latex(cfg: Config) -> str:
    """TensorFlow's 'same' split of both axes (:func:`same_split_latex`) in one
    ``aligned`` block (a line break outside an environment makes KaTeX warn)."""
    rows = same_split_latex(cfg.h, "h") + r" \\[4pt] " + same_split_latex(cfg.w, "w")
    return r"\small\begin{aligned}" + rows + r"\end{aligned}"


def misfits(cfg: Config) -> list[tuple[str, dict]]:
    """The axes whose (dilated) kernel does not fit the padded input, as
    ``("rows" | "cols", numbers)`` for the ``padding.no_fit_<axis>`` text.

    >>> misfits(config(dict(PRESETS[-1].state(), kh=9)))
    [('rows', {'k': 9, 'd': 1, 'k_eff': 9, 'n': 3, 'p': 2, 'padded': 5})]
    """
    return [(what, dict(k=ax.k, d=ax.d, k_eff=ax.k_eff, n=ax.n, p=ax.p, padded=ax.padded))
            for ax, what in ((cfg.h, "rows"), (cfg.w, "cols")) if not ax.fits]


def seed_lines(cfg: Config) -> list[str]:
    """The chapter's numbers under this padding and stride, one line per output
    cell (``Y[0, 1] = 0×0 + 0×1 + 1×2 + 2×3 = 8``), when the input and kernel
    have the chapter's shapes (3x3 and 2x2, no dilation) and the kernel fits;
    else none.

    >>> seed_lines(config(PRESETS[-1].state()))[1]
    'Y[0, 1] = 0×0 + 0×1 + 1×2 + 2×3 = 8'
    """
    if not (cfg.fits and cfg.input_shape == SEED_X.shape and cfg.kernel_shape == SEED_K.shape
            and cfg.dilation == (1, 1)):
        return []
    return [f"Y[{i}, {j}] = {a}" for (i, j), a in seed_cells(cfg.padding, cfg.stride)]


# ------------------------------------------------------ the chapter's Keras examples

@dataclass(frozen=True)
class KerasCase:
    """One row of the Keras check: ``args`` are
    :func:`convlab.tfcheck.keras_output_shape`'s arguments (and the key of its
    answer; pairs are written out, so equal settings are equal args),
    ``expected`` the chapter's output shape (None for settings of the user's
    own), ``yours`` whether the row is the user's current settings.

    >>> KerasCase(((8, 8), (3, 3), "same", 2, 1)).args
    ((8, 8), (3, 3), 'same', (2, 2), (1, 1))
    """

    args: tuple  # (input_shape, kernel_shape, padding, stride, dilation), every pair written out
    expected: tuple[int, int] | None = None
    yours: bool = False  # the user's settings (also when they are one of the chapter's examples)

    def __post_init__(self):
        # one way to write the same settings: stride 1 and (1, 1) are one row and one answer
        n, k, padding, s, d = self.args
        object.__setattr__(self, "args", (pair(tuple(n), "input shape"), pair(tuple(k), "kernel"), padding,
                                          pair(s, "stride"), pair(d, "dilation")))

    @property
    def formula(self) -> tuple[int, int]:
        """The output shape by the chapter's formula."""
        h, w = axis_plans(*self.args)
        return (h.out, w.out)

    @property
    def layer(self) -> str:
        """The Keras layer, as code."""
        return codegen.keras_layer(*self.args[1:])


KERAS_CASES = tuple(KerasCase(((p.nh, p.nw), (p.kh, p.kw), p.mode, (p.sh, p.sw), 1), p.expected)
                    for p in PRESETS if p.keras)  # the chapter's four examples, on an 8x8 input


def keras_cases(cfg: Config) -> list[KerasCase]:
    """The chapter's four Keras examples, and the user's settings whenever Keras
    takes them (valid or same padding, a kernel that fits): a row of their own,
    or, when they are one of the four, that row marked as theirs (listed once).

    >>> [(c.expected, c.yours) for c in keras_cases(config(dict(PRESETS[3].state(), nh=9)))][3:]
    [((2, 1), False), (None, True)]
    >>> [c.yours for c in keras_cases(config(PRESETS[3].state()))]
    [False, False, False, True]
    """
    if not cfg.keras_takes:
        return list(KERAS_CASES)
    mine = KerasCase(cfg.args, yours=True)
    cases = [replace(c, yours=True) if c.args == mine.args else c for c in KERAS_CASES]
    return cases if any(c.yours for c in cases) else [*cases, mine]


def check_keras(cases, results: dict, check=None) -> str | None:
    """Ask Keras for each case's output shape, into ``results`` keyed by the
    case's ``args``: the shape, or the error Keras raised (its name and the
    first line of its message, e.g. refusing a stride and a dilation above 1
    together). ``check`` defaults to
    :func:`convlab.tfcheck.keras_output_shape` (TensorFlow loads on its first
    call).

    Returns the ``ImportError``'s text when TensorFlow is missing (the cases
    after it are left unchecked), else None.
    """
    check = check or keras_output_shape
    for case in cases:
        try:
            results[case.args] = check(*case.args)
        except ImportError as e:
            return str(e)
        except Exception as e:  # Keras refusing a configuration
            first = (str(e).splitlines() or [""])[0]
            results[case.args] = f"{type(e).__name__}: {first[:160]}"
    return None


def cell_shape(shape) -> str:
    r"""A shape as a table cell writes it: :func:`shape_text` that never breaks
    across lines (no-break spaces), so a narrow table squeezes the layer's
    code, not the shapes.

    >>> cell_shape((8, 4)) == shape_text((8, 4)).replace(" ", "\u00a0")
    True
    """
    return shape_text(shape).replace(" ", "\u00a0")


def keras_cell(result, lang: str = "en") -> str:
    """Keras' answer as the table shows it, short enough for a phone: "—" before
    the check, the shape (:func:`cell_shape`), or that Keras refused (its error:
    :func:`keras_refusals`).

    >>> keras_cell(None), keras_cell((4, 4)) == cell_shape((4, 4)), keras_cell("ValueError: no")
    ('—', True, 'refused (see below)')
    """
    if result is None:
        return "—"
    return cell_shape(result) if isinstance(result, tuple) else t("padding.keras_refused", lang)


def keras_table(cases, results: dict, lang: str = "en") -> list[dict]:
    """The Keras check's rows, headed in ``lang``, four narrow columns so that a
    phone shows them all: the layer (``Conv2D(...)``; the user's settings say
    so and name their input, the chapter's are on 8x8), the chapter's shape,
    the formula's, and Keras' answer (from ``results``, see :func:`check_keras`);
    shapes as :func:`cell_shape` writes them.

    >>> keras_table(KERAS_CASES[3:], {})[0]["layer"]
    'Conv2D(1, (3, 5), strides=(3, 4), padding="valid")'
    """
    def col(name):  # the short headers stay on one line (a word joiner between Chinese characters)
        text = t(f"padding.col_{name}", lang)
        return text if name == "layer" or text.isascii() else "\u2060".join(text)

    rows = []
    for c in cases:
        layer = c.layer.removeprefix("tf.keras.layers.")
        if c.yours:
            layer = t("padding.keras_yours", lang, inp=shape_text(c.args[0]), layer=layer)
        rows.append({col("layer"): layer, col("seed"): cell_shape(c.expected) if c.expected else "",
                     col("ours"): cell_shape(c.formula), col("keras"): keras_cell(results.get(c.args), lang)})
    return rows


def keras_refusals(cases, results: dict, lang: str = "en") -> list[str]:
    """What Keras said when it refused a row (e.g. a stride and a dilation above 1
    together), one sentence per refused row, for under the table."""
    return [t("padding.keras_refusal", lang, layer=c.layer, error=results[c.args])
            for c in cases if isinstance(results.get(c.args), str)]


def keras_verdict(cases, results: dict) -> bool | None:
    """Whether Keras gave the formula's shape for every case it computed for
    exactly that case's settings (None when it computed none of them: no verdict).

    >>> keras_verdict(KERAS_CASES, {}), keras_verdict(KERAS_CASES, {KERAS_CASES[2].args: (4, 4)})
    (None, True)
    >>> keras_verdict(KERAS_CASES, {KERAS_CASES[2].args: (4, 4), KERAS_CASES[3].args: (2, 2)})
    False
    """
    checked = [c for c in cases if isinstance(results.get(c.args), tuple)]
    if not checked:
        return None
    return all(results[c.args] == c.formula for c in checked)


def keras_pending(cases, results: dict) -> list:
    """The cases Keras has not answered yet (for exactly their settings)."""
    return [c for c in cases if results.get(c.args) is None]


def keras_message(cases, results: dict, lang: str = "en") -> tuple[str, str] | None:
    """The verdict under the Keras table, as ``(kind, text)`` with kind one of
    Streamlit's ``success``, ``error`` or ``info``; it speaks only of the rows
    Keras answered for exactly their settings: green only when every row is
    answered and agrees, an error when an answered row disagrees, else what is
    not checked yet (e.g. the user's new settings after a check). None before
    any row is answered.

    >>> answered = {c.args: c.formula for c in KERAS_CASES}
    >>> keras_message(KERAS_CASES, answered)
    ('success', 'Keras gives the same output shapes.')
    >>> keras_message(keras_cases(config(dict(PRESETS[0].state(), nh=9))), answered)[0]
    'info'
    """
    pending, agree = keras_pending(cases, results), keras_verdict(cases, results)
    if agree is False:
        return "error", t("padding.keras_disagree", lang)
    if len(pending) == len(cases) or (not pending and agree is None):
        return None
    if not pending:
        return "success", t("padding.keras_agree", lang)
    button = t("padding.keras_button", lang)
    if [c.yours for c in pending] == [True]:
        return "info", t("padding.keras_pending_yours", lang, button=button)
    return "info", t("padding.keras_pending_rows", lang, n=len(pending), total=len(cases), button=button)


# ------------------------------------------------------------- layer stacks

STACK_PADDINGS = ("valid", "same", "full")
STACK_COLUMNS = ("kernel", "stride", "padding", "dilation")  # the layer table's columns


@dataclass(frozen=True)
class Layer:
    """One square conv layer of the stack calculator."""

    kernel: int = 3
    stride: int = 1
    padding: str | int = "valid"  # 'valid', 'same', 'full' or p on every side
    dilation: int = 1

    def as_dict(self) -> dict:
        return dict(kernel=self.kernel, stride=self.stride, padding=self.padding, dilation=self.dilation)


class LayerError(ValueError):
    """A bad cell of the layer table: ``row`` is 1-based, ``column`` one of
    kernel/stride/padding/dilation, ``kind`` 'blank', 'not_int', 'range' or 'padding'."""

    def __init__(self, row: int, column: str, kind: str, text: str = "", lo: int = 0, hi: int = 0):
        self.row, self.column, self.kind, self.text, self.lo, self.hi = row, column, kind, text, lo, hi
        super().__init__(f"layer {row}, {column}: {kind} ({text!r}); allowed {lo}..{hi}")


LAYER_RANGES = {  # bounds of the layer table's cells
    "kernel": (1, LIMITS["k"]),
    "stride": (1, LIMITS["s"]),
    "dilation": (1, LIMITS["d"]),
    "padding": (0, LIMITS["layer_p"]),
}


def _int_cell(value, row: int, column: str) -> int:
    lo, hi = LAYER_RANGES[column]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise LayerError(row, column, "blank", "", lo, hi)
    if isinstance(value, bool):
        raise LayerError(row, column, "not_int", str(value), lo, hi)
    text = str(value).strip()
    if isinstance(value, numbers.Number):
        f = float(value)
    elif not text:
        raise LayerError(row, column, "blank", "", lo, hi)
    else:  # as typed: "1e6" is a million (out of range), "1,5" and "2.5" are not whole numbers
        try:
            f = float(int(text))
        except ValueError:
            try:
                f = float(text)
            except ValueError:
                raise LayerError(row, column, "not_int", text, lo, hi) from None
    if not (math.isfinite(f) and f.is_integer()):
        raise LayerError(row, column, "not_int", text, lo, hi)
    if not lo <= f <= hi:
        raise LayerError(row, column, "range", text, lo, hi)
    return int(f)


def _padding_cell(value, row: int):
    if isinstance(value, str) and value.strip().lower() in STACK_PADDINGS:
        return value.strip().lower()
    try:
        return _int_cell(value, row, "padding")
    except LayerError as e:
        if e.kind == "blank":
            raise
        lo, hi = LAYER_RANGES["padding"]
        raise LayerError(row, "padding", "padding", e.text, lo, hi) from None


def layers_from_rows(rows) -> list[Layer]:
    """Rows of the layer table (dicts with kernel, stride, padding, dilation;
    numbers or text, as an editor returns them) as layers.

    Raises :class:`LayerError` for the first bad cell.

    >>> layers_from_rows([{"kernel": 5.0, "stride": "2", "padding": "Same", "dilation": 1}])
    [Layer(kernel=5, stride=2, padding='same', dilation=1)]
    """
    out = []
    for n, row in enumerate(rows, start=1):
        out.append(
            Layer(
                kernel=_int_cell(row.get("kernel"), n, "kernel"),
                stride=_int_cell(row.get("stride"), n, "stride"),
                padding=_padding_cell(row.get("padding"), n),
                dilation=_int_cell(row.get("dilation"), n, "dilation"),
            )
        )
    if len(out) > LIMITS["layers"]:
        raise ValueError(f"at most {LIMITS['layers']} layers")
    return out


def stack_text(layers) -> str:
    """Layers as compact URL text: ``kernel,stride,padding,dilation`` per layer,
    layers split by ``;``; a run of equal layers is written once as ``10*...``.

    >>> stack_text([Layer(5)] * 10 + [Layer(3, 2, "same")])
    '10*5,1,valid,1;3,2,same,1'
    """
    parts: list[str] = []
    prev, count = None, 0
    for layer in list(layers) + [None]:
        if layer == prev:
            count += 1
            continue
        if prev is not None:
            body = f"{prev.kernel},{prev.stride},{prev.padding},{prev.dilation}"
            parts.append(f"{count}*{body}" if count > 1 else body)
        prev, count = layer, 1
    return ";".join(parts)


def parse_stack(text: str) -> list[Layer]:
    """URL text back into layers; raises ``ValueError`` saying what is wrong.

    >>> parse_stack("2*3,1,same,1;5,2,0,1")
    [Layer(kernel=3, stride=1, padding='same', dilation=1), Layer(kernel=3, stride=1, padding='same', dilation=1), Layer(kernel=5, stride=2, padding=0, dilation=1)]
    """
    text = (text or "").strip()
    if not text:
        return []
    layers: list[Layer] = []
    for part in text.split(";"):
        count, _, body = part.rpartition("*")
        try:
            repeat = int(count) if count else 1
        except ValueError:
            raise ValueError(f"{count!r} is not a layer count.") from None
        cells = body.split(",")
        if len(cells) != 4 or not 1 <= repeat <= LIMITS["layers"]:
            raise ValueError("each layer is kernel,stride,padding,dilation (e.g. 5,1,valid,1).")
        layer = layers_from_rows([dict(zip(STACK_COLUMNS, cells))])[0]
        layers += [layer] * repeat
        if len(layers) > LIMITS["layers"]:
            raise ValueError(f"a stack may have at most {LIMITS['layers']} layers.")
    return layers


@dataclass(frozen=True)
class Stack(Param):
    """The layer stack as a URL parameter (canonical text, see :func:`stack_text`)."""

    def parse(self, text: str) -> str:
        try:
            return stack_text(parse_stack(text))
        except ValueError:
            raise ParamError("stack", layers=LIMITS["layers"]) from None


SEED_STACK = stack_text([Layer(5, 1, "valid", 1)] * 10)


@dataclass(frozen=True)
class StackFailure:
    """The first layer whose (dilated) kernel does not fit its padded input."""

    layer: int  # 1-based
    input_shape: tuple[int, int]  # what reaches that layer
    padded_shape: tuple[int, int]
    kernel: tuple[int, int]  # dilated extent


@dataclass(frozen=True)
class StackResult:
    shapes: list[LayerShape] = field(default_factory=list)  # one per layer that fits
    pads: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    failure: StackFailure | None = None


def run_stack(input_shape, layers) -> StackResult:
    """Output shape and receptive field after each layer (``convcore.layer_stack``),
    stopping at the first layer that does not fit, which is described.

    >>> r = run_stack((240, 240), parse_stack(SEED_STACK))
    >>> r.shapes[-1].output_shape, r.shapes[-1].receptive_field, r.failure
    ((200, 200), (41, 41), None)
    >>> run_stack((6, 6), [Layer(5)] * 3).failure
    StackFailure(layer=2, input_shape=(2, 2), padded_shape=(2, 2), kernel=(5, 5))
    """
    shape = pair(tuple(input_shape), "input shape")
    pads, failure = [], None
    for n, layer in enumerate(layers, start=1):
        kw = dict(padding=layer.padding, stride=layer.stride, dilation=layer.dilation)
        (t, b), (l, r) = pad_amounts(shape, (layer.kernel, layer.kernel), **kw)
        k_eff = dilated_kernel_shape((layer.kernel, layer.kernel), layer.dilation)
        padded = (shape[0] + t + b, shape[1] + l + r)
        if k_eff[0] > padded[0] or k_eff[1] > padded[1]:
            failure = StackFailure(n, shape, padded, k_eff)
            break
        pads.append(((t, b), (l, r)))
        shape = output_shape(shape, (layer.kernel, layer.kernel), **kw)
    fitting = [lyr.as_dict() for lyr in layers[: len(pads)]]
    shapes = layer_stack(tuple(input_shape), fitting) if fitting else []
    return StackResult(shapes, pads, failure)


SEED_STACK_INPUT = (240, 240)  # the chapter's image
SAME_STACK = stack_text([Layer(5, 1, "same")] * 10)  # the chapter's stack with padding 'same'


def stack_buttons(input_shape) -> dict[str, dict]:
    """The stack buttons (text keys ``padding.<name>``) and the values each sets:
    the chapter's ten 5x5 layers on its 240x240 image, the same with padding
    'same', and no layers (keeping ``input_shape``, the current input size).

    >>> stack_buttons((30, 40))["stack_clear"]
    {'stack': '', 'snh': 30, 'snw': 40}
    """
    sizes = dict(zip(("snh", "snw"), SEED_STACK_INPUT))
    return {"stack_seed": {"stack": SEED_STACK, **sizes}, "stack_same": {"stack": SAME_STACK, **sizes},
            "stack_clear": {"stack": "", "snh": input_shape[0], "snw": input_shape[1]}}


def stack_frame(layers) -> pd.DataFrame:
    """The layer table's editable rows, every cell text: the page reads what was
    typed, and says so when it is not a whole number (a number column's editor
    would turn ``1e6`` into 16 and ``1,5`` into 15 before the page saw it)."""
    df = pd.DataFrame([{k: str(v) for k, v in lyr.as_dict().items()} for lyr in layers], columns=list(STACK_COLUMNS))
    return df.astype("string")


def editor_height(n_layers: int) -> int:
    """Pixels for the layer editor: the stack it starts from plus the add-a-row
    line (Streamlit's default stops at 10 rows, which hid that line under the
    ten-layer preset), at most 21 lines. It follows the stack an editor starts
    from, not the edits: a dynamic editor's height is part of its identity.

    >>> editor_height(10), editor_height(0), editor_height(64)
    (423, 73, 773)
    """
    rows_shown = min(n_layers + 1, 21)  # the rows and the add-a-row line
    return 35 * (rows_shown + 1) + 3


def layer_columns(lang: str = "en") -> dict[str, tuple[str, dict]]:
    """The layer editor's columns: each one's Streamlit column type (a name in
    ``st.column_config``) and options, headed in ``lang``: text columns (see
    :func:`stack_frame`) whose help names the bounds (:data:`LAYER_RANGES`),
    defaults from :class:`Layer`.

    Each column is ``small`` (75 px), so that a phone shows all four.

    >>> layer_columns()["stride"]
    ('TextColumn', {'label': 'stride', 'width': 'small', 'default': '1', 'help': 'a whole number from 1 to 64'})
    """
    columns = {}
    for name, default in Layer().as_dict().items():
        label = dict(label=t(f"padding.col_{name}", lang), width="small", default=str(default))
        if name == "padding":
            columns[name] = ("TextColumn", dict(**label, help=t("padding.col_padding_help", lang)))
        else:
            columns[name] = ("TextColumn", dict(**label, help=t("padding.col_int_help", lang, lo=LAYER_RANGES[name][0],
                                                                hi=LAYER_RANGES[name][1])))
    return columns


def stack_error_text(e: ValueError, lang: str = "en") -> str:
    """What to change, in ``lang``, for what :func:`layers_from_rows` raised:
    the first bad cell (:class:`LayerError`), else too many layers.

    What was typed shows as text (:func:`convlab.fmt.quoted`), never as Markdown.

    >>> stack_error_text(LayerError(3, "stride", "range", "0", 1, 64))
    'Layer 3: the stride `0` is out of range; use a whole number from 1 to 64.'
    """
    if isinstance(e, LayerError):
        return t(f"padding.stack_err_{e.kind}", lang, row=e.row, column=t(f"padding.col_{e.column}", lang),
                 text=quoted(e.text), lo=e.lo, hi=e.hi)
    return t("padding.stack_too_many", lang, n=LIMITS["layers"])


def stack_table(result: StackResult, layers, lang: str = "en") -> list[dict]:
    """One row per layer that fits, headed in ``lang``: the padding each side
    gets (``top+bottom, left+right``), the output shape and the receptive field.
    Four narrow columns, so that a phone shows them all; the layer's settings
    are in the editor's row of the same number."""
    def col(name):
        return t(f"padding.col_{name}", lang)

    rows = []
    for n, (shape, pad) in enumerate(zip(result.shapes, result.pads), start=1):
        (top, bottom), (left, right) = pad
        rows.append({col("layer_no"): n, col("pads"): f"{top}+{bottom}, {left}+{right}",
                     col("out"): shape_text(shape.output_shape), col("rf"): shape_text(shape.receptive_field)})
    return rows


def stack_summary(input_shape, result: StackResult, lang: str = "en") -> str | None:
    """The last fitting layer's output shape and receptive field, in a sentence
    (None when no layer fits).

    >>> stack_summary((240, 240), run_stack((240, 240), parse_stack(SEED_STACK))).split(";")[0]
    'After 10 layers, the 240 × 240 input becomes **200 × 200**'
    """
    if not result.shapes:
        return None
    last = result.shapes[-1]
    return t("padding.stack_summary", lang, n=len(result.shapes), inp=shape_text(input_shape),
             out=shape_text(last.output_shape), rf=shape_text(last.receptive_field))


def stack_failure_text(failure: StackFailure, lang: str = "en") -> str:
    """Which layer does not fit and why, in ``lang``."""
    return t("padding.stack_fail", lang, layer=failure.layer, inp=shape_text(failure.input_shape),
             padded=shape_text(failure.padded_shape), kernel=shape_text(failure.kernel))


# --------------------------------------------------------- the page's parameters

_DEFAULT = PRESETS[-1].state()  # the page opens on the seed's stride figure
PARAMS = {  # each control's default, bounds and choices; also its URL value (state.init / state.sync)
    "tie": Bool(_DEFAULT["tie"]),
    "mode": Choice(_DEFAULT["mode"], MODES),
    **{f"n{a}": Int(_DEFAULT[f"n{a}"], 1, LIMITS["n"]) for a in "hw"},
    **{f"k{a}": Int(_DEFAULT[f"k{a}"], 1, LIMITS["k"]) for a in "hw"},
    **{f"s{a}": Int(_DEFAULT[f"s{a}"], 1, LIMITS["s"]) for a in "hw"},
    **{f"d{a}": Int(_DEFAULT[f"d{a}"], 1, LIMITS["d"]) for a in "hw"},
    **{f"p{side}": Int(_DEFAULT[f"p{side}"], 0, LIMITS["p"]) for side in "tblr"},
    "snh": Int(SEED_STACK_INPUT[0], 1, LIMITS["stack_n"]),
    "snw": Int(SEED_STACK_INPUT[1], 1, LIMITS["stack_n"]),
    "stack": Stack(SEED_STACK),
}

