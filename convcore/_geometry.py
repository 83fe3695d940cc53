"""Shapes of a 2-D cross-correlation (互相关运算): padding (填充), stride
(步幅), dilation, output shape and receptive field (感受野).

Every function here works on shapes only, never on the input's values: the
zero rows/columns each ``padding`` adds, the output shape, receptive fields
through a stack of layers, and, one axis at a time, where each window starts
and which padded cells some kernel (卷积核) tap reads. A configuration can so
be checked and explained before anything is computed.

>>> output_shape((8, 8), (3, 3), "same", stride=2)
(4, 4)
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

PADDING_NAMES = ("valid", "same", "full")

__all__ = [
    "PADDING_NAMES",
    "pair",
    "pad_amounts",
    "output_shape",
    "dilated_kernel_shape",
    "LayerShape",
    "layer_stack",
    "AxisPlan",
    "axis_plans",
    "axis_origins",
    "window_origins",
    "read_mask",
]


def _is_int(v) -> bool:
    # bool is an int subclass, but `padding=True` is a mistake, not a 1.
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def pair(value, name: str, minimum: int = 1) -> tuple[int, int]:
    """Return ``(h, w)`` from an int or a pair of ints, each ``>= minimum``.

    Parameters
    ----------
    value : int or (int, int)
        One value for both axes, or ``(h, w)`` (a tuple or a list). ``bool``
        is refused: ``stride=True`` is a mistake, not a 1.
    name : str
        What ``value`` is (``"stride"``, ``"dilation"``, ...), for the error
        message.
    minimum : int, optional
        Smallest allowed value on each axis. Default 1.

    Returns
    -------
    (h, w) : tuple of int
        Plain Python ints.

    Raises
    ------
    ValueError
        ``value`` is neither an integer nor a pair of integers, or one of
        them is below ``minimum``. The message names ``name``.

    See Also
    --------
    pad_amounts, output_shape : accept stride and dilation in either form.

    Examples
    --------
    >>> pair(2, "stride")
    (2, 2)
    >>> pair((3, 4), "stride")
    (3, 4)
    >>> pair(0, "stride")
    Traceback (most recent call last):
    ...
    ValueError: stride must be at least 1 on each axis, not 0
    >>> pair(1.5, "dilation")
    Traceback (most recent call last):
    ...
    ValueError: dilation must be an integer or a pair of integers (h, w), not 1.5
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
    """Extent of the kernel (卷积核) on the input: ``(k - 1) * d + 1`` per axis.

    Parameters
    ----------
    kernel_shape : (int, int)
        The kernel's ``(kh, kw)``, each >= 1.
    dilation : int or (d_h, d_w), optional
        Spacing of the kernel taps on the input, each >= 1. Default 1 (no
        dilation: the extent is the kernel's shape).

    Returns
    -------
    (kh', kw') : tuple of int
        ``kh' = (kh - 1) * d_h + 1`` and ``kw' = (kw - 1) * d_w + 1``: the
        rows and columns of the input one window spans.

    Raises
    ------
    ValueError
        ``kernel_shape`` is not a pair of integers >= 1, or ``dilation`` is
        not an integer or pair of integers >= 1.

    See Also
    --------
    output_shape : uses this extent in place of ``k``.
    tf.nn.conv2d : its ``dilations`` argument spaces the taps the same way.

    Examples
    --------
    >>> dilated_kernel_shape((3, 3), 2)
    (5, 5)
    >>> dilated_kernel_shape((3, 2), (1, 3))
    (3, 4)
    >>> dilated_kernel_shape((3, 3), 0)
    Traceback (most recent call last):
    ...
    ValueError: dilation must be at least 1 on each axis, not 0
    """
    kh, kw = _shape2(kernel_shape, "kernel shape")
    dh, dw = pair(dilation, "dilation")
    return (kh - 1) * dh + 1, (kw - 1) * dw + 1


def _same_axis(n: int, k_eff: int, s: int) -> tuple[int, int]:
    # TensorFlow's rule: output ceil(n/s); the odd extra row/column goes bottom/right.
    total = max((math.ceil(n / s) - 1) * s + k_eff - n, 0)
    return total // 2, total - total // 2


