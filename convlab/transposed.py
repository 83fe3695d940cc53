"""The transposed-convolution page's logic: its parameters and presets (Dive
into Deep Learning's example first), the controls turned into
:func:`convcore.conv_transpose2d`'s arguments, why a configuration has no
output (in the page's words), the stamps that reach one output cell and its
sum written out, the output-shape formula with the numbers filled in, the
zero-insertion view's numbers, the checkerboard's overlap counts, the code
and the check against TensorFlow (imported only when that check runs).

The mathematics is convcore's (:func:`convcore.transpose_plan`,
:func:`convcore.transpose_stamps`, :func:`convcore.transpose_as_corr`); the
figures are :mod:`convlab.figures.transposed`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import convcore

from .fmt import arithmetic, quoted, window_sum
from .stepper import TOLERANCE, TFCheck, kernel_text
from .text import t
from .urlstate import Bool, Choice, Int, Matrix, matrix_text

__all__ = ["D2L_X", "D2L_K", "PARAMS", "Preset", "PRESETS", "arguments", "config_problem", "Term", "terms",
           "cell_sum", "terms_text", "corr_sum", "same_numbers", "zeros_verdict", "GENERAL_LATEX", "formula_latex",
           "keras_valid_axes", "crop_values", "zero_values", "Checkerboard", "checkerboard", "checker_message",
           "code", "check_config", "tf_outputs", "tf_check", "verdict"]

D2L_X = [[0, 1], [2, 3]]  # Dive into Deep Learning's transposed-convolution example: input
D2L_K = [[0, 1], [2, 3]]  # and kernel; stride 1, 'valid': [[0, 0, 1], [0, 4, 6], [4, 12, 9]]

PARAMS = {
    "X": Matrix(matrix_text(D2L_X), max_rows=6, max_cols=6),
    "K": Matrix(matrix_text(D2L_K), max_rows=5, max_cols=5),
    "sh": Int(1, 1, 3), "sw": Int(1, 1, 3),
    "pad": Choice("valid", ("valid", "same", "crop")),
    "ph": Int(0, 0, 4), "pw": Int(0, 0, 4),  # rows / columns cropped from each side ("crop")
    "op": Bool(False), "oph": Int(0, 0, 2), "opw": Int(0, 0, 2),  # output_padding, when "op" is on
    "zeros": Bool(False),  # the zero-insertion view instead of the scatter
    "i": Int(1, 0, 99), "j": Int(1, 0, 99),  # the output cell whose sum is written out
    # the checkerboard: an n x n input of ones or a ramp, a k x k kernel of ones, stride s, 'same'
    "ck": Int(3, 1, 7), "cs": Int(2, 1, 4), "cin": Choice("ones", ("ones", "ramp")), "cn": Int(8, 7, 16),
}


@dataclass(frozen=True)
class Preset:
    """An example: input, kernel, stride, padding ("valid", "same" or "crop") and crop."""

    X: list
    K: list
    stride: int
    pad: str = "valid"
    crop: int = 0

    def values(self) -> dict:
        """The page's other parameters for this example (no output_padding, output cell (1, 1) where there is one)."""
        return {"sh": self.stride, "sw": self.stride, "pad": self.pad, "ph": self.crop, "pw": self.crop,
                "op": False, "oph": 0, "opw": 0, "i": 1, "j": 1}


PRESETS = {
    "d2l": Preset(D2L_X, D2L_K, 1),
    "stride": Preset(D2L_X, D2L_K, 2),
    "crop": Preset(D2L_X, D2L_K, 1, "crop", 1),
    "same": Preset([[1, 2], [3, 4]], np.ones((3, 3)).tolist(), 2, "same"),
}


