"""How fast each page re-runs after a widget change (AppTest, warm), and the
home page's first run in a fresh process (TensorFlow must not be imported).

Budgets (design.md): a widget change re-runs a page in <= 100 ms (median,
warm; edge detection on a 512x512 image: <= 150 ms); the home page's first
run <= 1 s. Run by hand:

    python bench/page_latency.py [--repeat 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "app.py")

# (page script, what changes, link query, setup(at), change(at, n)): change()
# sets the widget to its n-th alternating value and returns the element to run.
SCENARIOS = [
    ("app_pages/why.py", "pattern shift dx 4 <-> 5", {}, None,
     lambda at, n: at.slider(key="why.dx").set_value(4 + n % 2)),
    ("app_pages/why.py", "image height 1000 <-> 999", {}, None,
     lambda at, n: at.number_input(key="why.h").set_value(1000 - n % 2)),
    ("app_pages/stepper.py", "stride (columns) 1 <-> 2", {}, None,
     lambda at, n: at.number_input(key="stepper.sw").set_value(1 + n % 2)),
    ("app_pages/stepper.py", "output cell (1, 1) <-> (0, 0)", {}, None,
     lambda at, n: at.selectbox(key="stepper.i").set_value(n % 2)),
    ("app_pages/stepper.py", "6x8 edge example: padding 0 <-> 1", {},
     lambda at: at.button(key="stepper.preset_edge").click().run(),
     lambda at, n: at.number_input(key="stepper.ph").set_value(n % 2)),
    ("app_pages/padding_stride.py", "n_h 3 <-> 4", {}, None,
     lambda at, n: at.number_input(key="padding.nh").set_value(3 + n % 2)),
    ("app_pages/padding_stride.py", "padding mode same <-> explicit", {}, None,
     lambda at, n: at.radio(key="padding.mode").set_value(("same", "explicit")[n % 2])),
    ("app_pages/padding_stride.py", "layer stack input 240 <-> 239", {}, None,
     lambda at, n: at.number_input(key="padding.snh").set_value(240 - n % 2)),
    ("app_pages/edges.py", "kernel preset, 6x8 picture", {}, None,
     lambda at, n: at.selectbox(key="edges.kernel").set_value(("sobel_x", "laplacian")[n % 2])),
    ("app_pages/edges.py", "kernel preset, 512x512 picture", {"image": "disc", "size": "512"}, None,
     lambda at, n: at.selectbox(key="edges.kernel").set_value(("sobel_x", "laplacian")[n % 2])),
]


def rerun_median(page: str, query: dict, setup, change, repeat: int) -> float:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(query)
    at.switch_page(page).run()
    if setup:
        setup(at)
    for n in range(3):  # warm up: imports, caches
        change(at, n).run()
    times = []
    for n in range(repeat):
        element = change(at, n + 1)
        t0 = time.perf_counter()
        element.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
    return statistics.median(times)


def home_first_run() -> tuple[float, bool]:
    code = textwrap.dedent(f"""
        import sys, time
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file({APP!r}, default_timeout=60)
        t0 = time.perf_counter(); at.run(); dt = time.perf_counter() - t0
        assert not at.exception
        print(dt, "tensorflow" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    dt, tf_loaded = out.stdout.split()[-2:]
    return float(dt), tf_loaded == "True"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    print(f"# Page latency (AppTest, median of {args.repeat} warm reruns), {os.cpu_count()} cores\n")
    print("| page | widget change | median ms | budget ms |")
    print("|---|---|---|---|")
    for page, what, query, setup, change in SCENARIOS:
        budget = 150 if "512" in what else 100
        ms = rerun_median(page, query, setup, change, args.repeat) * 1e3
        print(f"| {page} | {what} | {ms:.0f} | {budget} |", flush=True)
    dt, tf_loaded = home_first_run()
    print(f"\nhome page first run in a fresh process: {dt * 1e3:.0f} ms (budget 1000); "
          f"TensorFlow imported: {tf_loaded}")


if __name__ == "__main__":
    main()
