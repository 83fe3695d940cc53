"""Learning a kernel (学习卷积核) from an input ``X`` and its output ``Y``.

The chapter's experiment: start from a random kernel and, epoch by epoch,
compare the layer's output with ``Y`` (sum of squared errors, 损失), take the
gradient with ``tf.GradientTape`` and step the kernel (卷积核) against it with
the learning rate (学习率) ``lr``. :func:`learn_kernel` does this with
TensorFlow, either with Keras' built-in ``Conv2D`` or with the chapter's own
``Conv2D`` layer built on a ``corr2d`` written in TensorFlow ops.

TensorFlow is imported inside the functions that need it (``import
convcore.training`` loads numpy only). The rest (the problems, the random
starting kernel, the numpy gradient and Hessian, the stable learning-rate
bound) is numpy.

The loss is quadratic in the kernel: ``L(K) = sum((corr2d(X, K) - Y)^2)``
has the constant Hessian ``H = 2 * sum_windows x x^T`` (``x`` a window of
``X``, flattened), so plain gradient descent converges exactly when
``lr < 2 / lambda_max(H)`` (:func:`stable_lr_bound`); for the chapter's data
that is 1/30, just above its ``lr = 3e-2``.
"""
from __future__ import annotations

import functools
import io
import math
import os
import threading
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np

from . import seed
from .kernels import preset as kernel_preset
from ._ops import as_matrix, corr2d

__all__ = [
    "OPTIMIZERS",
    "LAYERS",
    "PROBLEMS",
    "MOMENTUM",
    "Record",
    "Problem",
    "edge_image",
    "texture_image",
    "problem",
    "initial_kernel",
    "numpy_gradient",
    "hessian",
    "stable_lr_bound",
    "suggested_lr",
    "load_tensorflow",
    "learn_kernel",
]

OPTIMIZERS = ("sgd", "momentum", "adam")
LAYERS = ("keras", "own")
PROBLEMS = ("seed", "sobel", "custom")
MOMENTUM = 0.9  # the heavy-ball coefficient of the "momentum" optimizer
ADAM = dict(beta_1=0.9, beta_2=0.999, epsilon=1e-7)  # Keras' defaults
DIVERGE_FACTOR = 1e6  # loss > this many times the first loss: exploding
GROWTH_FACTOR, GROWTH_EPOCHS = 1e3, 3  # or > 1e3 times it after 3 rising epochs in a row

SOBEL_X = kernel_preset("sobel_x")
SEED_KERNEL = seed.EDGE_K
# What the chapter prints (its initial kernel came from Keras' random initializer).
SEED_LOG = {2: 4.427, 4: 0.759, 6: 0.134, 8: 0.025, 10: 0.005}


# ---------------------------------------------------------------- problems


edge_image = seed.edge_image  # the chapter's 6x8 image


def texture_image(n: int = 16, seed: int = 0) -> np.ndarray:
    """An ``n x n`` synthetic image in [0, 1]: a bright disc on a dark
    background with grain (uniform noise).

    Every direction of a small kernel (卷积核) is seen in it, so learning a
    kernel from it is a well-conditioned problem that trains in ~100 epochs
    (the chapter's edge image only constrains ``[1, -1]``-like kernels).

    Parameters
    ----------
    n : int, optional
        Side of the image, at least 4. Default 16.
    seed : int, optional
        Seed of ``numpy.random.default_rng`` for the grain. Default 0.

    Returns
    -------
    ndarray of float64, shape (n, n)
        A new array, ``0.4 * disc + 0.6 * noise``; the same ``n`` and
        ``seed`` give the same image.

    Raises
    ------
    ValueError
        ``n`` is below 4.

    See Also
    --------
    problem : uses it for the ``"sobel"`` and ``"custom"`` problems.
    edge_image : the chapter's image.

    Examples
    --------
    >>> X = texture_image(16)
    >>> X.shape, bool(0 <= X.min() and X.max() <= 1)
    ((16, 16), True)
    >>> texture_image(3)
    Traceback (most recent call last):
    ...
    ValueError: the synthetic image needs at least 4x4 pixels, not 3x3
    """
    if n < 4:
        raise ValueError(f"the synthetic image needs at least 4x4 pixels, not {n}x{n}")
    rng = np.random.default_rng(seed)
    r = (np.arange(n) - (n - 1) / 2) / (n / 2)
    disc = (r[:, None] ** 2 + r[None, :] ** 2 < 0.55**2).astype(float)
    return 0.4 * disc + 0.6 * rng.random((n, n))


