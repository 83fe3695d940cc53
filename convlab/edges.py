"""The edge page's logic: kernels written out for labels and the code that
computes what the page shows (presets and detection are :mod:`convcore.kernels`)."""
from __future__ import annotations

import numpy as np

from convcore.kernels import PRESETS, gradient_pair, preset

from . import codegen
from .fmt import num

__all__ = ["MAX_CUSTOM", "kernel_text", "code_snippets"]

MAX_CUSTOM = 7  # the custom kernel's editor allows up to 7x7

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
        return prefix + "[" + ", ".join(num(v, minus="−") for v in rows[0]) + "]"
    return prefix + "[" + "; ".join(" ".join(num(v, minus="−") for v in r) for r in rows) + "]"


def _tf_matrix(K) -> str:
    rows = np.asarray(K, dtype=float).tolist()
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in rows) + "]"


def code_snippets(image_shape, K, padding="valid", *, seed_image=False, transpose_image=False,
                  absolute=False, preset_name: str | None = None) -> tuple[str, str]:
    """(TensorFlow code, convcore code) that compute exactly what the page shows."""
    K = np.asarray(K, dtype=float)
    if seed_image:
        x_lines = ["X = tf.Variable(tf.ones((6, 8)))", "X[:, 2:6].assign(tf.zeros(X[:, 2:6].shape))"]
    else:
        x_lines = [f"# X: your image as a {image_shape[0]}x{image_shape[1]} float array, white 1, black 0"]
    if transpose_image:
        x_lines.append("X = tf.transpose(X)")
    pair = gradient_pair(preset_name) if preset_name else None
    tail = ["Y = tf.abs(Y)"] if absolute else []
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
    tf_text = codegen.tf_code(image_shape if not transpose_image else image_shape[::-1], K.shape, padding,
                              data=[*x_lines, f"K = tf.constant({_tf_matrix(K)})"], after=tail)

    cc_data = ["X = np.ones((6, 8))", "X[:, 2:6] = 0"] if seed_image else ["X = ...  # your image as a 2-D float array"]
    if transpose_image:
        cc_data.append("X = X.T")
    cc_data.append(f"K = np.array({_tf_matrix(K)})")
    cc_tail = ["Y = np.abs(Y)"] if absolute else []
    if pair:
        cc_tail += [
            "from convcore.kernels import gradient_magnitude, preset",
            f"magnitude = gradient_magnitude(X, preset({pair[0]!r}), preset({pair[1]!r}), {padding!r})",
        ]
    return tf_text, codegen.convcore_code(padding=padding, numpy=True, data=cc_data, after=cc_tail)
