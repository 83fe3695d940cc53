"""The chapter's own examples, with its numbers."""
from __future__ import annotations

import numpy as np

# 互相关运算: corr2d(X, K) = [[19, 25], [37, 43]]
CORR_X = np.arange(9.0).reshape(3, 3)
CORR_K = np.array([[0.0, 1.0], [2.0, 3.0]])

# 边缘检测: the kernel [1, -1] marks white->black with 1 and black->white with -1
EDGE_K = np.array([[1.0, -1.0]])


def edge_image() -> np.ndarray:
    """The 6x8 black-and-white image: white 1, the middle four columns black 0."""
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