@dataclass(frozen=True)
class Problem:
    """What to learn: the input ``X``, the true kernel ``K`` and ``Y = corr2d(X, K)``.

    Frozen; made by :func:`problem`.

    Attributes
    ----------
    name : {'seed', 'sobel', 'custom'}
        Which problem.
    X : ndarray of float64, shape (h, w)
        The input.
    K : ndarray of float64, shape (kh, kw)
        The true kernel (卷积核), the one to learn.
    Y : ndarray of float64, shape (h - kh + 1, w - kw + 1)
        The target, ``corr2d(X, K)`` (no padding, stride 1).

    See Also
    --------
    problem : makes these.
    learn_kernel : learns ``K`` back from ``X`` and ``Y``.

    Examples
    --------
    >>> p = problem("sobel")
    >>> p.name, p.X.shape, p.K.shape, p.Y.shape
    ('sobel', (16, 16), (3, 3), (14, 14))
    """

    name: str
    X: np.ndarray
    K: np.ndarray
    Y: np.ndarray


def problem(name: str = "seed", K=None, image_size: int = 16) -> Problem:
    """A kernel-learning problem: an input, a true kernel and their output.

    Parameters
    ----------
    name : {'seed', 'sobel', 'custom'}, optional
        ``"seed"``: the chapter's problem, learn ``[1, -1]`` from the 6x8
        edge image; ``"sobel"``: the 3x3 Sobel x kernel from
        :func:`texture_image`; ``"custom"``: the kernel ``K`` from
        :func:`texture_image`. Default ``"seed"``.
    K : array_like, 2-D, optional
        The target kernel (卷积核) of ``"custom"``, at most ``image_size // 2``
        on each side; ignored by the other problems.
    image_size : int, optional
        Side of the synthetic image of ``"sobel"`` and ``"custom"``. Default 16.

    Returns
    -------
    Problem
        ``X``, ``K`` (new float64 arrays) and ``Y = corr2d(X, K)``, shape
        ``(h - kh + 1, w - kw + 1)``.

    Raises
    ------
    ValueError
        ``name`` is unknown; ``"custom"`` without ``K``, with a ``K`` that is
        not a non-empty 2-D array of finite numbers, or with a ``K`` larger
        than ``image_size // 2``; ``image_size`` below 4.

    See Also
    --------
    learn_kernel : learns ``K`` back.
    stable_lr_bound : how large a learning rate the problem allows.

    Examples
    --------
    >>> p = problem("seed")
    >>> p.X.shape, p.Y.shape, p.K.tolist()
    ((6, 8), (6, 7), [[1.0, -1.0]])
    >>> problem("custom", K=[[0, 1], [1, 0]], image_size=8).Y.shape
    (7, 7)
    >>> problem("custom")
    Traceback (most recent call last):
    ...
    ValueError: the custom problem needs a target kernel K
    >>> problem("custom", K=np.ones((9, 9)))
    Traceback (most recent call last):
    ...
    ValueError: target kernel 9x9 is too large to learn from a 16x16 image; use at most 8x8
    """
    if name == "seed":
        X, K = edge_image(), SEED_KERNEL.copy()
    elif name == "sobel":
        X, K = texture_image(image_size), SOBEL_X.copy()
    elif name == "custom":
        if K is None:
            raise ValueError("the custom problem needs a target kernel K")
        K = as_matrix(K, "target kernel K").astype(np.float64)
        X = texture_image(image_size)
        if K.shape[0] > image_size // 2 or K.shape[1] > image_size // 2:
            raise ValueError(
                f"target kernel {K.shape[0]}x{K.shape[1]} is too large to learn from a "
                f"{image_size}x{image_size} image; use at most {image_size // 2}x{image_size // 2}"
            )
    else:
        raise ValueError(f"unknown problem {name!r}; use one of {', '.join(PROBLEMS)}")
    return Problem(name, X, K, corr2d(X, K))