def pad_amounts(input_shape, kernel_shape, padding=0, stride=1, dilation=1):
    """Zero rows/columns (填充) added on each side: ``((top, bottom), (left, right))``.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(n_h, n_w)``, each >= 1.
    kernel_shape : (int, int)
        The kernel's ``(k_h, k_w)``, each >= 1.
    padding : int, (ph, pw), ((top, bottom), (left, right)), or {'valid', 'same', 'full'}, optional
        One of

        - ``p`` (int): p on every side;
        - ``(ph, pw)``: ph on top and on bottom, pw on left and on right;
        - ``((top, bottom), (left, right))``: each side on its own;
        - ``"valid"``: none;
        - ``"same"``: exactly TensorFlow/Keras, output ``ceil(n / s)``, total
          ``max((ceil(n/s) - 1) * s + (k - 1) * d + 1 - n, 0)``, the smaller
          half on top/left;
        - ``"full"``: ``(k - 1) * d`` on every side.

        Names are case-insensitive (``"SAME"`` as in ``tf.nn.conv2d``).
        Default 0.
    stride : int or (s_h, s_w), optional
        Step of the window (步幅), each >= 1; only ``"same"`` depends on it.
        Default 1.
    dilation : int or (d_h, d_w), optional
        Spacing of the kernel taps, each >= 1; ``"same"`` and ``"full"``
        depend on it. Default 1.

    Returns
    -------
    ((top, bottom), (left, right)) : tuple of two (int, int)
        Zero rows above and below, zero columns left and right of the input.

    Raises
    ------
    ValueError
        A shape is not a pair of integers >= 1; ``stride`` or ``dilation`` is
        not an integer or pair of integers >= 1; ``padding`` is an unknown
        name, negative, or of none of the forms above. The kernel is not
        required to fit (see :func:`output_shape`).

    See Also
    --------
    output_shape : the output shape this padding gives.
    axis_plans : the same amounts, one axis at a time.
    convcore.corr2d : pads ``X`` with these amounts.
    tf.nn.conv2d : ``padding="SAME"`` / ``"VALID"``, or explicit
        ``[[0, 0], [top, bottom], [left, right], [0, 0]]``.

    Notes
    -----
    ``'same'`` is TensorFlow's split: with an odd total the extra row/column
    goes at the bottom/right, so the output is ``ceil(n / s)`` for every
    kernel. At stride 1 this agrees with ``scipy.signal.correlate2d(...,
    mode='same')``, but not with ``scipy.signal.convolve2d(..., mode='same')``
    for even kernels (scipy centres the flipped kernel the other way).
    For an odd kernel at stride 1 ``'same'`` is ``(k - 1) // 2`` on every side.

    Examples
    --------
    >>> pad_amounts((8, 8), (3, 3), "same", stride=2)
    ((0, 1), (0, 1))
    >>> pad_amounts((3, 3), (2, 2), 1)
    ((1, 1), (1, 1))
    >>> pad_amounts((8, 8), (2, 2), "same")
    ((0, 1), (0, 1))
    >>> pad_amounts((5, 5), (3, 3), "full", dilation=2)
    ((4, 4), (4, 4))
    >>> pad_amounts((3, 3), (2, 2), "half")
    Traceback (most recent call last):
    ...
    ValueError: unknown padding 'half'; use 'valid', 'same', 'full', an integer, (ph, pw) or ((top, bottom), (left, right))
    >>> pad_amounts((3, 3), (2, 2), -1)
    Traceback (most recent call last):
    ...
    ValueError: padding must be 0 or more, not -1
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
    """Shape ``(H, W)`` of the cross-correlation's (互相关运算) output.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(n_h, n_w)``, each >= 1.
    kernel_shape : (int, int)
        The kernel's ``(k_h, k_w)``, each >= 1.
    padding, stride, dilation
        As for :func:`pad_amounts` (and :func:`convcore.corr2d`).

    Returns
    -------
    (H, W) : tuple of int
        Per axis ``H = floor((n + p_total - (k - 1) * d - 1) / s) + 1``, with
        ``p_total`` both sides' padding; for ``d = 1`` this is the chapter's
        ``floor((n - k + p + s) / s)``. Always >= 1.

    Raises
    ------
    ValueError
        The (dilated) kernel does not fit in the padded input (the message
        gives both sizes), or anything :func:`pad_amounts` refuses.

    See Also
    --------
    pad_amounts : the padding behind ``p_total``.
    layer_stack : output shapes through several layers.
    axis_plans : the same numbers, one axis at a time, without raising for a
        kernel that does not fit.
    convcore.corr2d : computes an output of this shape.

    Examples
    --------
    >>> output_shape((3, 3), (2, 2))
    (2, 2)
    >>> output_shape((8, 8), (3, 5), "valid", stride=(3, 4))
    (2, 1)

    A dilated 3x3 kernel spans 5x5 and does not fit a 4x4 input:

    >>> output_shape((4, 4), (3, 3), dilation=2)
    Traceback (most recent call last):
    ...
    ValueError: kernel 3x3 (dilated to 5x5) does not fit in the padded input 4x4; add padding or use a smaller kernel
    """
    _shape2(input_shape, "input shape")
    _shape2(kernel_shape, "kernel shape")
    h, w = axis_plans(input_shape, kernel_shape, padding, stride, dilation)  # the one output-size rule
    if not (h.fits and w.fits):
        dilated = f" (dilated to {h.k_eff}x{w.k_eff})" if (h.k_eff, w.k_eff) != (h.k, w.k) else ""
        raise ValueError(
            f"kernel {h.k}x{w.k}{dilated} does not fit in the padded input {h.padded}x{w.padded}; "
            "add padding or use a smaller kernel"
        )
    return h.out, w.out


@dataclass(frozen=True)
class LayerShape:
    """One layer of a stack: its output shape and the receptive field (感受野)
    of one of its output cells on the original input.

    Returned by :func:`layer_stack`; frozen.

    Attributes
    ----------
    output_shape : (int, int)
        The layer's output ``(H, W)``.
    receptive_field : (int, int)
        Rows and columns of the original input that one output cell depends
        on (dilation and padding included; padded cells count).
    jump : (int, int)
        Distance on the original input between neighbouring output cells:
        the product of the strides so far.

    See Also
    --------
    layer_stack : computes these.

    Examples
    --------
    >>> LayerShape((26, 26), (3, 3), (1, 1)).receptive_field
    (3, 3)
    """

    output_shape: tuple[int, int]
    receptive_field: tuple[int, int]
    jump: tuple[int, int]  # distance on the input between neighbouring output cells


def layer_stack(input_shape, layers) -> list[LayerShape]:
    """Shapes and receptive fields (感受野) through a stack of conv layers.

    Parameters
    ----------
    input_shape : (int, int)
        The first layer's input ``(n_h, n_w)``, each >= 1.
    layers : iterable of dict
        One dict per layer, first to last, with ``"kernel"`` (an int or
        ``(kh, kw)``) and optional ``"padding"``, ``"stride"``, ``"dilation"``
        (as for :func:`output_shape`; defaults 0, 1, 1).

    Returns
    -------
    list of LayerShape
        One per layer. Per axis the receptive field ``r`` and jump ``j``
        start at 1 and follow ``r += (k - 1) * d * j``, then ``j *= s``; the
        output shape is :func:`output_shape` of the previous layer's.

    Raises
    ------
    ValueError
        ``input_shape`` is not a pair of integers >= 1, or a layer's kernel,
        stride or dilation is not an integer or pair of integers >= 1, or
        its padding is refused, or its (dilated) kernel does not fit its
        padded input. Messages about a layer start with ``"layer n: "``
        (1-based) or name ``"layer n kernel"`` etc.
    KeyError
        A layer has no ``"kernel"``.

    See Also
    --------
    output_shape : one layer.
    LayerShape : the records returned.

    Notes
    -----
    Padding does not change the receptive field, only the output shape: the
    padded cells a window covers count in ``receptive_field``.

    Examples
    --------
    Ten 5x5 layers without padding take 240x240 down to 200x200:

    >>> layer_stack((240, 240), [{"kernel": (5, 5)}] * 10)[-1].output_shape
    (200, 200)
    >>> for s in layer_stack((28, 28), [{"kernel": 3}, {"kernel": 3, "stride": 2},
    ...                                 {"kernel": 3, "dilation": 2, "padding": "same"}]):
    ...     print(s.output_shape, s.receptive_field, s.jump)
    (26, 26) (3, 3) (1, 1)
    (12, 12) (5, 5) (2, 2)
    (12, 12) (13, 13) (2, 2)
    >>> layer_stack((4, 4), [{"kernel": 3}, {"kernel": 3}])
    Traceback (most recent call last):
    ...
    ValueError: layer 2: kernel 3x3 does not fit in the padded input 2x2; add padding or use a smaller kernel
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


