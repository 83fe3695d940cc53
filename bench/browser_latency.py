"""Every page in a real browser (Debian's Chromium), against a one-heatmap
Streamlit page (a 10x10 plotly heatmap and one slider that changes it) served
the same way (`streamlit run`, the project's config, a free loopback port) and
timed in the same run, interleaved page by page.

First, every page (and the peer) is opened once, untimed, until its first
script run ends: the servers have imported what the pages need. Then, for every
page of the menu (convlab/nav.py), medians of ``--rounds`` rounds:

(a) full first render: a fresh browser context (no cache) navigates to the
    page; done when the script run has finished (its script_finished message),
    the page shows "notRunning", every plotly chart has its svg and nothing is
    still loading (no skeleton), and the DOM then stays unchanged for
    ``--quiet-ms``. The time is that of the last DOM change, so the quiet wait
    is not counted. "script done" is when the run's script_finished arrived.
(b) a typical interaction: a number input typed + Enter, or a slider focused +
    ArrowRight/ArrowLeft (bench/_browser.py's WIDGETS; a page it does not know
    gets its first keyed slider or number input), from the key press until the
    rerun has finished and the charts redrew (the same "done").
    ``--changes`` changes per round, each timed.
(c) on a fresh server each (TensorFlow not loaded yet), ``--fresh-rounds``
    times: the training page's first Train (until a spinner or the progress
    bar shows, until the progress bar shows, until the first epoch's live loss
    chart is drawn, until the run is over and its results drawn) and the
    step-by-step page's first "Verify with TensorFlow" (until its message
    shows).

Ratios: a first render / the peer's first render; an interaction / the peer
slider's redraw; (c) / the peer's redraw too. Plotly payload: the byte length
of the plotly figure specs (`plotly.io.to_json`, the string Streamlit ships in
each chart's ForwardMsg), decoded from the websocket frames (and any
/_stcore/message bodies) of the first render; "ws" is every byte received then.

Budgets (design.md): first render <= 1.5x the peer's; an interaction <= 1.5x
the peer's redraw; first Train shows progress within 1 s, its first epoch
within 5 s; plotly payload <= 1 MB per page. A bench: it prints, it asserts
nothing. Progress goes to stderr, the report to stdout.

    python bench/browser_latency.py               # 3 rounds (~5 minutes on 2 idle cores)
    python bench/browser_latency.py --rounds 1    # a quick look
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections import defaultdict

import _browser as B
from playwright.async_api import async_playwright

TRAIN_WATCH = {  # the training page after Train: what the learner sees, in order
    "feedback": "document.querySelector('[data-testid=\"stSpinner\"], [data-testid=\"stProgress\"]')",
    "bar": "document.querySelector('[data-testid=\"stProgress\"]')",
    "epoch": "document.querySelector('[class*=\"st-key-training-loss\"] .js-plotly-plot .main-svg')",
}
VERIFY_WATCH = {"result": "[...document.querySelectorAll('[data-testid=\"stAlert\"]')]"
                          ".some(e => /tf\\.nn\\.conv2d|TensorFlow/.test(e.innerText))"}


async def first_render(browser, url: str, quiet: int):
    """(Timing, ws bytes, plotly spec sizes, page, traffic) of one fresh navigation."""
    page = await B.new_tab(browser)
    traffic = B.Traffic(page)
    timing = await B.open_page(page, url, quiet)
    nbytes, specs = await traffic.collect()
    return timing, nbytes, specs, page


async def warm(browser, url: str) -> None:
    """Open the page until its first script run has ended (the server imports what the page needs)."""
    page = await B.new_tab(browser)
    try:
        await page.goto(url, wait_until="domcontentloaded")
        await page.wait_for_function("window.__bench.runs > 0")
    finally:
        await page.context.close()


async def measure_page(browser, server, spec: B.Page, rnd: int, args, out: dict) -> None:
    timing, nbytes, specs, page = await first_render(browser, server.url + spec.path, args.quiet_ms)
    rec = out[spec.name]
    rec["first"].append(timing.total)
    rec["script"].append(timing.script)
    rec["loaded"].append(timing.loaded)
    rec["loaded_what"].append(timing.loaded_what)
    rec["chart"].append(timing.chart)
    rec["charts"].append(timing.charts)
    rec["ws"].append(nbytes)
    rec["specs"].append(specs)
    if timing.total is None:
        B.note(f"{spec.name}: first render did not settle (state {timing.state})")
    rec["exceptions"] += await B.problems(page)
    try:
        widget = await B.discover(page) if spec.discover else spec.widget
        if widget is None:
            return
        rec["widget"] = [f"{widget.key} ({widget.kind})"]
        if spec.query:  # the control needs this state: open it so (untimed)
            await page.context.close()
            _, _, _, page = await first_render(browser, server.url + spec.path + spec.query, args.quiet_ms)
        for n in range(args.changes):
            t, expected = await B.change(page, widget, 0, rnd * args.changes + n, args.quiet_ms)
            rec["change"].append(t.total)
            rec["change_script"].append(t.script)
            rec["change_chart"].append(t.chart)
            shown = await B.widget_value(page, widget)
            if t.total is None or shown != expected:
                B.note(f"{spec.name}: change to {expected} shows {shown}, settled: {t.total is not None}")
        rec["exceptions"] += await B.problems(page)
    finally:
        await page.context.close()


async def fresh_server_actions(browser, wd, args, out: dict) -> None:
    """First Train and first TensorFlow check, each on a server that has not loaded TensorFlow."""
    t, seen = await first_click(browser, wd, "/training", ".st-key-training-train button", TRAIN_WATCH, args, out,
                                until="!document.querySelector('.st-key-training-train button').disabled")
    out["train_done"].append(t.total)
    for name, at in seen.items():
        out[f"train_{name}"].append(at)
    t, seen = await first_click(browser, wd, "/stepper", ".st-key-stepper-verify button", VERIFY_WATCH, args, out)
    out["verify_done"].append(t.total)
    out["verify_result"].append(seen["result"])


async def first_click(browser, wd, path: str, button: str, conditions: dict, args, out: dict, until=None):
    """On a fresh server: open the page, click the button; the time until the rerun is done, and until
    each watched condition first held (seconds from the click). Page problems go to out["fresh_problems"]."""
    with B.streamlit("app.py", wd, "fresh") as app:
        page = await B.new_tab(browser)
        try:
            await B.open_page(page, app.url + path, args.quiet_ms)
            await B.watch(page, conditions)
            t = await B.act(page, page.locator(button).click(), args.quiet_ms, until)
            t0 = await B.last_act(page)
            seen = {name: await B.watched(page, name, t0) for name in conditions}
            out["fresh_problems"] += await B.problems(page)
            return t, seen
        finally:
            await page.context.close()


def last_loaded(r: dict) -> str:
    """The element whose code loaded last, most often over the rounds (Streamlit loads each element
    type's code on first use; a skeleton stands in meanwhile)."""
    names = [w for w in r["loaded_what"] if w]
    return max(set(names), key=names.count).removeprefix("st") if names else "–"


def report(args, pages, out, fresh) -> None:
    peer = out["peer"]
    peer_first, peer_change = B.median(peer["first"]), B.median(peer["change"])
    print(f"# Browser latency (Chromium, headless), median of {args.rounds} round(s), "
          f"{args.changes} change(s) a round, {os.cpu_count()} cores\n")
    print(f"While measuring (a) and (b): {out['meter'].summary()}.\n")
    print(f"Peer (one 10x10 plotly heatmap + one slider): first render {B.fmt(peer_first)} s "
          f"(script done {B.fmt(B.median(peer['script']))} s), slider redraw {B.fmt(peer_change)} s "
          f"(script done {B.fmt(B.median(peer['change_script']))} s).\n")
    first_rows, change_rows, over = [], [], []
    for spec in pages + [B.PEER]:
        r = out[spec.name]
        first, change = B.median(r["first"]), B.median(r["change"])
        spec_kb = B.median([sum(s) for s in r["specs"]]) / 1024
        fr, cr = B.ratio(first, peer_first), B.ratio(change, peer_change)
        first_rows.append([spec.name, B.median(r["charts"]), f"{spec_kb:.0f}", B.verdict(spec_kb / 1024, 1.0),
                           f"{B.median(r['ws']) / 1024:.0f}", B.fmt(B.median(r["script"])),
                           f"{B.fmt(B.median(r['loaded']))} ({last_loaded(r)})", B.fmt(B.median(r["chart"])),
                           B.fmt(first), B.fmt(fr),
                           B.verdict(fr, 1.5)])
        if r["change"]:
            what = r["widget"][0] + (f" {spec.query}" if spec.query else "")
            change_rows.append([spec.name, what, B.fmt(B.median(r["change_script"])),
                                B.fmt(B.median(r["change_chart"])), B.fmt(change), B.fmt(cr), B.verdict(cr, 1.5)])
        if spec is not B.PEER:
            over += [f"{spec.name}: first render {fr:.1f}x the peer's"] if fr and fr > 1.5 else []
            over += [f"{spec.name}: interaction {cr:.1f}x the peer's redraw"] if cr and cr > 1.5 else []
            over += [f"{spec.name}: plotly payload {spec_kb:.0f} KB"] if spec_kb > 1024 else []
    print("(a) Full first render, seconds from navigation (fresh context):\n")
    print(B.table(["page", "charts", "plotly KB", "<= 1 MB", "ws KB", "script done", "last element code loaded (which)",
                   "last chart drawn", "first render", "x peer", "<= 1.5x"], first_rows))
    print("\n(b) Interaction, seconds from the key press:\n")
    print(B.table(["page", "control", "script done", "last chart drawn", "redraw done", "x peer", "<= 1.5x"],
                  change_rows))
    if fresh:
        print(f"\n(c) On a fresh server (TensorFlow not loaded yet), seconds from the click; median of "
              f"{args.fresh_rounds}:\n")
        rows = []
        for label, key, budget in (("first Train: spinner or progress bar shows", "train_feedback", 1.0),
                                   ("first Train: progress bar shows", "train_bar", 1.0),
                                   ("first Train: first epoch drawn (live loss chart)", "train_epoch", 5.0),
                                   ("first Train: run done, results drawn", "train_done", None),
                                   ("first Verify with TensorFlow: its message shows", "verify_result", None),
                                   ("first Verify with TensorFlow: rerun done", "verify_done", None)):
            m = B.median(out[key])
            rows.append([label, B.fmt(m), B.fmt(B.ratio(m, peer_change)),
                         f"<= {budget:g} s: {B.verdict(m, budget)}" if budget else "–"])
            if budget and m is not None and m > budget:
                over.append(f"{label}: {m:.2f} s")
        print(B.table(["action", "seconds", "x peer redraw", "budget"], rows))
    exceptions = [e for spec in pages for e in out[spec.name]["exceptions"]] + list(out.get("fresh_problems", []))
    print("\nOver budget: " + ("; ".join(over) if over else "none"))
    print("Problems on pages (stException, frontend errors): " + ("; ".join(exceptions) if exceptions else "none"))


async def main_async(args) -> None:
    pages = B.app_pages()
    if args.pages:
        pages = [p for p in pages if p.name in args.pages.split(",")]
    out = defaultdict(lambda: defaultdict(list))
    fresh = defaultdict(list)
    with B.workdir() as wd, B.streamlit("app.py", wd) as app, B.streamlit(wd / "peer.py", wd, "peer") as peer:
        async with async_playwright() as pw:
            browser = await B.launch(pw)
            try:
                B.note("warming up both servers (every page's first script run, untimed)")
                for spec in pages + [B.PEER]:
                    await warm(browser, (peer if spec is B.PEER else app).url + spec.path + spec.query)
                async with B.Meter(app=app.pid, peer=peer.pid) as meter:
                    for rnd in range(args.rounds):
                        for spec in pages + [B.PEER]:  # interleaved: the peer shares each round's machine load
                            B.note(f"round {rnd + 1}/{args.rounds}: {spec.name}")
                            await measure_page(browser, peer if spec is B.PEER else app, spec, rnd, args, out)
                for rnd in range(args.fresh_rounds):
                    B.note(f"fresh servers {rnd + 1}/{args.fresh_rounds}: first Train, first Verify")
                    await fresh_server_actions(browser, wd, args, fresh)
            finally:
                await browser.close()
        errors = B.server_errors(app)
    out["meter"] = meter
    out.update(fresh)
    report(args, pages, out, args.fresh_rounds > 0)
    print("Server log errors: " + ("; ".join(errors[:5]) if errors else "none"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="rounds; each page's numbers are medians (default 3)")
    ap.add_argument("--changes", type=int, default=2, help="timed widget changes per page and round (default 2)")
    ap.add_argument("--quiet-ms", type=int, default=300,
                    help="the DOM must stay unchanged this long for a page to count as done (default 300)")
    ap.add_argument("--pages", default="", help="comma-separated page names (default: all)")
    ap.add_argument("--fresh-rounds", type=int, default=1,
                    help="fresh servers for (c), each timing a first Train and (on another) a first Verify; "
                         "0 skips (c) (default 1: two server starts and two TensorFlow imports, ~1 min)")
    args = ap.parse_args()
    B.exit_on_sigterm()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
