"""Pooling (汇聚): the maximum or the average of each window, as TensorFlow
computes it, and which input cell each maximum came from.

>>> pool2d([[1, 2], [3, 4]], 2).tolist()
[[4.0]]
"""
from __future__ import annotations

import numpy as np

from ._geometry import axis_plans, pair
from ._ops import as_matrix

POOL_MODES = ("max", "avg")

__all__ = ["POOL_MODES", "pool2d", "pool_argmax"]


def _plan(X, size, stride, padding):
    """Checked ``size``, ``stride``, row and column plans of a pooling."""
    size = pair(size, "pool size")
    stride = size if stride is None else pair(stride, "stride")
    if not (isinstance(padding, str) and padding.lower() in ("valid", "same")):
        raise ValueError(f"pooling padding must be 'valid' or 'same' (as in tf.nn.max_pool2d), not {padding!r}")
    h, w = axis_plans(X.shape, size, padding.lower(), stride)
    if not (h.fits and w.fits):
        raise ValueError(
            f"pool window {size[0]}x{size[1]} does not fit in the input {X.shape[0]}x{X.shape[1]}; "
            "use padding 'same' or a smaller window"
        )
    return size, stride, h, w


def _taps(P, size, stride, out):
    """For each window offset ``(a, b)``, the ``out``-shaped strided view of
    ``P`` it reads, in row-major order."""
    (s_h, s_w), (H, W) = stride, out
    for a in range(size[0]):
        for b in range(size[1]):
            yield a, b, P[a : a + (H - 1) * s_h + 1 : s_h, b : b + (W - 1) * s_w + 1 : s_w]


def _padded(X, h, w, fill, dtype):
    P = np.full((h.padded, w.padded), fill, dtype=dtype)
    P[h.before : h.before + h.n, w.before : w.before + w.n] = X
    return P


def _real_cells(ax):
    """Real (unpadded) cells in each window along one axis."""
    start = np.arange(ax.out) * ax.s - ax.before
    return np.minimum(start + ax.k, ax.n) - np.maximum(start, 0)


def pool2d(X, size, *, stride=None, padding="valid", mode="max") -> np.ndarray:
    """Max or average pooling (汇聚) of a 2-D input, as ``tf.nn.max_pool2d``
    and ``tf.nn.avg_pool2d`` compute it.

    Parameters
    ----------
    X : array_like, 2-D
        The input, real and finite (lists are accepted).
    size : int or (p_h, p_w)
        The pooling window, each >= 1.
    stride : int or (s_h, s_w), optional
        Step of the window (步幅), each >= 1. Default None: the window's
        size (windows side by side, as Keras' ``MaxPooling2D``).
    padding : {'valid', 'same'}, optional
        ``'valid'``: windows inside the input; ``'same'``: output ``ceil(n /
        s)`` with TensorFlow's split (the extra row/column at the
        bottom/right); the padding never counts (see Notes). Case-insensitive.
        Default ``'valid'``.
    mode : {'max', 'avg'}, optional
        The window's maximum or average. Default ``'max'``.

    Returns
    -------
    Y : ndarray, shape (H, W)
        A new array, float32 if ``X`` is float32, else float64. Per axis
        ``H = floor((n - p) / s) + 1`` for 'valid', ``ceil(n / s)`` for
        'same' (:func:`convcore.output_shape` with the window as kernel).

    Raises
    ------
    ValueError
        ``X`` is not a non-empty 2-D array of finite numbers; ``size`` or
        ``stride`` is below 1; ``padding`` or ``mode`` is unknown; the window
        does not fit in the input with 'valid'.

    See Also
    --------
    pool_argmax : which input cell each maximum came from.
    convcore.corr2d : the same windows, a weighted sum in place of the maximum.
    tf.keras.layers.MaxPooling2D, tf.keras.layers.AveragePooling2D : the layers.

    Notes
    -----
    TensorFlow's 'same' pads max pooling with ``-inf`` and divides an
    average by the number of real cells in the window, not by ``p_h *
    p_w``: a corner window of 'same' 2x2 average pooling over a 3x3 input
    averages one cell. Pooling has no weights; stride defaults to the size
    so that each input cell is read once.

    Examples
    --------
    >>> X = np.arange(9.0).reshape(3, 3)
    >>> pool2d(X, 2, stride=1).tolist()
    [[4.0, 5.0], [7.0, 8.0]]
    >>> pool2d(X, 2, stride=1, mode="avg").tolist()
    [[2.0, 3.0], [5.0, 6.0]]
    >>> pool2d(X, 2, padding="same", mode="avg").tolist()
    [[2.0, 3.5], [6.5, 8.0]]
    >>> pool2d(X, 4)
    Traceback (most recent call last):
    ...
    ValueError: pool window 4x4 does not fit in the input 3x3; use padding 'same' or a smaller window
    """
    X = as_matrix(X, "input X")
    if mode not in POOL_MODES:
        raise ValueError(f"unknown pooling mode {mode!r}; use 'max' or 'avg'")
    size, stride, h, w = _plan(X, size, stride, padding)
    dtype = np.float32 if X.dtype == np.float32 else np.float64
    P = _padded(X, h, w, -np.inf if mode == "max" else 0, dtype)
    Y = None
    for _, _, view in _taps(P, size, stride, (h.out, w.out)):
        if Y is None:
            Y = view.copy()
        elif mode == "max":
            np.maximum(Y, view, out=Y)
        else:
            Y += view
    if mode == "avg":
        Y /= np.outer(_real_cells(h), _real_cells(w)).astype(dtype)
    return Y