# ------------------------------------------------- one axis at a time

@dataclass(frozen=True)
class AxisPlan:
    """One axis (rows or columns) of a padded, strided, dilated cross-correlation.

    Made by :func:`axis_plans`; frozen. The derived sizes are properties, and
    a kernel that does not fit is allowed (``fits`` is False, ``out`` None).

    Attributes
    ----------
    n : int
        Input size along this axis.
    k : int
        Kernel (卷积核) size.
    s : int
        Stride (步幅).
    d : int
        Dilation.
    before : int
        Padding (填充) on top (rows) or on the left (columns).
    after : int
        Padding on the bottom or on the right.
    k_eff : int
        Extent of the dilated kernel, ``(k - 1) * d + 1``.
    p : int
        Total padding, ``before + after`` (the chapter's ``p``).
    padded : int
        Padded input size, ``n + p``.
    fits : bool
        Whether the dilated kernel fits in the padded input.
    numerator : int
        ``n - k_eff + p + s``, the numerator of the chapter's formula.
    out : int or None
        Output size ``floor((n - k_eff + p + s) / s)``, or None if the kernel
        does not fit.

    See Also
    --------
    axis_plans : both axes of a configuration.
    axis_origins : where each window starts along the axis.

    Examples
    --------
    TensorFlow's ``'same'`` for ``n = 8``, ``k = 3``, ``s = 2`` pads one
    row at the bottom and gives ``ceil(8 / 2)``:

    >>> ax = AxisPlan(n=8, k=3, s=2, d=1, before=0, after=1)
    >>> ax.k_eff, ax.p, ax.padded, ax.numerator, ax.out
    (3, 1, 9, 8, 4)
    >>> AxisPlan(n=2, k=3, s=1, d=1, before=0, after=0).out is None
    True
    """

    n: int  # input size
    k: int  # kernel size
    s: int  # stride
    d: int  # dilation
    before: int  # padding on top / left
    after: int  # padding on bottom / right

    @property
    def k_eff(self) -> int:
        """Extent of the (dilated) kernel on the input: ``(k - 1) * d + 1``."""
        return (self.k - 1) * self.d + 1

    @property
    def p(self) -> int:
        """Total padding ``p`` of the seed's formula (both sides)."""
        return self.before + self.after

    @property
    def padded(self) -> int:
        """Padded input size ``n + p``."""
        return self.n + self.p

    @property
    def fits(self) -> bool:
        """Whether the (dilated) kernel fits in the padded input: ``k' <= n + p``."""
        return self.k_eff <= self.padded

    @property
    def numerator(self) -> int:
        """``n - k' + p + s`` of the seed's formula."""
        return self.n - self.k_eff + self.p + self.s

    @property
    def out(self) -> int | None:
        """Output size ``floor((n - k' + p + s) / s)``, or None if the kernel does not fit."""
        return self.numerator // self.s if self.fits else None


