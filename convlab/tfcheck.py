"""On-demand checks against TensorFlow itself (imported lazily: ~2 s)."""
from __future__ import annotations

import numpy as np

from convcore._geometry import pad_amounts, pair
from convcore.training import load_tensorflow as _tf  # the one lazy loader


def tf_corr2d(X, K, padding=0, stride=1, dilation=1, pad_mode="zeros") -> np.ndarray:
    """The same cross-correlation computed by ``tf.nn.conv2d`` (float64 result).

    A ``pad_mode`` other than zeros pads ``X`` first (``tf.pad``'s REFLECT or
    SYMMETRIC; numpy's wrap for circular, which ``tf.pad`` lacks), then
    convolves with ``"VALID"``. TensorFlow refuses stride > 1 together with
    dilation > 1; that raises ``ValueError``.
    """
    tf = _tf()
    X, K = np.asarray(X, np.float32), np.asarray(K, np.float32)
    s, d = pair(stride, "stride"), pair(dilation, "dilation")
    if max(s) > 1 and max(d) > 1:
        raise ValueError("TensorFlow's conv2d does not support stride > 1 together with dilation > 1")
    (t, b), (l, r) = pad_amounts(X.shape, K.shape, padding, s, d)
    mode = pad_mode.lower()
    x = tf.constant(X)
    if mode in ("reflect", "symmetric"):
        x = tf.pad(x, [[t, b], [l, r]], mode=mode.upper())
        t = b = l = r = 0
    elif mode == "circular":
        x = tf.constant(np.pad(X, ((t, b), (l, r)), mode="wrap"))
        t = b = l = r = 0
    elif mode != "zeros":
        raise ValueError(f"unknown pad_mode {pad_mode!r}")
    y = tf.nn.conv2d(
        x[None, :, :, None], tf.constant(K[:, :, None, None]),
        strides=list(s), padding=[[0, 0], [t, b], [l, r], [0, 0]], dilations=list(d),
    )
    return y.numpy()[0, :, :, 0].astype(np.float64)


def keras_output_shape(input_shape, kernel_shape, padding="valid", stride=1, dilation=1) -> tuple[int, int]:
    """Output (height, width) of ``tf.keras.layers.Conv2D`` on a 1-channel input.

    Keras takes only 'valid' and 'same'; other padding raises ``ValueError``.
    """
    if not (isinstance(padding, str) and padding.lower() in ("valid", "same")):
        raise ValueError("Keras' Conv2D takes padding 'valid' or 'same' only")
    tf = _tf()
    layer = tf.keras.layers.Conv2D(
        1, tuple(pair(tuple(kernel_shape), "kernel")), strides=pair(stride, "stride"),
        padding=padding.lower(), dilation_rate=pair(dilation, "dilation"),
    )
    y = layer(tf.zeros((1, *input_shape, 1)))
    return int(y.shape[1]), int(y.shape[2])
