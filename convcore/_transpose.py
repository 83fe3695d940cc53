"""Transposed convolution (转置卷积), three ways that give the same numbers.

* Scatter: every input cell stamps ``X[i, j] * K`` onto an output canvas at
  ``(i * s_h, j * s_w)``; the stamps add up; ``'same'`` (or an integer
  padding) then crops the canvas (:func:`conv_transpose2d`,
  :func:`transpose_stamps`, :func:`stamp_at`).
* Zero insertion: put ``s - 1`` zeros between the input cells, pad with
  ``k - 1 - crop`` on each side and cross-correlate with the flipped kernel at
  stride 1 (:func:`zero_insert`, :func:`transpose_as_corr`).
* TensorFlow: ``tf.nn.conv2d_transpose``, the gradient of ``tf.nn.conv2d``
  with respect to its input (and ``tf.keras.layers.Conv2DTranspose``).

The shapes and crops are Keras 3's (``compute_conv_transpose_output_shape``)
and TensorFlow's, per axis with input ``i``, kernel ``k``, stride ``s``:

=======  ============================  =============================  =======================
padding  output (output_padding None)  output (output_padding op)     crop before
=======  ============================  =============================  =======================
'valid'  ``(i - 1) * s + max(k, s)``   ``(i - 1) * s + k + op``       0
'same'   ``i * s``                     ``(i - 1) * s + k % 2 + op``   ``max(k - s', 0) // 2``
``p``    ``(i - 1) * s + k - 2p``      ``(i - 1) * s + k - 2p + op``  ``p``
=======  ============================  =============================  =======================

where ``s' = o - (i - 1) * s``: the crop before is the top/left padding that
``'same'`` gives a forward ``conv2d`` of the output ``o`` (the smaller half
of an odd total). An integer ``p`` is PyTorch's ``padding``.

>>> conv_transpose2d([[0, 1], [2, 3]], [[0, 1], [2, 3]]).tolist()
[[0.0, 0.0, 1.0], [0.0, 4.0, 6.0], [4.0, 12.0, 9.0]]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from ._geometry import _is_int, _shape2, pair
from ._ops import as_matrix, flip_kernel, result_dtype

__all__ = [
    "TransposePlan",
    "transpose_plan",
    "conv_transpose2d",
    "Stamp",
    "transpose_stamps",
    "stamp_at",
    "zero_insert",
    "TransposeAsCorr",
    "transpose_as_corr",
]

_UNITS = (("rows", "high"), ("columns", "wide"))


@dataclass(frozen=True)
class TransposePlan:
    """The shapes of a transposed convolution: canvas, crop and output.

    Made by :func:`transpose_plan`; frozen. Coordinates on the canvas are
    "uncropped": the stamp of input cell ``(i, j)`` starts at
    ``(i * s_h, j * s_w)``.

    Attributes
    ----------
    input_shape, kernel_shape, stride : (int, int)
        The configuration.
    canvas_shape : (int, int)
        Rows and columns every stamp lands in: ``(i - 1) * s + k`` per
        axis, or more when ``output_padding`` (or ``'valid'`` with
        ``s > k``) asks for rows past the last stamp (they stay zero).
    crop : ((top, bottom), (left, right))
        Canvas rows/columns cut off each side; the output is
        ``canvas[top:canvas_h - bottom, left:canvas_w - right]``.
    output_shape : (int, int)
        The output's ``(o_h, o_w)``.
    corr_pads : ((top, bottom), (left, right))
        Padding of the zero-inserted input in the zero-insertion view,
        ``k - 1 - crop`` on each side plus the rows past the last stamp
        (conv_arithmetic's ``p' = k - p - 1``).

    See Also
    --------
    transpose_plan : makes these.

    Examples
    --------
    >>> p = transpose_plan((2, 2), (3, 3), stride=2, padding="same")
    >>> p.canvas_shape, p.crop, p.output_shape, p.corr_pads
    ((5, 5), ((0, 1), (0, 1)), (4, 4), ((2, 1), (2, 1)))
    """

    input_shape: tuple[int, int]
    kernel_shape: tuple[int, int]
    stride: tuple[int, int]
    canvas_shape: tuple[int, int]
    crop: tuple[tuple[int, int], tuple[int, int]]
    output_shape: tuple[int, int]
    corr_pads: tuple[tuple[int, int], tuple[int, int]]


def _padding_kind(padding):
    """``('valid' | 'same' | int, int)`` per axis from the ``padding`` argument."""
    if isinstance(padding, str) and padding.lower() in ("valid", "same"):
        return padding.lower(), padding.lower()
    if _is_int(padding) or (isinstance(padding, (tuple, list)) and len(padding) == 2 and all(map(_is_int, padding))):
        ph, pw = pair(padding, "padding", minimum=0)
        return ph, pw
    raise ValueError(
        "padding of a transposed convolution must be 'valid', 'same', an integer p or (ph, pw) "
        f"(p rows/columns cropped from each side, as PyTorch's padding), not {padding!r}"
    )


def _output_padding(output_padding, stride):
    if output_padding is None:
        return None, None
    op = pair(output_padding, "output_padding", minimum=0)
    if op[0] >= stride[0] or op[1] >= stride[1]:
        raise ValueError(
            f"output_padding must be less than the stride on each axis, not {output_padding!r} "
            f"with stride {stride[0]}x{stride[1]}; use 0 to stride - 1, or None"
        )
    return op


def _axis(i, k, s, kind, op, axis):
    """``(canvas, before, after, out)`` of one axis."""
    unit, extent = _UNITS[axis]
    full = (i - 1) * s + k
    if kind == "valid":
        o, before = full + (max(s - k, 0) if op is None else op), 0
    elif kind == "same":
        if op is None:
            o = i * s
        else:
            o = (i - 1) * s + k % 2 + op
            if o <= (i - 1) * s:  # TensorFlow: conv2d of the output would not give back i cells
                fix = {1: "output_padding=None", 2: "output_padding=1 or None"}.get(
                    s, f"output_padding from 1 to {s - 1}, or None"
                )
                raise ValueError(
                    f"output_padding {op} with padding 'same' and an even kernel side ({k} {unit}) gives "
                    f"(i - 1) * s = {o} {unit}, too few for TensorFlow; use {fix} (i * s = {i * s})"
                )
        before = max(full - o, 0) // 2
    else:
        p = kind
        if p > k - 1:
            raise ValueError(
                f"padding crops at most k - 1 = {k - 1} {unit} from each side for a kernel {k} {unit} "
                f"{extent}, not {p}; use less padding"
            )
        o, before = full - 2 * p + (0 if op is None else op), p
        if o < 1:
            raise ValueError(
                f"padding {p} crops the whole output: (i - 1) * s + k - 2p = {o} {unit}; use less padding"
            )
    canvas = max(full, before + o)
    return canvas, before, canvas - before - o, o


def transpose_plan(input_shape, kernel_shape, *, stride=1, padding="valid", output_padding=None) -> TransposePlan:
    """Canvas, crop and output shape of a transposed convolution.

    Parameters
    ----------
    input_shape : (int, int)
        The input's ``(i_h, i_w)``, each >= 1.
    kernel_shape : (int, int)
        The kernel's ``(k_h, k_w)``, each >= 1.
    stride, padding, output_padding
        As for :func:`conv_transpose2d`.

    Returns
    -------
    TransposePlan
        Per axis (``i`` input, ``k`` kernel, ``s`` stride, ``op`` output
        padding): output ``(i - 1) * s + max(k, s)`` for ``'valid'``
        (``(i - 1) * s + k + op`` with ``op``), ``i * s`` for ``'same'``
        (``(i - 1) * s + k % 2 + op``), ``(i - 1) * s + k - 2p (+ op)`` for
        an integer ``p``; crops and canvas as :class:`TransposePlan` says.

    Raises
    ------
    ValueError
        A shape is not a pair of integers >= 1; ``stride`` is below 1;
        ``padding`` is not 'valid', 'same', an integer or a pair of integers
        >= 0, or crops more than ``k - 1`` or the whole output;
        ``output_padding`` is not below the stride, or is 0 with 'same' and
        an even kernel side (TensorFlow refuses both).

    See Also
    --------
    conv_transpose2d : computes an output of this shape.
    convcore.output_shape : the forward convolution's shape.

    Notes
    -----
    A forward :func:`convcore.corr2d` of the output with the same kernel,
    stride and padding gives back the input's shape: the transposed
    convolution is the forward one's gradient.

    Examples
    --------
    >>> transpose_plan((3, 3), (3, 3), stride=2).output_shape
    (7, 7)
    >>> transpose_plan((3, 3), (2, 2), stride=3).output_shape  # 'valid' with s > k: (i - 1) * s + s
    (9, 9)
    >>> transpose_plan((3, 3), (3, 3), stride=2, padding="same", output_padding=0).output_shape
    (5, 5)
    >>> transpose_plan((3, 3), (3, 3), stride=2, output_padding=2)
    Traceback (most recent call last):
    ...
    ValueError: output_padding must be less than the stride on each axis, not 2 with stride 2x2; use 0 to stride - 1, or None
    """
    ih, iw = _shape2(input_shape, "input shape")
    kh, kw = _shape2(kernel_shape, "kernel shape")
    s = pair(stride, "stride")
    kinds = _padding_kind(padding)
    op = _output_padding(output_padding, s)
    axes = [_axis(n, k, st, kind, o, ax) for ax, (n, k, st, kind, o) in enumerate(zip((ih, iw), (kh, kw), s, kinds, op))]
    (ch, t, b, oh), (cw, l, r, ow) = axes
    return TransposePlan(
        input_shape=(ih, iw),
        kernel_shape=(kh, kw),
        stride=s,
        canvas_shape=(ch, cw),
        crop=((t, b), (l, r)),
        output_shape=(oh, ow),
        corr_pads=((kh - 1 - t, oh + t - (ih - 1) * s[0] - 1), (kw - 1 - l, ow + l - (iw - 1) * s[1] - 1)),
    )


def _checked(X, K, stride, padding, output_padding):
    X, K = as_matrix(X, "input X"), as_matrix(K, "kernel K")
    plan = transpose_plan(X.shape, K.shape, stride=stride, padding=padding, output_padding=output_padding)
    dtype = result_dtype(X, K)
    return np.asarray(X, dtype=dtype), np.asarray(K, dtype=dtype), plan


def _scatter(X, K, plan: TransposePlan) -> np.ndarray:
    """The canvas: every ``X[i, j] * K`` added at ``(i * s_h, j * s_w)``.

    One strided multiply-add per kernel tap, the taps in reverse row-major
    order, so that every canvas cell sums its stamps in row-major input
    order, exactly as :func:`transpose_stamps` adds them.
    """
    Z = np.zeros(plan.canvas_shape, dtype=X.dtype)
    (s_h, s_w), (ih, iw) = plan.stride, X.shape
    tmp = np.empty_like(X)
    for a in reversed(range(K.shape[0])):
        for b in reversed(range(K.shape[1])):
            np.multiply(X, K[a, b], out=tmp)
            Z[a : a + (ih - 1) * s_h + 1 : s_h, b : b + (iw - 1) * s_w + 1 : s_w] += tmp
    return Z


def _crop(Z, plan: TransposePlan) -> np.ndarray:
    ((t, _), (l, _)), (H, W) = plan.crop, plan.output_shape
    return Z[t : t + H, l : l + W]


def conv_transpose2d(X, K, *, stride=1, padding="valid", output_padding=None) -> np.ndarray:
    """Transposed convolution (转置卷积), as TensorFlow's ``Conv2DTranspose``.

    Every input cell stamps ``X[i, j] * K`` onto a canvas at
    ``(i * s_h, j * s_w)``; the stamps add up; ``'same'`` or an integer
    padding crops the canvas.

    Parameters
    ----------
    X : array_like, 2-D
        The input, real and finite (lists are accepted).
    K : array_like, 2-D
        The kernel (卷积核), real and finite; not flipped.
    stride : int or (s_h, s_w), optional
        Distance between neighbouring stamps on the output (步幅), each
        >= 1. Default 1.
    padding : {'valid', 'same'}, int or (ph, pw), optional
        ``'valid'``: no crop (Keras' default); ``'same'``: output ``i * s``,
        cropped as TensorFlow crops (the smaller half of an odd crop on
        top/left); an integer ``p`` or ``(ph, pw)``: ``p`` rows/columns
        cropped from each side, at most ``k - 1`` (PyTorch's ``padding``).
        Names are case-insensitive. Default ``'valid'``.
    output_padding : int or (op_h, op_w), optional
        Extra rows/columns at the bottom/right, each ``0 <= op < s`` (they
        pick one of the ``s`` output sizes a forward convolution would map
        back to the input's). Default None: Keras' inferred size.

    Returns
    -------
    Y : ndarray, shape (o_h, o_w)
        A new array (possibly a view of a private buffer), float32 if ``X``
        and ``K`` are both float32, else float64. Per axis ``o = (i - 1) *
        s + max(k, s)`` for 'valid', ``i * s`` for 'same', ``(i - 1) * s +
        k - 2p`` for an integer ``p``; with ``output_padding`` ``op``:
        ``(i - 1) * s + k + op``, ``(i - 1) * s + k % 2 + op`` and ``(i -
        1) * s + k - 2p + op`` (see :func:`transpose_plan`).

    Raises
    ------
    ValueError
        ``X`` or ``K`` is not a non-empty 2-D array of finite numbers, or
        anything :func:`transpose_plan` refuses. The message says what is
        allowed.

    See Also
    --------
    transpose_stamps, stamp_at : the same canvas, one stamp at a time.
    transpose_as_corr, zero_insert : the same output as a cross-correlation.
    transpose_plan : the shapes alone.
    tf.nn.conv2d_transpose : the same with ``K`` as ``(kh, kw, 1, 1)`` and
        the ``output_shape`` of :func:`transpose_plan`.
    tf.keras.layers.Conv2DTranspose : the same, its kernel ``(kh, kw, out, in)``.

    Notes
    -----
    It is the transpose (and the gradient) of :func:`convcore.corr2d` with
    the same kernel, stride and padding: ``<corr2d(Z, K), X> ==
    <Z, conv_transpose2d(X, K)>`` for every ``Z`` of the output's shape.
    It does not undo ``corr2d``. With ``s > 1`` and ``k`` not a multiple of
    ``s``, output cells receive unequal numbers of stamps: the checkerboard
    artefact. No Python loop runs over the input: each kernel tap is one
    strided multiply-add.

    Examples
    --------
    Dive into Deep Learning's example:

    >>> conv_transpose2d([[0, 1], [2, 3]], [[0, 1], [2, 3]]).tolist()
    [[0.0, 0.0, 1.0], [0.0, 4.0, 6.0], [4.0, 12.0, 9.0]]
    >>> conv_transpose2d([[0, 1], [2, 3]], [[0, 1], [2, 3]], stride=2).tolist()
    [[0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 2.0, 3.0], [0.0, 2.0, 0.0, 3.0], [4.0, 6.0, 6.0, 9.0]]
    >>> conv_transpose2d([[0, 1], [2, 3]], [[0, 1], [2, 3]], padding=1).tolist()
    [[4.0]]

    Stride 2 with a 3x3 kernel of ones: the overlaps make a checkerboard.

    >>> conv_transpose2d(np.ones((2, 2)), np.ones((3, 3)), stride=2, padding="same").tolist()
    [[1.0, 1.0, 2.0, 1.0], [1.0, 1.0, 2.0, 1.0], [2.0, 2.0, 4.0, 2.0], [1.0, 1.0, 2.0, 1.0]]
    >>> conv_transpose2d([[1]], [[1, 2]], padding="full")
    Traceback (most recent call last):
    ...
    ValueError: padding of a transposed convolution must be 'valid', 'same', an integer p or (ph, pw) (p rows/columns cropped from each side, as PyTorch's padding), not 'full'
    """
    X, K, plan = _checked(X, K, stride, padding, output_padding)
    return _crop(_scatter(X, K, plan), plan)


@dataclass(frozen=True)
class Stamp:
    """One input cell's stamp on the canvas, and the canvas so far.

    Made by :func:`transpose_stamps` and :func:`stamp_at`; frozen.

    Attributes
    ----------
    index : (int, int)
        The input cell ``(i, j)``.
    value : float
        ``X[i, j]``.
    origin : (int, int)
        Top-left canvas cell of the stamp, ``(i * s_h, j * s_w)`` (uncropped
        coordinates).
    products : ndarray, shape K.shape
        The stamp, ``X[i, j] * K``.
    canvas : ndarray, shape plan.canvas_shape
        The sum of the stamps of every input cell up to and including this
        one in row-major order, uncropped (a copy of its own).
    output : ndarray, shape plan.output_shape
        ``canvas`` cropped as the output is (a view of ``canvas``); after
        the last stamp it equals :func:`conv_transpose2d`'s result.

    See Also
    --------
    transpose_stamps, stamp_at : make these.

    Examples
    --------
    >>> s = stamp_at([[1, 2]], [[1, 1]], 0, 1)
    >>> s.origin, s.products.tolist(), s.canvas.tolist()
    ((0, 1), [[2.0, 2.0]], [[1.0, 3.0, 2.0]])
    """

    index: tuple[int, int]
    value: float
    origin: tuple[int, int]
    products: np.ndarray
    canvas: np.ndarray
    output: np.ndarray


def transpose_stamps(X, K, *, stride=1, padding="valid", output_padding=None) -> Iterator[Stamp]:
    """Every input cell's stamp, row-major over the input, with the canvas
    accumulating stamp by stamp.

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, as for :func:`conv_transpose2d`.
    stride, padding, output_padding
        As for :func:`conv_transpose2d`.

    Returns
    -------
    iterator of Stamp
        ``i_h * i_w`` records; the last one's ``.output`` equals
        ``conv_transpose2d(X, K, ...)`` bit for bit.

    Raises
    ------
    ValueError
        As :func:`conv_transpose2d`; raised by the first ``next()`` (this is
        a generator).

    See Also
    --------
    stamp_at : one record, without walking the others.
    convcore.windows : the forward convolution's walk, which gathers where
        this scatters.

    Notes
    -----
    The canvas sums each cell's stamps in the order :func:`conv_transpose2d`
    does, so the final output equals it exactly.

    Examples
    --------
    >>> for s in transpose_stamps([[1, 2]], [[1, 1]], stride=(1, 2)):
    ...     print(s.index, s.origin, s.canvas.tolist())
    (0, 0) (0, 0) [[1.0, 1.0, 0.0, 0.0]]
    (0, 1) (0, 2) [[1.0, 1.0, 2.0, 2.0]]
    """
    X, K, plan = _checked(X, K, stride, padding, output_padding)
    (s_h, s_w), (kh, kw) = plan.stride, K.shape
    canvas = np.zeros(plan.canvas_shape, dtype=X.dtype)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            products = X[i, j] * K
            canvas[i * s_h : i * s_h + kh, j * s_w : j * s_w + kw] += products
            snapshot = canvas.copy()
            yield Stamp((i, j), float(X[i, j]), (i * s_h, j * s_w), products, snapshot, _crop(snapshot, plan))


def stamp_at(X, K, i, j, *, stride=1, padding="valid", output_padding=None) -> Stamp:
    """The stamp of input cell ``(i, j)`` and the canvas after it: the record
    :func:`transpose_stamps` gives for that cell, computed without walking
    the others.

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, as for :func:`conv_transpose2d`.
    i, j : int
        Input row and column, counted from 0.
    stride, padding, output_padding
        As for :func:`conv_transpose2d`.

    Returns
    -------
    Stamp
        Its ``.canvas`` is the scatter of the input cells up to and
        including ``(i, j)`` in row-major order.

    Raises
    ------
    ValueError
        The arguments of :func:`conv_transpose2d` are wrong, or ``(i, j)``
        is outside the input.

    See Also
    --------
    transpose_stamps : every record in turn.

    Notes
    -----
    The canvas is one :func:`conv_transpose2d` scatter of the input with
    the cells after ``(i, j)`` set to zero, so a step control can jump to any
    cell at the cost of one output; its values equal the walk's.

    Examples
    --------
    >>> stamp_at([[0, 1], [2, 3]], [[0, 1], [2, 3]], 1, 0).canvas.tolist()
    [[0.0, 0.0, 1.0], [0.0, 4.0, 3.0], [4.0, 6.0, 0.0]]
    >>> stamp_at([[0, 1], [2, 3]], [[1]], 2, 0)
    Traceback (most recent call last):
    ...
    ValueError: input cell (2, 0) is outside the 2x2 input; rows go from 0 to 1, columns from 0 to 1
    """
    X, K, plan = _checked(X, K, stride, padding, output_padding)
    H, W = X.shape
    if not (isinstance(i, (int, np.integer)) and isinstance(j, (int, np.integer)) and 0 <= i < H and 0 <= j < W):
        raise ValueError(
            f"input cell ({i}, {j}) is outside the {H}x{W} input; "
            f"rows go from 0 to {H - 1}, columns from 0 to {W - 1}"
        )
    i, j = int(i), int(j)
    upto = X.copy()
    upto.reshape(-1)[i * W + j + 1 :] = 0
    canvas = _scatter(upto, K, plan)
    s_h, s_w = plan.stride
    return Stamp((i, j), float(X[i, j]), (i * s_h, j * s_w), X[i, j] * K, canvas, _crop(canvas, plan))


def zero_insert(X, stride) -> np.ndarray:
    """``X`` with ``s - 1`` zeros between neighbouring cells on each axis.

    Parameters
    ----------
    X : array_like, 2-D
        The input, real and finite.
    stride : int or (s_h, s_w)
        The transposed convolution's stride, each >= 1.

    Returns
    -------
    ndarray, shape ((i_h - 1) * s_h + 1, (i_w - 1) * s_w + 1)
        A new array with ``X[i, j]`` at ``(i * s_h, j * s_w)`` and zeros
        elsewhere; float32 if ``X`` is float32, else float64.

    Raises
    ------
    ValueError
        ``X`` is not a non-empty 2-D array of finite numbers, or ``stride``
        is below 1.

    See Also
    --------
    transpose_as_corr : pads this and flips the kernel.

    Notes
    -----
    conv_arithmetic calls the result the "stretched" input: the stride of
    the transposed convolution becomes a fractional stride ``1 / s`` of a
    forward one.

    Examples
    --------
    >>> zero_insert([[1, 2], [3, 4]], 2).tolist()
    [[1.0, 0.0, 2.0], [0.0, 0.0, 0.0], [3.0, 0.0, 4.0]]
    >>> zero_insert([[1, 2]], (1, 3)).tolist()
    [[1.0, 0.0, 0.0, 2.0]]
    """
    X = as_matrix(X, "input X")
    s_h, s_w = pair(stride, "stride")
    dtype = np.float32 if X.dtype == np.float32 else np.float64
    Z = np.zeros(((X.shape[0] - 1) * s_h + 1, (X.shape[1] - 1) * s_w + 1), dtype=dtype)
    Z[::s_h, ::s_w] = X
    return Z


@dataclass(frozen=True)
class TransposeAsCorr:
    """A transposed convolution written as a stride-1 cross-correlation.

    Made by :func:`transpose_as_corr`; frozen.
    ``convcore.corr2d(padded, kernel)`` is the transposed convolution.

    Attributes
    ----------
    inserted : ndarray
        :func:`zero_insert` of the input.
    padded : ndarray
        ``inserted`` zero-padded by ``pads``.
    kernel : ndarray
        The kernel flipped on both axes.
    pads : ((top, bottom), (left, right))
        The zero rows/columns around ``inserted`` (``TransposePlan.corr_pads``).

    See Also
    --------
    transpose_as_corr : makes these.

    Examples
    --------
    >>> v = transpose_as_corr([[5]], [[1, 2]])
    >>> v.padded.tolist(), v.kernel.tolist(), v.pads
    ([[0.0, 5.0, 0.0]], [[2.0, 1.0]], ((0, 0), (1, 1)))
    """

    inserted: np.ndarray
    padded: np.ndarray
    kernel: np.ndarray
    pads: tuple[tuple[int, int], tuple[int, int]]


def transpose_as_corr(X, K, *, stride=1, padding="valid", output_padding=None) -> TransposeAsCorr:
    """The zero-insertion view: the input stretched and padded, the kernel flipped.

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, as for :func:`conv_transpose2d`.
    stride, padding, output_padding
        As for :func:`conv_transpose2d`.

    Returns
    -------
    TransposeAsCorr
        ``inserted = zero_insert(X, stride)``, ``padded`` (``inserted`` with
        ``pads``), ``kernel = flip_kernel(K)``, both in the result dtype of
        :func:`conv_transpose2d`, so that ``convcore.corr2d(padded, kernel)
        == conv_transpose2d(X, K, ...)``. ``padded`` has shape
        ``output_shape + kernel_shape - 1``.

    Raises
    ------
    ValueError
        As :func:`conv_transpose2d`.

    See Also
    --------
    conv_transpose2d : the scatter view of the same output.
    TransposePlan : ``corr_pads`` are the pads used here.

    Notes
    -----
    This is conv_arithmetic's relationship (Dumoulin and Visin, 2016): a
    transposed convolution with kernel ``k``, stride ``s`` and crop ``p``
    is a forward one with ``k' = k``, ``s' = 1``, ``p' = k - p - 1`` on the
    input with ``s - 1`` zeros inserted between cells. With ``'same'``'s
    odd crop, or ``output_padding``, the two sides differ: ``k - 1 -
    crop`` on each side, plus the extra rows past the last stamp at the
    bottom/right. It is also how the checkerboard artefact reads: the
    flipped kernel's taps fall on inserted zeros in a pattern that repeats
    every ``s`` output cells.

    Examples
    --------
    >>> v = transpose_as_corr([[0, 1], [2, 3]], [[0, 1], [2, 3]], stride=2)
    >>> v.padded.tolist()
    [[0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 3.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]]
    >>> from convcore import corr2d
    >>> corr2d(v.padded, v.kernel).tolist() == conv_transpose2d([[0, 1], [2, 3]], [[0, 1], [2, 3]], stride=2).tolist()
    True
    """
    X, K, plan = _checked(X, K, stride, padding, output_padding)
    inserted = zero_insert(X, plan.stride).astype(X.dtype, copy=False)
    return TransposeAsCorr(inserted, np.pad(inserted, plan.corr_pads), flip_kernel(K), plan.corr_pads)
