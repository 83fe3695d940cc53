"""Edge page: rerun time after a kernel-preset change on a 512x512 picture (AppTest, warm).

Budget (design.md): a widget change re-runs the script in <= 100 ms (the issue
allows 150 ms here), median, warm. Measured for the built-in 512x512 disc and for
a 512x512 PNG upload, with the page's plotly payload; as a peer in the same run,
the same change on the chapter's 6x8 picture (the app's fixed cost).

    python bench/edges_latency.py [--rounds 3]
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from PIL import Image  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from convcore import kernels  # noqa: E402

APP = os.path.join(ROOT, "app.py")
PRESETS = [n for n in kernels.PRESET_NAMES if n != kernels.CUSTOM]


def open_edges(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.switch_page("app_pages/edges.py").run()
    assert not at.exception, at.exception
    return at


def measure(at: AppTest, rounds: int) -> tuple[float, int]:
    """Median seconds per preset change (first round is warm-up), and the largest payload seen."""
    times, payload = [], 0
    for r in range(rounds + 1):
        for name in PRESETS:
            sb = at.selectbox(key="edges.kernel")
            t0 = time.perf_counter()
            sb.set_value(name).run()
            dt = time.perf_counter() - t0
            assert not at.exception, at.exception
            if r:
                times.append(dt)
            payload = max(payload, sum(len(el.proto.spec) for el in at.get("plotly_chart")))
    return statistics.median(times), payload


def measure_edges_latency(rounds: int = 3) -> dict[str, tuple[float, int]]:
    results = {}
    results["seed 6x8"] = measure(open_edges(), rounds)
    results["disc 512x512"] = measure(open_edges(image="disc", size="512"), rounds)
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:512, 0:512]
    pic = ((np.hypot(yy - 256, xx - 256) > 150) * 200 + rng.integers(0, 55, (512, 512))).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(pic).save(buf, format="PNG")
    at = open_edges()
    at.file_uploader(key="edges.upload").set_value(("pic.png", buf.getvalue(), "image/png")).run()
    assert not at.exception and not at.error
    results["upload 512x512"] = measure(at, rounds)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    results = measure_edges_latency(args.rounds)
    base = results["seed 6x8"][0]
    print("| picture | median rerun (ms) | ratio to 6x8 | max plotly payload (bytes) |")
    print("|---|---:|---:|---:|")
    for name, (sec, payload) in results.items():
        print(f"| {name} | {sec * 1000:.1f} | {sec / base:.2f} | {payload:,} |")
    worst = max(sec for name, (sec, _) in results.items() if "512" in name)
    print(f"\nmedian on 512x512: {worst * 1000:.1f} ms (budget 150 ms: {'ok' if worst <= 0.150 else 'OVER'})")


if __name__ == "__main__":
    main()