def initial_kernel(kernel_shape, seed: int = 0) -> np.ndarray:
    """The random starting kernel (卷积核) of :func:`learn_kernel`.

    Keras' default (Glorot uniform) distribution for a one-channel
    ``Conv2D``, ``U(-l, l)`` with ``l = sqrt(6 / (2 kh kw))``, but drawn by
    numpy's ``default_rng(seed)``, so the same seed gives the same start for
    both layers (``"keras"`` and ``"own"``) and every TensorFlow version.

    Parameters
    ----------
    kernel_shape : (int, int)
        ``(kh, kw)``, each >= 1.
    seed : int, optional
        Seed of ``numpy.random.default_rng``. Default 0.

    Returns
    -------
    ndarray of float32, shape (kh, kw)
        A new array, every value in ``(-l, l)``.

    Raises
    ------
    ValueError
        ``kernel_shape`` is not two integers, or one is below 1.

    See Also
    --------
    learn_kernel : starts from this kernel.
    tf.keras.initializers.GlorotUniform : the same distribution, another
        random stream.

    Examples
    --------
    >>> K = initial_kernel((1, 2), 0)
    >>> K.shape, K.dtype.name, bool(abs(K).max() < np.sqrt(6 / 4))
    ((1, 2), 'float32', True)
    >>> initial_kernel((0, 2))
    Traceback (most recent call last):
    ...
    ValueError: kernel_shape must be at least (1, 1), not (0, 2)
    """
    kh, kw = _kernel_shape(kernel_shape)
    limit = math.sqrt(6.0 / (2 * kh * kw))
    return np.random.default_rng(seed).uniform(-limit, limit, (kh, kw)).astype(np.float32)


def _kernel_shape(kernel_shape) -> tuple[int, int]:
    try:
        kh, kw = (int(v) for v in kernel_shape)
    except (TypeError, ValueError):
        raise ValueError(f"kernel_shape must be (height, width), not {kernel_shape!r}") from None
    if kh < 1 or kw < 1:
        raise ValueError(f"kernel_shape must be at least (1, 1), not {(kh, kw)}")
    return kh, kw


def _check_xy(X, Y, kernel_shape):
    X = as_matrix(X, "input X").astype(np.float64)
    Y = as_matrix(Y, "output Y").astype(np.float64)
    kh, kw = _kernel_shape(kernel_shape)
    if kh > X.shape[0] or kw > X.shape[1]:
        raise ValueError(f"kernel {kh}x{kw} does not fit in the input {X.shape[0]}x{X.shape[1]}; use a smaller kernel")
    want = (X.shape[0] - kh + 1, X.shape[1] - kw + 1)
    if Y.shape != want:
        raise ValueError(
            f"output Y is {Y.shape[0]}x{Y.shape[1]} but a {kh}x{kw} kernel on a "
            f"{X.shape[0]}x{X.shape[1]} input gives {want[0]}x{want[1]}"
        )
    return X, Y, (kh, kw)


# ------------------------------------------------------------ the quadratic