def axis_plans(input_shape, kernel_shape, padding=0, stride=1, dilation=1) -> tuple[AxisPlan, AxisPlan]:
    """Both axes' plans: rows and columns of a cross-correlation, one at a time.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(n_h, n_w)``, each >= 1.
    kernel_shape : (int, int)
        The kernel's ``(k_h, k_w)``, each >= 1.
    padding, stride, dilation
        As for :func:`pad_amounts`.

    Returns
    -------
    (rows, cols) : tuple of AxisPlan
        The plan of the rows (padding top/bottom) and of the columns
        (padding left/right); ``(rows.out, cols.out)`` is
        :func:`output_shape` when the kernel fits.

    Raises
    ------
    ValueError
        Anything :func:`pad_amounts` refuses. Not raised for a kernel that
        does not fit: check ``.fits`` (``.out`` is then None).

    See Also
    --------
    AxisPlan : the fields and derived sizes.
    output_shape : the same shape, raising when the kernel does not fit.
    window_origins, read_mask : built from these plans.

    Examples
    --------
    The chapter's stride example, padding 1, stride 3 down and 2 across:

    >>> h, w = axis_plans((3, 3), (2, 2), 1, stride=(3, 2))
    >>> (h.out, w.out), (h.p, w.p)
    ((2, 2), (2, 2))
    >>> axis_plans((2, 2), (3, 3))[0].fits
    False
    >>> axis_plans((3, 3), (2, 2), stride=0)
    Traceback (most recent call last):
    ...
    ValueError: stride must be at least 1 on each axis, not 0
    """
    (t, b), (l, r) = pad_amounts(input_shape, kernel_shape, padding, stride, dilation)
    (kh, kw), (sh, sw), (dh, dw) = pair(tuple(kernel_shape), "kernel"), pair(stride, "stride"), pair(dilation, "dilation")
    nh, nw = pair(tuple(input_shape), "input shape")
    return AxisPlan(nh, kh, sh, dh, t, b), AxisPlan(nw, kw, sw, dw, l, r)


