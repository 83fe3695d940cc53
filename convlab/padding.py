"""The padding-and-stride page's logic: the bounds of its controls, the seed's
output-shape formula with the numbers filled in (LaTeX), the chapter's
presets, the code for a configuration, and the layer-stack calculator's
table and URL text. The shape mathematics is convcore's (``axis_plans``,
``window_origins``, ``read_mask``, ``layer_stack``)."""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field

from convcore import AxisPlan, LayerShape, dilated_kernel_shape, layer_stack, output_shape, pad_amounts, seed, windows
from convcore._geometry import pair

from . import codegen
from .fmt import window_sum
from .urlstate import Param

__all__ = [
    "formula_latex",
    "same_split_latex",
    "Preset",
    "PRESETS",
    "SEED_X",
    "SEED_K",
    "seed_cells",
    "code_snippets",
    "Layer",
    "LayerError",
    "parse_stack",
    "stack_text",
    "layers_from_rows",
    "Stack",
    "StackFailure",
    "StackResult",
    "run_stack",
    "SEED_STACK",
    "LIMITS",
]

# Bounds of the page's controls (and of the URL values they accept).
LIMITS = dict(n=512, k=64, s=64, d=16, p=128, draw=64, stack_n=4096, layers=64, layer_p=256)


# ---------------------------------------------------------------- the formula

def _floor_frac(num: str, den: str) -> str:
    return rf"\left\lfloor \frac{{{num}}}{{{den}}} \right\rfloor"


def formula_latex(h: AxisPlan, w: AxisPlan, words=("height", "width", "output")) -> list[str]:
    r"""The seed's output shape ``floor((n - k + p + s) / s)`` per axis, as LaTeX
    lines: the seed's formula, then each axis with the numbers filled in
    (an ``aligned`` block), then the result. With a dilation above 1, ``k'``
    (the dilated kernel, ``(k - 1) d + 1``) takes the place of ``k`` and its
    value is written out. ``words`` name the height, width and output shape.

    >>> from convcore import axis_plans
    >>> lines = formula_latex(*axis_plans((8, 8), (3, 5), "valid", stride=(3, 4)))
    >>> print(lines[0])
    \lfloor (n_h - k_h + p_h + s_h)/s_h \rfloor \times \lfloor (n_w - k_w + p_w + s_w)/s_w \rfloor
    >>> print(lines[-1])
    \text{output} = 2 \times 1
    """
    dilated = h.d > 1 or w.d > 1
    k = "k'" if dilated else "k"
    seed = r" \times ".join(rf"\lfloor (n_{a} - {k}_{a} + p_{a} + s_{a})/s_{a} \rfloor" for a in "hw")
    rows = []
    for a, ax, word in zip("hw", (h, w), words):
        row = rf"\text{{{word}}} &= " + _floor_frac(f"n_{a} - {k}_{a} + p_{a} + s_{a}", f"s_{a}")
        notes = [rf"p_{a} = {ax.before} + {ax.after} = {ax.p}"]
        if dilated:
            notes.append(rf"k'_{a} = ({ax.k} - 1)\cdot {ax.d} + 1 = {ax.k_eff}")
        if dilated:  # too wide for one line beside the formula
            row += r" \\ & \small (" + r",\ ".join(notes) + ")"
        else:
            row += r"\quad (" + notes[0] + ")"
        row += r" \\ &= " + _floor_frac(f"{ax.n} - {ax.k_eff} + {ax.p} + {ax.s}", str(ax.s))
        row += " = " + _floor_frac(str(ax.numerator), str(ax.s)) + f" = {math.floor(ax.numerator / ax.s)}"
        rows.append(row)
    result = r" \times ".join(str(math.floor(ax.numerator / ax.s)) for ax in (h, w))
    return [seed, r"\begin{aligned}" + r" \\[4pt] ".join(rows) + r"\end{aligned}",
            rf"\text{{{words[2]}}} = {result}"]


def same_split_latex(ax: AxisPlan, axis: str) -> str:
    r"""TensorFlow's 'same' padding on one axis, written out:
    total ``max((ceil(n/s) - 1) s + k' - n, 0)``, smaller half first.

    >>> print(same_split_latex(AxisPlan(8, 3, 2, 1, 0, 1), "h"))
    p_h = \max((\lceil 8/2 \rceil - 1)\cdot 2 + 3 - 8,\ 0) = 1 = 0 + 1
    """
    return (
        rf"p_{axis} = \max((\lceil {ax.n}/{ax.s} \rceil - 1)\cdot {ax.s} + {ax.k_eff} - {ax.n},\ 0)"
        rf" = {ax.p} = {ax.before} + {ax.after}"
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


# ------------------------------------------------------------- layer stacks

STACK_PADDINGS = ("valid", "same", "full")


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


_RANGES = {
    "kernel": (1, LIMITS["k"]),
    "stride": (1, LIMITS["s"]),
    "dilation": (1, LIMITS["d"]),
    "padding": (0, LIMITS["layer_p"]),
}


def _int_cell(value, row: int, column: str) -> int:
    lo, hi = _RANGES[column]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise LayerError(row, column, "blank", "", lo, hi)
    if isinstance(value, bool):
        raise LayerError(row, column, "not_int", str(value), lo, hi)
    if isinstance(value, numbers.Number):
        f = float(value)
        if not (math.isfinite(f) and f.is_integer()):
            raise LayerError(row, column, "not_int", str(value), lo, hi)
        v = int(f)
    else:
        text = str(value).strip()
        if not text:
            raise LayerError(row, column, "blank", "", lo, hi)
        try:
            v = int(text)
        except ValueError:
            raise LayerError(row, column, "not_int", text, lo, hi) from None
    if not lo <= v <= hi:
        raise LayerError(row, column, "range", str(v), lo, hi)
    return v


def _padding_cell(value, row: int):
    if isinstance(value, str) and value.strip().lower() in STACK_PADDINGS:
        return value.strip().lower()
    try:
        return _int_cell(value, row, "padding")
    except LayerError as e:
        if e.kind == "blank":
            raise
        lo, hi = _RANGES["padding"]
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
        layer = layers_from_rows([dict(zip(("kernel", "stride", "padding", "dilation"), cells))])[0]
        layers += [layer] * repeat
        if len(layers) > LIMITS["layers"]:
            raise ValueError(f"a stack may have at most {LIMITS['layers']} layers.")
    return layers


@dataclass(frozen=True)
class Stack(Param):
    """The layer stack as a URL parameter (canonical text, see :func:`stack_text`)."""

    def parse(self, text: str) -> str:
        return stack_text(parse_stack(text))


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
