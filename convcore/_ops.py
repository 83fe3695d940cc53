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

from ._geometry import dilated_kernel_shape, output_shape, pad_amounts, pair

__all__ = [
    "as_matrix",
    "result_dtype",
    "pad_input",
    "corr2d",
    "convolve2d",
    "flip_kernel",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
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


def pad_input(X, pads, dtype=None) -> np.ndarray:
    """``X`` with ``pads = ((top, bottom), (left, right))`` zero rows/columns."""
    (t, b), (l, r) = pads
    dtype = X.dtype if dtype is None else dtype
    if t == b == l == r == 0:
        return np.asarray(X, dtype=dtype)
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


def prepare(X, K, padding, stride, dilation):
    """Checked arguments of a cross-correlation: the padded input ``P`` and
    kernel in the result dtype, ``pads``, output ``(H, W)``, stride and dilation pairs."""
    stride, dilation = pair(stride, "stride"), pair(dilation, "dilation")
    pads = pad_amounts(X.shape, K.shape, padding, stride, dilation)
    out = output_shape(X.shape, K.shape, pads, stride, dilation)
    dtype = result_dtype(X, K)
    return pad_input(X, pads, dtype), np.asarray(K, dtype=dtype), pads, out, stride, dilation


def _corr2d_checked(X, K, padding, stride, dilation):
    P, K, _, (H, W), stride, dilation = prepare(X, K, padding, stride, dilation)
    dtype = P.dtype
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


def corr2d(X, K, *, padding=0, stride=1, dilation=1) -> np.ndarray:
    """2-D cross-correlation (互相关运算) of the input ``X`` with the kernel ``K``.

    ``Y[i, j] = sum_a sum_b P[i*s_h + a*d_h, j*s_w + b*d_w] * K[a, b]``, where
    ``P`` is ``X`` zero-padded as :func:`pad_amounts` says. This is what
    ``tf.nn.conv2d`` and ``tf.keras.layers.Conv2D`` compute (they do not flip
    the kernel).

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
        padded input. The message says what is allowed.

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
    """
    return _corr2d_checked(as_matrix(X, "input X"), as_matrix(K, "kernel K"), padding, stride, dilation)


def convolve2d(X, K, *, padding=0, stride=1, dilation=1) -> np.ndarray:
    """True 2-D convolution: the kernel flipped, then cross-correlated.

    ``convolve2d(X, K, ...) == corr2d(X, flip_kernel(K), ...)``. The name is
    scipy's; ``tf.keras.layers.Conv2D``, despite its name, cross-correlates
    (:func:`corr2d`).

    Parameters
    ----------
    X, K : array_like, 2-D
        Input and kernel, real and finite.
    padding, stride, dilation
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
    return corr2d(X, flip_kernel(K), padding=padding, stride=stride, dilation=dilation)


_3D = "3-D (channels x rows x columns)"


def corr2d_multi_in(X, K, *, padding=0, stride=1, dilation=1) -> np.ndarray:
    """Cross-correlation over several input channels, summed: ``sum_c corr2d(X[c], K[c])``.

    Parameters
    ----------
    X : array_like, shape (C, H, W)
        The input's channels.
    K : array_like, shape (C, kh, kw)
        One kernel slice per input channel.
    padding, stride, dilation
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
    Y = _corr2d_checked(X[0], K[0], padding, stride, dilation)
    for c in range(1, X.shape[0]):
        Y += _corr2d_checked(X[c], K[c], padding, stride, dilation)
    return Y


def corr2d_multi_in_out(X, K, *, padding=0, stride=1, dilation=1) -> np.ndarray:
    """Several input and output channels: ``Y[o] = corr2d_multi_in(X, K[o])``.

    Parameters
    ----------
    X : array_like, shape (C, H, W)
        The input's channels.
    K : array_like, shape (O, C, kh, kw)
        One multi-channel kernel per output channel.
    padding, stride, dilation
        As for :func:`corr2d`.

    Returns
    -------
    Y : ndarray, shape (O, H', W')
        ``(H', W') = output_shape((H, W), (kh, kw), ...)``; dtype as for :func:`corr2d`.

    Raises
    ------
    ValueError
        ``X`` is not 3-D, ``K`` is not 4-D, the channel counts differ, or
        anything :func:`corr2d` refuses.

    See Also
    --------
    corr2d_multi_in : one output channel.
    tf.nn.conv2d : the same with ``K`` as ``(kh, kw, C, O)``.

    Examples
    --------
    A 1x1 kernel mixes channels pixel by pixel:

    >>> X = np.arange(8.0).reshape(2, 2, 2)
    >>> corr2d_multi_in_out(X, [[[[1]], [[1]]], [[[1]], [[-1]]]]).tolist()
    [[[4.0, 6.0], [8.0, 10.0]], [[-4.0, -4.0], [-4.0, -4.0]]]
    """
    X = as_matrix(X, "input X", 3, _3D)
    K = as_matrix(K, "kernel K", 4, "4-D (out channels x in channels x rows x columns)")
    return np.stack([corr2d_multi_in(X, k, padding=padding, stride=stride, dilation=dilation) for k in K])
