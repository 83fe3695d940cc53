"""convcore.corr2d against its peers, measured in the same run.

Prints a markdown table of median times and the ratios the budget is about:
convcore / tf.nn.conv2d (budget <= 1.5) and convcore / scipy.signal.correlate2d
(budget <= 0.5); float32, 'valid' cross-correlation. The seed's per-pixel
``tf.Variable.assign`` loop is timed on a small input only.

    python bench/core_speed.py            # full table (a few minutes)
    python bench/core_speed.py --quick    # 512^2 only
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import scipy.signal  # noqa: E402

import convcore  # noqa: E402


def median_time(fn, repeat: int, budget_s: float = 3.0) -> float:
    fn()  # warm up (thread pools, TF graph caches)
    times = []
    start = time.perf_counter()
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if time.perf_counter() - start > budget_s and len(times) >= 3:
            break
    return statistics.median(times)


def seed_corr2d(tf, X, K):
    """The seed's corr2d, verbatim: one tf.Variable.assign per output pixel."""
    h, w = K.shape
    Y = tf.Variable(tf.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1)))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j].assign(tf.reduce_sum(X[i : i + h, j : j + w] * K))
    return Y


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="512x512 only")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    import tensorflow as tf

    sizes = [512] if args.quick else [512, 1024, 2048]
    kernels = [3, 5, 7]
    rng = np.random.default_rng(0)
    print(f"# convcore.corr2d vs peers (float32, valid), {os.cpu_count()} cores, "
          f"numpy {np.__version__}, scipy {scipy.__version__}, tensorflow {tf.__version__}\n")
    print("| input | kernel | convcore ms | tf.nn.conv2d ms | scipy correlate2d ms "
          "| convcore/tf (<=1.5) | convcore/scipy (<=0.5) |")
    print("|---|---|---|---|---|---|---|")
    worst_tf = worst_sp = 0.0
    for n in sizes:
        X = rng.standard_normal((n, n)).astype(np.float32)
        tX = tf.constant(X[None, :, :, None])
        for k in kernels:
            K = rng.standard_normal((k, k)).astype(np.float32)
            tK = tf.constant(K[:, :, None, None])
            t_cc = median_time(lambda: convcore.corr2d(X, K), args.repeat)
            t_tf = median_time(lambda: tf.nn.conv2d(tX, tK, 1, "VALID").numpy(), args.repeat)
            t_sp = median_time(lambda: scipy.signal.correlate2d(X, K, mode="valid"), 3, 10.0)
            r_tf, r_sp = t_cc / t_tf, t_cc / t_sp
            worst_tf, worst_sp = max(worst_tf, r_tf), max(worst_sp, r_sp)
            print(f"| {n}x{n} | {k}x{k} | {t_cc * 1e3:.1f} | {t_tf * 1e3:.1f} | {t_sp * 1e3:.1f} "
                  f"| {r_tf:.2f} | {r_sp:.3f} |", flush=True)

    # Strided and dilated calls go through the same vectorized path.
    X = rng.standard_normal((1024, 1024)).astype(np.float32)
    K = rng.standard_normal((3, 3)).astype(np.float32)
    tX, tK = tf.constant(X[None, :, :, None]), tf.constant(K[:, :, None, None])
    print("\n| 1024x1024, 3x3 | convcore ms | tf.nn.conv2d ms | convcore/tf |")
    print("|---|---|---|---|")
    for label, kw, tf_kw in [
        ("stride 2, same", dict(stride=2, padding="same"), dict(strides=2, padding="SAME")),
        ("dilation 2, same", dict(dilation=2, padding="same"), dict(strides=1, dilations=2, padding="SAME")),
    ]:
        t_cc = median_time(lambda: convcore.corr2d(X, K, **kw), args.repeat)
        t_tf = median_time(lambda: tf.nn.conv2d(tX, tK, **tf_kw).numpy(), args.repeat)
        print(f"| {label} | {t_cc * 1e3:.1f} | {t_tf * 1e3:.1f} | {t_cc / t_tf:.2f} |")

    # The seed's per-pixel loop, on an input small enough to finish.
    n = 32
    Xs = rng.standard_normal((n, n)).astype(np.float32)
    Ks = rng.standard_normal((3, 3)).astype(np.float32)
    t_seed = median_time(lambda: seed_corr2d(tf, tf.constant(Xs), tf.constant(Ks)), 1, 0.0)
    t_cc = median_time(lambda: convcore.corr2d(Xs, Ks), 50)
    print(f"\nseed's per-pixel loop, {n}x{n} with 3x3: {t_seed * 1e3:.0f} ms; "
          f"convcore {t_cc * 1e3:.3f} ms ({t_seed / t_cc:.0f}x faster)")
    print(f"\nworst convcore/tf {worst_tf:.2f} (budget 1.5), worst convcore/scipy {worst_sp:.3f} (budget 0.5)")


if __name__ == "__main__":
    main()