def arguments(values: dict):
    """``(stride, padding, output_padding)`` for convcore from the page's controls.

    >>> arguments({"sh": 2, "sw": 1, "pad": "crop", "ph": 1, "pw": 0, "op": True, "oph": 1, "opw": 0})
    ((2, 1), (1, 0), (1, 0))
    >>> arguments({"sh": 1, "sw": 1, "pad": "same", "ph": 1, "pw": 0, "op": False, "oph": 1, "opw": 0})
    ((1, 1), 'same', None)
    """
    padding = (values["ph"], values["pw"]) if values["pad"] == "crop" else values["pad"]
    output_padding = (values["oph"], values["opw"]) if values["op"] else None
    return (values["sh"], values["sw"]), padding, output_padding


def config_problem(X_shape, K_shape, stride, padding, output_padding) -> tuple[str, dict] | None:
    """Why a configuration has no output, as ``(text key, its values)``, or
    None when :func:`convcore.transpose_plan` accepts it (and only then).

    >>> config_problem((2, 2), (2, 2), (1, 1), "valid", None) is None
    True
    >>> config_problem((2, 2), (2, 2), (2, 1), "valid", (1, 1))
    ('transposed.op_stride', {'op': (1, 1), 's': (2, 1)})
    >>> config_problem((2, 2), (2, 2), (1, 1), (2, 0), None)
    ('transposed.crop_kernel', {'p': (2, 0), 'limit': (1, 1)})
    >>> config_problem((1, 1), (3, 3), (1, 1), (2, 2), None)
    ('transposed.crop_all', {'o': (-1, -1)})
    >>> config_problem((2, 2), (2, 3), (2, 2), "same", (0, 0))
    ('transposed.op_same', {'k': 2})
    """
    try:
        convcore.transpose_plan(X_shape, K_shape, stride=stride, padding=padding, output_padding=output_padding)
        return None
    except ValueError:
        pass
    s, k, n = tuple(stride), tuple(K_shape), tuple(X_shape)
    op = tuple(output_padding) if output_padding is not None else (0, 0)
    if any(o >= st for o, st in zip(op, s)):
        return "transposed.op_stride", {"op": op, "s": s}
    if not isinstance(padding, str):
        if any(p > kk - 1 for p, kk in zip(padding, k)):
            return "transposed.crop_kernel", {"p": tuple(padding), "limit": tuple(kk - 1 for kk in k)}
        return "transposed.crop_all", {"o": tuple((nn - 1) * st + kk - 2 * p + o
                                                  for nn, st, kk, p, o in zip(n, s, k, padding, op))}
    if padding == "same" and output_padding is not None:
        even = next(kk for kk, o in zip(k, op) if kk % 2 + o == 0)
        return "transposed.op_same", {"k": even}
    return "transposed.bad_config", {}


# --- one output cell: the stamps that reach it -------------------------------------

@dataclass(frozen=True)
class Term:
    """One stamp's share of an output cell: ``X[i, j] * K[a, b]``."""

    i: int
    j: int
    a: int
    b: int
    x: float
    k: float


def terms(X, K, cell, *, stride=1, padding="valid", output_padding=None) -> list[Term]:
    """The stamps that reach output ``cell``, row-major over the input.

    Input cell ``(i, j)`` stamps ``X[i, j] * K`` with its top-left corner on
    canvas cell ``(i * s_h, j * s_w)`` (:class:`convcore.Stamp`'s origin); the
    output cell ``(r, c)`` is canvas cell ``(r + top, c + left)`` after the
    crop of :func:`convcore.transpose_plan`.

    >>> [(t.i, t.j, t.a, t.b) for t in terms(D2L_X, D2L_K, (1, 1))]
    [(0, 0, 1, 1), (0, 1, 1, 0), (1, 0, 0, 1), (1, 1, 0, 0)]
    >>> [(t.i, t.j, t.a, t.b) for t in terms(D2L_X, D2L_K, (1, 2), stride=2)]
    [(0, 1, 1, 0)]
    >>> terms(D2L_X, D2L_K, (2, 2), stride=3)  # a gap between stamps: no stamp reaches it
    []
    """
    X, K = np.asarray(X, float), np.asarray(K, float)
    plan = convcore.transpose_plan(X.shape, K.shape, stride=stride, padding=padding, output_padding=output_padding)
    (top, _), (left, _) = plan.crop
    R, C = cell[0] + top, cell[1] + left
    (s_h, s_w), (kh, kw) = plan.stride, K.shape
    return [Term(i, j, R - i * s_h, C - j * s_w, float(X[i, j]), float(K[R - i * s_h, C - j * s_w]))
            for i in range(X.shape[0]) for j in range(X.shape[1])
            if 0 <= R - i * s_h < kh and 0 <= C - j * s_w < kw]


