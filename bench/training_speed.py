"""Training speed and memory: convcore.training.learn_kernel on the chapter's problem.

Prints a markdown table: the first epoch (tracing the tf.function step) and
the median time per epoch after it, for both layer implementations, the
three optimizers, eager (the default) and tf.function-compiled steps (budget: <= 20 ms per epoch after the first), against the
chapter's own eager loop (tape, get_weights/set_weights) measured in the same
run; the time to build and serialise both live charts (one redraw on the
page); and the peak resident memory (VmHWM) of a fresh process after
importing TensorFlow and after a training run.

    python bench/training_speed.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

from convcore.training import learn_kernel, load_tensorflow, problem  # noqa: E402

EPOCHS = 200
BUDGET_MS = 20.0


def per_epoch(p, **kw) -> tuple[float, float]:
    """(first epoch ms, median ms of the later epochs)."""
    stamps = [time.perf_counter()]
    for _ in learn_kernel(p.X, p.Y, p.K.shape, epochs=EPOCHS, **kw):
        stamps.append(time.perf_counter())
    d = np.diff(stamps) * 1000
    return float(d[0]), float(statistics.median(d[1:]))


def chapter_eager_loop(p) -> float:
    """The chapter's loop as printed (eager tape; set_weights), ms per epoch after the first."""
    tf = load_tensorflow()
    conv2d = tf.keras.layers.Conv2D(1, p.K.shape, use_bias=False)
    X = tf.reshape(tf.constant(p.X, tf.float32), (1, *p.X.shape, 1))
    Y = tf.reshape(tf.constant(p.Y, tf.float32), (1, *p.Y.shape, 1))
    conv2d(X)
    stamps = [time.perf_counter()]
    for _ in range(EPOCHS):
        with tf.GradientTape() as g:
            l = (abs(conv2d(X) - Y)) ** 2  # noqa: E741
        update = tf.multiply(3e-2, g.gradient(l, conv2d.trainable_variables)[0])
        weights = conv2d.get_weights()
        weights[0] = conv2d.weights[0] - update
        conv2d.set_weights(weights)
        float(tf.reduce_sum(l))
        stamps.append(time.perf_counter())
    return float(statistics.median(np.diff(stamps)[1:] * 1000))


def redraw_ms(p, epochs=500) -> float:
    """Both live charts of a long run (3x3 kernel, 500 epochs), built and serialised."""
    from convlab.figures.training import loss_figure, weights_figure

    rng = np.random.default_rng(0)
    losses = np.exp(-np.arange(epochs) / 50)
    kernels = rng.normal(size=(epochs, 3, 3))
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        a = loss_figure(range(1, epochs + 1), losses, epochs, title="loss", x_title="epoch", y_title="loss")
        b = weights_figure(range(1, epochs + 1), kernels, np.ones((3, 3)), epochs, title="w", x_title="epoch",
                           y_title="w", true_name="true")
        a.to_json(), b.to_json()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


PEAK = """
import os, sys
sys.path.insert(0, {root!r})
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
from convcore.training import learn_kernel, load_tensorflow, problem
base = hwm()
load_tensorflow()
tf_only = hwm()
p = problem("seed")
for layer in ("keras", "own"):
    list(learn_kernel(p.X, p.Y, (1, 2), epochs=500, layer=layer))
p = problem("sobel")
list(learn_kernel(p.X, p.Y, (3, 3), lr=0.0023, epochs=500, optimizer="adam"))
print(base, tf_only, hwm())
"""


def peak_memory() -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, "-c", PEAK.format(root=ROOT)], capture_output=True, text=True, check=True)
    return tuple(float(v) for v in out.stdout.split()[-3:])


def main() -> None:
    load_tensorflow()
    seed, sobel = problem("seed"), problem("sobel")
    rows = []
    for name, p, lr in (("seed 6x8, [1,-1]", seed, 3e-2), ("sobel 16x16, 3x3", sobel, 0.0023)):
        for layer in ("keras", "own"):
            for opt in ("sgd", "momentum", "adam"):
                for compiled in (False, True):
                    first, later = per_epoch(p, lr=lr, layer=layer, optimizer=opt, compiled=compiled)
                    rows.append((name, layer, opt, "tf.function" if compiled else "eager", first, later))
    eager = chapter_eager_loop(seed)
    print(f"learn_kernel, {EPOCHS} epochs; budget <= {BUDGET_MS:g} ms/epoch after the first\n")
    print("| problem | layer | optimizer | step | first epoch ms | ms/epoch after | vs chapter's loop | budget |")
    print("|---|---|---|---|---:|---:|---:|---|")
    for name, layer, opt, mode, first, later in rows:
        ok = "ok" if later <= BUDGET_MS else "OVER"
        print(f"| {name} | {layer} | {opt} | {mode} | {first:.1f} | {later:.3f} | {later / eager:.2f}x | {ok} |")
    print(f"| seed 6x8, [1,-1] | chapter's loop as printed (peer) | sgd | eager | - | {eager:.3f} | 1.00x | - |")
    print(f"\nlive redraw (both charts, 3x3 kernel, 500 epochs, build + JSON): {redraw_ms(sobel):.1f} ms")
    base, tf_only, after = peak_memory()
    print("\n| fresh process | peak RSS (VmHWM) MB |")
    print("|---|---:|")
    print(f"| after import convcore.training | {base:.0f} |")
    print(f"| after importing TensorFlow | {tf_only:.0f} |")
    print(f"| after training runs (both layers, 500 epochs; Sobel with Adam) | {after:.0f} |")


if __name__ == "__main__":
    main()