def pool_argmax(X, size, *, stride=None, padding="valid") -> np.ndarray:
    """Which input cell won each max-pooling window.

    Parameters
    ----------
    X : array_like, 2-D
        The input, real and finite.
    size, stride, padding
        As for :func:`pool2d`.

    Returns
    -------
    ndarray of int, shape (H, W, 2)
        ``[i, j]`` is the ``(row, column)`` in ``X`` (unpadded coordinates)
        of the maximum of output cell ``(i, j)``, so ``X[r, c] ==
        pool2d(X, ...)[i, j]``. A tie goes to the first cell in row-major
        order within the window, as ``numpy.argmax``. The padding never
        wins: every 'same' window holds at least one real cell.

    Raises
    ------
    ValueError
        As :func:`pool2d`.

    See Also
    --------
    pool2d : the maxima themselves.
    convcore.window_origins : where each window starts (padded coordinates,
        with the window as kernel and ``pad_amounts(..., 'same', stride)``).
    tf.nn.max_pool_with_argmax : the same cells as flat indices ``r * W + c``.

    Notes
    -----
    The winners are what max pooling passes back in training: the gradient
    of each output flows to its winner only. Moving the input by less than
    the window often keeps the same winners' values, which is the small
    translation invariance pooling buys.

    Examples
    --------
    >>> X = [[1, 5, 2], [7, 0, 3], [4, 4, 9]]
    >>> pool_argmax(X, 2, stride=1).tolist()
    [[[1, 0], [0, 1]], [[1, 0], [2, 2]]]
    >>> pool_argmax(X, 2, padding="same")[..., 0].tolist()
    [[1, 1], [2, 2]]
    """
    X = as_matrix(X, "input X")
    size, stride, h, w = _plan(X, size, stride, padding)
    P = _padded(X, h, w, -np.inf, np.float64)
    best = win_a = win_b = None
    for a, b, view in _taps(P, size, stride, (h.out, w.out)):
        if best is None:
            best, win_a, win_b = view.copy(), np.zeros(view.shape, int), np.zeros(view.shape, int)
            continue
        better = view > best
        best[better], win_a[better], win_b[better] = view[better], a, b
    out = np.empty((h.out, w.out, 2), dtype=int)
    out[..., 0] = (np.arange(h.out) * h.s - h.before)[:, None] + win_a
    out[..., 1] = (np.arange(w.out) * w.s - w.before)[None, :] + win_b
    return out