def cell_sum(cell_terms, value) -> str | None:
    """The sum of one output cell written out, ``X[i, j]×K[a, b]`` term by term
    (None when no stamp reaches the cell: its value is 0).

    >>> cell_sum(terms(D2L_X, D2L_K, (1, 1)), 4)
    '0×3 + 1×2 + 2×1 + 3×0 = 4'
    """
    if not cell_terms:
        return None
    return arithmetic([t.x for t in cell_terms], [t.k for t in cell_terms], value)


def terms_text(cell_terms) -> str:
    """Which stamps reach the cell, e.g. ``X[0, 0]·K[1, 1] + X[0, 1]·K[1, 0]``.

    >>> terms_text(terms(D2L_X, D2L_K, (0, 1)))
    'X[0, 0]·K[0, 1] + X[0, 1]·K[0, 0]'
    """
    return " + ".join(f"X[{t.i}, {t.j}]·K[{t.a}, {t.b}]" for t in cell_terms)


def corr_sum(X, K, cell, *, stride=1, padding="valid", output_padding=None) -> str:
    """The same cell as the zero-insertion view computes it: the window of the
    padded, zero-inserted input times the flipped kernel, written out.

    >>> corr_sum(D2L_X, D2L_K, (1, 1))
    '0×3 + 1×2 + 2×1 + 3×0 = 4'
    >>> corr_sum(D2L_X, D2L_K, (0, 0))
    '0×3 + 0×2 + 0×1 + 0×0 = 0'
    """
    v = convcore.transpose_as_corr(X, K, stride=stride, padding=padding, output_padding=output_padding)
    return window_sum(convcore.window_at(v.padded, v.kernel, *cell), v.kernel)


def zeros_verdict(X, K, Y, *, stride=1, padding="valid", output_padding=None) -> tuple[str, str, dict]:
    """``(level, text key, values)`` of the zero-insertion view's check: the same
    numbers as the scatter's ``Y`` (success), or the largest difference (error).

    >>> zeros_verdict(D2L_X, D2L_K, convcore.conv_transpose2d(D2L_X, D2L_K))
    ('success', 'zeros_same', {'H': 3, 'W': 3, 'diff': '0'})
    """
    _, diff = same_numbers(X, K, Y, stride=stride, padding=padding, output_padding=output_padding)
    if diff == 0:
        return "success", "zeros_same", {"H": Y.shape[0], "W": Y.shape[1], "diff": f"{diff:g}"}
    return "error", "zeros_differ", {"diff": f"{diff:.3g}"}


def same_numbers(X, K, Y, *, stride=1, padding="valid", output_padding=None):
    """``(cross-correlation's output, largest difference from Y)``: the
    zero-insertion view computed, never assumed, to give the scatter's ``Y``.

    >>> Z, diff = same_numbers(D2L_X, D2L_K, convcore.conv_transpose2d(D2L_X, D2L_K))
    >>> Z.tolist(), diff
    ([[0.0, 0.0, 1.0], [0.0, 4.0, 6.0], [4.0, 12.0, 9.0]], 0.0)
    """
    v = convcore.transpose_as_corr(X, K, stride=stride, padding=padding, output_padding=output_padding)
    Z = convcore.corr2d(v.padded, v.kernel)
    diff = float(np.abs(Z - np.asarray(Y)).max()) if Z.shape == np.shape(Y) else float("inf")
    return Z, diff


# --- the output shape -----------------------------------------------------------------