def numpy_gradient(X, Y, K) -> np.ndarray:
    """Gradient of the loss in the kernel, in numpy: ``dL/dK`` of ``L = sum((corr2d(X, K) - Y)^2)``.

    Parameters
    ----------
    X : array_like, shape (h, w)
        The input.
    Y : array_like, shape (h - kh + 1, w - kw + 1)
        The target output.
    K : array_like, shape (kh, kw)
        The kernel (卷积核) at which to take the gradient.

    Returns
    -------
    ndarray of float64, shape (kh, kw)
        ``2 * corr2d(X, corr2d(X, K) - Y)``: the cross-correlation (互相关运算)
        of the input with the residual.

    Raises
    ------
    ValueError
        ``X``, ``Y`` or ``K`` is not a non-empty 2-D array of finite numbers;
        ``K`` does not fit in ``X``; ``Y``'s shape is not the output shape.

    See Also
    --------
    hessian : the second derivative (constant).
    learn_kernel : the same gradient through ``tf.GradientTape``.

    Notes
    -----
    One plain gradient-descent step is ``K - lr * numpy_gradient(X, Y, K)``,
    the chapter's update.

    Examples
    --------
    At the true kernel the gradient is zero:

    >>> from convcore import corr2d
    >>> numpy_gradient(edge_image(), corr2d(edge_image(), [[1, -1]]), [[1, -1]]).tolist()
    [[0.0, 0.0]]
    >>> numpy_gradient(edge_image(), np.zeros((6, 7)), [[1, 0]]).tolist()
    [[36.0, 24.0]]
    >>> numpy_gradient(edge_image(), np.zeros((6, 6)), [[1, -1]])
    Traceback (most recent call last):
    ...
    ValueError: output Y is 6x6 but a 1x2 kernel on a 6x8 input gives 6x7
    """
    K = as_matrix(K, "kernel K").astype(np.float64)
    X, Y, _ = _check_xy(X, Y, K.shape)
    return 2.0 * corr2d(X, corr2d(X, K) - Y)


def hessian(X, kernel_shape, bias: bool = False) -> np.ndarray:
    """The (constant) Hessian of the loss ``sum((corr2d(X, K) [+ b] - Y)^2)`` in the kernel.

    Parameters
    ----------
    X : array_like, shape (h, w)
        The input.
    kernel_shape : (int, int)
        ``(kh, kw)``, each >= 1, fitting in ``X``.
    bias : bool, optional
        Add the bias as a last coordinate (its ``x`` is 1). Default False.

    Returns
    -------
    ndarray of float64, shape (m, m)
        ``2 * sum_windows x x^T``, ``x`` a window of ``X`` flattened
        row-major (the kernel's coordinates), ``m = kh * kw`` (+1 with
        ``bias``). Symmetric and positive semi-definite; it does not depend
        on ``Y`` or on the kernel.

    Raises
    ------
    ValueError
        ``X`` is not a non-empty 2-D array of finite numbers,
        ``kernel_shape`` is not two integers >= 1, or the kernel does not
        fit in ``X``.

    See Also
    --------
    stable_lr_bound : from its largest eigenvalue.
    numpy_gradient : the first derivative.

    Examples
    --------
    >>> hessian(edge_image(), (1, 2)).tolist()
    [[36.0, 24.0], [24.0, 36.0]]
    >>> hessian(edge_image(), (1, 2), bias=True).shape
    (3, 3)
    >>> hessian(edge_image(), (7, 1))
    Traceback (most recent call last):
    ...
    ValueError: kernel 7x1 does not fit in the input 6x8; use a smaller kernel
    """
    X = as_matrix(X, "input X").astype(np.float64)
    kh, kw = _kernel_shape(kernel_shape)
    H, W = X.shape[0] - kh + 1, X.shape[1] - kw + 1
    if H < 1 or W < 1:
        raise ValueError(f"kernel {kh}x{kw} does not fit in the input {X.shape[0]}x{X.shape[1]}; use a smaller kernel")
    cols = [X[a : a + H, b : b + W].reshape(-1) for a in range(kh) for b in range(kw)]
    if bias:
        cols.append(np.ones(H * W))
    A = np.stack(cols, axis=1)  # one row per window
    return 2.0 * A.T @ A


