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

from .geometry import dilated_kernel_shape, output_shape, pad_amounts, pair

__all__ = [
    "as_matrix",
    "result_dtype",
    "pad_input",
    "corr2d",
    "conv2d",
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
    """``K`` flipped on both axes (rotated by 180 degrees): a new array.

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


def corr2d(X, K, padding=0, stride=1, dilation=1) -> np.ndarray:
    """2-D cross-correlation (互相关运算) of the input ``X`` with the kernel ``K``.

    ``Y[i, j] = sum_a sum_b P[i*s_h + a*d_h, j*s_w + b*d_w] * K[a, b]``, where
    ``P`` is ``X`` zero-padded as :func:`convcore.pad_amounts` says.

    Output shape per axis: ``floor((n + p_total - (k - 1) * d - 1) / s) + 1``.

    Parameters
    ----------
    X, K : 2-D arrays of real, finite numbers (lists are accepted).
    padding : int, (ph, pw), ((top, bottom), (left, right)), 'valid', 'same'
        (TensorFlow's rule) or 'full'.
    stride, dilation : int or (h, w), each >= 1.

    Returns a new array: float32 if both inputs are float32, else float64.

    >>> corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]]).tolist()
    [[19.0, 25.0], [37.0, 43.0]]
    >>> corr2d([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]], padding=1, stride=(3, 2)).tolist()
    [[0.0, 8.0], [6.0, 8.0]]
    """
    return _corr2d_checked(as_matrix(X, "input X"), as_matrix(K, "kernel K"), padding, stride, dilation)


def conv2d(X, K, padding=0, stride=1, dilation=1) -> np.ndarray:
    """True 2-D convolution: ``corr2d(X, flip_kernel(K), ...)``.

    >>> conv2d([[1, 2], [3, 4]], [[1, 0], [0, 0]], padding="full").tolist()
    [[1.0, 2.0, 0.0], [3.0, 4.0, 0.0], [0.0, 0.0, 0.0]]
    """
    return corr2d(X, flip_kernel(K), padding, stride, dilation)


def corr2d_multi_in(X, K, padding=0, stride=1, dilation=1) -> np.ndarray:
    """Multi-input-channel cross-correlation: ``sum_c corr2d(X[c], K[c])``.

    ``X`` is ``(C, H, W)``, ``K`` is ``(C, kh, kw)``; the result is ``(H', W')``.
    """
    X = as_matrix(X, "input X", 3, "3-D (channels x rows x columns)")
    K = as_matrix(K, "kernel K", 3, "3-D (channels x rows x columns)")
    if X.shape[0] != K.shape[0]:
        raise ValueError(
            f"input X has {X.shape[0]} channels but kernel K has {K.shape[0]}; "
            "give the kernel one slice per input channel"
        )
    Y = _corr2d_checked(X[0], K[0], padding, stride, dilation)
    for c in range(1, X.shape[0]):
        Y += _corr2d_checked(X[c], K[c], padding, stride, dilation)
    return Y


def corr2d_multi_in_out(X, K, padding=0, stride=1, dilation=1) -> np.ndarray:
    """Multi-channel in and out: ``K`` is ``(O, C, kh, kw)``, the result
    ``(O, H', W')`` with ``Y[o] = corr2d_multi_in(X, K[o])``."""
    X = as_matrix(X, "input X", 3, "3-D (channels x rows x columns)")
    K = as_matrix(K, "kernel K", 4, "4-D (out channels x in channels x rows x columns)")
    return np.stack([corr2d_multi_in(X, k, padding, stride, dilation) for k in K])