def _axis_latex(axis: str, n: int, k: int, s: int, kind, op, o: int) -> str:
    """One axis of the output-shape formula: its rule, then the numbers filled
    in (two lines, to fit a phone)."""
    i_, k_, s_, o_ = (rf"{v}_{axis}" for v in ("i", "k", "s", "o"))
    if kind == "same" and op is None:
        rule, numbers = rf"{i_}\,{s_}", rf"{n} \cdot {s}"
    elif kind == "same":
        rule = rf"{s_}({i_} - 1) + ({k_} \bmod 2) + \mathrm{{op}}_{axis}"
        numbers = rf"{s} \cdot ({n} - 1) + ({k} \bmod 2) + {op}"
    elif kind == "valid" and op is None:
        rule, numbers = rf"{s_}({i_} - 1) + \max({k_}, {s_})", rf"{s} \cdot ({n} - 1) + \max({k}, {s})"
    else:
        p = 0 if kind == "valid" else kind
        rule = rf"{s_}({i_} - 1) + {k_} - 2p_{axis} + \mathrm{{op}}_{axis}"
        numbers = rf"{s} \cdot ({n} - 1) + {k} - 2 \cdot {p} + {op or 0}"
    return rf"\begin{{aligned}} {o_} &= {rule} \\ &= {numbers} = {o} \end{{aligned}}"


GENERAL_LATEX = r"o = s\,(i - 1) + k - 2p + \mathrm{output\_padding}"


def formula_latex(X_shape, K_shape, stride, padding, output_padding) -> list[str]:
    r"""The general formula, then each axis (rows ``h``, columns ``w``) with
    its rule and numbers: Keras' ``'valid'`` rule ``(i - 1)s + max(k, s)``
    and ``'same'``'s ``i s`` when no output_padding is given.

    >>> for line in formula_latex((2, 2), (2, 2), (1, 1), "valid", None): print(line)
    o = s\,(i - 1) + k - 2p + \mathrm{output\_padding}
    \begin{aligned} o_h &= s_h(i_h - 1) + \max(k_h, s_h) \\ &= 1 \cdot (2 - 1) + \max(2, 1) = 3 \end{aligned}
    \begin{aligned} o_w &= s_w(i_w - 1) + \max(k_w, s_w) \\ &= 1 \cdot (2 - 1) + \max(2, 1) = 3 \end{aligned}
    """
    plan = convcore.transpose_plan(X_shape, K_shape, stride=stride, padding=padding, output_padding=output_padding)
    kinds = (padding, padding) if isinstance(padding, str) else tuple(padding)
    ops = (None, None) if output_padding is None else tuple(output_padding)
    axes = zip("hw", plan.input_shape, plan.kernel_shape, plan.stride, kinds, ops, plan.output_shape)
    return [GENERAL_LATEX] + [_axis_latex(*axis) for axis in axes]


def keras_valid_axes(K_shape, stride, padding, output_padding) -> list[str]:
    """The axes (``"h"``, ``"w"``) where Keras' ``'valid'`` rule differs from
    ``s(i - 1) + k``: stride larger than the kernel, no output_padding.

    >>> keras_valid_axes((2, 3), (3, 3), "valid", None)
    ['h']
    """
    if padding != "valid" or output_padding is not None:
        return []
    return [ax for ax, k, s in zip("hw", K_shape, stride) if s > k]


def crop_values(plan) -> dict:
    """The numbers of the crop sentence: canvas, crops on each side, output.

    >>> crop_values(convcore.transpose_plan((2, 2), (3, 3), stride=2, padding="same"))
    {'canvas': '5×5', 'top': 0, 'bottom': 1, 'left': 0, 'right': 1, 'out': '4×4'}
    """
    ((t, b), (l, r)), (ch, cw), (H, W) = plan.crop, plan.canvas_shape, plan.output_shape
    return {"canvas": f"{ch}×{cw}", "top": t, "bottom": b, "left": l, "right": r, "out": f"{H}×{W}"}