def stable_lr_bound(X, kernel_shape, bias: bool = False, momentum: float = 0.0) -> float:
    """The learning rate (学习率) above which gradient descent on this problem diverges.

    Parameters
    ----------
    X : array_like, shape (h, w)
        The input.
    kernel_shape : (int, int)
        ``(kh, kw)``, each >= 1, fitting in ``X``.
    bias : bool, optional
        The layer also learns a bias. Default False.
    momentum : float, optional
        Heavy-ball momentum coefficient ``m`` (``MOMENTUM`` for the
        ``"momentum"`` optimizer). Default 0 (plain gradient descent).

    Returns
    -------
    float
        ``2 / lambda_max`` of :func:`hessian` (``2 (1 + m) / lambda_max``
        with momentum); ``math.inf`` for an all-zero input, whose loss does
        not depend on the kernel.

    Raises
    ------
    ValueError
        As for :func:`hessian`.

    See Also
    --------
    suggested_lr : a rate safely below this bound.
    hessian : the matrix whose eigenvalue sets it.

    Notes
    -----
    The loss is quadratic in the kernel, so gradient descent converges
    exactly when ``lr`` is below this bound and grows geometrically above
    it. It does not apply to Adam, whose steps are normalised.

    Examples
    --------
    For the chapter's data the bound is 1/30, just above its ``lr = 3e-2``:

    >>> round(stable_lr_bound(edge_image(), (1, 2)), 6)
    0.033333
    >>> stable_lr_bound(np.zeros((3, 3)), (2, 2))
    inf
    >>> stable_lr_bound(edge_image(), (7, 1))
    Traceback (most recent call last):
    ...
    ValueError: kernel 7x1 does not fit in the input 6x8; use a smaller kernel
    """
    lam = float(np.linalg.eigvalsh(hessian(X, kernel_shape, bias))[-1])
    if lam <= 0:
        return math.inf  # an all-zero input: the loss does not depend on the kernel
    return 2.0 * (1.0 + momentum) / lam


ADAM_LR = 0.1  # the suggested rate for Adam, which has no stable bound


def suggested_lr(X, kernel_shape, bias: bool = False, optimizer: str = "sgd") -> float:
    """A learning rate (学习率) for this problem and optimizer, safely below
    its stable bound.

    Parameters
    ----------
    X : array_like, shape (h, w)
        The input.
    kernel_shape : (int, int)
        ``(kh, kw)``, each >= 1, fitting in ``X``.
    bias : bool, optional
        The layer also learns a bias (this lowers the bound). Default False.
    optimizer : {'sgd', 'momentum', 'adam'}, optional
        The optimizer of :func:`learn_kernel`. Default ``"sgd"``.

    Returns
    -------
    float
        ``"sgd"`` and ``"momentum"``: 0.9 of plain gradient descent's bound
        ``stable_lr_bound(X, kernel_shape, bias)``, rounded to two
        significant digits (so at most 0.945 of it); 0.03 (the chapter's
        rate) when the bound is infinite. ``"adam"``: ``ADAM_LR`` (0.1).

    Raises
    ------
    ValueError
        As for :func:`hessian`; ``optimizer`` is unknown.

    See Also
    --------
    stable_lr_bound : the bound itself.

    Notes
    -----
    With momentum ``m`` the bound is ``1 + m`` times higher, but the same
    rate as plain gradient descent is suggested: it sits at about half of
    momentum's bound, where heavy-ball momentum already converges at its
    best rate ``sqrt(m)`` per epoch on every well-conditioned direction,
    and it stays stable when momentum is switched off. Adam normalises its
    steps (each weight moves by at most about ``lr`` per epoch), so no
    bound applies; 0.1 carries a weight of size 1-3 to its value in tens of
    epochs and then settles.

    Examples
    --------
    >>> suggested_lr(edge_image(), (1, 2))
    0.03
    >>> p = problem("sobel")
    >>> suggested_lr(p.X, (3, 3)), suggested_lr(p.X, (3, 3), bias=True)
    (0.0023, 0.0016)
    >>> round(stable_lr_bound(p.X, (3, 3), bias=True), 6)
    0.001728
    >>> suggested_lr(p.X, (3, 3), optimizer="momentum"), suggested_lr(p.X, (3, 3), optimizer="adam")
    (0.0023, 0.1)
    >>> suggested_lr(edge_image(), (1, 9))
    Traceback (most recent call last):
    ...
    ValueError: kernel 1x9 does not fit in the input 6x8; use a smaller kernel
    >>> suggested_lr(edge_image(), (1, 2), optimizer="rmsprop")
    Traceback (most recent call last):
    ...
    ValueError: unknown optimizer 'rmsprop'; use one of sgd, momentum, adam
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; use one of {', '.join(OPTIMIZERS)}")
    b = 0.9 * stable_lr_bound(X, kernel_shape, bias)  # validates X and kernel_shape for Adam too
    if optimizer == "adam":
        return ADAM_LR
    if not math.isfinite(b):
        return 0.03
    return float(f"{b:.2g}")


# --------------------------------------------------------------- training


@dataclass(frozen=True)
class Record:
    """One epoch (迭代周期) of :func:`learn_kernel`: ``loss`` before its update,
    ``kernel`` after it.

    Frozen.

    Attributes
    ----------
    epoch : int
        1-based epoch number.
    loss : float
        Sum of squared errors before this epoch's update, as the chapter
        prints it.
    kernel : ndarray of float64, shape kernel_shape
        The kernel (卷积核) after the update (left out of ``repr``).
    bias : float or None
        The bias after the update, or None when there is no bias.
    diverged : bool
        True when the loss is not finite or is exploding; the run stops
        after this record.

    See Also
    --------
    learn_kernel : yields these.

    Examples
    --------
    >>> Record(1, 4.42, np.zeros((1, 2)))
    Record(epoch=1, loss=4.42, bias=None, diverged=False)
    """

    epoch: int
    loss: float
    kernel: np.ndarray = field(repr=False)
    bias: float | None = None
    diverged: bool = False


def load_tensorflow():
    """Import TensorFlow (quietly) and return the module.

    Returns
    -------
    module
        ``tensorflow``. The first call takes ~2-3 s; later ones are free.

    Raises
    ------
    ImportError
        TensorFlow is not installed.

    See Also
    --------
    learn_kernel : calls this when its first epoch runs.

    Notes
    -----
    Sets ``TF_CPP_MIN_LOG_LEVEL=3`` (unless already set) to silence
    TensorFlow's C++ start-up logs. Thread-safe: a call made while another
    thread imports waits for that import. ``import convcore.training`` does not
    import TensorFlow; this does.

    Examples
    --------
    >>> load_tensorflow().__name__
    'tensorflow'
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    with _IMPORTING:  # one thread at a time: two importing TensorFlow at once can deadlock on import locks
        import tensorflow as tf

    return tf


