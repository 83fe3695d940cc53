"""From fully connected layers to convolutions: why convolution, in numbers.

* Parameter counts of a fully connected layer, a locally connected layer (a
  window per hidden unit, weights not shared) and a convolutional layer, as
  exact Python ints (a float64 is no longer exact above 2**53).
* Translation: a small pattern moved by ``(dy, dx)``; the convolution's
  response moves with it (equivariance), an unshared layer's does not.
* Locality: the ``(2Δ+1) x (2Δ+1)`` window a hidden unit reads.
* Channels: ``corr2d_multi_in`` / ``corr2d_multi_in_out`` one input channel at
  a time, and the 1x1 convolution as a per-pixel mixing of channels.

Every function returns numbers or numpy arrays (results are frozen
dataclasses); numpy only.

>>> param_counts(**SEED_CLAIM).conv.total
442
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from ._ops import corr2d, corr2d_multi_in, corr2d_multi_in_out

__all__ = [
    "LayerCount",
    "ParamCounts",
    "param_counts",
    "SEED_CLAIM",
    "SEED_BILLIONS",
    "PATTERNS",
    "REF_POS",
    "place",
    "shift",
    "lc_weights",
    "locally_connected",
    "TranslationDemo",
    "translation_demo",
    "max_offset",
    "LocalityWindow",
    "locality_window",
    "central_window",
    "locality_mask",
    "channel_input",
    "channel_kernel",
    "mixing_weights",
    "ChannelDemo",
    "channel_demo",
    "PixelMix",
    "pixel_mix",
]


def _posint(v, name: str) -> int:
    if not isinstance(v, numbers.Integral) or isinstance(v, bool):
        raise ValueError(f"{name} must be a whole number, not {v!r}")
    v = int(v)
    if v < 1:
        raise ValueError(f"{name} must be at least 1, not {v}")
    return v


# --- parameter counts ---------------------------------------------------------

@dataclass(frozen=True)
class LayerCount:
    """Parameters of one kind of layer, as exact Python ints.

    Frozen; three of them make a :class:`ParamCounts`.

    Attributes
    ----------
    name : {'dense', 'local', 'conv'}
        Which layer.
    weights : int
        Number of weights.
    biases : int
        Number of biases.
    total : int
        ``weights + biases`` (a property).
    float32_bytes : int
        Memory of the parameters as float32, ``4 * total`` bytes (a property).

    See Also
    --------
    param_counts : makes these.

    Examples
    --------
    >>> c = LayerCount("conv", 441, 1)
    >>> c.total, c.float32_bytes
    (442, 1768)
    """

    name: str  # "dense", "local", "conv"
    weights: int
    biases: int

    @property
    def total(self) -> int:
        """Weights and biases together."""
        return self.weights + self.biases

    @property
    def float32_bytes(self) -> int:
        """Bytes the parameters take as float32: ``4 * total``."""
        return 4 * self.total


@dataclass(frozen=True)
class ParamCounts:
    """Parameters of one layer mapping an ``h x w`` image to an ``h2 x w2``
    hidden representation (one channel each), counted three ways.

    Frozen; made by :func:`param_counts`.

    Attributes
    ----------
    image : (int, int)
        The image's ``(h, w)``.
    hidden : (int, int)
        The hidden representation's ``(h2, w2)``.
    k : int
        Side of the (square) window / kernel (卷积核), ``2Δ + 1`` in the
        chapter's terms.
    dense : LayerCount
        Fully connected: every hidden unit reads every pixel with its own
        weight, ``(h*w) * (h2*w2)`` weights and ``h2*w2`` biases (the
        chapter's ``W[i,j,k,l]`` and ``U[i,j]``).
    local : LayerCount
        Locality without weight sharing (a *locally connected* layer): every
        hidden unit has its own ``k x k`` window of weights, ``h2*w2*k*k``
        weights and ``h2*w2`` biases.
    conv : LayerCount
        Locality and translation invariance: one shared ``k x k`` kernel and
        one bias, ``k*k + 1`` (the chapter's ``V[a,b]`` and ``u``).
    layers : (LayerCount, LayerCount, LayerCount)
        ``(dense, local, conv)`` (a property).
    ratio : int
        ``dense.total / conv.total``, rounded (a property).

    See Also
    --------
    param_counts : makes these.

    Examples
    --------
    >>> c = param_counts(6, 8, 3, 4, 6)
    >>> [(l.name, l.weights, l.biases) for l in c.layers]
    [('dense', 1152, 24), ('local', 216, 24), ('conv', 9, 1)]
    >>> c.ratio
    118
    """

    image: tuple[int, int]
    hidden: tuple[int, int]
    k: int
    dense: LayerCount
    local: LayerCount
    conv: LayerCount

    @property
    def layers(self) -> tuple[LayerCount, LayerCount, LayerCount]:
        """``(dense, local, conv)``, from most parameters to fewest."""
        return self.dense, self.local, self.conv

    @property
    def ratio(self) -> int:
        """How many times more parameters the dense layer has than the conv layer (rounded)."""
        return round(self.dense.total / self.conv.total)


def param_counts(h: int, w: int, k: int, h2: int | None = None, w2: int | None = None) -> ParamCounts:
    """Exact parameter counts of a dense, a locally connected and a conv layer.

    Parameters
    ----------
    h, w : int
        The image's height and width, each >= 1.
    k : int
        Side of the square window / kernel (卷积核), ``1 <= k <= min(h, w)``.
    h2, w2 : int, optional
        The hidden representation's height and width, each >= 1. Default:
        the image's.

    Returns
    -------
    ParamCounts
        The three layers' weights and biases as exact Python ints (see
        :class:`ParamCounts` for the formulas).

    Raises
    ------
    ValueError
        A size is not a whole number (``bool`` and ``float`` are refused) or
        is below 1, or the kernel is larger than the image.

    See Also
    --------
    ParamCounts : the formulas.
    SEED_CLAIM : the chapter's one-megapixel example.
    tf.keras.layers.Conv2D : its ``count_params()`` is ``conv.total`` for
        one input and one output channel.

    Notes
    -----
    The hidden size does not change the conv layer's count: the kernel is
    shared by every hidden unit.

    Examples
    --------
    The chapter's claim: a dense layer on a one-megapixel image needs 10**12
    weights, a 21x21 convolution 442 parameters:

    >>> c = param_counts(1000, 1000, 21)
    >>> c.dense.weights == 10**12, c.dense.biases, c.local.weights, c.conv.total
    (True, 1000000, 441000000, 442)
    >>> param_counts(4, 4, 5)
    Traceback (most recent call last):
    ...
    ValueError: the kernel 5x5 is larger than the image 4x4; use a kernel of at most 4x4 or a larger image
    >>> param_counts(0, 4, 3)
    Traceback (most recent call last):
    ...
    ValueError: image height must be at least 1, not 0
    """
    h, w = _posint(h, "image height"), _posint(w, "image width")
    h2 = h if h2 is None else _posint(h2, "hidden height")
    w2 = w if w2 is None else _posint(w2, "hidden width")
    k = _posint(k, "kernel size")
    if k > min(h, w):
        m = min(h, w)
        raise ValueError(
            f"the kernel {k}x{k} is larger than the image {h}x{w}; "
            f"use a kernel of at most {m}x{m} or a larger image"
        )
    n_in, n_hidden = h * w, h2 * w2
    return ParamCounts(
        image=(h, w),
        hidden=(h2, w2),
        k=k,
        dense=LayerCount("dense", n_in * n_hidden, n_hidden),
        local=LayerCount("local", n_hidden * k * k, n_hidden),
        conv=LayerCount("conv", k * k, 1),
    )


# The seed: "a multilayer perceptron may need billions of parameters for one
# layer, a CNN usually only a few hundred": a one-megapixel image, a hidden
# layer of the same size, and a window with Δ = 10 (21 x 21).
SEED_CLAIM = dict(h=1000, w=1000, k=21)
# "Billions" is what a far smaller hidden layer needs: 1000 hidden units on
# the same one-megapixel image have 10**9 weights (a 1000x1000 hidden layer:
# 10**12).
SEED_BILLIONS = dict(h=1000, w=1000, k=21, h2=1, w2=1000)


# --- translation --------------------------------------------------------------

PATTERNS = {
    "cross": ((0, 1, 0), (1, 1, 1), (0, 1, 0)),
    "corner": ((1, 1, 1), (1, 0, 0), (1, 0, 0)),
    "diagonal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}
REF_POS = (1, 1)  # top-left of the pattern before it moves: one cell from the border
TRANSLATION_SIZE = 10


def max_offset(n: int = TRANSLATION_SIZE, p: int = 3) -> int:
    """Largest move (down or right) that keeps the pattern inside the image.

    Parameters
    ----------
    n : int, optional
        Side of the square image. Default ``TRANSLATION_SIZE`` (10).
    p : int, optional
        Side of the square pattern. Default 3 (the :data:`PATTERNS`).

    Returns
    -------
    int
        ``n - p - REF_POS[0]``: the pattern starts at :data:`REF_POS`; negative
        if it does not fit at all.

    See Also
    --------
    translation_demo : refuses moves beyond this.

    Examples
    --------
    >>> max_offset()
    6
    >>> max_offset(5, 3)
    1
    """
    return n - p - REF_POS[0]


def place(n: int, pattern, row: int, col: int) -> np.ndarray:
    """An ``n x n`` zero image with ``pattern`` whose top-left cell is at ``(row, col)``.

    Parameters
    ----------
    n : int
        Side of the square image.
    pattern : array_like, 2-D
        The values to place, e.g. one of :data:`PATTERNS`.
    row, col : int
        Where the pattern's top-left cell goes (0-based).

    Returns
    -------
    ndarray of float64, shape (n, n)
        A new array: zeros, with the pattern copied in.

    Raises
    ------
    ValueError
        The pattern does not fit in the image at ``(row, col)`` (including a
        negative ``row`` or ``col``).

    See Also
    --------
    shift : moves a whole image.
    translation_demo : places a pattern twice.

    Examples
    --------
    >>> place(4, [[1, 2], [3, 4]], 1, 2).tolist()
    [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 2.0], [0.0, 0.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0]]
    >>> place(5, [[1, 1], [1, 1]], 4, 0)
    Traceback (most recent call last):
    ...
    ValueError: a 2x2 pattern at (4, 0) does not fit in a 5x5 image
    """
    P = np.asarray(pattern, dtype=float)
    if not (0 <= row <= n - P.shape[0] and 0 <= col <= n - P.shape[1]):
        raise ValueError(
            f"a {P.shape[0]}x{P.shape[1]} pattern at ({row}, {col}) does not fit in a {n}x{n} image"
        )
    X = np.zeros((n, n))
    X[row : row + P.shape[0], col : col + P.shape[1]] = P
    return X


def shift(A, dy: int, dx: int) -> np.ndarray:
    """``A`` moved down by ``dy`` and right by ``dx`` (negative: up/left), zeros shifted in.

    Parameters
    ----------
    A : array_like, 2-D
        The image (or response map) to move.
    dy : int
        Rows to move down (negative: up).
    dx : int
        Columns to move right (negative: left).

    Returns
    -------
    ndarray of float64, shape A.shape
        A new array; what moves past the border is lost (all zeros when
        ``|dy|`` or ``|dx|`` is at least the size).

    See Also
    --------
    numpy.roll : the same, but wrapping around instead of shifting in zeros.
    TranslationDemo : compares responses with ``shift`` of the first one.

    Notes
    -----
    Translation equivariance: away from the border ``corr2d(shift(X, dy,
    dx), K, padding="same") == shift(corr2d(X, K, padding="same"), dy, dx)``.

    Examples
    --------
    >>> shift([[1, 2], [3, 4]], 1, 0).tolist()
    [[0.0, 0.0], [1.0, 2.0]]
    >>> shift([[1, 2], [3, 4]], 0, -1).tolist()
    [[2.0, 0.0], [4.0, 0.0]]
    """
    A = np.asarray(A, dtype=float)
    out = np.zeros_like(A)
    H, W = A.shape
    if abs(dy) >= H or abs(dx) >= W:
        return out
    src = A[max(0, -dy) : H - max(0, dy), max(0, -dx) : W - max(0, dx)]
    out[max(0, dy) : max(0, dy) + src.shape[0], max(0, dx) : max(0, dx) + src.shape[1]] = src
    return out


def lc_weights(n: int, kernel, seed: int = 0, anchor: tuple[int, int] | None = None) -> np.ndarray:
    """Random weights of a locally connected layer on an ``n x n`` image.

    Every one of the ``n x n`` hidden units gets its own window of weights
    (no weight sharing), as :func:`locally_connected` uses them.

    Parameters
    ----------
    n : int
        Side of the square image (and of the hidden representation: 'same'
        padding).
    kernel : array_like, 2-D
        Gives the window shape ``(kh, kw)``, and the weights of the unit at
        ``anchor``.
    seed : int, optional
        Seed of ``numpy.random.default_rng``. Default 0.
    anchor : (int, int) or None, optional
        A hidden unit that gets ``kernel`` itself (as if it had learned the
        pattern there). Default None.

    Returns
    -------
    W : ndarray of float64, shape (n, n, kh, kw)
        ``W[i, j]`` is unit ``(i, j)``'s window: N(0, 1) draws rounded to one
        decimal, ``kernel`` at ``anchor``. The same ``seed`` gives the same
        weights.

    See Also
    --------
    locally_connected : applies them.
    param_counts : counts them (``local``).

    Examples
    --------
    >>> W = lc_weights(10, [[1, 0], [0, 1]], anchor=(2, 3))
    >>> W.shape, W[2, 3].tolist()
    ((10, 10, 2, 2), [[1.0, 0.0], [0.0, 1.0]])
    """
    K = np.asarray(kernel, dtype=float)
    rng = np.random.default_rng(seed)
    W = np.round(rng.standard_normal((n, n, *K.shape)), 1)
    if anchor is not None:
        W[anchor] = K
    return W


def locally_connected(X, W) -> np.ndarray:
    """A locally connected layer with 'same' padding: a cross-correlation whose
    kernel changes from one output cell to the next.

    ``H[i, j] = sum_ab W[i, j, a, b] * P[i + a, j + b]``, where ``P`` is ``X``
    zero-padded (填充) as TensorFlow's 'same' pads it.

    Parameters
    ----------
    X : array_like, shape (H, W)
        The image.
    W : array_like, shape (H, W, kh, kw)
        One window of weights per output cell, e.g. from :func:`lc_weights`.

    Returns
    -------
    ndarray of float64, shape (H, W)
        A new array, as large as ``X``.

    Raises
    ------
    ValueError
        ``W`` is not 4-D or its first two axes are not ``X``'s shape (numpy's
        own messages; no check of its own).

    See Also
    --------
    convcore.corr2d : the same with one shared kernel.
    lc_weights : random unshared weights.

    Notes
    -----
    With every ``W[i, j]`` equal to ``K`` it is ``corr2d(X, K,
    padding="same")``: weight sharing turns it into a convolution.

    Examples
    --------
    >>> from convcore import corr2d
    >>> X, K = np.arange(9.0).reshape(3, 3), np.ones((2, 2))
    >>> locally_connected(X, np.broadcast_to(K, (3, 3, 2, 2))).tolist()
    [[8.0, 12.0, 7.0], [20.0, 24.0, 13.0], [13.0, 15.0, 8.0]]
    >>> corr2d(X, K, padding="same").tolist()
    [[8.0, 12.0, 7.0], [20.0, 24.0, 13.0], [13.0, 15.0, 8.0]]
    """
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    kh, kw = W.shape[2:]
    th, tw = (kh - 1) // 2, (kw - 1) // 2
    P = np.pad(X, ((th, kh - 1 - th), (tw, kw - 1 - tw)))
    patches = np.lib.stride_tricks.sliding_window_view(P, (kh, kw))  # (H, W, kh, kw)
    return np.einsum("ijab,ijab->ij", patches, W)


@dataclass(frozen=True)
class TranslationDemo:
    """A pattern and its moved copy, through a convolution and through an
    unshared (locally connected) layer.

    Frozen; made by :func:`translation_demo`. The four response maps are as
    large as the image.

    Attributes
    ----------
    kernel : ndarray, 2-D
        The pattern, used as the convolution's kernel (卷积核): a matched filter.
    offset : (int, int)
        The move ``(dy, dx)``.
    X0 : ndarray, shape (n, n)
        The pattern at :data:`REF_POS`.
    X1 : ndarray, shape (n, n)
        The pattern moved by ``offset``.
    conv0, conv1 : ndarray, shape (n, n)
        ``corr2d(X0, kernel, padding="same")`` and the same for ``X1``.
    lc0, lc1 : ndarray, shape (n, n)
        :func:`locally_connected` responses to ``X0`` and ``X1``.
    centre0, centre1 : (int, int)
        The pattern's centre before and after the move, where the matched
        kernel responds most.
    conv_diff : float
        Largest ``|conv1 - shift(conv0, *offset)|``: 0 for a convolution
        (translation equivariance; a property).
    lc_diff : float
        The same for the unshared layer: in general not 0 (a property).
    zmax : float
        Largest absolute value of the four response maps, a common colour
        scale for them (a property).
    conv_at_centre, lc_at_centre : (float, float)
        The responses at ``centre0`` and ``centre1`` (properties).

    See Also
    --------
    translation_demo : makes these.

    Examples
    --------
    >>> d = translation_demo("cross", 3, 4)
    >>> d.conv_diff, d.conv_at_centre
    (0.0, (5.0, 5.0))
    """

    kernel: np.ndarray
    offset: tuple[int, int]
    X0: np.ndarray  # pattern at REF_POS
    X1: np.ndarray  # pattern moved by offset
    conv0: np.ndarray
    conv1: np.ndarray
    lc0: np.ndarray
    lc1: np.ndarray
    centre0: tuple[int, int]  # the pattern's centre, where the matched kernel responds most
    centre1: tuple[int, int]

    @property
    def conv_diff(self) -> float:
        """Largest |moved response - first response moved|: 0 for a convolution."""
        return float(np.abs(self.conv1 - shift(self.conv0, *self.offset)).max())

    @property
    def lc_diff(self) -> float:
        """Largest |moved response - first response moved| of the unshared layer."""
        return float(np.abs(self.lc1 - shift(self.lc0, *self.offset)).max())

    @property
    def zmax(self) -> float:
        """Largest absolute value of the four response maps (one colour scale for them)."""
        return float(max(np.abs(m).max() for m in (self.conv0, self.conv1, self.lc0, self.lc1)))

    @property
    def conv_at_centre(self) -> tuple[float, float]:
        """The convolution's response at the pattern's centre, before and after the move."""
        return float(self.conv0[self.centre0]), float(self.conv1[self.centre1])

    @property
    def lc_at_centre(self) -> tuple[float, float]:
        """The unshared layer's response at the pattern's centre, before and after the move."""
        return float(self.lc0[self.centre0]), float(self.lc1[self.centre1])


def translation_demo(pattern: str = "cross", dy: int = 0, dx: int = 0, n: int = TRANSLATION_SIZE,
                     seed: int = 0) -> TranslationDemo:
    """Translation equivariance: a pattern and its moved copy through a
    convolution and through a locally connected layer.

    The pattern sits at :data:`REF_POS` and then moved by ``(dy, dx)``. The
    convolution is 'same'-padded and its kernel (卷积核) is the pattern itself
    (a matched filter); the locally connected layer has unshared weights:
    the pattern at the first centre, random elsewhere (:func:`lc_weights`).

    Parameters
    ----------
    pattern : {'cross', 'corner', 'diagonal'}, optional
        A key of :data:`PATTERNS`. Default ``"cross"``.
    dy, dx : int, optional
        The move down and right, each between 0 and ``max_offset(n, 3)``.
        Default 0.
    n : int, optional
        Side of the square image. Default ``TRANSLATION_SIZE`` (10).
    seed : int, optional
        Seed of the unshared layer's random weights. Default 0.

    Returns
    -------
    TranslationDemo
        The images, the four response maps (shape ``(n, n)``) and the
        pattern's centres; the same arguments give the same result.

    Raises
    ------
    ValueError
        ``pattern`` is not one of :data:`PATTERNS`, or the move is negative
        or larger than :func:`max_offset`.

    See Also
    --------
    shift : moves an image.
    locally_connected : the unshared layer.
    convcore.corr2d : the convolution (a cross-correlation).

    Examples
    --------
    The convolution's response moves with the pattern; the unshared
    layer's does not:

    >>> d = translation_demo("cross", 3, 4)
    >>> d.centre0, d.centre1, d.conv_at_centre
    ((2, 2), (5, 6), (5.0, 5.0))
    >>> d.conv_diff, d.lc_diff > 0
    (0.0, True)
    >>> translation_demo("cross", 7, 0)
    Traceback (most recent call last):
    ...
    ValueError: the move must be between 0 and 6 cells down and right, not (7, 0)
    >>> translation_demo("star")
    Traceback (most recent call last):
    ...
    ValueError: pattern must be one of cross, corner, diagonal, not 'star'
    """
    if pattern not in PATTERNS:
        raise ValueError(f"pattern must be one of {', '.join(PATTERNS)}, not {pattern!r}")
    K = np.asarray(PATTERNS[pattern], dtype=float)
    p = K.shape[0]
    hi = max_offset(n, p)
    if not (0 <= dy <= hi and 0 <= dx <= hi):
        raise ValueError(f"the move must be between 0 and {hi} cells down and right, not ({dy}, {dx})")
    r0, c0 = REF_POS
    X0, X1 = place(n, K, r0, c0), place(n, K, r0 + dy, c0 + dx)
    centre0 = (r0 + p // 2, c0 + p // 2)
    centre1 = (centre0[0] + dy, centre0[1] + dx)
    W = lc_weights(n, K, seed, anchor=centre0)
    return TranslationDemo(
        kernel=K, offset=(dy, dx), X0=X0, X1=X1,
        conv0=corr2d(X0, K, padding="same"), conv1=corr2d(X1, K, padding="same"),
        lc0=locally_connected(X0, W), lc1=locally_connected(X1, W),
        centre0=centre0, centre1=centre1,
    )


# --- locality -----------------------------------------------------------------

LOCALITY_SIZE = 12


@dataclass(frozen=True)
class LocalityWindow:
    """The inputs hidden unit ``(i, j)`` reads with ``|a|, |b| <= delta``:
    its receptive field (感受野) in one layer.

    Frozen; made by :func:`locality_window`.

    Attributes
    ----------
    shape : (int, int)
        The image's ``(H, W)``.
    pixel : (int, int)
        The hidden unit ``(i, j)`` (the window's centre).
    delta : int
        Δ: the window reaches ``delta`` cells each way.
    rows, cols : (int, int)
        Inclusive first and last row / column of the window, clipped to the
        image.
    side : int
        ``2Δ + 1`` (a property).
    window : int
        ``(2Δ + 1)**2``, the kernel's weights (a property).
    inside : int
        Window cells that are real pixels; the rest read zero padding (a
        property). Never more than ``window`` nor ``total``.
    total : int
        Pixels in the image, ``H * W`` (a property).
    outside : int
        ``window - inside``: window cells beyond the border (a property).

    See Also
    --------
    locality_window : makes these.
    locality_mask : the window as an image.

    Examples
    --------
    >>> w = locality_window((12, 12), 5, 5, 1)
    >>> w.side, w.window, w.inside
    (3, 9, 9)
    """

    shape: tuple[int, int]
    pixel: tuple[int, int]
    delta: int
    rows: tuple[int, int]  # inclusive range, clipped to the image
    cols: tuple[int, int]

    @property
    def side(self) -> int:
        """Side of the window, ``2Δ + 1``."""
        return 2 * self.delta + 1

    @property
    def window(self) -> int:
        """(2Δ+1)², the weights of the kernel."""
        return self.side**2

    @property
    def inside(self) -> int:
        """Window cells that are real pixels (the rest read zero padding)."""
        return (self.rows[1] - self.rows[0] + 1) * (self.cols[1] - self.cols[0] + 1)

    @property
    def total(self) -> int:
        """Pixels in the image."""
        return self.shape[0] * self.shape[1]

    @property
    def outside(self) -> int:
        """Window cells beyond the border (they read zero padding): ``window - inside``."""
        return self.window - self.inside


def locality_window(shape, i: int, j: int, delta: int) -> LocalityWindow:
    """The ``(2Δ+1) x (2Δ+1)`` window hidden unit ``(i, j)`` reads (locality).

    Parameters
    ----------
    shape : (int, int)
        The image's ``(H, W)``.
    i, j : int
        The hidden unit (0-based), inside the image.
    delta : int
        Δ >= 0: the window reaches ``delta`` rows and columns each way.

    Returns
    -------
    LocalityWindow
        The window's rows and columns, clipped to the image.

    Raises
    ------
    ValueError
        ``(i, j)`` is outside the image, or ``delta`` is negative.

    See Also
    --------
    locality_mask : the window as an image.
    central_window : the window with the most pixels inside.
    param_counts : what locality saves in parameters.

    Examples
    --------
    Near the top border part of the 5x5 window reads padding:

    >>> w = locality_window((12, 12), 0, 5, 2)
    >>> w.rows, w.cols, w.window, w.inside, w.total
    ((0, 2), (3, 7), 25, 15, 144)
    >>> locality_window((12, 12), 12, 0, 1)
    Traceback (most recent call last):
    ...
    ValueError: pixel (12, 0) is outside the 12x12 image
    >>> locality_window((12, 12), 0, 0, -1)
    Traceback (most recent call last):
    ...
    ValueError: Δ must be 0 or more, not -1
    """
    H, W = shape
    if not (0 <= i < H and 0 <= j < W):
        raise ValueError(f"pixel ({i}, {j}) is outside the {H}x{W} image")
    if delta < 0:
        raise ValueError(f"Δ must be 0 or more, not {delta}")
    return LocalityWindow(
        (H, W), (i, j), delta,
        (max(0, i - delta), min(H - 1, i + delta)),
        (max(0, j - delta), min(W - 1, j + delta)),
    )


def central_window(shape, delta: int) -> LocalityWindow:
    """The ``(2Δ+1) x (2Δ+1)`` window around the pixel nearest the image's centre.

    No pixel's window holds more of the image's pixels, so this is the count
    to quote for "a window of this size on this image": the window is
    clipped to the image like every window.

    Parameters
    ----------
    shape : (int, int)
        The image's ``(H, W)``, each >= 1.
    delta : int
        Δ >= 0.

    Returns
    -------
    LocalityWindow
        :func:`locality_window` at ``((H - 1) // 2, (W - 1) // 2)``; its
        ``inside`` is ``min(H, 2Δ+1) * min(W, 2Δ+1)``.

    Raises
    ------
    ValueError
        A side is below 1, or ``delta`` is negative.

    See Also
    --------
    locality_window : the window of any pixel.

    Examples
    --------
    An 11x11 window does not fit in a 5x7 image: it covers all 35 pixels,
    and 86 of its 121 cells lie beyond the border.

    >>> w = central_window((5, 7), 5)
    >>> w.pixel, w.window, w.inside, w.total, w.outside
    ((2, 3), 121, 35, 35, 86)
    >>> central_window((1000, 1000), 2).inside
    25
    >>> central_window((0, 4), 1)
    Traceback (most recent call last):
    ...
    ValueError: the image must be at least 1x1, not 0x4
    """
    H, W = shape
    if H < 1 or W < 1:
        raise ValueError(f"the image must be at least 1x1, not {H}x{W}")
    return locality_window((H, W), (H - 1) // 2, (W - 1) // 2, delta)


def locality_mask(win: LocalityWindow) -> np.ndarray:
    """The window as an image: 0 outside, 1 inside, 2 at the pixel itself.

    Parameters
    ----------
    win : LocalityWindow
        From :func:`locality_window`.

    Returns
    -------
    ndarray of float64, shape win.shape
        A new array.

    See Also
    --------
    locality_window : the window.

    Examples
    --------
    >>> locality_mask(locality_window((4, 4), 0, 1, 1)).tolist()
    [[1.0, 2.0, 1.0, 0.0], [1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    """
    M = np.zeros(win.shape)
    M[win.rows[0] : win.rows[1] + 1, win.cols[0] : win.cols[1] + 1] = 1
    M[win.pixel] = 2
    return M


# --- channels -----------------------------------------------------------------

CHANNELS, CHANNEL_SIZE = 3, 5


def channel_input(n: int = CHANNEL_SIZE) -> np.ndarray:
    """A 3-channel input of small integers that differ from channel to channel.

    Channel 0 is ``0 .. n*n-1`` row by row, channel 1 its transpose, channel
    2 channel 0 upside down.

    Parameters
    ----------
    n : int, optional
        Side of each channel. Default ``CHANNEL_SIZE`` (5).

    Returns
    -------
    ndarray of float64, shape (3, n, n)
        A new array, channels first as :func:`convcore.corr2d_multi_in` takes it.

    See Also
    --------
    channel_kernel : a matching kernel.
    channel_demo : the two together.

    Examples
    --------
    >>> channel_input(3)[:, 0].tolist()
    [[0.0, 1.0, 2.0], [0.0, 3.0, 6.0], [6.0, 7.0, 8.0]]
    """
    base = np.arange(n * n, dtype=float).reshape(n, n)
    return np.stack([base, base.T, base[::-1]])


def channel_kernel(O: int, C: int = CHANNELS, k: int = 2) -> np.ndarray:
    """A multi-channel kernel (卷积核) of small integers, one slice per
    (output, input) channel pair.

    Slice ``(o, c)`` is ``0 .. k*k-1`` row by row, plus ``c + o`` (the book
    stacks ``K``, ``K + 1``, ``K + 2`` for the output channels).

    Parameters
    ----------
    O : int
        Output channels.
    C : int, optional
        Input channels. Default ``CHANNELS`` (3).
    k : int, optional
        Side of each slice. Default 2.

    Returns
    -------
    ndarray of float64, shape (O, C, k, k)
        A new array, as :func:`convcore.corr2d_multi_in_out` takes it.

    See Also
    --------
    channel_input : a matching input.
    channel_demo : the two together.

    Examples
    --------
    >>> K = channel_kernel(2)
    >>> K.shape, K[1, 2].tolist()
    ((2, 3, 2, 2), [[3.0, 4.0], [5.0, 6.0]])
    """
    base = np.arange(k * k, dtype=float).reshape(k, k)
    return np.stack([np.stack([base + c + o for c in range(C)]) for o in range(O)])


def mixing_weights(O: int, C: int = CHANNELS) -> np.ndarray:
    """Weights of a 1x1 convolution that mixes channels: output 0 adds the
    channels, output 1 is the first channel minus the last.

    Parameters
    ----------
    O : int
        Output channels, 1 or 2 (larger values give 2 rows).
    C : int, optional
        Input channels. Default ``CHANNELS`` (3).

    Returns
    -------
    ndarray of float64, shape (min(O, 2), C)
        A new array; ``W[:, :, None, None]`` is the ``(O, C, 1, 1)`` kernel.

    See Also
    --------
    pixel_mix : applies them at one pixel.

    Examples
    --------
    >>> mixing_weights(2).tolist()
    [[1.0, 1.0, 1.0], [1.0, 0.0, -1.0]]
    """
    rows = [np.ones(C), np.eye(C)[0] - np.eye(C)[-1]]
    return np.stack(rows[:O])


@dataclass(frozen=True)
class ChannelDemo:
    """Multi-channel cross-correlation (互相关运算), one input channel at a time.

    Frozen; made by :func:`channel_demo`.

    Attributes
    ----------
    X : ndarray, shape (C, H, W)
        The input, :func:`channel_input`.
    K : ndarray, shape (O, C, k, k)
        The kernel (卷积核), :func:`channel_kernel`.
    parts : ndarray, shape (O, C, H', W')
        ``parts[o, c] = corr2d(X[c], K[o, c])``, ``H' = H - k + 1``,
        ``W' = W - k + 1``.
    Y : ndarray, shape (O, H', W')
        ``corr2d_multi_in_out(X, K)``.
    sums_match : bool
        Whether every ``Y[o]`` equals ``parts[o].sum(axis=0)`` and
        ``corr2d_multi_in(X, K[o])`` (a property).
    n_params : int
        The layer's parameters, ``O * C * k * k`` weights plus ``O`` biases
        (a property).

    See Also
    --------
    channel_demo : makes these.

    Examples
    --------
    >>> d = channel_demo(O=2, k=2)
    >>> d.parts.shape, d.Y.shape, d.sums_match, d.n_params
    ((2, 3, 4, 4), (2, 4, 4), True, 26)
    """

    X: np.ndarray  # (C, H, W)
    K: np.ndarray  # (O, C, k, k)
    parts: np.ndarray  # (O, C, H', W'): corr2d(X[c], K[o, c])
    Y: np.ndarray  # (O, H', W') = corr2d_multi_in_out(X, K)

    @property
    def sums_match(self) -> bool:
        """Each output channel is the sum of its per-channel maps (and corr2d_multi_in)."""
        return all(
            np.array_equal(self.parts[o].sum(axis=0), self.Y[o])
            and np.array_equal(corr2d_multi_in(self.X, self.K[o]), self.Y[o])
            for o in range(self.Y.shape[0])
        )

    @property
    def n_params(self) -> int:
        """Weights and biases of the layer: ``O * C * kh * kw + O``."""
        O, C, kh, kw = self.K.shape
        return O * C * kh * kw + O


def channel_demo(O: int = 2, k: int = 2, C: int = CHANNELS, n: int = CHANNEL_SIZE) -> ChannelDemo:
    """Cross-correlate the 3-channel :func:`channel_input` with :func:`channel_kernel`,
    channel by channel and as a whole.

    Parameters
    ----------
    O : {1, 2}, optional
        Output channels. Default 2.
    k : int, optional
        Side of the kernel (卷积核), ``1 <= k <= n``. Default 2.
    C : int, optional
        Input channels; must be ``CHANNELS`` (3). Default 3.
    n : int, optional
        Side of the input. Default ``CHANNEL_SIZE`` (5).

    Returns
    -------
    ChannelDemo
        Input, kernel, the per-channel maps ``parts``, shape ``(O, C, n - k
        + 1, n - k + 1)``, and ``Y = corr2d_multi_in_out(X, K)``, shape
        ``(O, n - k + 1, n - k + 1)``.

    Raises
    ------
    ValueError
        ``O`` is not 1 or 2, ``k`` is not between 1 and ``n``, or ``C`` is
        not 3.

    See Also
    --------
    convcore.corr2d_multi_in : one output channel, summed over inputs.
    convcore.corr2d_multi_in_out : several output channels.
    tf.nn.conv2d : the same with ``X`` as ``(1, H, W, C)`` and ``K`` as
        ``(k, k, C, O)``.

    Examples
    --------
    >>> d = channel_demo(O=1, k=2, n=3)
    >>> d.Y.tolist()
    [[[109.0, 159.0], [95.0, 145.0]]]
    >>> d.sums_match
    True
    >>> channel_demo(O=3)
    Traceback (most recent call last):
    ...
    ValueError: the number of output channels must be 1 or 2, not 3
    >>> channel_demo(k=6)
    Traceback (most recent call last):
    ...
    ValueError: the kernel size must be between 1 and 5, not 6
    """
    if O not in (1, 2):
        raise ValueError(f"the number of output channels must be 1 or 2, not {O}")
    if not 1 <= k <= n:
        raise ValueError(f"the kernel size must be between 1 and {n}, not {k}")
    if C != CHANNELS:
        raise ValueError(f"the input has {CHANNELS} channels, not {C}")
    X, K = channel_input(n), channel_kernel(O, C, k)
    parts = np.stack([np.stack([corr2d(X[c], K[o, c]) for c in range(C)]) for o in range(O)])
    return ChannelDemo(X, K, parts, corr2d_multi_in_out(X, K))


@dataclass(frozen=True)
class PixelMix:
    """A 1x1 convolution seen at one pixel: a matrix times the pixel's channel vector.

    Frozen; made by :func:`pixel_mix`.

    Attributes
    ----------
    pixel : (int, int)
        The pixel ``(i, j)``.
    x : ndarray, shape (C,)
        The pixel's channel vector ``X[:, i, j]`` (a copy).
    W : ndarray, shape (O, C)
        The 1x1 weights.
    y : ndarray, shape (O,)
        ``W @ x``, the output channels at the pixel.
    Y : ndarray, shape (O, H, W)
        The whole 1x1 convolution; ``Y[:, i, j]`` equals ``y``.

    See Also
    --------
    pixel_mix : makes these.

    Examples
    --------
    >>> m = pixel_mix(channel_input(3), mixing_weights(2), 0, 1)
    >>> m.x.tolist(), m.y.tolist(), m.Y[:, 0, 1].tolist()
    ([1.0, 3.0, 7.0], [11.0, -6.0], [11.0, -6.0])
    """

    pixel: tuple[int, int]
    x: np.ndarray  # (C,) the pixel's channel vector
    W: np.ndarray  # (O, C)
    y: np.ndarray  # (O,) = W @ x
    Y: np.ndarray  # (O, H, W) the whole 1x1 convolution


def pixel_mix(X, W, i: int, j: int) -> PixelMix:
    """The 1x1 convolution with weights ``W`` at pixel ``(i, j)``: ``y = W @ X[:, i, j]``.

    Parameters
    ----------
    X : array_like, shape (C, H, W)
        The input, channels first.
    W : array_like, shape (O, C)
        The 1x1 weights, one row per output channel, e.g.
        :func:`mixing_weights`.
    i, j : int
        The pixel (0-based), inside the image.

    Returns
    -------
    PixelMix
        ``x = X[:, i, j]``, ``y = W @ x`` and the whole 1x1 convolution
        ``Y = corr2d_multi_in_out(X, W[:, :, None, None])``, shape ``(O, H,
        W)``, whose ``Y[:, i, j]`` is ``y``.

    Raises
    ------
    ValueError
        ``(i, j)`` is outside the image; ``X`` is not 3-D; ``W``'s columns
        are not one per input channel (from
        :func:`convcore.corr2d_multi_in_out`).

    See Also
    --------
    convcore.corr2d_multi_in_out : the whole convolution.
    mixing_weights : example weights.

    Notes
    -----
    A 1x1 kernel has no spatial extent: it mixes channels pixel by pixel, a
    dense layer applied at every pixel with the same weights.

    Examples
    --------
    >>> m = pixel_mix(channel_input(), mixing_weights(2), 1, 2)
    >>> m.x.tolist(), m.y.tolist()
    ([7.0, 11.0, 17.0], [35.0, -10.0])
    >>> pixel_mix(channel_input(), mixing_weights(2), 5, 0)
    Traceback (most recent call last):
    ...
    ValueError: pixel (5, 0) is outside the 5x5 image
    """
    X, W = np.asarray(X, dtype=float), np.asarray(W, dtype=float)
    C, H, Wd = X.shape
    if not (0 <= i < H and 0 <= j < Wd):
        raise ValueError(f"pixel ({i}, {j}) is outside the {H}x{Wd} image")
    Y = corr2d_multi_in_out(X, W[:, :, None, None])
    x = X[:, i, j].copy()
    return PixelMix((i, j), x, W, W @ x, Y)

