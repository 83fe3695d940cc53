"""The chapter's own examples, with its numbers.

- ``CORR_X``, ``CORR_K``: the cross-correlation (互相关运算) example,
  ``corr2d(CORR_X, CORR_K) == [[19, 25], [37, 43]]``;
- ``EDGE_K`` and :func:`edge_image`: edge detection with the kernel
  (卷积核) ``[1, -1]``;
- ``STRIDE_PADDING``, ``STRIDE``: the padding (填充) and stride (步幅)
  figure, padding 1 and stride (3, 2) on ``CORR_X`` with ``CORR_K``;
- ``KERAS_EXAMPLES``: the four Keras ``Conv2D`` shapes on an 8x8 input, as
  ``(kernel, padding, stride, output shape)``.

>>> from convcore import corr2d, output_shape
>>> corr2d(CORR_X, CORR_K).tolist()
[[19.0, 25.0], [37.0, 43.0]]
>>> corr2d(CORR_X, CORR_K, padding=STRIDE_PADDING, stride=STRIDE).tolist()
[[0.0, 8.0], [6.0, 8.0]]
>>> all(output_shape((8, 8), k, p, s) == out for k, p, s, out in KERAS_EXAMPLES)
True
"""
from __future__ import annotations

import numpy as np

# 互相关运算: corr2d(X, K) = [[19, 25], [37, 43]]
CORR_X = np.arange(9.0).reshape(3, 3)
CORR_K = np.array([[0.0, 1.0], [2.0, 3.0]])

# 边缘检测: the kernel [1, -1] marks white->black with 1 and black->white with -1
EDGE_K = np.array([[1.0, -1.0]])


def edge_image() -> np.ndarray:
    """The chapter's 6x8 black-and-white image: white 1, the middle four columns black 0.

    Returns
    -------
    ndarray of float64, shape (6, 8)
        A new array each call (safe to modify): ones, with columns 2 to 5
        zero.

    See Also
    --------
    EDGE_K : the kernel that finds its two edges.
    convcore.kernels.detect : edge detection on it.

    Notes
    -----
    The chapter builds it in TensorFlow as ``X = tf.Variable(tf.ones((6,
    8)))`` with ``X[:, 2:6]`` assigned zeros. Cross-correlated with ``[1, -1]`` it gives 1 at the
    white-to-black edge and -1 at the black-to-white edge; its transpose
    gives 0 everywhere (the kernel only sees vertical edges).

    Examples
    --------
    >>> X = edge_image()
    >>> X.shape, X[0].tolist()
    ((6, 8), [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0])
    >>> from convcore import corr2d
    >>> corr2d(X, EDGE_K)[0].tolist()
    [0.0, 1.0, 0.0, 0.0, 0.0, -1.0, 0.0]
    >>> bool(corr2d(X.T, EDGE_K).any())
    False
    """
    X = np.ones((6, 8))
    X[:, 2:6] = 0
    return X


# 步幅: padding 1, stride (3, 2) on CORR_X with CORR_K gives [[0, 8], [6, 8]]
STRIDE_PADDING, STRIDE = 1, (3, 2)

# The four Keras examples on an 8x8 input: (kernel, padding, stride) -> output shape
KERAS_EXAMPLES = [
    ((3, 3), "same", (1, 1), (8, 8)),
    ((5, 3), "same", (1, 1), (8, 8)),
    ((3, 3), "same", (2, 2), (4, 4)),
    ((3, 5), "valid", (3, 4), (2, 1)),
]
