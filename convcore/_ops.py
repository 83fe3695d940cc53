"""2-D cross-correlation and convolution, single and multi channel.

The kernel taps are accumulated in row-major order by shift-and-add: for
each tap, one contiguous multiply-add over a block of the flattened output
small enough to stay in cache; blocks are shared among threads (numpy
releases the GIL inside its loops). No Python loop runs over output pixels.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ._geometry import _is_int, output_shape, pad_amounts, pair
from ._padmodes import axis_source, check_pad_mode

__all__ = [
    "as_matrix",
    "result_dtype",
    "pad_input",
    "corr2d",
    "convolve2d",
    "flip_kernel",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
    "group_inputs",
]

_BLOCK_BYTES = 1 << 19  # output bytes per block; block, scratch and the input rows it reads stay in L2
_PARALLEL_MIN = 1 << 20  # multiply-adds below which threads cost more than they give
_WORKERS = max(1, min(os.cpu_count() or 1, 8))
_pool: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="convcore")
    return _pool


def as_matrix(A, name: str, ndim: int = 2, dims: str = "2-D (rows x columns)") -> np.ndarray:
    """``A`` as a real, finite, non-empty numpy array with ``ndim`` dimensions.

    Raises ``ValueError`` that names ``name`` and says what is allowed.
    """
    try:
        arr = np.asarray(A)
    except ValueError:  # ragged nested lists
        raise ValueError(f"{name} must be a {dims} array with rows of equal length") from None
    if arr.dtype == object:
        raise ValueError(f"{name} must be a {dims} array of numbers with rows of equal length")
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int8)
    if arr.dtype.kind not in "iuf":
        raise ValueError(f"{name} must contain real numbers, not {arr.dtype.name} values")
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {dims}, not {arr.ndim}-D with shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); give it at least one value")
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        raise ValueError(f"{name} contains NaN or infinity; use finite numbers only")
    return arr


def result_dtype(*arrays) -> np.dtype:
    """float32 if every input is float32, else float64 (integers are promoted)."""
    if all(a.dtype == np.float32 for a in arrays):
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def pad_input(X, pads, dtype=None, pad_mode="zeros") -> np.ndarray:
    """``X`` with ``pads = ((top, bottom), (left, right))`` rows/columns added.

    ``pad_mode`` says what they hold: zeros, or the input's cells that
    :func:`convcore.pad_source` names (reflected, symmetric or wrapped); it
    raises ``ValueError`` for an unknown mode or more padding than the mode
    allows. With nothing to add it may return ``X`` itself (when the dtype
    matches): read it, never write to it.
    """
    (t, b), (l, r) = pads
    dtype = X.dtype if dtype is None else dtype
    mode = check_pad_mode(pad_mode)
    if t == b == l == r == 0:
        return np.asarray(X, dtype=dtype)
    if mode != "zeros":
        rows = axis_source(X.shape[0], t, b, mode, 0)
        cols = axis_source(X.shape[1], l, r, mode, 1)
        return np.asarray(X[np.ix_(rows, cols)], dtype=dtype)
    P = np.zeros((X.shape[0] + t + b, X.shape[1] + l + r), dtype=dtype)
    P[t : t + X.shape[0], l : l + X.shape[1]] = X
    return P


def flip_kernel(K) -> np.ndarray:
    """``K`` flipped on both axes (rotated by 180 degrees).

    Parameters
    ----------
    K : array_like, 2-D
        A kernel, real and finite.

    Returns
    -------
    ndarray, shape K.shape
        A new array (not a view), ``K[::-1, ::-1]``, in ``K``'s dtype.

    Raises
    ------
    ValueError
        ``K`` is not a non-empty 2-D array of finite numbers.

    See Also
    --------
    convolve2d : cross-correlation with the flipped kernel.
    numpy.flip : the same with ``axis=(0, 1)``, as a view.

    Examples
    --------
    >>> flip_kernel([[0, 1], [2, 3]]).tolist()
    [[3, 2], [1, 0]]
    """
    K = as_matrix(K, "kernel K")
    return K[::-1, ::-1].copy()


def _phases(P, stride, rows, cols):
    """``P`` split into its ``s_h * s_w`` stride phases, each ``rows x cols``.

    Phase ``(u, v)`` holds ``P[u::s_h, v::s_w]`` (zero-filled to a common shape),
    so a strided correlation becomes stride-1 correlations over the phases.
    """
    s_h, s_w = stride
    if (s_h, s_w) == (1, 1):
        return {(0, 0): P}
    out = {}
    for u in range(s_h):
        for v in range(s_w):
            Q = np.zeros((rows, cols), dtype=P.dtype)
            part = P[u::s_h, v::s_w]
            Q[: part.shape[0], : part.shape[1]] = part
            out[u, v] = Q
    return out


def _accumulate(Yf, taps, lo, hi, block):
    """``Yf[lo:hi]`` = sum over taps of ``k * src[offset + lo : offset + hi]``,
    accumulated in tap order, ``block`` elements at a time (kept in cache)."""
    tmp = np.empty(block, dtype=Yf.dtype)
    for s in range(lo, hi, block):
        e = min(s + block, hi)
        acc, t = Yf[s:e], tmp[: e - s]
        if not taps:
            acc[...] = 0
            continue
        for n, (src, offset, k) in enumerate(taps):
            if n == 0:
                np.multiply(src[offset + s : offset + e], k, out=acc)
            else:
                np.multiply(src[offset + s : offset + e], k, out=t)
                np.add(acc, t, out=acc)


def _plan(input_shape, kernel_shape, padding, stride, dilation):
    """Checked ``pads``, output ``(H, W)``, stride and dilation pairs."""
    stride, dilation = pair(stride, "stride"), pair(dilation, "dilation")
    pads = pad_amounts(input_shape, kernel_shape, padding, stride, dilation)
    return pads, output_shape(input_shape, kernel_shape, pads, stride, dilation), stride, dilation


def prepare(X, K, padding, stride, dilation, pad_mode="zeros"):
    """Checked arguments of a cross-correlation: the padded input ``P`` and
    kernel in the result dtype, ``pads``, output ``(H, W)``, stride and dilation pairs."""
    pads, out, stride, dilation = _plan(X.shape, K.shape, padding, stride, dilation)
    dtype = result_dtype(X, K)
    return pad_input(X, pads, dtype, pad_mode), np.asarray(K, dtype=dtype), pads, out, stride, dilation


def _corr2d_checked(X, K, padding, stride, dilation, pad_mode="zeros"):
    P, K, _, out, stride, dilation = prepare(X, K, padding, stride, dilation, pad_mode)
    return _correlate(P, K, out, stride, dilation)


def _correlate(P, K, out, stride, dilation):
    """The cross-correlation of the padded input ``P`` (checked, in the result dtype)."""
    (H, W), dtype = out, P.dtype
    (s_h, s_w), (d_h, d_w) = stride, dilation
    # Flat trick: with every phase stored row-major with the same width Qw,
    # output (i, j) lives at i*Qw + j and tap (a, b) reads the same flat index
    # plus a constant offset, so each tap is one contiguous multiply-add.
    Qh, Qw = -(-P.shape[0] // s_h), -(-P.shape[1] // s_w)
    flats = {key: Q.reshape(-1) for key, Q in _phases(P, stride, Qh, Qw).items()}
    taps = []
    for a in range(K.shape[0]):
        for b in range(K.shape[1]):
            if K[a, b] != 0:  # zero taps add nothing (exactly: products are +-0)
                r, c = a * d_h, b * d_w
                taps.append((flats[r % s_h, c % s_w], (r // s_h) * Qw + c // s_w, K[a, b]))
    Yf = np.empty(H * Qw, dtype=dtype)
    n = (H - 1) * Qw + W  # the last row needs only its W valid cells
    block = max(1024, _BLOCK_BYTES // dtype.itemsize)
    n_jobs = _WORKERS if n * max(1, len(taps)) >= _PARALLEL_MIN else 1
    if n_jobs == 1:
        _accumulate(Yf, taps, 0, n, block)
    else:
        # Chunk boundaries on block multiples keep every block whole.
        per = -(-n // (n_jobs * block)) * block
        jobs = [
            _executor().submit(_accumulate, Yf, taps, lo, min(lo + per, n), block)
            for lo in range(0, n, per)
        ]
        for job in jobs:
            job.result()
    return Yf.reshape(H, Qw)[:, :W]  # a view of a private buffer: no copy pass


def corr2d(X, K, *, padding=0, stride=1, dilation=1, pad_mode="zeros") -> np.ndarray:
    """2-D cross-correlation (互相关运算) of the input ``X`` with the kernel ``K``.

    ``Y[i, j] = sum_a sum_b P[i*s_h + a*d_h, j*s_w + b*d_w] * K[a, b]``, where
    ``P`` is ``X`` padded as :func:`pad_amounts` says (with zeros unless
    ``pad_mode`` says otherwise). This is what ``tf.nn.conv2d`` and
    ``tf.keras.layers.Conv2D`` compute (they do not flip the kernel).

    Parameters
    ----------
    X : array_like, 2-D
        The input, real and finite (lists are accepted).
    K : array_like, 2-D
        The kernel (卷积核), real and finite.
    padding : int, (ph, pw), ((top, bottom), (left, right)), or {'valid', 'same', 'full'}, optional
        Zero rows/columns around ``X`` (填充). ``'same'`` is TensorFlow's rule
        (output ``ceil(n / s)``, the odd extra row/column at the bottom/right);
        ``'full'`` is ``(k - 1) * d`` on every side. Default 0.
    stride : int or (s_h, s_w), optional
        Step of the window (步幅), each >= 1. Default 1.
    dilation : int or (d_h, d_w), optional
        Spacing of the kernel taps on the input, each >= 1. Default 1.
    pad_mode : {'zeros', 'reflect', 'symmetric', 'circular'}, optional
        What the padding holds: zeros, the input mirrored without repeating
        the edge cell (``tf.pad``'s ``'REFLECT'``, at most ``n - 1`` per
        side), mirrored repeating it (``'SYMMETRIC'``, at most ``n``), or
        wrapped around (numpy's ``'wrap'``, at most ``n``).
        :func:`pad_source` says which input cell each padded cell copies.
        Default ``'zeros'``.

    Returns
    -------
    Y : ndarray, shape (H, W)
        A new array, float32 if ``X`` and ``K`` are both float32, else float64.
        Per axis ``H = floor((n + p_total - (k - 1) * d - 1) / s) + 1``, which
        for ``d = 1`` is the chapter's ``floor((n - k + p + s) / s)``.

    Raises
    ------
    ValueError
        ``X`` or ``K`` is not 2-D, is empty, holds non-numbers, NaN or
        infinity; ``stride`` or ``dilation`` is below 1; ``padding`` is
        negative or an unknown name; the (dilated) kernel does not fit in the
        padded input; ``pad_mode`` is unknown or cannot give that much
        padding. The message says what is allowed.

    See Also
    --------
    convolve2d : true convolution (the kernel flipped).
    output_shape : the shape alone, without computing anything.
    windows, window_at : the same sums, one window at a time.
    scipy.signal.correlate2d : the same for ``padding`` 'valid', 'same' and 'full'
        (at stride 1).
    tf.nn.conv2d : the same on ``(1, h, w, 1)`` tensors (it refuses stride
        above 1 together with dilation above 1; this does not).

    Notes
    -----
    ``'same'`` follows TensorFlow: the extra row/column of an odd total
    padding goes at the bottom/right. ``scipy.signal.correlate2d`` agrees;
    ``scipy.signal.convolve2d``'s 'same' does not for even kernels (see
    :func:`convolve2d`).
    The result may be a view of a private buffer (never of ``X``); inputs
    are never modified. No Python loop runs over output pixels: each kernel
    tap is one multiply-add over the flattened padded input.

    Examples
    --------
    The chapter's example:

    >>> corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]]).tolist()
    [[19.0, 25.0], [37.0, 43.0]]

    The chapter's stride figure, padding 1, stride 3 down and 2 across:

    >>> corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]], padding=1, stride=(3, 2)).tolist()
    [[0.0, 8.0], [6.0, 8.0]]
    >>> corr2d(np.ones((2, 2)), np.ones((3, 3)))
    Traceback (most recent call last):
    ...
    ValueError: kernel 3x3 does not fit in the padded input 2x2; add padding or use a smaller kernel

    Reflected padding keeps a constant row constant at the border:

    >>> corr2d([[1, 2, 3]], [[1, 1, 1]], padding=(0, 1), pad_mode="reflect").tolist()
    [[5.0, 6.0, 7.0]]
    """
    X, K = as_matrix(X, "input X"), as_matrix(K, "kernel K")
    return _corr2d_checked(X, K, padding, stride, dilation, pad_mode)


def convolve2d(X, K, *, padding=0, stride=1, dilation=1, pad_mode="zeros") -> np.ndarray:
    """True 2-D convolution: the kernel flipped, then cross-correlated.

    ``convolve2d(X, K, ...) == corr2d(X, flip_kernel(K), ...)``. The name is
    scipy's; ``tf.keras.layers.Conv2D``, despite its name, cross-correlates
    (:func:`corr2d`).

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, real and finite.
    padding, stride, dilation, pad_mode
        As for :func:`corr2d`.

    Returns
    -------
    Y : ndarray, shape (H, W)
        As for :func:`corr2d` (same shape formula and dtype rule).

    Raises
    ------
    ValueError
        As for :func:`corr2d`.

    See Also
    --------
    corr2d : cross-correlation, what CNN layers compute.
    flip_kernel : the kernel rotated by 180 degrees.
    scipy.signal.convolve2d : the same for ``padding`` 'valid' and 'full'.

    Notes
    -----
    ``'same'`` pads as :func:`corr2d` does (TensorFlow's rule) and then flips
    the kernel, so for an even kernel it differs from
    ``scipy.signal.convolve2d(..., mode='same')``, which keeps the window
    centred on the flipped kernel.

    A learned kernel makes the two equivalent: a layer that learns ``K`` by
    cross-correlation would learn ``flip_kernel(K)`` by convolution.

    Examples
    --------
    >>> convolve2d([[1, 2], [3, 4]], [[1, 0], [0, 0]], padding="full").tolist()
    [[1.0, 2.0, 0.0], [3.0, 4.0, 0.0], [0.0, 0.0, 0.0]]
    >>> convolve2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]]).tolist()
    [[5.0, 11.0], [23.0, 29.0]]
    """
    return corr2d(X, flip_kernel(K), padding=padding, stride=stride, dilation=dilation, pad_mode=pad_mode)


_3D = "3-D (channels x rows x columns)"
_4D = "4-D (out channels x in channels x rows x columns)"


def whole(v, name: str) -> int:
    """``v`` as an int >= 1 (``bool`` and ``float`` refused), or ``ValueError`` naming ``name``."""
    if not _is_int(v) or v < 1:
        raise ValueError(f"{name} must be a whole number of at least 1, not {v!r}")
    return int(v)


def _check_groups(c_in: int, c_out: int, groups) -> int:
    g = whole(groups, "groups")
    for n, what in ((c_in, "input"), (c_out, "output")):
        if n % g:
            common = ", ".join(str(d) for d in range(1, min(c_in, c_out) + 1) if c_in % d == 0 and c_out % d == 0)
            raise ValueError(
                f"groups={g} does not divide the {n} {what} channels; use a number that divides both "
                f"the {c_in} input and the {c_out} output channels: {common}"
            )
    return g


def group_inputs(c_in: int, c_out: int, groups: int = 1) -> np.ndarray:
    """Which input channels each output channel reads in a grouped convolution.

    Parameters
    ----------
    c_in, c_out : int
        Input and output channels, each >= 1.
    groups : int, optional
        Number of groups, dividing both ``c_in`` and ``c_out``. Default 1
        (every output reads every input); ``groups = c_in`` is depthwise.

    Returns
    -------
    ndarray of int, shape (c_out, c_in // groups)
        Row ``o`` lists the input channels output channel ``o`` reads:
        group ``g = o // (c_out // groups)``, channels ``g * c_in // groups``
        up to (not including) ``(g + 1) * c_in // groups``. Column ``c`` of
        row ``o`` is the channel kernel slice ``K[o, c]`` is applied to.

    Raises
    ------
    ValueError
        A count is not a whole number >= 1, or ``groups`` does not divide
        both channel counts (the message lists the numbers that do).

    See Also
    --------
    corr2d_multi_in_out : the convolution these channels feed.
    layer_cost : its parameters and multiply-adds.
    tf.keras.layers.Conv2D : its ``groups`` argument splits channels the same way.

    Notes
    -----
    Groups are contiguous blocks of channels, in order, as in Keras,
    TensorFlow and PyTorch. ``tf.nn.depthwise_conv2d``'s output channel
    ``c * M + m`` (``M`` the depth multiplier) is output ``o = c * M + m``
    here, which reads input channel ``c``.

    Examples
    --------
    >>> group_inputs(4, 6, groups=2).tolist()
    [[0, 1], [0, 1], [0, 1], [2, 3], [2, 3], [2, 3]]
    >>> group_inputs(3, 3, groups=3).tolist()  # depthwise
    [[0], [1], [2]]
    >>> group_inputs(4, 6, groups=4)
    Traceback (most recent call last):
    ...
    ValueError: groups=4 does not divide the 6 output channels; use a number that divides both the 4 input and the 6 output channels: 1, 2
    """
    c_in, c_out = whole(c_in, "c_in"), whole(c_out, "c_out")
    g = _check_groups(c_in, c_out, groups)
    per_in, per_out = c_in // g, c_out // g
    group = np.arange(c_out) // per_out
    return group[:, None] * per_in + np.arange(per_in)[None, :]


def corr2d_multi_in(X, K, *, padding=0, stride=1, dilation=1, pad_mode="zeros") -> np.ndarray:
    """Cross-correlation over several input channels, summed: ``sum_c corr2d(X[c], K[c])``.

    Parameters
    ----------
    X : array_like, shape (C, H, W)
        The input's channels.
    K : array_like, shape (C, kh, kw)
        One kernel slice per input channel.
    padding, stride, dilation, pad_mode
        As for :func:`corr2d`, the same for every channel.

    Returns
    -------
    Y : ndarray, shape (H', W')
        ``(H', W') = output_shape((H, W), (kh, kw), ...)``; dtype as for :func:`corr2d`.

    Raises
    ------
    ValueError
        ``X`` or ``K`` is not 3-D, their channel counts differ, or anything
        :func:`corr2d` refuses.

    See Also
    --------
    corr2d_multi_in_out : several output channels.
    tf.nn.conv2d : the same with ``X`` as ``(1, H, W, C)`` and ``K`` as ``(kh, kw, C, 1)``.

    Examples
    --------
    The chapter's two-channel example:

    >>> X = [[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]]
    >>> K = [[[0, 1], [2, 3]], [[1, 2], [3, 4]]]
    >>> corr2d_multi_in(X, K).tolist()
    [[56.0, 72.0], [104.0, 120.0]]
    """
    X = as_matrix(X, "input X", 3, _3D)
    K = as_matrix(K, "kernel K", 3, _3D)
    if X.shape[0] != K.shape[0]:
        raise ValueError(
            f"input X has {X.shape[0]} channels but kernel K has {K.shape[0]}; "
            "give the kernel one slice per input channel"
        )
    return _multi_channel(X, K[None], 1, padding, stride, dilation, pad_mode)[0]


def corr2d_multi_in_out(X, K, *, groups=1, padding=0, stride=1, dilation=1, pad_mode="zeros") -> np.ndarray:
    """Several input and output channels, optionally in groups:
    ``Y[o] = corr2d_multi_in(X[group of o], K[o])``.

    Parameters
    ----------
    X : array_like, shape (C, H, W)
        The input's channels.
    K : array_like, shape (O, C // groups, kh, kw)
        One multi-channel kernel per output channel, with one slice per
        input channel of its group.
    groups : int, optional
        Split the ``C`` input and ``O`` output channels into ``groups`` equal
        groups; output channel ``o`` reads only input group
        ``o // (O // groups)``. Default 1 (every output reads every input);
        ``groups = C`` is a depthwise convolution.
    padding, stride, dilation, pad_mode
        As for :func:`corr2d`.

    Returns
    -------
    Y : ndarray, shape (O, H', W')
        ``(H', W') = output_shape((H, W), (kh, kw), ...)``; dtype as for :func:`corr2d`.

    Raises
    ------
    ValueError
        ``X`` is not 3-D, ``K`` is not 4-D, ``groups`` does not divide both
        ``C`` and ``O``, ``K`` has not ``C // groups`` input channels, or
        anything :func:`corr2d` refuses.

    See Also
    --------
    corr2d_multi_in : one output channel.
    group_inputs : which input channels each output reads.
    layer_cost : parameters and multiply-adds.
    tf.nn.conv2d : the same with ``K`` as ``(kh, kw, C // groups, O)`` (TensorFlow
        infers the groups from the kernel's channels).
    tf.nn.depthwise_conv2d : ``groups = C`` with ``K`` as ``(kh, kw, C, O // C)``.

    Notes
    -----
    Grouping divides the weights and multiply-adds by ``groups``. A
    depthwise-separable convolution is a depthwise one (``groups = C``)
    followed by a 1x1 one (``groups = 1``).

    Examples
    --------
    A 1x1 kernel mixes channels pixel by pixel:

    >>> X = np.arange(8.0).reshape(2, 2, 2)
    >>> corr2d_multi_in_out(X, [[[[1]], [[1]]], [[[1]], [[-1]]]]).tolist()
    [[[4.0, 6.0], [8.0, 10.0]], [[-4.0, -4.0], [-4.0, -4.0]]]

    Depthwise: each output channel sees one input channel.

    >>> corr2d_multi_in_out(X, [[[[2]]], [[[-1]]]], groups=2).tolist()
    [[[0.0, 2.0], [4.0, 6.0]], [[-4.0, -5.0], [-6.0, -7.0]]]
    >>> corr2d_multi_in_out(X, np.ones((3, 2, 1, 1)), groups=2)
    Traceback (most recent call last):
    ...
    ValueError: groups=2 does not divide the 3 output channels; use a number that divides both the 2 input and the 3 output channels: 1
    """
    X = as_matrix(X, "input X", 3, _3D)
    K = as_matrix(K, "kernel K", 4, _4D)
    (C, O), per_group = (X.shape[0], K.shape[0]), K.shape[1]
    g = _check_groups(C, O, groups)
    if per_group != C // g:
        grouped = f" in {g} groups of {C // g}" if g > 1 else ""
        raise ValueError(
            f"kernel K reads {per_group} input channels per output channel, but X has {C} channels"
            f"{grouped}; give K the shape ({O}, {C // g}, kh, kw)"
        )
    return _multi_channel(X, K, g, padding, stride, dilation, pad_mode)


def _multi_channel(X, K, groups, padding, stride, dilation, pad_mode):
    """``Y[o] = sum_c corr2d(X[inputs[o, c]], K[o, c])`` with every channel padded once."""
    pads, out, stride, dilation = _plan(X.shape[1:], K.shape[2:], padding, stride, dilation)
    dtype = result_dtype(X, K)
    Ps = [pad_input(x, pads, dtype, pad_mode) for x in X]
    Kd = np.asarray(K, dtype=dtype)
    inputs = group_inputs(X.shape[0], K.shape[0], groups)
    Y = np.empty((K.shape[0], *out), dtype=dtype)
    for o, chans in enumerate(inputs):
        Y[o] = _correlate(Ps[chans[0]], Kd[o, 0], out, stride, dilation)
        for c in range(1, len(chans)):
            Y[o] += _correlate(Ps[chans[c]], Kd[o, c], out, stride, dilation)
    return Y
