"""What a convolutional layer costs: its parameters and its multiply-adds.

>>> layer_cost(3, 16, 3).params
448
"""
from __future__ import annotations

from dataclasses import dataclass

from ._geometry import _shape2, pair
from ._ops import _check_groups, whole

__all__ = ["LayerCost", "layer_cost"]


@dataclass(frozen=True)
class LayerCost:
    """Parameters and multiply-adds of one convolutional layer, as exact ints.

    Made by :func:`layer_cost`; frozen.

    Attributes
    ----------
    weights : int
        ``c_out * (c_in // groups) * k_h * k_w``.
    biases : int
        ``c_out``, or 0 without bias.
    mult_adds : int
        Multiply-adds of one forward pass on one input:
        ``weights * H * W`` for an ``H x W`` output (the biases' additions
        are not counted).
    params : int
        ``weights + biases`` (a property), what Keras' ``count_params()`` says.

    See Also
    --------
    layer_cost : makes these.

    Examples
    --------
    >>> LayerCost(432, 16, 432).params
    448
    """

    weights: int
    biases: int
    mult_adds: int

    @property
    def params(self) -> int:
        """Weights and biases together."""
        return self.weights + self.biases


def layer_cost(c_in, c_out, kernel_size, *, groups=1, output_shape=(1, 1), bias=True) -> LayerCost:
    """Parameters and multiply-adds of a (grouped) convolutional layer.

    Parameters
    ----------
    c_in, c_out : int
        Input and output channels, each >= 1.
    kernel_size : int or (k_h, k_w)
        The kernel's size, each >= 1.
    groups : int, optional
        As for :func:`convcore.corr2d_multi_in_out`: it must divide both
        ``c_in`` and ``c_out``; ``groups = c_in`` is depthwise. Default 1.
    output_shape : (int, int), optional
        The output's ``(H, W)`` (:func:`convcore.output_shape`), for the
        multiply-adds. Default ``(1, 1)``: one output position.
    bias : bool, optional
        Whether each output channel has a bias (Keras' ``use_bias``).
        Default True.

    Returns
    -------
    LayerCost
        ``weights = c_out * (c_in // groups) * k_h * k_w``, ``biases =
        c_out`` (0 without bias), ``mult_adds = weights * H * W``.

    Raises
    ------
    ValueError
        A count or size is not a whole number >= 1, ``groups`` does not
        divide both channel counts, or ``bias`` is not True or False.

    See Also
    --------
    convcore.group_inputs : which input channels each output reads.
    convcore.corr2d_multi_in_out : the convolution counted here.
    tf.keras.layers.Conv2D : ``count_params()`` equals ``params``.
    tf.keras.layers.DepthwiseConv2D : ``groups = c_in``.

    Notes
    -----
    Each output value reads ``(c_in // groups) * k_h * k_w`` inputs, one
    multiply-add each, so grouping divides both counts by ``groups``. A
    depthwise-separable layer (``tf.keras.layers.SeparableConv2D``) is two
    calls: a depthwise layer and a 1x1 layer.

    Examples
    --------
    A 3x3 layer from 32 to 64 channels on a 56x56 output, and the
    depthwise-separable layer that replaces it:

    >>> full = layer_cost(32, 64, 3, output_shape=(56, 56))
    >>> dw = layer_cost(32, 32, 3, groups=32, output_shape=(56, 56), bias=False)
    >>> pw = layer_cost(32, 64, 1, output_shape=(56, 56))
    >>> full.params, dw.params + pw.params
    (18496, 2400)
    >>> full.mult_adds, dw.mult_adds + pw.mult_adds
    (57802752, 7325696)
    >>> layer_cost(3, 16, 3, groups=2)
    Traceback (most recent call last):
    ...
    ValueError: groups=2 does not divide the 3 input channels; use a number that divides both the 3 input and the 16 output channels: 1
    """
    c_in, c_out = whole(c_in, "c_in"), whole(c_out, "c_out")
    k_h, k_w = pair(kernel_size, "kernel_size")
    g = _check_groups(c_in, c_out, groups)
    H, W = _shape2(output_shape, "output_shape")
    if not isinstance(bias, bool):
        raise ValueError(f"bias must be True or False, not {bias!r}")
    weights = c_out * (c_in // g) * k_h * k_w
    return LayerCost(weights, c_out if bias else 0, weights * H * W)