def axis_origins(ax: AxisPlan) -> np.ndarray:
    """First padded row (or column) of each window along one axis: ``0, s, 2s, ...``.

    Parameters
    ----------
    ax : AxisPlan
        One axis of a configuration, from :func:`axis_plans`.

    Returns
    -------
    ndarray of int, shape (ax.out,)
        A new array ``arange(ax.out) * ax.s``, in padded coordinates (0 is
        the first padding row/column); empty, shape ``(0,)``, when the kernel
        does not fit.

    See Also
    --------
    window_origins : both axes combined, as ``(row, col)`` pairs.

    Examples
    --------
    >>> axis_origins(AxisPlan(n=3, k=2, s=3, d=1, before=1, after=1)).tolist()
    [0, 3]
    >>> axis_origins(AxisPlan(n=2, k=3, s=1, d=1, before=0, after=0)).tolist()
    []
    """
    if not ax.fits:
        return np.zeros(0, dtype=int)
    return np.arange(ax.out) * ax.s


def window_origins(input_shape, kernel_shape, padding=0, stride=1, dilation=1) -> list[tuple[int, int]]:
    """Top-left padded cell of every window, row-major over the output.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(n_h, n_w)``, each >= 1.
    kernel_shape : (int, int)
        The kernel's ``(k_h, k_w)``, each >= 1.
    padding, stride, dilation
        As for :func:`pad_amounts`.

    Returns
    -------
    list of (int, int)
        ``H * W`` pairs ``(i * s_h, j * s_w)`` in padded coordinates, ``(H,
        W) = output_shape(...)``; empty when the kernel does not fit.

    Raises
    ------
    ValueError
        Anything :func:`pad_amounts` refuses (not a kernel that does not fit).

    See Also
    --------
    convcore.windows : the same origins (``.origin``) with the values read.
    axis_origins : one axis.

    Notes
    -----
    The same as ``[w.origin for w in convcore.windows(...)]``, without
    touching any values.

    Examples
    --------
    >>> window_origins((3, 3), (2, 2), 1, stride=(3, 2))
    [(0, 0), (0, 2), (3, 0), (3, 2)]
    >>> window_origins((2, 2), (3, 3))
    []
    >>> window_origins((3, 3), (2, 2), (-1, 0))
    Traceback (most recent call last):
    ...
    ValueError: padding must be 0 or more on each axis, not (-1, 0)
    """
    h, w = axis_plans(input_shape, kernel_shape, padding, stride, dilation)
    rows, cols = axis_origins(h), axis_origins(w)
    return [(int(r), int(c)) for r in rows for c in cols]


def _axis_read(ax: AxisPlan) -> np.ndarray:
    read = np.zeros(ax.padded, dtype=bool)
    for o in axis_origins(ax):
        read[o : o + ax.k_eff : ax.d] = True
    return read


def read_mask(h: AxisPlan, w: AxisPlan) -> np.ndarray:
    """Which padded cells some kernel tap reads, as a boolean mask.

    Parameters
    ----------
    h : AxisPlan
        The rows' plan, from :func:`axis_plans`.
    w : AxisPlan
        The columns' plan.

    Returns
    -------
    ndarray of bool, shape (h.padded, w.padded)
        A new array, True where at least one window reads the cell (padding
        included). All False when the kernel does not fit.

    See Also
    --------
    axis_plans : the plans.
    window_origins : where the windows start.

    Notes
    -----
    Cells left False are skipped by the stride (or, between taps, by the
    dilation), e.g. the last rows and columns of the chapter's 8x8 input with
    kernel (3, 5), stride (3, 4). The mask is the outer product of the two
    axes' masks.

    Examples
    --------
    >>> h, w = axis_plans((8, 8), (3, 5), "valid", stride=(3, 4))
    >>> read_mask(h, w).sum(axis=0).tolist()
    [6, 6, 6, 6, 6, 0, 0, 0]
    >>> read_mask(h, w).sum(axis=1).tolist()
    [5, 5, 5, 5, 5, 5, 0, 0]
    """
    return np.outer(_axis_read(h), _axis_read(w))
