"""The training page's logic: the chapter-style log, downloads and the code a
learner can run (the mathematics, :func:`convcore.training.learn_kernel`,
lives in convcore)."""
from __future__ import annotations

import io

import numpy as np

from convcore.training import MOMENTUM

__all__ = ["MAX_EPOCHS", "log_every", "seed_log", "history_csv", "kernel_npy", "tf_code", "convcore_code"]

MAX_EPOCHS = 500  # the page's epochs control; longer runs are the library's to make


def log_every(epochs: int) -> int:
    """How often to log: every 2 epochs as the chapter does, less often on long
    runs (at most 12 lines).

    >>> [log_every(n) for n in (10, 24, 40, 150, 500)]
    [2, 2, 5, 20, 50]
    """
    for every in (2, 5, 10, 20, 25, 50):
        if epochs / every <= 12:
            return every
    return 50


def seed_log(losses, every: int = 2) -> list[tuple[int, float]]:
    """``(epoch, loss)`` every ``every`` epochs, as the chapter prints them.

    >>> seed_log([5.0, 4.0, 3.0, 2.0])
    [(2, 4.0), (4, 2.0)]
    """
    return [(e, float(l)) for e, l in enumerate(losses, 1) if e % every == 0]


def history_csv(epochs, losses, kernels, biases=None) -> str:
    """The run as CSV: epoch, loss, then one column per kernel weight ``k[i][j]``
    (after the epoch's update), then the bias if there is one."""
    kernels = np.asarray(kernels, dtype=float)
    kh, kw = kernels.shape[1:]
    head = ["epoch", "loss"] + [f"k[{i}][{j}]" for i in range(kh) for j in range(kw)]
    if biases is not None:
        head.append("bias")
    lines = [",".join(head)]
    for n, (e, l) in enumerate(zip(epochs, losses)):
        row = [str(int(e)), repr(float(l))] + [repr(float(v)) for v in kernels[n].reshape(-1)]
        if biases is not None:
            row.append(repr(float(biases[n])))
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def kernel_npy(K) -> bytes:
    """The kernel as a ``.npy`` file (``np.load`` reads it back)."""
    buf = io.BytesIO()
    np.save(buf, np.asarray(K, dtype=np.float32))
    return buf.getvalue()


# ------------------------------------------------------------------ code


def _matrix_literal(K) -> str:
    return "[" + ", ".join("[" + ", ".join(f"{float(v):g}" for v in row) + "]" for row in np.asarray(K)) + "]"


def _data_lines(name: str, K) -> list[str]:
    if name == "seed":
        return [
            "X = tf.Variable(tf.ones((6, 8)))",
            "X[:, 2:6].assign(tf.zeros(X[:, 2:6].shape))",
            "K = tf.constant([[1.0, -1.0]])",
            "Y = convcore.corr2d(X.numpy(), K.numpy())  # the chapter's corr2d, vectorised",
        ]
    return [
        "X = texture_image(16)  # the app's synthetic 16x16 image",
        f"K = np.array({_matrix_literal(K)})",
        "Y = convcore.corr2d(X, K)",
    ]


