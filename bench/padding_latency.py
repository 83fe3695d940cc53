"""Re-run time of the padding-and-stride page after a widget change (AppTest, warm).

Budget (design.md): median <= 100 ms for a widget change. Prints the median
and quartiles per kind of change, measured in this run.

    python bench/padding_latency.py [--repeat 30]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = os.path.join(os.path.dirname(__file__), "..", "app.py")


def timed(at: AppTest, action) -> float:
    t0 = time.perf_counter()
    action(at).run()
    dt = time.perf_counter() - t0
    assert not at.exception, [e.value for e in at.exception]
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    # peer measured in the same run: a re-run of the (tiny) home page
    home = AppTest.from_file(os.path.abspath(APP), default_timeout=60)
    home.run()
    for i in range(3):
        timed(home, lambda a: a)
    base = [timed(home, lambda a: a) for i in range(args.repeat)]
    base_ms = statistics.median(base) * 1e3
    print(f"home page re-run (peer, AppTest floor): median {base_ms:.1f} ms\n")

    at = AppTest.from_file(os.path.abspath(APP), default_timeout=60)
    at.run()
    at.switch_page("app_pages/padding_stride.py").run()
    cases = {
        "number input (n_h 3 <-> 4)": lambda a, i: a.number_input(key="padding.nh").set_value(3 + i % 2),
        "padding mode (same <-> explicit)": lambda a, i: a.radio(key="padding.mode").set_value(("same", "explicit")[i % 2]),
        "preset button (keras4 / stride figure)": lambda a, i: a.button(key=f"padding.preset.{('keras4', 'stride_fig')[i % 2]}").click(),
        "64x64 grid (n 63 <-> 64, k 1, valid)": None,
        "stack input height (240 <-> 239)": lambda a, i: a.number_input(key="padding.snh").set_value(240 - i % 2),
    }
    print("| change | median ms | p25 ms | p75 ms | runs | / home |\n|---|---|---|---|---|---|")
    for name, make in cases.items():
        if make is None:  # the largest drawn grid: 4096 window markers
            at.radio(key="padding.mode").set_value("valid").run()
            at.number_input(key="padding.kh").set_value(1).run()
            at.number_input(key="padding.kw").set_value(1).run()
            at.number_input(key="padding.sh").set_value(1).run()
            at.number_input(key="padding.sw").set_value(1).run()
            at.number_input(key="padding.nw").set_value(64).run()
            make = lambda a, i: a.number_input(key="padding.nh").set_value(64 - i % 2)  # noqa: E731
        for i in range(3):  # warm up
            timed(at, lambda a: make(a, i))
        times = [timed(at, lambda a: make(a, i)) for i in range(args.repeat)]
        q = statistics.quantiles(times, n=4)
        med = statistics.median(times) * 1e3
        print(f"| {name} | {med:.1f} | {q[0] * 1e3:.1f} | {q[2] * 1e3:.1f} | {len(times)} | {med / base_ms:.1f}x |")
        if name.startswith("preset"):
            at.button(key="padding.preset.stride_fig").click().run()


if __name__ == "__main__":
    main()
