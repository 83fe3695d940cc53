"""convcore: the numerical core of ConvLab.

2-D cross-correlation and convolution with padding, stride and dilation, the
shape arithmetic behind them, and the window-by-window walk that the app
animates. Importing it loads numpy only; ``convcore.figures`` (plotly) and
``convcore.training`` (TensorFlow) are imported where they are needed.
"""
from .geometry import (
    PADDING_NAMES,
    LayerShape,
    dilated_kernel_shape,
    layer_stack,
    output_shape,
    pad_amounts,
)
from .ops import conv2d, corr2d, corr2d_multi_in, corr2d_multi_in_out, flip_kernel
from .windows import Window, arithmetic, windows

__all__ = [
    "corr2d",
    "conv2d",
    "flip_kernel",
    "pad_amounts",
    "output_shape",
    "windows",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
    "dilated_kernel_shape",
    "layer_stack",
    "LayerShape",
    "Window",
    "arithmetic",
    "PADDING_NAMES",
]
