"""Learning a kernel (学习卷积核) from an input ``X`` and its output ``Y``.

The chapter's experiment: start from a random kernel and, epoch by epoch,
compare the layer's output with ``Y`` (sum of squared errors, 损失), take the
gradient with ``tf.GradientTape`` and step the kernel (卷积核) against it with
the learning rate (学习率) ``lr``. :func:`learn_kernel` does this with
TensorFlow, either with Keras' built-in ``Conv2D`` or with the chapter's own
``Conv2D`` layer built on a ``corr2d`` written in TensorFlow ops.

TensorFlow is imported inside the functions that need it (``import
convcore.training`` loads numpy only). The rest (problems, the numpy
gradient, the stable learning-rate bound, logs and downloads) is numpy.

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
    background with grain (uniform noise), so every direction of a small
    kernel is seen (a well-conditioned problem that trains in ~100 epochs).

    >>> X = texture_image(16)
    >>> X.shape, bool(0 <= X.min() and X.max() <= 1)
    ((16, 16), True)
    """
    if n < 4:
        raise ValueError(f"the synthetic image needs at least 4x4 pixels, not {n}x{n}")
    rng = np.random.default_rng(seed)
    r = (np.arange(n) - (n - 1) / 2) / (n / 2)
    disc = (r[:, None] ** 2 + r[None, :] ** 2 < 0.55**2).astype(float)
    return 0.4 * disc + 0.6 * rng.random((n, n))


@dataclass(frozen=True)
class Problem:
    """What to learn: the input ``X``, the true kernel ``K`` and ``Y = corr2d(X, K)``."""

    name: str
    X: np.ndarray
    K: np.ndarray
    Y: np.ndarray


def problem(name: str = "seed", K=None, image_size: int = 16) -> Problem:
    """The chapter's problem (``"seed"``: learn [1, -1] from the 6x8 edge
    image), a 3x3 Sobel kernel from a synthetic image (``"sobel"``), or any
    kernel ``K`` from the synthetic image (``"custom"``).

    >>> p = problem("seed")
    >>> p.X.shape, p.Y.shape, p.K.tolist()
    ((6, 8), (6, 7), [[1.0, -1.0]])
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
    """The random starting kernel: Keras' default (Glorot uniform) distribution,
    ``U(-l, l)`` with ``l = sqrt(6 / (2 kh kw))``, drawn by numpy's
    ``default_rng(seed)``, so the same seed gives the same start for both layers.

    >>> initial_kernel((1, 2), 0).shape
    (1, 2)
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
    """dL/dK of ``L = sum((corr2d(X, K) - Y)^2)``: ``2 * corr2d(X, corr2d(X, K) - Y)``.

    >>> numpy_gradient(edge_image(), corr2d(edge_image(), [[1, -1]]), [[1, -1]]).tolist()
    [[0.0, 0.0]]
    """
    K = as_matrix(K, "kernel K").astype(np.float64)
    X, Y, _ = _check_xy(X, Y, K.shape)
    return 2.0 * corr2d(X, corr2d(X, K) - Y)


def hessian(X, kernel_shape, bias: bool = False) -> np.ndarray:
    """The (constant) Hessian ``2 * sum_windows x x^T`` of the loss in the
    flattened kernel (row-major; with ``bias``, a last coordinate whose ``x`` is 1)."""
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
    """The largest learning rate for which gradient descent on this problem
    does not diverge: ``2 / lambda_max`` of the Hessian (``2 (1 + m) /
    lambda_max`` for heavy-ball momentum ``m``). For the chapter's data, 1/30.

    >>> round(stable_lr_bound(edge_image(), (1, 2)), 6)
    0.033333
    """
    lam = float(np.linalg.eigvalsh(hessian(X, kernel_shape, bias))[-1])
    if lam <= 0:
        return math.inf  # an all-zero input: the loss does not depend on the kernel
    return 2.0 * (1.0 + momentum) / lam


def suggested_lr(X, kernel_shape, bias: bool = False) -> float:
    """A learning rate safely below the bound (0.9 of it, two significant digits)."""
    b = 0.9 * stable_lr_bound(X, kernel_shape, bias)
    if not math.isfinite(b):
        return 0.03
    return float(f"{b:.2g}")


# --------------------------------------------------------------- training


@dataclass(frozen=True)
class Record:
    """One epoch (迭代周期): ``loss`` before its update, ``kernel`` after it."""

    epoch: int
    loss: float
    kernel: np.ndarray = field(repr=False)
    bias: float | None = None
    diverged: bool = False


def load_tensorflow():
    """Import TensorFlow (quietly) and return the module: ~2-3 s the first time."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    return tf


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
    """Learn a ``kernel_shape`` kernel that maps ``X`` to ``Y`` with TensorFlow.

    Yields one :class:`Record` per epoch: ``.epoch`` (1-based), ``.loss`` (the
    sum of squared errors before that epoch's update, as the chapter prints
    it), ``.kernel`` (numpy, ``kernel_shape``, after the update), ``.bias``
    (after the update, or None) and ``.diverged``: True once the loss is not
    finite or exceeds ``diverge_factor`` times the first loss; the iterator
    stops there. (A loss above ``GROWTH_FACTOR`` times the first after
    ``GROWTH_EPOCHS`` rising epochs in a row counts as exploding too: on a
    quadratic that is geometric growth, a learning rate past the stable bound.)

    ``optimizer``: ``"sgd"`` (plain gradient descent, the chapter's update),
    ``"momentum"`` (heavy ball, 0.9) or ``"adam"`` (Keras' optimizers).
    ``layer``: ``"keras"`` (``tf.keras.layers.Conv2D``) or ``"own"`` (the
    chapter's ``Conv2D`` layer on a ``corr2d`` written with TensorFlow slices).
    The starting kernel is :func:`initial_kernel` ``(kernel_shape, seed)``
    and the bias starts at 0, so the same arguments give the same run.

    ``compiled``: run the step as a ``tf.function`` (~0.3 ms per epoch on the
    chapter's problem, but tracing costs 0.1-0.8 s on the first epoch) instead
    of eagerly (~1.5-3 ms per epoch, no start-up cost): worth it for long runs.
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


# ------------------------------------------------------------- reporting


# ------------------------------------------------------------------ code


