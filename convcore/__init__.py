"""convcore: the mathematics of the chapter, arrays in, arrays out.

2-D cross-correlation (互相关运算) and true convolution with padding (填充),
stride (步幅) and dilation, the shape arithmetic behind them, and the window's
walk over the input that the step-by-step views animate. Importing it loads
numpy only.

Beyond the chapter: padding modes (``pad_mode``, :func:`pad_source`),
transposed convolution (:func:`conv_transpose2d`, its stamps and its
zero-insertion view), pooling (:func:`pool2d`, :func:`pool_argmax`) and
grouped / depthwise convolution (``groups``, :func:`group_inputs`,
:func:`layer_cost`).

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
from ._cost import LayerCost, layer_cost
from ._ops import convolve2d, corr2d, corr2d_multi_in, corr2d_multi_in_out, flip_kernel, group_inputs
from ._padmodes import PAD_MODES, pad_source
from ._pool import POOL_MODES, pool2d, pool_argmax
from ._transpose import (
    Stamp,
    TransposeAsCorr,
    TransposePlan,
    conv_transpose2d,
    stamp_at,
    transpose_as_corr,
    transpose_plan,
    transpose_stamps,
    zero_insert,
)
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
    "PAD_MODES",
    "pad_source",
    "conv_transpose2d",
    "transpose_plan",
    "TransposePlan",
    "transpose_stamps",
    "stamp_at",
    "Stamp",
    "zero_insert",
    "transpose_as_corr",
    "TransposeAsCorr",
    "pool2d",
    "pool_argmax",
    "POOL_MODES",
    "group_inputs",
    "layer_cost",
    "LayerCost",
]
