"""Kernel presets for the edge detection playground, and what the page computes with them.

Every preset is a cross-correlation kernel (as ``corr2d`` uses it, no flip),
written row by row. The seed's edge detector ``[1, -1]`` comes first: it
answers 1 where white (1) meets black (0) going right, -1 for black to white.

>>> preset("seed").tolist()
[[1.0, -1.0]]
>>> preset("sobel_x").tolist()
[[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]
>>> gradient_pair("prewitt_y")
('prewitt_x', 'prewitt_y')
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .geometry import output_shape
from .ops import as_matrix, corr2d

__all__ = [
    "Preset",
    "PRESETS",
    "PRESET_NAMES",
    "CUSTOM",
    "MAX_CUSTOM",
    "preset",
    "gradient_pair",
    "kernel_text",
    "gradient_magnitude",
    "EdgeResult",
    "detect",
    "code_snippets",
]

CUSTOM = "custom"
MAX_CUSTOM = 7  # the custom kernel's editor allows up to 7x7


@dataclass(frozen=True)
class Preset:
    """A named kernel. ``scale`` multiplies the integer ``values`` (e.g. 1/16 for
    the Gaussian blur); ``pair`` names the x and y kernels of a gradient
    operator (Sobel, Prewitt) so the page can show the gradient magnitude."""

    name: str
    values: tuple[tuple[int, ...], ...]
    scale: Fraction = Fraction(1)
    pair: tuple[str, str] | None = None

    @property
    def kernel(self) -> np.ndarray:
        return np.array(self.values, dtype=np.float64) * float(self.scale)


def _presets(*items: Preset) -> dict[str, Preset]:
    return {p.name: p for p in items}


_SOBEL = ("sobel_x", "sobel_y")
_PREWITT = ("prewitt_x", "prewitt_y")

PRESETS: dict[str, Preset] = _presets(
    Preset("seed", ((1, -1),)),
    Preset("identity", ((0, 0, 0), (0, 1, 0), (0, 0, 0))),
    Preset("box_blur", ((1, 1, 1), (1, 1, 1), (1, 1, 1)), Fraction(1, 9)),
    Preset("gaussian_blur", ((1, 2, 1), (2, 4, 2), (1, 2, 1)), Fraction(1, 16)),
    Preset("sharpen", ((0, -1, 0), (-1, 5, -1), (0, -1, 0))),
    Preset("sobel_x", ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1)), pair=_SOBEL),
    Preset("sobel_y", ((-1, -2, -1), (0, 0, 0), (1, 2, 1)), pair=_SOBEL),
    Preset("prewitt_x", ((-1, 0, 1), (-1, 0, 1), (-1, 0, 1)), pair=_PREWITT),
    Preset("prewitt_y", ((-1, -1, -1), (0, 0, 0), (1, 1, 1)), pair=_PREWITT),
    Preset("laplacian", ((0, 1, 0), (1, -4, 1), (0, 1, 0))),
    Preset("emboss", ((-2, -1, 0), (-1, 1, 1), (0, 1, 2))),
)

PRESET_NAMES: tuple[str, ...] = (*PRESETS, CUSTOM)


def preset(name: str) -> np.ndarray:
    """The kernel of preset ``name`` as a new float64 array."""
    try:
        return PRESETS[name].kernel
    except KeyError:
        raise ValueError(f"unknown kernel preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def gradient_pair(name: str) -> tuple[str, str] | None:
    """``(x_name, y_name)`` when ``name`` is one direction of a gradient operator."""
    p = PRESETS.get(name)
    return p.pair if p else None


def _num(v: float) -> str:
    v = float(v)
    if v.is_integer():
        return str(int(v)).replace("-", "−")
    return f"{v:.4g}".replace("-", "−")


def kernel_text(name_or_kernel) -> str:
    """A kernel written out for a label: rows in brackets, ``1/16 ×`` for scaled presets.

    >>> kernel_text("seed")
    '[1, −1]'
    >>> kernel_text("gaussian_blur")
    '1/16 × [1 2 1; 2 4 2; 1 2 1]'
    >>> kernel_text([[0.5], [-0.25]])
    '[0.5; −0.25]'
    """
    if isinstance(name_or_kernel, str):
        p = PRESETS[name_or_kernel]
        rows, prefix = p.values, ("" if p.scale == 1 else f"{p.scale} × ")
    else:
        rows, prefix = np.asarray(name_or_kernel, dtype=float).tolist(), ""
    if len(rows) == 1:
        return prefix + "[" + ", ".join(_num(v) for v in rows[0]) + "]"
    return prefix + "[" + "; ".join(" ".join(_num(v) for v in r) for r in rows) + "]"


def gradient_magnitude(X, Kx, Ky, padding="valid") -> np.ndarray:
    """``sqrt(Gx**2 + Gy**2)`` with ``Gx = corr2d(X, Kx)``, ``Gy = corr2d(X, Ky)``.

    >>> gradient_magnitude([[0, 3], [4, 4]], [[-1, 1], [0, 0]], [[-1, 0], [1, 0]]).tolist()
    [[5.0]]
    """
    Gx = corr2d(X, Kx, padding=padding)
    Gy = corr2d(X, Ky, padding=padding)
    if Gx.shape != Gy.shape:
        raise ValueError(f"the x and y kernels give outputs of different shapes {Gx.shape} and {Gy.shape}; use kernels of one shape")
    return np.hypot(Gx, Gy)


@dataclass(frozen=True)
class EdgeResult:
    """What the edge page shows: ``signed`` (the cross-correlation), ``shown``
    (``signed`` or its absolute value), ``magnitude`` (for Sobel/Prewitt,
    else None)."""

    signed: np.ndarray
    shown: np.ndarray
    magnitude: np.ndarray | None

    @property
    def all_zero(self) -> bool:
        return not np.any(self.signed)


def detect(X, K, padding="valid", *, absolute=False, preset_name: str | None = None) -> EdgeResult:
    """Cross-correlate image ``X`` with kernel ``K`` (``padding`` "valid" or "same").

    Raises ``ValueError`` with what to change when ``K`` does not fit ``X``.

    >>> X = [[1, 1, 0, 0, 0, 0, 1, 1]] * 2
    >>> detect(X, [[1, -1]]).signed.tolist()
    [[0.0, 1.0, 0.0, 0.0, 0.0, -1.0, 0.0], [0.0, 1.0, 0.0, 0.0, 0.0, -1.0, 0.0]]
    """
    X = as_matrix(X, "the image")
    K = as_matrix(K, "the kernel")
    if padding not in ("valid", "same"):
        raise ValueError(f"padding must be 'valid' or 'same', not {padding!r}")
    if padding == "valid" and (K.shape[0] > X.shape[0] or K.shape[1] > X.shape[1]):
        raise ValueError(
            f"the kernel {K.shape[0]}x{K.shape[1]} does not fit in the image {X.shape[0]}x{X.shape[1]}; "
            "choose 'same' padding, a smaller kernel or a larger image"
        )
    Y = corr2d(X, K, padding=padding)
    pair = gradient_pair(preset_name) if preset_name else None
    M = gradient_magnitude(X, preset(pair[0]), preset(pair[1]), padding) if pair else None
    return EdgeResult(Y, np.abs(Y) if absolute else Y, M)


def _tf_matrix(K) -> str:
    rows = np.asarray(K, dtype=float).tolist()
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in rows) + "]"


def code_snippets(image_shape, K, padding="valid", *, seed_image=False, transpose_image=False,
                  absolute=False, preset_name: str | None = None) -> tuple[str, str]:
    """(TensorFlow code, convcore code) that compute exactly what the page shows."""
    from .codegen import convcore_code, tf_code

    K = np.asarray(K, dtype=float)
    if seed_image:
        x_lines = ["X = tf.Variable(tf.ones((6, 8)))", "X[:, 2:6].assign(tf.zeros(X[:, 2:6].shape))"]
    else:
        x_lines = [f"# X: your image as a {image_shape[0]}x{image_shape[1]} float array, white 1, black 0"]
    if transpose_image:
        x_lines.append("X = tf.transpose(X)")
    tf_lines = tf_code(X_shape=image_shape if not transpose_image else image_shape[::-1],
                       kernel_shape=K.shape, padding=padding).split("\n")
    head = ["import tensorflow as tf", "", *x_lines, f"K = tf.constant({_tf_matrix(K)})", ""]
    body = [line for line in tf_lines[2:] if not line.startswith("# X:")]  # X and K are defined above
    tail = []
    if absolute:
        tail.append("Y = tf.abs(Y)")
    pair = gradient_pair(preset_name) if preset_name else None
    if pair:
        tail += [
            "",
            "# gradient magnitude from the x and y kernels of this operator",
            f"Kx = tf.constant({_tf_matrix(preset(pair[0]))})",
            f"Ky = tf.constant({_tf_matrix(preset(pair[1]))})",
            "conv = lambda k: tf.nn.conv2d(tf.reshape(tf.cast(X, tf.float32), (1, *X.shape, 1)),",
            f"                             tf.reshape(k, (*k.shape, 1, 1)), 1, \"{padding.upper()}\")[0, :, :, 0]",
            "magnitude = tf.sqrt(conv(Kx) ** 2 + conv(Ky) ** 2)",
        ]
    tf_text = "\n".join(head + body + tail)

    cc = convcore_code(padding=padding).split("\n")
    cc_head = ["import numpy as np", "import convcore", ""]
    if seed_image:
        cc_head += ["X = np.ones((6, 8))", "X[:, 2:6] = 0"]
    else:
        cc_head += ["X = ...  # your image as a 2-D float array"]
    if transpose_image:
        cc_head.append("X = X.T")
    cc_head += [f"K = np.array({_tf_matrix(K)})", ""]
    cc_tail = ["Y = np.abs(Y)"] if absolute else []
    if pair:
        cc_tail += [
            "from convcore.kernels import gradient_magnitude, preset",
            f"magnitude = gradient_magnitude(X, preset({pair[0]!r}), preset({pair[1]!r}), {padding!r})",
        ]
    return tf_text, "\n".join(cc_head + cc[2:] + cc_tail)
