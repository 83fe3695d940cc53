"""The code a learner can paste into a notebook to compute exactly what a page shows."""
from __future__ import annotations

from convcore._geometry import pad_amounts, pair


def _pair_text(v) -> str:
    h, w = v
    return str(h) if h == w else f"({h}, {w})"


def _padding_arg(padding) -> str:
    return repr(padding.lower()) if isinstance(padding, str) else repr(padding)


def keras_layer(kernel_shape, padding="valid", stride=1, dilation=1) -> str:
    """``tf.keras.layers.Conv2D(...)`` for this configuration; explicit padding
    (which Keras does not take) becomes a ZeroPadding2D before a 'valid' layer."""
    k, s, d = pair(tuple(kernel_shape), "kernel"), pair(stride, "stride"), pair(dilation, "dilation")
    args = [f"1, {_pair_text(k)}"]
    if s != (1, 1):
        args.append(f"strides={_pair_text(s)}")
    if d != (1, 1):
        args.append(f"dilation_rate={_pair_text(d)}")
    if isinstance(padding, str) and padding.lower() in ("valid", "same"):
        args.append(f'padding="{padding.lower()}"')
        return f"tf.keras.layers.Conv2D({', '.join(args)})"
    return None  # explicit or 'full' padding: see tf_code


def _program(imports, data, body, after) -> str:
    """One snippet from its parts: imports, the data, the computation, what follows;
    a blank line between non-empty parts."""
    parts = [list(imports), list(data), list(body), list(after)]
    return "\n\n".join("\n".join(part) for part in parts if part)


X_K_COMMENT = "# X: (height, width) input, K: (kh, kw) kernel, as on the page"


TF_PAD_MODES = {"reflect": "REFLECT", "symmetric": "SYMMETRIC"}  # tf.pad's names; circular is numpy's "wrap"


def tf_code(X_shape, kernel_shape, padding="valid", stride=1, dilation=1, flip=False, *,
            data=(X_K_COMMENT,), after=(), pad_mode="zeros") -> str:
    """A runnable TensorFlow snippet: the Keras layer (when Keras can express it)
    and ``tf.nn.conv2d`` with the same numbers. ``data`` defines ``X`` and ``K``;
    ``after`` is what the snippet does with ``Y``. A ``pad_mode`` other than
    zeros pads ``X`` first (``tf.pad`` with ``"REFLECT"``/``"SYMMETRIC"``,
    numpy's ``"wrap"`` for circular), then ``tf.nn.conv2d`` takes ``"VALID"``."""
    (t, b), (l, r) = pad_amounts(X_shape, kernel_shape, padding, stride, dilation)
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    mode = pad_mode.lower()
    imports = ["import tensorflow as tf"]
    body = []
    if flip:
        body.append("K = tf.reverse(K, axis=[0, 1])  # true convolution = cross-correlation with the flipped kernel")
    layer = keras_layer(kernel_shape, padding, stride, dilation) if mode == "zeros" else None
    if layer:
        body += [f"conv2d = {layer}", "# conv2d(tf.reshape(X, (1, *X.shape, 1))) computes the same map with its own weights"]
    pad_text = f"[[0, 0], [{t}, {b}], [{l}, {r}], [0, 0]]"
    if mode in TF_PAD_MODES:
        body.append(f'X = tf.pad(tf.cast(X, tf.float32), [[{t}, {b}], [{l}, {r}]], mode="{TF_PAD_MODES[mode]}")'
                    f"  # {mode} padding")
        pad_text = '"VALID"'
    elif mode == "circular":
        imports.insert(0, "import numpy as np")
        body.append(f'X = np.pad(X, (({t}, {b}), ({l}, {r})), mode="wrap")  # circular padding (tf.pad has none)')
        pad_text = '"VALID"'
    elif isinstance(padding, str) and padding.lower() in ("valid", "same"):
        pad_text = f'"{padding.upper()}"'
    body += [
        "Y = tf.nn.conv2d(",
        "    tf.reshape(tf.cast(X, tf.float32), (1, *X.shape, 1)),",
        "    tf.reshape(tf.cast(K, tf.float32), (*K.shape, 1, 1)),",
        f"    strides={list(s)}, padding={pad_text}, dilations={list(d)},",
        ")[0, :, :, 0]",
    ]
    return _program(imports, data, body, after)


def keyword_args(padding="valid", stride=1, dilation=1, pad_mode="zeros") -> list[str]:
    """The convcore keyword arguments that differ from their defaults."""
    args = []
    if padding not in (0, "valid", (0, 0)):
        args.append(f"padding={_padding_arg(padding)}")
    if pair(stride, "stride") != (1, 1):
        args.append(f"stride={stride!r}")
    if pair(dilation, "dilation") != (1, 1):
        args.append(f"dilation={dilation!r}")
    if pad_mode.lower() != "zeros":
        args.append(f"pad_mode={pad_mode.lower()!r}")
    return args


def convcore_code(padding="valid", stride=1, dilation=1, flip=False, *, data=(), after=(), numpy=False,
                  pad_mode="zeros") -> str:
    """The convcore call for this configuration (``convolve2d`` when ``flip``),
    after ``data`` (lines defining ``X`` and ``K``) and before ``after``."""
    fn = "convolve2d" if flip else "corr2d"
    args = ["X", "K", *keyword_args(padding, stride, dilation, pad_mode)]
    imports = (["import numpy as np"] if numpy else []) + ["import convcore"]
    return _program(imports, data, [f"Y = convcore.{fn}({', '.join(args)})"], after)