def tf_code(name, K, lr=3e-2, epochs=10, seed=0, optimizer="sgd", layer="keras", bias=False) -> str:
    """A runnable TensorFlow training loop for these settings: it prints the
    same ``epoch 2, loss ...`` lines as the app (same start, same updates)."""
    kh, kw = np.asarray(K).shape
    imports = ["import numpy as np", "import tensorflow as tf", "import convcore",
               "from convcore.training import initial_kernel" + (", texture_image" if name != "seed" else "")]
    lines = imports + [""] + _data_lines(name, K) + [""]
    if layer == "keras":
        lines += [
            f"conv2d = tf.keras.layers.Conv2D(1, ({kh}, {kw}), use_bias={bias})",
            "# batch size and channels are 1: (1, height, width, 1)",
            "X = tf.reshape(tf.cast(X, tf.float32), (1, *X.shape, 1))",
            "Y = tf.reshape(tf.cast(Y, tf.float32), (1, *Y.shape, 1))",
            "conv2d.build(X.shape)",
            f"conv2d.kernel.assign(initial_kernel(({kh}, {kw}), seed={seed})[:, :, None, None])",
        ]
    else:
        lines += [
            "def corr2d(X, K):",
            '    """Cross-correlation in TensorFlow ops: a sum of shifted slices (differentiable)."""',
            "    h, w = K.shape",
            "    H, W = X.shape[0] - h + 1, X.shape[1] - w + 1",
            "    return tf.add_n([X[a:a + H, b:b + W] * K[a, b] for a in range(h) for b in range(w)])",
            "",
            "class Conv2D(tf.keras.layers.Layer):",
            "    def __init__(self, kernel_size, use_bias=False):",
            "        super().__init__()",
            "        self.kernel_size, self.use_bias = kernel_size, use_bias",
            "",
            "    def build(self, input_shape):",
            "        self.weight = self.add_weight(name='w', shape=self.kernel_size, initializer='zeros')",
            "        if self.use_bias:",
            "            self.bias = self.add_weight(name='b', shape=(1,), initializer='zeros')",
            "",
            "    def call(self, inputs):",
            "        Y = corr2d(inputs, self.weight)",
            "        return Y + self.bias if self.use_bias else Y",
            "",
            f"conv2d = Conv2D(({kh}, {kw}), use_bias={bias})",
            "X, Y = tf.cast(X, tf.float32), tf.cast(Y, tf.float32)",
            "conv2d.build(X.shape)",
            f"conv2d.weight.assign(initial_kernel(({kh}, {kw}), seed={seed}))",
        ]
    lines.append(f"lr = {lr:g}  # 学习率 learning rate")
    if optimizer == "momentum":
        lines.append(f"opt = tf.keras.optimizers.SGD(learning_rate=lr, momentum={MOMENTUM})")
    elif optimizer == "adam":
        lines.append("opt = tf.keras.optimizers.Adam(learning_rate=lr)")
    lines += [
        "",
        f"for i in range({epochs}):",
        "    with tf.GradientTape() as g:",
        "        Y_hat = conv2d(X)",
        "        l = tf.reduce_sum((Y_hat - Y) ** 2)  # loss before this epoch's update",
        "    grads = g.gradient(l, conv2d.trainable_variables)",
    ]
    if optimizer == "sgd":
        lines += [
            "    for w, grad in zip(conv2d.trainable_variables, grads):",
            "        w.assign_sub(lr * grad)  # 迭代卷积核",
        ]
    else:
        lines.append("    opt.apply_gradients(zip(grads, conv2d.trainable_variables))")
    lines += [
        "    if (i + 1) % 2 == 0:",
        "        print(f'epoch {i + 1}, loss {l:.3f}')",
        "",
        f"print(tf.reshape(conv2d.trainable_variables[0], ({kh}, {kw})))",
    ]
    return "\n".join(lines)


def convcore_code(name, K, lr=3e-2, epochs=10, seed=0, optimizer="sgd", layer="keras", bias=False) -> str:
    """The same run through :func:`learn_kernel`."""
    kh, kw = np.asarray(K).shape
    args = [f"lr={lr:g}", f"epochs={epochs}", f"seed={seed}"]
    if optimizer != "sgd":
        args.append(f"optimizer={optimizer!r}")
    if layer != "keras":
        args.append(f"layer={layer!r}")
    if bias:
        args.append("bias=True")
    target = "" if name != "custom" else f", K={_matrix_literal(K)}"
    return "\n".join([
        "from convcore.training import learn_kernel, problem, stable_lr_bound",
        "",
        f"p = problem({name!r}{target})  # p.X, p.K and p.Y = convcore.corr2d(p.X, p.K)",
        f"print('stable below', stable_lr_bound(p.X, ({kh}, {kw}){', bias=True' if bias else ''}))",
        f"for r in learn_kernel(p.X, p.Y, ({kh}, {kw}), {', '.join(args)}):",
        "    if r.epoch % 2 == 0:",
        "        print(f'epoch {r.epoch}, loss {r.loss:.3f}')",
        "print(r.kernel)",
    ])
