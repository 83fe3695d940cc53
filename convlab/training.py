"""The training page's logic without Streamlit: a run's model (its history,
status and verdict), the driver that feeds it from
:func:`convcore.training.learn_kernel` and paces its redraws, the learning
rate's bound for the chosen options, the chapter-style log, downloads, and the
code a learner can run. The mathematics lives in :mod:`convcore.training`."""
from __future__ import annotations

import io
import math
import os
import sys
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from convcore import training
from convcore.training import MOMENTUM, SEED_LOG

from .urlstate import parse_cells, text_cells

__all__ = ["MAX_EPOCHS", "MAX_WORK", "CHAPTER", "Run", "drive", "records", "work", "over_budget", "lr_bound",
           "problem_defaults", "preload_tensorflow", "tensorflow_ready", "code",
           "log_every", "seed_log", "history_csv", "kernel_npy", "tf_code", "convcore_code"]

MAX_EPOCHS = 500  # the page's epochs control; longer runs are the library's to make
# The work a run may take, in multiply-adds (see work()): checked before it starts, so whether a run
# is allowed never depends on how busy the server is. 1,000,000 lets every built-in problem run
# MAX_EPOCHS epochs, and a 5x5 target 277 (about 14 s of one core with the chapter's own layer).
MAX_WORK = 1_000_000
# Short runs are paced to last about this long, so they can be watched (tests set 0).
LIVE_SECONDS = float(os.environ.get("CONVLAB_LIVE_SECONDS", "1.5"))
MAX_DRAWS = 60  # redraws per run (long runs redraw every few epochs)
MIN_GAP = 0.1  # seconds between redraws, so the browser keeps up
CLOSE = 0.05  # learned within this of the true kernel (relative to its largest weight) counts as done


CHAPTER = dict(problem="seed", lr=0.03, epochs=10, optimizer="sgd", bias=False)  # the chapter's run


def preload_tensorflow() -> threading.Thread | None:
    """Start importing TensorFlow in a background thread of the server, once
    per process, so that it is ready when Train is pressed (the import takes
    2-3 s on an idle machine, more on a busy one). Returns the thread, None
    when TensorFlow is already imported or being imported. Failures are left
    to the Train button, which reports them."""
    global _preloading
    with _preload_lock:
        if "tensorflow" in sys.modules or _preloading is not None:
            return None
        _preloading = threading.Thread(target=_import_quietly, name="convlab-preload-tensorflow", daemon=True)
    _preloading.start()
    return _preloading


def _import_quietly() -> None:
    try:
        training.load_tensorflow()
    except Exception:  # ImportError, or a broken install: Train says which
        pass


def tensorflow_ready() -> bool:
    """TensorFlow's import has finished (in this process)."""
    return "tensorflow" in sys.modules and (_preloading is None or not _preloading.is_alive())


_preloading: threading.Thread | None = None
_preload_lock = threading.Lock()


def problem_defaults(name: str, target_text: str = "", optimizer: str = "sgd",
                     bias: bool = False) -> tuple[float, int] | None:
    """Learning rate and epochs a problem starts from with these options:
    :func:`convcore.training.suggested_lr` (below the bound :func:`lr_bound`
    shows, for every optimizer and bias; 0.1 for Adam, which has no bound),
    150 epochs, or 50 for the chapter's small problem (10 with the chapter's
    own settings, whose suggested rate is its 0.03). None when a custom
    target (URL text) is not a valid kernel yet.

    >>> problem_defaults("seed")
    (0.03, 10)
    >>> problem_defaults("seed", bias=True)
    (0.014, 50)
    >>> problem_defaults("sobel", bias=True)
    (0.0016, 150)
    >>> problem_defaults("custom", "1,x")
    """
    try:
        K = parse_cells(text_cells(target_text)) if name == "custom" else None
        p = training.problem(name, K)
    except ValueError:
        return None
    lr = training.suggested_lr(p.X, p.K.shape, bias, optimizer)
    if name != "seed":
        return lr, 150
    chapter = optimizer == CHAPTER["optimizer"] and bool(bias) == CHAPTER["bias"]
    return lr, CHAPTER["epochs"] if chapter else 50


def work(prob, epochs: int) -> int:
    """The run's size in multiply-adds: ``epochs`` times the cross-correlation's
    (one per output cell and kernel weight), as :data:`MAX_WORK` counts it.

    >>> work(training.problem("seed"), 10)  # 10 epochs x (6 x 7 cells) x (1 x 2 weights)
    840
    """
    return int(epochs) * prob.Y.size * prob.K.size