_IMPORTING = threading.Lock()


@functools.lru_cache(maxsize=None)
def _own_layer_class():
    """The chapter's own ``Conv2D`` layer, on a ``corr2d`` in TensorFlow ops."""
    tf = load_tensorflow()

    def tf_corr2d(X, K):
        """Cross-correlation as a sum of shifted slices: one multiply-add per tap."""
        kh, kw = K.shape
        H, W = X.shape[0] - kh + 1, X.shape[1] - kw + 1
        Y = None
        for a in range(kh):
            for b in range(kw):
                term = X[a : a + H, b : b + W] * K[a, b]
                Y = term if Y is None else Y + term
        return Y

    class Conv2D(tf.keras.layers.Layer):
        def __init__(self, kernel_size, use_bias=False):
            super().__init__()
            self.kernel_size, self.use_bias = tuple(kernel_size), use_bias

        def build(self, input_shape):
            self.weight = self.add_weight(name="w", shape=self.kernel_size, initializer="zeros")
            if self.use_bias:
                self.bias = self.add_weight(name="b", shape=(1,), initializer="zeros")

        def call(self, inputs):
            Y = tf_corr2d(inputs, self.weight)
            return Y + self.bias if self.use_bias else Y

    Conv2D.tf_corr2d = staticmethod(tf_corr2d)
    return Conv2D


def _setup(tf, X, Y, kernel_shape, layer, bias, K0):
    """The layer (weights set to ``K0``, bias 0), its input/target tensors and
    a function reading its kernel as ``kernel_shape``."""
    if layer == "keras":
        conv = tf.keras.layers.Conv2D(1, kernel_shape, use_bias=bias)
        x = tf.constant(X[None, :, :, None], tf.float32)
        y = tf.constant(Y[None, :, :, None], tf.float32)
        conv.build(x.shape)
        conv.kernel.assign(K0[:, :, None, None])
        kernel = conv.kernel
    else:
        conv = _own_layer_class()(kernel_shape, use_bias=bias)
        x = tf.constant(X, tf.float32)
        y = tf.constant(Y, tf.float32)
        conv.build(x.shape)
        conv.weight.assign(K0)
        kernel = conv.weight
    return conv, x, y, kernel


