"""convcore: the mathematics of the chapter, arrays in, arrays out.

2-D cross-correlation (互相关运算) and true convolution with padding (填充),
stride (步幅) and dilation, the shape arithmetic behind them, and the window's
walk over the input that the step-by-step views animate. Importing it loads
numpy only.

Lessons' mathematics lives in submodules imported by name:
``convcore.why`` (parameter counts, translation, locality, channels),
``convcore.kernels`` (edge-detection presets), ``convcore.training``
(learning a kernel; TensorFlow is imported inside its functions) and
``convcore.seed`` (the chapter's data).

>>> import convcore
>>> convcore.corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]]).tolist()
[[19.0, 25.0], [37.0, 43.0]]
"""
from ._geometry import (
    PADDING_NAMES,
    AxisPlan,
    LayerShape,
    axis_origins,
    axis_plans,
    dilated_kernel_shape,
    layer_stack,
    output_shape,
    pad_amounts,
    read_mask,
    window_origins,
)
from ._ops import convolve2d, corr2d, corr2d_multi_in, corr2d_multi_in_out, flip_kernel
from ._windows import Window, window_at, windows

__all__ = [
    "corr2d",
    "convolve2d",
    "flip_kernel",
    "pad_amounts",
    "output_shape",
    "windows",
    "window_at",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
    "dilated_kernel_shape",
    "layer_stack",
    "LayerShape",
    "axis_plans",
    "AxisPlan",
    "axis_origins",
    "window_origins",
    "read_mask",
    "Window",
    "PADDING_NAMES",
]
