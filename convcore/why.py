"""From fully connected layers to convolutions: the arithmetic behind the "Why
convolution" page.

* Parameter counts of a fully connected layer, a locally connected layer (a
  window per hidden unit, weights not shared) and a convolutional layer, as
  exact Python ints (10**12 and beyond do not fit a float exactly).
* Translation: a small pattern moved by ``(dy, dx)``; the convolution's
  response moves with it (equivariance), an unshared layer's does not.
* Locality: the ``(2Δ+1) x (2Δ+1)`` window a hidden unit reads.
* Channels: ``corr2d_multi_in`` / ``corr2d_multi_in_out`` one input channel at
  a time, and the 1x1 convolution as a per-pixel mixing of channels.

Pure numpy; no Streamlit, no plotly.
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
    name: str  # "dense", "local", "conv"
    weights: int
    biases: int

    @property
    def total(self) -> int:
        return self.weights + self.biases

    @property
    def float32_bytes(self) -> int:
        return 4 * self.total


@dataclass(frozen=True)
class ParamCounts:
    """Parameters of one layer mapping an ``h x w`` image to an ``h2 x w2``
    hidden representation (one channel each), three ways:

    - ``dense``: every hidden unit reads every pixel with its own weight:
      ``(h*w) * (h2*w2)`` weights and ``h2*w2`` biases (the seed's
      ``W[i,j,k,l]`` and ``U[i,j]``);
    - ``local``: locality without weight sharing (a *locally connected*
      layer): every hidden unit has its own ``k x k`` window of weights,
      ``h2*w2*k*k`` weights and ``h2*w2`` biases;
    - ``conv``: locality and translation invariance: one shared ``k x k``
      kernel and one bias, ``k*k + 1`` (the seed's ``V[a,b]`` and ``u``).
    """

    image: tuple[int, int]
    hidden: tuple[int, int]
    k: int
    dense: LayerCount
    local: LayerCount
    conv: LayerCount

    @property
    def layers(self) -> tuple[LayerCount, LayerCount, LayerCount]:
        return self.dense, self.local, self.conv

    @property
    def ratio(self) -> int:
        """How many times more parameters the dense layer has than the conv layer (rounded)."""
        return round(self.dense.total / self.conv.total)


def param_counts(h: int, w: int, k: int, h2: int | None = None, w2: int | None = None) -> ParamCounts:
    """Exact parameter counts (Python ints); the hidden size defaults to the image size.

    >>> c = param_counts(1000, 1000, 21)
    >>> c.dense.weights == 10**12, c.dense.biases, c.local.weights, c.conv.total
    (True, 1000000, 441000000, 442)
    >>> param_counts(4, 4, 5)
    Traceback (most recent call last):
    ...
    ValueError: the kernel 5x5 is larger than the image 4x4; use a kernel of at most 4x4 or a larger image
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


# --- translation --------------------------------------------------------------

PATTERNS = {
    "cross": ((0, 1, 0), (1, 1, 1), (0, 1, 0)),
    "corner": ((1, 1, 1), (1, 0, 0), (1, 0, 0)),
    "diagonal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}
REF_POS = (1, 1)  # top-left of the pattern before it moves: one cell from the border
TRANSLATION_SIZE = 10


def max_offset(n: int = TRANSLATION_SIZE, p: int = 3) -> int:
    """Largest move (down or right) that keeps the pattern inside the image."""
    return n - p - REF_POS[0]


def place(n: int, pattern, row: int, col: int) -> np.ndarray:
    """An ``n x n`` zero image with ``pattern`` whose top-left cell is at ``(row, col)``."""
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

    >>> shift([[1, 2], [3, 4]], 1, 0).tolist()
    [[0.0, 0.0], [1.0, 2.0]]
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
    """Weights of a locally connected layer with 'same' padding on an ``n x n``
    image: an own ``k x k`` window for each of the ``n x n`` hidden units,
    shape ``(n, n, k, k)``, drawn from N(0, 1) with ``seed`` and rounded to one
    decimal. With ``anchor``, the unit at ``anchor`` gets ``kernel`` itself (as
    if it had learned the pattern there)."""
    K = np.asarray(kernel, dtype=float)
    rng = np.random.default_rng(seed)
    W = np.round(rng.standard_normal((n, n, *K.shape)), 1)
    if anchor is not None:
        W[anchor] = K
    return W


def locally_connected(X, W) -> np.ndarray:
    """'Same'-padded locally connected layer: ``H[i, j] = sum_ab W[i, j, a, b] *
    P[i + a, j + b]``; with every ``W[i, j]`` equal to ``K`` it is ``corr2d(X, K, 'same')``."""
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    kh, kw = W.shape[2:]
    th, tw = (kh - 1) // 2, (kw - 1) // 2
    P = np.pad(X, ((th, kh - 1 - th), (tw, kw - 1 - tw)))
    patches = np.lib.stride_tricks.sliding_window_view(P, (kh, kw))  # (H, W, kh, kw)
    return np.einsum("ijab,ijab->ij", patches, W)


@dataclass(frozen=True)
class TranslationDemo:
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
        return float(np.abs(self.lc1 - shift(self.lc0, *self.offset)).max())

    @property
    def zmax(self) -> float:
        """One colour scale for the four response maps."""
        return float(max(np.abs(m).max() for m in (self.conv0, self.conv1, self.lc0, self.lc1)))

    @property
    def conv_at_centre(self) -> tuple[float, float]:
        return float(self.conv0[self.centre0]), float(self.conv1[self.centre1])

    @property
    def lc_at_centre(self) -> tuple[float, float]:
        return float(self.lc0[self.centre0]), float(self.lc1[self.centre1])


def translation_demo(pattern: str = "cross", dy: int = 0, dx: int = 0, n: int = TRANSLATION_SIZE,
                     seed: int = 0) -> TranslationDemo:
    """The pattern at ``REF_POS`` and moved by ``(dy, dx)``, through a 'same'
    convolution whose kernel is the pattern (a matched filter) and through a
    locally connected layer with unshared weights (the kernel at the first
    centre, random elsewhere)."""
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
    """The inputs hidden unit ``(i, j)`` reads with ``|a|, |b| <= delta``."""

    shape: tuple[int, int]
    pixel: tuple[int, int]
    delta: int
    rows: tuple[int, int]  # inclusive range, clipped to the image
    cols: tuple[int, int]

    @property
    def side(self) -> int:
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
        return self.shape[0] * self.shape[1]


def locality_window(shape, i: int, j: int, delta: int) -> LocalityWindow:
    """>>> w = locality_window((12, 12), 0, 5, 2)
    >>> w.rows, w.cols, w.window, w.inside, w.total
    ((0, 2), (3, 7), 25, 15, 144)
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


def locality_mask(win: LocalityWindow) -> np.ndarray:
    """0 outside the window, 1 inside, 2 at the pixel itself."""
    M = np.zeros(win.shape)
    M[win.rows[0] : win.rows[1] + 1, win.cols[0] : win.cols[1] + 1] = 1
    M[win.pixel] = 2
    return M


# --- channels -----------------------------------------------------------------

CHANNELS, CHANNEL_SIZE = 3, 5


def channel_input(n: int = CHANNEL_SIZE) -> np.ndarray:
    """A 3-channel ``(3, n, n)`` input of small integers that differ from channel
    to channel: channel 0 is ``0 .. n*n-1`` row by row, channel 1 its transpose,
    channel 2 channel 0 upside down.

    >>> channel_input(3)[:, 0].tolist()
    [[0.0, 1.0, 2.0], [0.0, 3.0, 6.0], [6.0, 7.0, 8.0]]
    """
    base = np.arange(n * n, dtype=float).reshape(n, n)
    return np.stack([base, base.T, base[::-1]])


def channel_kernel(O: int, C: int = CHANNELS, k: int = 2) -> np.ndarray:
    """Kernel ``(O, C, k, k)``: slice ``(o, c)`` is ``0 .. k*k-1`` plus ``c + o``
    (the book stacks ``K``, ``K + 1``, ``K + 2`` for the output channels)."""
    base = np.arange(k * k, dtype=float).reshape(k, k)
    return np.stack([np.stack([base + c + o for c in range(C)]) for o in range(O)])


def mixing_weights(O: int, C: int = CHANNELS) -> np.ndarray:
    """1x1 weights ``(O, C)``: output 0 adds the channels, output 1 is channel 0 minus channel 2."""
    rows = [np.ones(C), np.eye(C)[0] - np.eye(C)[-1]]
    return np.stack(rows[:O])


@dataclass(frozen=True)
class ChannelDemo:
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
        O, C, kh, kw = self.K.shape
        return O * C * kh * kw + O


def channel_demo(O: int = 2, k: int = 2, C: int = CHANNELS, n: int = CHANNEL_SIZE) -> ChannelDemo:
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
    pixel: tuple[int, int]
    x: np.ndarray  # (C,) the pixel's channel vector
    W: np.ndarray  # (O, C)
    y: np.ndarray  # (O,) = W @ x
    Y: np.ndarray  # (O, H, W) the whole 1x1 convolution



def pixel_mix(X, W, i: int, j: int) -> PixelMix:
    """The 1x1 convolution with weights ``W`` ``(O, C)`` at pixel ``(i, j)``:
    ``y = W @ X[:, i, j]``, checked against ``corr2d_multi_in_out``."""
    X, W = np.asarray(X, dtype=float), np.asarray(W, dtype=float)
    C, H, Wd = X.shape
    if not (0 <= i < H and 0 <= j < Wd):
        raise ValueError(f"pixel ({i}, {j}) is outside the {H}x{Wd} image")
    Y = corr2d_multi_in_out(X, W[:, :, None, None])
    x = X[:, i, j].copy()
    return PixelMix((i, j), x, W, W @ x, Y)


# --- code for the expanders ---------------------------------------------------


