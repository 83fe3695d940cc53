"""Shapes of a 2-D cross-correlation: padding, stride, dilation, output shape,
receptive field.

Every function here works on shapes only (no arrays), so the pages can
explain a configuration before anything is computed.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

PADDING_NAMES = ("valid", "same", "full")

__all__ = [
    "PADDING_NAMES",
    "pair",
    "pad_amounts",
    "output_shape",
    "dilated_kernel_shape",
    "LayerShape",
    "layer_stack",
]


def _is_int(v) -> bool:
    # bool is an int subclass, but `padding=True` is a mistake, not a 1.
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def pair(value, name: str, minimum: int = 1) -> tuple[int, int]:
    """Return ``(h, w)`` from an int or a pair of ints, each ``>= minimum``.

    >>> pair(2, "stride")
    (2, 2)
    >>> pair((3, 4), "stride")
    (3, 4)
    """
    if _is_int(value):
        h = w = int(value)
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(_is_int(v) for v in value):
        h, w = (int(v) for v in value)
    else:
        raise ValueError(
            f"{name} must be an integer or a pair of integers (h, w), not {value!r}"
        )
    if h < minimum or w < minimum:
        raise ValueError(f"{name} must be at least {minimum} on each axis, not {value!r}")
    return h, w


def _shape2(shape, name: str) -> tuple[int, int]:
    if not (isinstance(shape, (tuple, list)) and len(shape) == 2 and all(_is_int(v) for v in shape)):
        raise ValueError(f"{name} must be a pair of integers (height, width), not {shape!r}")
    h, w = (int(v) for v in shape)
    if h < 1 or w < 1:
        raise ValueError(f"{name} must be at least 1x1, not {h}x{w}")
    return h, w


def dilated_kernel_shape(kernel_shape, dilation=1) -> tuple[int, int]:
    """Extent of the kernel on the input: ``(k - 1) * d + 1`` per axis.

    >>> dilated_kernel_shape((3, 3), 2)
    (5, 5)
    """
    kh, kw = _shape2(kernel_shape, "kernel shape")
    dh, dw = pair(dilation, "dilation")
    return (kh - 1) * dh + 1, (kw - 1) * dw + 1


def _same_axis(n: int, k_eff: int, s: int) -> tuple[int, int]:
    # TensorFlow's rule: output ceil(n/s); the odd extra row/column goes bottom/right.
    total = max((math.ceil(n / s) - 1) * s + k_eff - n, 0)
    return total // 2, total - total // 2


def pad_amounts(input_shape, kernel_shape, padding=0, stride=1, dilation=1):
    """Zero rows/columns added on each side: ``((top, bottom), (left, right))``.

    ``padding`` is one of
      - ``p`` (int): p on every side;
      - ``(ph, pw)``: ph on top and on bottom, pw on left and on right;
      - ``((top, bottom), (left, right))``;
      - ``"valid"``: none;
      - ``"same"``: exactly TensorFlow/Keras, output ``ceil(n / s)``, total
        ``max((ceil(n/s) - 1) * s + (k - 1) * d + 1 - n, 0)``, the smaller
        half on top/left;
      - ``"full"``: ``(k - 1) * d`` on every side.

    >>> pad_amounts((8, 8), (3, 3), "same", stride=2)
    ((0, 1), (0, 1))
    >>> pad_amounts((3, 3), (2, 2), 1)
    ((1, 1), (1, 1))
    """
    n_h, n_w = _shape2(input_shape, "input shape")
    k_h, k_w = dilated_kernel_shape(kernel_shape, dilation)
    s_h, s_w = pair(stride, "stride")
    if isinstance(padding, str):
        name = padding.lower()
        if name == "valid":
            return (0, 0), (0, 0)
        if name == "same":
            return _same_axis(n_h, k_h, s_h), _same_axis(n_w, k_w, s_w)
        if name == "full":
            return (k_h - 1, k_h - 1), (k_w - 1, k_w - 1)
        raise ValueError(
            f"unknown padding {padding!r}; use 'valid', 'same', 'full', an integer, "
            "(ph, pw) or ((top, bottom), (left, right))"
        )
    if _is_int(padding):
        p = int(padding)
        if p < 0:
            raise ValueError(f"padding must be 0 or more, not {p}")
        return (p, p), (p, p)
    if isinstance(padding, (tuple, list)) and len(padding) == 2:
        if all(_is_int(v) for v in padding):
            ph, pw = (int(v) for v in padding)
            if ph < 0 or pw < 0:
                raise ValueError(f"padding must be 0 or more on each axis, not {tuple(padding)!r}")
            return (ph, ph), (pw, pw)
        if all(
            isinstance(v, (tuple, list)) and len(v) == 2 and all(_is_int(x) for x in v)
            for v in padding
        ):
            (t, b), (l, r) = ((int(x) for x in v) for v in padding)
            if min(t, b, l, r) < 0:
                raise ValueError(f"padding must be 0 or more on each side, not {padding!r}")
            return (t, b), (l, r)
    raise ValueError(
        f"padding must be 'valid', 'same', 'full', an integer, (ph, pw) or "
        f"((top, bottom), (left, right)), not {padding!r}"
    )


def output_shape(input_shape, kernel_shape, padding=0, stride=1, dilation=1) -> tuple[int, int]:
    """Shape ``(H, W)`` of the cross-correlation's output.

    Per axis: ``floor((n + p_total - (k - 1) * d - 1) / s) + 1``, which for
    ``d = 1`` is the seed's ``floor((n - k + p + s) / s)``.
    Raises ``ValueError`` when the (dilated) kernel does not fit the padded input.

    >>> output_shape((3, 3), (2, 2))
    (2, 2)
    >>> output_shape((8, 8), (3, 5), "valid", stride=(3, 4))
    (2, 1)
    """
    n_h, n_w = _shape2(input_shape, "input shape")
    (t, b), (l, r) = pad_amounts(input_shape, kernel_shape, padding, stride, dilation)
    k_h, k_w = dilated_kernel_shape(kernel_shape, dilation)
    s_h, s_w = pair(stride, "stride")
    P_h, P_w = n_h + t + b, n_w + l + r
    if k_h > P_h or k_w > P_w:
        kh, kw = _shape2(kernel_shape, "kernel shape")
        dilated = f" (dilated to {k_h}x{k_w})" if (k_h, k_w) != (kh, kw) else ""
        raise ValueError(
            f"kernel {kh}x{kw}{dilated} does not fit in the padded input {P_h}x{P_w}; "
            "add padding or use a smaller kernel"
        )
    return (P_h - k_h) // s_h + 1, (P_w - k_w) // s_w + 1


@dataclass(frozen=True)
class LayerShape:
    """One layer of a stack: its output shape and the receptive field of one
    output cell on the original input (rows, cols)."""

    output_shape: tuple[int, int]
    receptive_field: tuple[int, int]
    jump: tuple[int, int]  # distance on the input between neighbouring output cells


def layer_stack(input_shape, layers) -> list[LayerShape]:
    """Shapes and receptive fields through a stack of conv layers.

    ``layers`` is a sequence of dicts with ``kernel`` and optional ``padding``,
    ``stride``, ``dilation`` (the arguments of :func:`output_shape`).
    Receptive field recurrence per axis: ``r += (k - 1) * d * j``, ``j *= s``.

    >>> layer_stack((240, 240), [{"kernel": (5, 5)}] * 10)[-1].output_shape
    (200, 200)
    """
    shape = _shape2(input_shape, "input shape")
    rf, jump = [1, 1], [1, 1]
    out = []
    for n, layer in enumerate(layers, start=1):
        kernel = pair(layer["kernel"], f"layer {n} kernel")
        stride = pair(layer.get("stride", 1), f"layer {n} stride")
        dilation = pair(layer.get("dilation", 1), f"layer {n} dilation")
        try:
            shape = output_shape(shape, kernel, layer.get("padding", 0), stride, dilation)
        except ValueError as e:
            raise ValueError(f"layer {n}: {e}") from None
        for ax in range(2):
            rf[ax] += (kernel[ax] - 1) * dilation[ax] * jump[ax]
            jump[ax] *= stride[ax]
        out.append(LayerShape(shape, (rf[0], rf[1]), (jump[0], jump[1])))
    return out