def _optimizer(tf, name, lr):
    if name == "sgd":
        return None  # the chapter's own update: w <- w - lr * grad
    if name == "momentum":
        return tf.keras.optimizers.SGD(learning_rate=lr, momentum=MOMENTUM)
    return tf.keras.optimizers.Adam(learning_rate=lr, **ADAM)


def learn_kernel(
    X,
    Y,
    kernel_shape,
    lr: float = 3e-2,
    epochs: int = 10,
    seed: int = 0,
    optimizer: str = "sgd",
    layer: str = "keras",
    bias: bool = False,
    diverge_factor: float = DIVERGE_FACTOR,
    compiled: bool = False,
) -> Iterator[Record]:
    """Learn a ``kernel_shape`` kernel (学习卷积核) that maps ``X`` to ``Y`` with TensorFlow.

    Each epoch (迭代周期) computes the layer's output, the loss
    ``sum((output - Y)^2)`` and its gradient with ``tf.GradientTape``, and
    updates the kernel (and bias) with the optimizer.

    Parameters
    ----------
    X : array_like, shape (h, w)
        The input.
    Y : array_like, shape (h - kh + 1, w - kw + 1)
        The target output (no padding, stride 1).
    kernel_shape : (int, int)
        ``(kh, kw)`` of the kernel to learn, each >= 1, fitting in ``X``.
    lr : float, optional
        Learning rate (学习率), > 0. Default ``3e-2``, the chapter's.
    epochs : int, optional
        Number of epochs, >= 1. Default 10.
    seed : int, optional
        Seed of the starting kernel, :func:`initial_kernel`. Default 0.
    optimizer : {'sgd', 'momentum', 'adam'}, optional
        ``"sgd"``: plain gradient descent, the chapter's update
        ``w <- w - lr * grad``; ``"momentum"``: Keras' SGD with heavy-ball
        momentum ``MOMENTUM`` (0.9); ``"adam"``: Keras' Adam. Default ``"sgd"``.
    layer : {'keras', 'own'}, optional
        ``"keras"``: ``tf.keras.layers.Conv2D(1, kernel_shape)``; ``"own"``:
        the chapter's ``Conv2D`` layer on a ``corr2d`` written with
        TensorFlow slices. Default ``"keras"``.
    bias : bool, optional
        Also learn a bias (starting at 0). Default False.
    diverge_factor : float, optional
        A loss above this many times the first loss counts as diverged.
        Default ``DIVERGE_FACTOR`` (1e6).
    compiled : bool, optional
        Run the step as a ``tf.function`` (~0.3 ms per epoch on the chapter's
        problem, but tracing costs 0.1-0.8 s on the first epoch) instead of
        eagerly (~1.5-3 ms per epoch, no start-up cost): worth it for long
        runs. Default False.

    Returns
    -------
    iterator of Record
        One :class:`Record` per epoch: ``.epoch`` (1-based), ``.loss`` (before
        that epoch's update), ``.kernel`` (numpy float64, shape
        ``kernel_shape``, after the update), ``.bias`` (after the update, or
        None) and ``.diverged``. At most ``epochs`` records; the iterator
        stops after the first with ``.diverged`` True.

    Raises
    ------
    ValueError
        ``X`` or ``Y`` is not a non-empty 2-D array of finite numbers;
        ``kernel_shape`` is not two integers >= 1 or does not fit in ``X``;
        ``Y``'s shape is not the output shape; ``lr`` is not a positive
        finite number; ``epochs`` is below 1; ``optimizer`` or ``layer`` is
        unknown. Raised by the call itself, before TensorFlow is imported.
    ImportError
        TensorFlow is not installed (raised by the first ``next()``).

    See Also
    --------
    problem : ready-made ``X``, ``Y`` and true kernels.
    stable_lr_bound : the largest ``lr`` plain gradient descent survives.
    numpy_gradient : the gradient in numpy.
    tf.keras.layers.Conv2D : the ``"keras"`` layer (it cross-correlates).

    Notes
    -----
    A run is diverged once the loss is not finite or exceeds
    ``diverge_factor`` times the first loss, or exceeds ``GROWTH_FACTOR``
    (1e3) times the first after ``GROWTH_EPOCHS`` (3) rising epochs in a row:
    on a quadratic loss that is geometric growth, a learning rate past
    :func:`stable_lr_bound`. The start is :func:`initial_kernel`
    ``(kernel_shape, seed)`` and the bias starts at 0, so the same arguments
    give the same run, with either layer.

    Examples
    --------
    The chapter's experiment: learn ``[1, -1]`` from the edge image,
    printing the loss every 2 epochs:

    >>> p = problem("seed")
    >>> for r in learn_kernel(p.X, p.Y, (1, 2), lr=3e-2, epochs=10):
    ...     if r.epoch % 2 == 0:
    ...         print(f"epoch {r.epoch}, loss {r.loss:.3f}")
    epoch 2, loss 1.989
    epoch 4, loss 0.455
    epoch 6, loss 0.126
    epoch 8, loss 0.041
    epoch 10, loss 0.015
    >>> r.kernel.round(2).tolist()
    [[0.98, -1.01]]

    Above the stable bound (1/30 here) the loss explodes and the run stops:

    >>> records = list(learn_kernel(p.X, p.Y, (1, 2), lr=0.05, epochs=50))
    >>> len(records), records[-1].diverged
    (8, True)
    >>> learn_kernel(p.X, p.Y, (2, 2))
    Traceback (most recent call last):
    ...
    ValueError: output Y is 6x7 but a 2x2 kernel on a 6x8 input gives 5x7
    >>> learn_kernel(p.X, p.Y, (1, 2), optimizer="rmsprop")
    Traceback (most recent call last):
    ...
    ValueError: unknown optimizer 'rmsprop'; use one of sgd, momentum, adam
    """
    X, Y, kernel_shape = _check_xy(X, Y, kernel_shape)
    if not (isinstance(lr, (int, float, np.floating)) and math.isfinite(lr) and lr > 0):
        raise ValueError(f"the learning rate must be a positive number, not {lr!r}")
    if int(epochs) < 1:
        raise ValueError(f"epochs must be at least 1, not {epochs}")
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; use one of {', '.join(OPTIMIZERS)}")
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; use one of {', '.join(LAYERS)}")
    return _train(X, Y, kernel_shape, float(lr), int(epochs), int(seed), optimizer, layer, bool(bias),
                  diverge_factor, bool(compiled))