def zero_values(X_shape, K, stride, padding, output_padding) -> dict:
    """The numbers of the zero-insertion sentence.

    >>> zero_values((2, 2), D2L_K, (2, 2), "valid", None)
    {'zh': 1, 'zw': 1, 'inserted': '3×3', 'pads': '(1, 1, 1, 1)', 'padded': '5×5', 'K': '3,2; 1,0'}
    """
    v = convcore.transpose_as_corr(np.zeros(X_shape), K, stride=stride, padding=padding,
                                   output_padding=output_padding)
    (t, b), (l, r) = v.pads
    shape = "{}×{}".format
    return {"zh": stride[0] - 1, "zw": stride[1] - 1, "inserted": shape(*v.inserted.shape),
            "pads": f"({t}, {b}, {l}, {r})", "padded": shape(*v.padded.shape), "K": kernel_text(v.kernel)}


# --- the checkerboard ---------------------------------------------------------------

@dataclass(frozen=True)
class Checkerboard:
    """A kernel of ones ``k x k`` stamped at stride ``s`` ('same') on an ``n x n``
    input: the output ``Y``, the overlap ``counts`` (the output of an input of
    ones), and the counts away from the border, per axis and in all."""

    X: np.ndarray
    Y: np.ndarray
    counts: np.ndarray
    axis_counts: tuple[int, ...]
    inner_counts: tuple[int, ...]
    k: int
    s: int

    @property
    def even(self) -> bool:
        """Whether every cell away from the border gets the same number of stamps."""
        return len(self.inner_counts) == 1


def _inner(counts, n: int, k: int, s: int) -> tuple[int, ...]:
    """Distinct counts on a 'valid' canvas away from its border (cells every
    stamp position around them could reach: from ``k - 1`` to ``(n - 1) s``)."""
    inner = counts[k - 1:(n - 1) * s + 1, k - 1:(n - 1) * s + 1]
    return tuple(int(v) for v in np.unique(inner))


def checkerboard(n: int, k: int, s: int, kind: str = "ones") -> Checkerboard:
    """The checkerboard of a ``k x k`` kernel of ones at stride ``s``.

    >>> cb = checkerboard(8, 3, 2)
    >>> cb.Y.shape, cb.axis_counts, cb.inner_counts, cb.even
    ((16, 16), (1, 2), (1, 2, 4), False)
    >>> checkerboard(8, 4, 2).inner_counts
    (4,)
    """
    X = np.ones((n, n)) if kind == "ones" else np.add.outer(np.arange(n), np.arange(n)) / (2 * (n - 1))
    K = np.ones((k, k))
    Y = convcore.conv_transpose2d(X, K, stride=s, padding="same")
    counts = convcore.conv_transpose2d(np.ones((n, n)), K, stride=s, padding="same")
    line = convcore.conv_transpose2d(np.ones((1, n)), np.ones((1, k)), stride=(1, s))  # one axis, uncropped
    axis = tuple(int(v) for v in np.unique(line[0, k - 1:(n - 1) * s + 1]))
    inner = _inner(convcore.conv_transpose2d(np.ones((n, n)), K, stride=s), n, k, s)
    return Checkerboard(X, Y, counts, axis, inner, k, s)


def checker_message(cb: Checkerboard, lang: str = "en") -> str:
    """One or two sentences on the checkerboard, with its numbers.

    >>> print(checker_message(checkerboard(8, 3, 2)).split(":")[0])
    k = 3 is not a multiple of s = 2
    >>> "1, 2 or 4 stamps" in checker_message(checkerboard(8, 3, 2))
    True
    """
    def listed(values):
        words = [str(v) for v in values]
        if len(words) == 1:
            return words[0]
        return ("、" if lang == "zh" else ", ").join(words[:-1]) + t("transposed.or", lang) + words[-1]

    key = "transposed.checker_even" if cb.even else "transposed.checker_uneven"
    return t(key, lang, k=cb.k, s=cb.s, axis=listed(cb.axis_counts), inner=listed(cb.inner_counts))