def over_budget(prob, epochs: int) -> dict | None:
    """None when a run of ``epochs`` epochs on ``prob`` fits in :data:`MAX_WORK`;
    else the numbers the page's message needs: the work, its factors, the
    limit and the most epochs that fit.

    >>> over_budget(training.problem("sobel"), MAX_EPOCHS) is None
    True
    >>> over_budget(training.problem("custom", np.ones((5, 5))), 300)
    {'work': 1080000, 'epochs': 300, 'cells': 144, 'weights': 25, 'limit': 1000000, 'max_epochs': 277}
    """
    if work(prob, epochs) <= MAX_WORK:
        return None
    per_epoch = prob.Y.size * prob.K.size
    return dict(work=work(prob, epochs), epochs=int(epochs), cells=prob.Y.size, weights=prob.K.size,
                limit=MAX_WORK, max_epochs=MAX_WORK // per_epoch)


def records(prob, config: dict):
    """The run's epochs: :func:`convcore.training.learn_kernel` on ``prob`` with the page's settings."""
    return training.learn_kernel(prob.X, prob.Y, prob.K.shape, lr=config["lr"], epochs=config["epochs"],
                                 seed=config["seed"], optimizer=config["optimizer"], layer=config["layer"],
                                 bias=config["bias"])


def lr_bound(X, kernel_shape, optimizer: str, bias: bool) -> tuple[float | None, float]:
    """``(bound, plain)``: the learning rate above which this optimizer diverges
    on this problem (None for Adam, whose step does not scale with the
    curvature), and plain gradient descent's bound 2 / lambda_max.

    >>> from convcore import seed
    >>> b, plain = lr_bound(seed.edge_image(), (1, 2), "sgd", False)
    >>> round(b, 6) == round(plain, 6) == round(1 / 30, 6)
    True
    >>> lr_bound(seed.edge_image(), (1, 2), "adam", False)[0] is None
    True
    """
    plain = training.stable_lr_bound(X, kernel_shape, bias)
    if optimizer == "adam":
        return None, plain
    if optimizer == "momentum":
        return training.stable_lr_bound(X, kernel_shape, bias, MOMENTUM), plain
    return plain, plain


@dataclass
class Run:
    """One training run as the page shows it, kept in the session epoch by
    epoch so that an interruption loses nothing already drawn.

    ``status``: "running" while the driver feeds it (a run read back in that
    state was interrupted by a rerun), then "done" or "diverged". A run is
    never stopped for time: its size is bounded before it starts
    (:func:`over_budget`).
    """

    config: dict  # problem, lr, epochs, seed, optimizer, layer, bias
    true: list  # the true kernel, as lists
    bound: float | None  # the stable learning rate of the chosen optimizer (None: Adam)
    status: str = "running"
    epochs: list = field(default_factory=list)
    losses: list = field(default_factory=list)
    kernels: list = field(default_factory=list)
    biases: list | None = None

    @classmethod
    def start(cls, config: dict, K_true, bound: float | None) -> "Run":
        return cls(dict(config), np.asarray(K_true, dtype=float).tolist(), bound,
                   biases=[] if config.get("bias") else None)

    def add(self, rec) -> None:
        """Append one epoch's :class:`convcore.training.Record`."""
        self.epochs.append(rec.epoch)
        self.losses.append(rec.loss)
        self.kernels.append(np.asarray(rec.kernel).tolist())
        if self.biases is not None:
            self.biases.append(rec.bias)
        if rec.diverged:
            self.status = "diverged"

    @property
    def book(self) -> dict | None:
        """The chapter's printed losses, for a run with the chapter's settings
        (its problem, lr 0.03, plain gradient descent, no bias; any seed,
        layer and number of epochs); None for any other run, whose losses the
        chapter's do not describe."""
        c = self.config
        same = (c["problem"] == CHAPTER["problem"] and math.isclose(c["lr"], CHAPTER["lr"], rel_tol=1e-9)
                and c["optimizer"] == CHAPTER["optimizer"] and bool(c.get("bias")) == CHAPTER["bias"])
        return SEED_LOG if same else None

    def verdict(self) -> tuple[str, dict]:
        """What the run came to, as a message kind and its numbers:
        diverged (naming the bound) / diverged_other (no bound) /
        interrupted / grew (the loss rose at a rate above the bound) / done /
        not_yet (finished, but the kernel is still off)."""
        c, last, loss = self.config, self.epochs[-1], self.losses[-1]
        if self.status == "diverged":
            if self.bound is not None:
                return "diverged", dict(epoch=last, loss=loss, lr=c["lr"], bound=self.bound)
            return "diverged_other", dict(epoch=last, loss=loss, lr=c["lr"])
        if self.status == "running":
            return "interrupted", dict(epoch=last, epochs=c["epochs"])
        if self.bound is not None and c["lr"] > self.bound and loss > self.losses[0]:
            return "grew", dict(first=self.losses[0], last=loss, lr=c["lr"], bound=self.bound)
        K_true = np.array(self.true)
        err = float(np.abs(np.array(self.kernels[-1]) - K_true).max())
        kind = "done" if err <= CLOSE * max(1.0, float(np.abs(K_true).max())) else "not_yet"
        return kind, dict(epochs=last, loss=loss, err=err)

    def log(self) -> tuple[int, list[tuple[int, float, float | None]]]:
        """``(every, rows)``: the chapter-style log, one row ``(epoch, loss,
        the chapter's loss or None)`` every ``every`` epochs."""
        every = log_every(self.config["epochs"])
        book = self.book or {}
        return every, [(e, l, book.get(e)) for e, l in seed_log(self.losses, every)]

    def log_title(self, lang: str) -> str:
        """The log's heading in ``lang``: the chapter's log for a run with the
        chapter's settings, else this run's log."""
        from .text import t

        return t("training.log_title" if self.book else "training.log_title_run", lang, every=self.log()[0])

    def csv(self) -> str:
        return history_csv(self.epochs, self.losses, self.kernels, self.biases)

    def log_columns(self, lang: str) -> dict[str, list]:
        """The log as table columns headed in ``lang`` (the chapter's column for a run with its settings)."""
        from .text import t

        _, rows = self.log()
        cols = {t("training.col_epoch", lang): [e for e, _, _ in rows],
                t("training.col_loss", lang): [f"{l:.3f}" for _, l, _ in rows]}
        if self.book:
            cols[t("training.col_book", lang)] = ["" if b is None else f"{b:.3f}" for _, _, b in rows]
        return cols

    def summary(self, lang: str) -> str:
        """One line naming the run's settings, in ``lang``."""
        from .text import t

        c = self.config
        return t("training.last_run", lang, problem=t(f"training.problem_{c['problem']}", lang), lr=c["lr"],
                 epochs=c["epochs"], seed=c["seed"], optimizer=t(f"training.opt_{c['optimizer']}", lang),
                 layer=t(f"training.layer_{c['layer']}", lang), bias=t("training.with_bias", lang) if c["bias"] else "")


def drive(run: Run, records, draw, *, clock=time.monotonic, sleep=time.sleep,
          live_seconds: float | None = None) -> Run:
    """Feed ``run`` from ``records`` (an iterator of training records) and call
    ``draw(run, n)`` for the n-th redraw: at most :data:`MAX_DRAWS` times, at
    least :data:`MIN_GAP` apart, always after the last epoch. Short runs are
    slowed to last about ``live_seconds`` so they can be watched. The clock
    paces redraws only: however slow the server, a run goes on to its last
    epoch (or until it diverges); :func:`over_budget` bounds it beforehand."""
    live = LIVE_SECONDS if live_seconds is None else live_seconds
    total = run.config["epochs"]
    every = max(1, math.ceil(total / MAX_DRAWS))
    pace = live / math.ceil(total / every)
    last_draw = clock()
    draws = 0
    for rec in records:
        run.add(rec)
        final = rec.epoch == total or run.status != "running"
        if final or rec.epoch % every == 0:
            wait = pace - (clock() - last_draw)  # fast epochs wait for their turn to be seen
            if wait > 0:
                sleep(wait)
            if final or clock() - last_draw >= MIN_GAP:
                last_draw = clock()
                draws += 1
                draw(run, draws)
        if final:
            break
    if run.status == "running":
        run.status = "done"
    return run


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


def code(name, K, **settings) -> tuple[str, str]:
    """The run's TensorFlow code and its convcore code (the page's code expander)."""
    return tf_code(name, K, **settings), convcore_code(name, K, **settings)


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