def _train(X, Y, kernel_shape, lr, epochs, seed, optimizer, layer, bias, diverge_factor, compiled):
    tf = load_tensorflow()
    K0 = initial_kernel(kernel_shape, seed)
    conv, x, y, kernel = _setup(tf, X, Y, kernel_shape, layer, bias, K0)
    variables = conv.trainable_variables
    opt = _optimizer(tf, optimizer, lr)
    if opt is not None:
        opt.build(variables)
    rate = tf.constant(lr, tf.float32)

    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(conv(x) - y))
        grads = tape.gradient(loss, variables)
        if opt is None:
            for v, g in zip(variables, grads):
                v.assign_sub(rate * g)
        else:
            opt.apply_gradients(zip(grads, variables))
        if bias:
            return loss, tf.identity(kernel), tf.identity(conv.bias)
        return loss, tf.identity(kernel)

    if compiled:
        step = tf.function(step)
    first, previous, rising = None, None, 0
    for epoch in range(1, epochs + 1):
        out = step()
        loss = float(out[0])
        K = np.asarray(out[1]).reshape(kernel_shape).astype(np.float64)
        b = float(np.asarray(out[2]).reshape(-1)[0]) if bias else None
        if first is None:
            first = max(loss, 1e-30)
        rising = rising + 1 if previous is not None and loss > previous else 0
        previous = loss
        diverged = (
            not math.isfinite(loss)
            or loss > diverge_factor * first
            or (rising >= GROWTH_EPOCHS and loss > GROWTH_FACTOR * first)
        )
        yield Record(epoch, loss, K, b, diverged)
        if diverged:
            return