# --- code and the check against TensorFlow -------------------------------------------

def _literal(M) -> str:
    """A matrix as a Python literal, every value as the URL keeps it (lossless).

    >>> _literal([[0, 1.5], [2, -3]])
    '[[0, 1.5], [2, -3]]'
    """
    return "[[" + matrix_text(M).replace(",", ", ").replace(";", "], [") + "]]"


def _pair_arg(v) -> str:
    h, w = v
    return str(h) if h == w else f"({h}, {w})"


def code(X, K, stride, padding, output_padding) -> tuple[str, str]:
    """(TensorFlow / Keras code, convcore code) that compute the page's output.

    Keras has no crop: an integer crop ``p`` (PyTorch's ``padding``) is a
    ``'valid'`` layer followed by ``Cropping2D``; ``tf.nn.conv2d_transpose``
    takes it as explicit padding.
    """
    X, K = np.asarray(X, float), np.asarray(K, float)
    plan = convcore.transpose_plan(X.shape, K.shape, stride=stride, padding=padding, output_padding=output_padding)
    (kh, kw), (ih, iw), (oh, ow) = K.shape, X.shape, plan.output_shape
    crop = not isinstance(padding, str)
    layer_args = [f"1, ({kh}, {kw})", f"strides={_pair_arg(stride)}", f'padding="{"valid" if crop else padding}"']
    if output_padding is not None:
        layer_args.append(f"output_padding={_pair_arg(output_padding)}")
    tf_pad = f"[[0, 0], [{padding[0]}, {padding[0]}], [{padding[1]}, {padding[1]}], [0, 0]]" if crop \
        else f'"{padding.upper()}"'
    lines = [
        "import numpy as np",
        "import tensorflow as tf",
        "",
        f'X = np.array({_literal(X)}, dtype="float32")',
        f'K = np.array({_literal(K)}, dtype="float32")',
        f"x = X.reshape(1, {ih}, {iw}, 1)  # (batch, height, width, channels)",
        f"kernel = K.reshape({kh}, {kw}, 1, 1)  # (kh, kw, output channels, input channels)",
        "",
        f"layer = tf.keras.layers.Conv2DTranspose({', '.join(layer_args)}, use_bias=False)",
        "layer.build(x.shape)",
        "layer.kernel.assign(kernel)",
        "y = layer(x)",
    ]
    if crop:
        lines.append(f"y = tf.keras.layers.Cropping2D((({padding[0]}, {padding[0]}), ({padding[1]}, {padding[1]})))(y)"
                     "  # crop p from each side (PyTorch's padding=p)")
    lines += [
        "Y = y[0, :, :, 0].numpy()",
        "",
        "# tf.nn.conv2d_transpose is told the output shape",
        f"Y2 = tf.nn.conv2d_transpose(x, kernel, output_shape=(1, {oh}, {ow}, 1), strides={list(stride)},",
        f"                            padding={tf_pad})[0, :, :, 0].numpy()",
        "print(Y)",
    ]
    kwargs = ""
    if tuple(stride) != (1, 1):
        kwargs += f", stride={_pair_arg(stride)}"
    if padding != "valid":
        kwargs += f", padding={_pair_arg(padding) if crop else repr(padding)}"
    if output_padding is not None:
        kwargs += f", output_padding={_pair_arg(output_padding)}"
    cc = [
        "import numpy as np",
        "import convcore",
        "",
        f"X = np.array({_literal(X)})",
        f"K = np.array({_literal(K)})",
        f"Y = convcore.conv_transpose2d(X, K{kwargs})",
        "",
        "# stamp by stamp: X[i, j] * K added at (i * s_h, j * s_w) of the uncropped canvas",
        f"for stamp in convcore.transpose_stamps(X, K{kwargs}):",
        "    print(stamp.index, stamp.origin, stamp.products.tolist())",
        "",
        "# the same numbers as a cross-correlation: zeros inserted, padded, kernel flipped",
        f"v = convcore.transpose_as_corr(X, K{kwargs})",
        "print(np.array_equal(convcore.corr2d(v.padded, v.kernel), Y))",
        "print(Y)",
    ]
    return "\n".join(lines), "\n".join(cc)


def check_config(X, K, stride, padding, output_padding) -> tuple:
    """What a check is about: shown only while the page shows the same configuration."""
    return matrix_text(X), matrix_text(K), tuple(stride), padding, output_padding


def tf_outputs(X, K, stride, padding, output_padding) -> tuple[np.ndarray, np.ndarray]:
    """The output of ``tf.keras.layers.Conv2DTranspose`` (kernel set to ``K``;
    an integer crop by ``Cropping2D``) and of ``tf.nn.conv2d_transpose``,
    as float64 arrays. TensorFlow is imported here."""
    from convcore.training import load_tensorflow

    tf = load_tensorflow()
    X, K = np.asarray(X, np.float32), np.asarray(K, np.float32)
    plan = convcore.transpose_plan(X.shape, K.shape, stride=stride, padding=padding, output_padding=output_padding)
    crop = not isinstance(padding, str)
    x, kernel = X[None, :, :, None], K[:, :, None, None]
    layer = tf.keras.layers.Conv2DTranspose(1, K.shape, strides=tuple(stride), padding="valid" if crop else padding,
                                            output_padding=output_padding, use_bias=False)
    layer.build(x.shape)
    layer.kernel.assign(kernel)
    y = layer(x)
    if crop:
        y = tf.keras.layers.Cropping2D(((padding[0],) * 2, (padding[1],) * 2))(y)
    tf_pad = [[0, 0], [padding[0]] * 2, [padding[1]] * 2, [0, 0]] if crop else padding.upper()
    y2 = tf.nn.conv2d_transpose(x, kernel, output_shape=(1, *plan.output_shape, 1), strides=list(stride),
                                padding=tf_pad)
    return np.asarray(y)[0, :, :, 0].astype(float), np.asarray(y2)[0, :, :, 0].astype(float)


def tf_check(X, K, stride, padding, output_padding, Y) -> TFCheck:
    """Both TensorFlow outputs against convcore's ``Y``: the largest difference."""
    config = check_config(X, K, stride, padding, output_padding)
    try:
        outputs = tf_outputs(X, K, stride, padding, output_padding)
    except ImportError as e:
        return TFCheck(config, problem="tf_missing", reason=str(e))
    except Exception as e:  # noqa: BLE001 - TensorFlow's refusals come as several types
        return TFCheck(config, problem="unsupported", reason=str(e).splitlines()[0][:300])
    Y = np.asarray(Y, float)
    diffs = [float(np.abs(y - Y).max()) if y.shape == Y.shape else float("inf") for y in outputs]
    return TFCheck(config, diff=max(diffs))


def verdict(check: TFCheck | None, config: tuple, Y) -> tuple[str, str, dict] | None:
    """``(level, text key, values)`` for the last check, None when there is none
    for this configuration.

    >>> verdict(TFCheck("c", diff=0.0), "c", np.zeros((3, 3)))
    ('success', 'transposed.verified', {'H': 3, 'W': 3, 'diff': '0'})
    >>> verdict(TFCheck("c", diff=0.5), "c", np.zeros((3, 3)))[:2], verdict(TFCheck("c", diff=0.0), "d", 0)
    (('error', 'transposed.verify_differs'), None)
    """
    if check is None or check.config != config:
        return None
    if check.problem == "tf_missing":
        return "warning", "common.tf_missing", {"error": check.reason}
    if check.problem:
        return "warning", "transposed.verify_unsupported", {"reason": quoted(check.reason, limit=300)}
    Y = np.asarray(Y, float)
    if check.diff <= TOLERANCE * max(1.0, float(np.abs(Y).max())):
        return "success", "transposed.verified", {"H": Y.shape[0], "W": Y.shape[1], "diff": f"{check.diff:.3g}"}
    return "error", "transposed.verify_differs", {"diff": f"{check.diff:.3g}"}
