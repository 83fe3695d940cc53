"""A class on one server: N concurrent Chromium sessions (one browser, a
context each: one Streamlit session each, as a learner's tab) on the app,
started as the README starts it (`streamlit run app.py`: the project's config,
this venv's streamlit, a free loopback port), and as many sessions on a
one-heatmap Streamlit page (the peer: a 10x10 plotly heatmap and a slider)
served the same way.

Before the load: idle CPU (one tab open on each of ``--idle-pages``, untouched,
``--idle-seconds`` each, server and Chromium, % of a core), then two Trains:
the first loads TensorFlow (once per server: then not in the load's numbers),
the second measures one Train's server CPU, to take the Trains out of the
per-rerun CPU (an estimate, printed beside the plain figure). Then the app's
class arrives (every session opens its first page; reported too), then the
peer's; then the two classes take turns, ``--slices`` turns each, for
``--seconds`` each in all, so that both meet the same machine (it is shared).
Every action is followed by ~``--think`` seconds.

- Walkers open the edge page with a picture size of their own
  (`/edges?image=disc&size=<theirs>`), then go round the menu through the
  sidebar, each from its own place in it, back to the edge page every third
  visit. On every page they change one control to a value of their own
  (bench/_browser.py's WIDGETS; a page it does not know: its first keyed
  slider or number input; the step-by-step page also gets padding
  rows/columns that tell the sessions apart), and check that the page and the
  URL show the defaults on a first visit, and their own values right after
  the change and whenever they come back.
- Trainers (``--trainers``) stay on the training page: set a seed of their
  own, press Train, wait for the results, check that the run shown names
  their seed, and that it is still shown, unchanged, after their next change.
- The peer's sessions step its slider.

Prints per page p50/p95/max of opening it (sidebar click until done) and of a
change (key press until the rerun finished and every chart drew; "run ended":
until its script_finished message), each p95 as a ratio to the peer slider's
p95; Train (click until a loss chart is drawn, until the results show); the
server's CPU per rerun (its CPU time from /proc/<pid>/stat over the turns,
divided by the script runs the sessions' browsers saw finish); the server's
peak RSS (sampled twice a second); the machine's load during the turns (it is
shared: ratios against the peer are the point); and every value a session saw
that it did not set, result it lost (a value back at its default counts as
lost), stException, frontend error or timeout.

Budgets (design.md): idle <= 2% of a core; <= 200 ms server CPU per rerun;
10 sessions: p95 <= 1.5x the peer's p95; 30 sessions: no error, no lost
result, RSS <= 1 GB. A bench: it prints, it asserts nothing. Progress goes to
stderr, the report to stdout.

    python bench/load_class.py                      # 10 sessions, 3 of them training, 60 s
    python bench/load_class.py --sessions 4 --seconds 30
    python bench/load_class.py --sessions 30        # the class-sized run
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field

import _browser as B
from playwright.async_api import async_playwright

IDENTITY = {  # controls a walker sets once per page, to values that tell the sessions apart
    "stepper": [B.Widget("number", "stepper.ph", "ph", 0), B.Widget("number", "stepper.pw", "pw", 0)],
}
EDGE_START = "/edges?image=disc&size={}"  # each walker's own picture size, from its first link
SEED = B.Widget("number", "training.seed", "seed", 0)
TRAIN_BUTTON = ".st-key-training-train button"
# The loss chart, live (training.loss.<n>) or final (training.loss): under load the live ones may never
# draw before the run is over (the chart code still loading), so the first one drawn after Train counts.
LOSS_CHART = '[class*="st-key-training-loss"] .js-plotly-plot .main-svg'

RUN_JS = """() => {  // the run the training page shows: its summary line and its log
  const main = document.querySelector('[data-testid="stMain"]');
  const summary = [...main.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .map(e => e.innerText).find(t => / · /.test(t) && /seed|种子/.test(t)) || null;
  const log = [...main.querySelectorAll('[data-testid="stCode"]')].map(e => e.innerText)
    .find(t => /^epoch \\d+, loss/m.test(t)) || null;
  const button = document.querySelector('.st-key-training-train button');
  const idle = !!button && !button.disabled;
  return {summary, log, idle, done: idle && !!summary && !!log};
}"""


@dataclass
class Results:
    open: dict = field(default_factory=lambda: defaultdict(list))  # page -> seconds until done
    change: dict = field(default_factory=lambda: defaultdict(list))
    script: dict = field(default_factory=lambda: defaultdict(list))  # (page, "open"|"change") -> until the run ended
    train_epoch: list = field(default_factory=list)
    train_done: list = field(default_factory=list)
    foreign: list = field(default_factory=list)  # a value (or URL) that is not the session's own
    lost: list = field(default_factory=list)  # a result shown, then gone or changed
    problems: list = field(default_factory=list)  # stException, frontend errors
    errors: list = field(default_factory=list)  # timeouts, a page that never settled
    runs: int = 0  # script runs the browsers saw finish
    trains: int = 0


class Clock:
    """One class's turn. The load starts once every session of both classes has opened its first page
    (the class arrives; under load that takes long, and is reported on its own); then the app's class
    and the peer's take turns (``--slices`` each), so that both see the same machine: a session acts
    while its class has the turn, and finishes the action in hand when the turn passes."""

    def __init__(self):
        self.waiting = 0
        self.all_in, self.turn = asyncio.Event(), asyncio.Event()
        self.over = False

    def arrive(self) -> None:
        self.waiting -= 1
        if self.waiting <= 0:
            self.all_in.set()


class Session:
    """One learner's tab: its own browser context, Streamlit session and values."""

    def __init__(self, browser, url: str, sid: int, res: Results, args, clock: Clock):
        self.browser, self.url, self.sid, self.res, self.args, self.clock = browser, url, sid, res, args, clock
        self.arrived = False
        self.page = None
        self.expected: dict[str, dict[B.Widget, float]] = defaultdict(dict)  # page -> widget -> own value
        self.counts: dict[str, int] = defaultdict(int)  # changes made on each page
        self.runs_seen = 0

    async def start(self, path: str) -> B.Timing:
        if self.page is not None:
            await self.close()
        self.page = await B.new_tab(self.browser)
        self.runs_seen = 0
        self.expected.clear()
        return await B.open_page(self.page, self.url + path, self.args.quiet_ms)

    async def close(self) -> None:
        if self.page is not None:
            runs = await self._runs()  # (not `+= await`: another session may add to it meanwhile)
            self.res.runs += runs
            self.page, page = None, self.page
            await page.context.close()

    async def _runs(self) -> int:
        try:
            return await B.runs(self.page) - self.runs_seen
        except Exception:  # noqa: BLE001 - a page gone: its runs are lost to the count
            return 0

    def left(self) -> bool:
        return not self.clock.over

    async def ready(self) -> None:
        """On the first page: wait for the class's turn, then count runs from here."""
        if not self.arrived:
            self.arrived = True
            self.clock.arrive()
        await self.clock.turn.wait()
        self.runs_seen = await B.runs(self.page)

    def failed(self, e: Exception) -> None:
        self.res.errors.append(f"session {self.sid}: {type(e).__name__}: {str(e).splitlines()[0][:200]}")
        if not self.arrived:  # the class does not wait for a session that could not open its page
            self.arrived = True
            self.clock.arrive()

    async def think(self) -> None:
        """A learner's pause after an action; then wait for the class's turn."""
        await asyncio.sleep(self.args.think * random.uniform(0.5, 1.5))
        await self.clock.turn.wait()

    def record(self, kind: str, name: str, t: B.Timing | None) -> None:
        if t is not None and self.settled(t, f"{kind} {name}"):
            getattr(self.res, kind)[name].append(t.total)
            self.res.script[name, kind].append(t.script)

    def settled(self, t: B.Timing | None, what: str) -> bool:
        if t is not None and t.total is None:
            self.res.errors.append(f"session {self.sid}: {what} never settled (state {t.state})")
            return False
        return True

    async def check(self, name: str, when: str) -> None:
        """The page shows this session's own values, and the URL holds them (non-default ones only)."""
        params = B.url_params(self.page.url)
        for widget, value in self.expected[name].items():
            shown = await B.widget_value(self.page, widget)
            if shown is None or abs(shown - value) > 1e-9:  # back at the default: lost; else someone else's
                (self.res.lost if shown == widget.default else self.res.foreign).append(
                    f"session {self.sid} {name} {when}: {widget.key} shows {shown}, set {value}")
            in_url = params.get(widget.param)
            want = None if value == widget.default else value
            if (in_url is None) != (want is None) or (in_url is not None and abs(float(in_url) - want) > 1e-9):
                self.res.foreign.append(f"session {self.sid} {name} {when}: URL {widget.param}={in_url}, set {want}")
        self.res.problems += [f"session {self.sid} {name}: {p}" for p in await B.problems(self.page)]


class Walker(Session):
    def __init__(self, *args, pages: list[B.Page]):
        super().__init__(*args)
        self.pages = pages

    async def run(self) -> None:
        pages = self.pages
        names = [p.name for p in pages]
        i = names.index("edges") if "edges" in names else 0
        while self.left():
            try:
                size = 100 + 13 * self.sid % 400  # this session's own picture size
                t = await self.start(EDGE_START.format(size))
                if self.settled(t, "first page"):
                    self.record("open", "edges (first page)", t)
                    self.expected["edges"][B.WIDGETS["edges"]] = size
                    await self.ready()
                    home = pages[i]
                    await self.visit(home, arrived=True)
                    i += self.sid  # from there on, each walker round the menu from its own place,
                    for step in itertools.count(1):  # and back to its first page every third visit
                        if not self.left():
                            break
                        if step % 3 == 0:
                            await self.visit(home)  # its own picture size still there?
                            continue
                        i = (i + 1) % len(pages)
                        await self.visit(pages[i])
            except Exception as e:  # noqa: BLE001 - a timeout: note it, start a fresh session
                self.failed(e)
        await self.close()

    async def visit(self, spec: B.Page, arrived: bool = False) -> None:
        page, name = self.page, spec.name
        if not arrived:
            link = page.locator(f'[data-testid="stSidebarNav"] a[href="{self.url}{spec.path or "/"}"]')
            t = await B.act(page, link.click(), self.args.quiet_ms)
            if not self.settled(t, f"opening {name}"):
                return
            self.record("open", name, t)
        for widget in [spec.widget] + IDENTITY.get(name, []):  # a first visit shows the defaults
            if widget is not None and widget.param and widget.default is not None:
                self.expected[name].setdefault(widget, widget.default)
        await self.check(name, "on arrival")
        await self.think()
        for widget in IDENTITY.get(name, []):
            value = (self.sid % 6) if widget.param == "ph" else (self.sid // 6) % 6
            if self.expected[name].get(widget) != value:
                self.record("change", name, await B.set_number(page, widget, value, self.args.quiet_ms))
                self.expected[name][widget] = value
        widget = await B.discover(page) if spec.discover else spec.widget
        if widget is None or not self.left():
            return
        t, expected = await B.change(page, widget, self.sid, self.counts[name], self.args.quiet_ms)
        self.counts[name] += 1
        self.record("change", name, t)
        if expected is not None and widget.param:
            self.expected[name][widget] = expected
        await self.check(name, "after a change")
        await self.think()


class Trainer(Session):
    async def run(self) -> None:
        while self.left():
            try:
                k = 0
                t = await self.start(f"/training?seed={self.seed(k)}")
                if not self.settled(t, "first page"):
                    continue
                self.record("open", "training (first page)", t)
                self.expected["training"][SEED] = self.seed(k)
                await self.ready()
                shown = None  # the last run's summary and log, as the page showed them
                while self.left():
                    if k:  # a seed of its own for the next run; the last run stays shown meanwhile
                        self.record("change", "training", await B.set_number(self.page, SEED, self.seed(k),
                                                                             self.args.quiet_ms))
                        self.expected["training"][SEED] = self.seed(k)
                        await self.check("training", "after a change")
                        now = await self.page.evaluate(RUN_JS)
                        if shown and (now["summary"], now["log"]) != shown:
                            self.res.lost.append(f"session {self.sid}: the run of seed {self.seed(k - 1)} showed "
                                                 f"{shown[0]!r}, now {now['summary']!r}")
                        await self.think()
                    shown = await self.train(self.seed(k))
                    k += 1
                    await self.think()
            except Exception as e:  # noqa: BLE001
                self.failed(e)
        await self.close()

    def seed(self, k: int) -> int:
        return 100_000 + 1000 * self.sid + k

    async def train(self, seed: int):
        page = self.page
        await B.watch_fresh(page, "epoch", LOSS_CHART)
        t = await B.act(page, page.locator(TRAIN_BUTTON).click(), self.args.quiet_ms, f"({RUN_JS})().done")
        now = await page.evaluate(RUN_JS)
        if not self.settled(t, "training"):
            return None
        self.res.trains += 1
        self.res.train_epoch.append(await B.watched(page, "epoch", await B.last_act(page)))
        self.res.train_done.append(t.total)
        self.res.problems += [f"session {self.sid} training: {p}" for p in await B.problems(page)]
        if not now["summary"] or f"seed {seed} " not in now["summary"] + " ":
            self.res.foreign.append(f"session {self.sid}: trained seed {seed}, the page shows {now['summary']!r}")
        return now["summary"], now["log"]


class PeerUser(Session):
    async def run(self) -> None:
        while self.left():
            try:
                t = await self.start(B.PEER.path)
                if not self.settled(t, "first page"):
                    continue
                self.record("open", "peer", t)
                await self.ready()
                while self.left():
                    t, _ = await B.change(self.page, B.PEER.widget, self.sid, self.counts["peer"], self.args.quiet_ms)
                    self.counts["peer"] += 1
                    self.record("change", "peer", t)
                    self.res.problems += [f"session {self.sid} peer: {p}" for p in await B.problems(self.page)]
                    await self.think()
            except Exception as e:  # noqa: BLE001
                self.failed(e)
        await self.close()


async def idle(browser, server, path: str, args) -> B.Meter:
    """CPU used by the server and by Chromium while one tab shows the page, untouched."""
    page = await B.new_tab(browser)
    try:
        await B.open_page(page, server.url + path, args.quiet_ms)
        await asyncio.sleep(2)  # let late work (fonts, resize observers) finish
        async with B.Meter(server=server.pid) as meter:
            await asyncio.sleep(args.idle_seconds)
        B.note(f"idle on {path or '/'}: {meter.summary()}")
        return meter
    finally:
        await page.context.close()


async def run_classes(classes: dict, args) -> tuple[dict, B.Meter]:
    """``classes``: name -> (server, a function (results, clock) -> sessions). Each class arrives (opens
    its first pages), one after the other; then they take turns for ``--seconds`` each. Returns each
    class's results, and the meter of the turns."""
    results, clocks, tasks = {}, {}, []

    async def staggered(n, total, session):
        await asyncio.sleep(args.stagger * n / max(1, total))  # the class arrives within a few seconds
        await session.run()

    for name, (server, make_sessions) in classes.items():
        results[name], clocks[name] = Results(), Clock()
        sessions = make_sessions(results[name], clocks[name])
        clocks[name].waiting = len(sessions)
        tasks += [asyncio.create_task(staggered(n, len(sessions), s)) for n, s in enumerate(sessions)]
        B.note(f"{name}: {len(sessions)} sessions arrive")
        try:
            await asyncio.wait_for(clocks[name].all_in.wait(), timeout=2 * args.timeout)
        except asyncio.TimeoutError:
            results[name].errors.append(f"{clocks[name].waiting} of {len(sessions)} sessions did not open a page")
    B.note(f"all in; {args.slices} turns of {args.seconds / args.slices:.0f} s each")
    async with B.Meter(**{name: server.pid for name, (server, _) in classes.items()}) as meter:
        for _ in range(args.slices):
            for clock in clocks.values():
                clock.turn.set()
                await asyncio.sleep(args.seconds / args.slices)
                clock.turn.clear()
        for clock in clocks.values():
            clock.over = True
            clock.turn.set()
        await asyncio.gather(*tasks)
    return results, meter


def stats(xs: list, peer_p95: float | None, budget: float | None, script: list = ()) -> list:
    """n, p50, p95, max, p50 until the run ended, p95 / the peer's p95, the verdict on that ratio."""
    p95 = B.percentile(xs, 95)
    r = B.ratio(p95, peer_p95)
    return [len([x for x in xs if x is not None]), B.fmt(B.percentile(xs, 50)), B.fmt(p95),
            B.fmt(B.percentile(xs, 100)), B.fmt(B.percentile(script, 50)), B.fmt(r),
            B.verdict(r, budget) if budget else "–"]


def report(args, res: Results, peer: Results, meter: B.Meter, idle: list, before_tf: float, errors: dict,
           warm: tuple) -> None:
    n = args.sessions
    peer_p95 = B.percentile(peer.change["peer"], 95)
    p95_budget = 1.5 if n <= 10 else None  # the ratio budget is stated for 10 sessions
    print(f"# Class load: {n} sessions ({args.trainers} training) on the app and {n} on the peer, taking turns "
          f"({args.slices} turns of {args.seconds / args.slices:.0f} s each), think {args.think:g} s, "
          f"{os.cpu_count()} cores\n")
    print(f"During the turns: {meter.summary()}.\n")
    header = ["page", "action", "n", "p50 s", "p95 s", "max s", "run ended p50 s", "p95 / peer slider p95",
              "<= 1.5x" + ("" if p95_budget else " (budget for 10 sessions)")]
    rows = []
    for name in list(res.open) + [k for k in res.change if k not in res.open]:
        if res.open.get(name):
            rows.append([name, "open (sidebar click)" if "first page" not in name else "open (link, class arriving)"]
                        + stats(res.open[name], peer_p95, None, res.script[name, "open"]))
        if res.change.get(name):
            rows.append([name, "change"] + stats(res.change[name], peer_p95, p95_budget, res.script[name, "change"]))
    rows.append(["training", "Train: loss chart drawn"] + stats(res.train_epoch, peer_p95, None))
    rows.append(["training", "Train: results shown"] + stats(res.train_done, peer_p95, None))
    rows.append(["peer", "open (link, class arriving)"] + stats(peer.open["peer"], peer_p95, None,
                                                               peer.script["peer", "open"]))
    rows.append(["peer", "slider change"] + stats(peer.change["peer"], peer_p95, None, peer.script["peer", "change"]))
    print(B.table(header, rows))

    over = []
    for name, xs in res.change.items():
        r = B.ratio(B.percentile(xs, 95), peer_p95)
        if p95_budget and r and r > p95_budget:
            over.append(f"{name} change p95 {r:.1f}x the peer's")
    per_run = 1000 * meter.cpu["app"] / res.runs if res.runs else None
    peer_run = 1000 * meter.cpu["peer"] / peer.runs if peer.runs else None
    rss = meter.rss["app"]
    first, train_cpu = warm
    other_runs = res.runs - 2 * res.trains  # a Train is two runs: the one that trains, the one that shows it
    per_other = (1000 * (meter.cpu["app"] - res.trains * train_cpu) / other_runs
                 if train_cpu is not None and other_runs > 0 else None)
    per_other = per_other if per_other is None or per_other > 0 else None  # too few runs to tell
    rows = [["first Train on the server, before the load (s; TensorFlow loads)", B.fmt(first), "–", "–", "–"],
            ["server CPU of one Train, TensorFlow loaded (ms; before the load)",
             B.fmt(None if train_cpu is None else 1000 * train_cpu, 0), "–", "–", "–"],
            ["server CPU per rerun, all runs (ms)", f"{B.fmt(per_run, 0)} ({res.runs} runs, {res.trains} Trains)",
             f"{B.fmt(peer_run, 0)} ({peer.runs} runs)", "<= 200", B.verdict(per_run, 200)],
            ["server CPU per rerun, Trains taken out (ms; estimate)", f"{B.fmt(per_other, 0)} ({other_runs} runs)",
             "–", "<= 200", B.verdict(per_other, 200)]]
    for name, m in idle:
        pct = m.pct(m.cpu["server"])
        rows.append([f"idle tab on {name}, server (% of a core)", B.fmt(pct), "–", "<= 2", B.verdict(pct, 2)])
        rows.append([f"idle tab on {name}, Chromium (% of a core)", B.fmt(m.pct(m.browser)), "–", "–", "–"])
    rows += [["server RSS peak (MB)", f"{rss:.0f} (before TensorFlow {before_tf:.0f})", f"{meter.rss['peer']:.0f}",
              "<= 1024", B.verdict(rss, 1024)],
             ["sessions' errors (timeouts, never settled)", len(res.errors), len(peer.errors), 0,
              "ok" if not res.errors else "OVER"],
             ["values not the session's own (page or URL)", len(res.foreign), "–", 0,
              "ok" if not res.foreign else "OVER"],
             ["results lost", len(res.lost), "–", 0, "ok" if not res.lost else "OVER"],
             ["stException / frontend errors", len(res.problems), len(peer.problems), 0,
              "ok" if not res.problems else "OVER"]]
    print("\n" + B.table(["measure", "app", "peer", "budget", "verdict"], rows))
    if per_run and per_run > 200:
        over.append(f"server CPU per rerun {per_run:.0f} ms (Trains taken out: {B.fmt(per_other, 0)} ms)")
    over += [f"idle tab on {name}: server {m.pct(m.cpu['server']):.1f}% of a core"
             for name, m in idle if m.pct(m.cpu["server"]) > 2]
    if rss > 1024:
        over.append(f"RSS {rss:.0f} MB")
    if res.errors or res.foreign or res.lost or res.problems:
        over.append("errors, foreign values, lost results or page problems (below)")
    print("\nOver budget: " + ("; ".join(over) if over else "none"))
    for title, items in (("Errors", res.errors + peer.errors), ("Not the session's own", res.foreign),
                         ("Lost results", res.lost), ("Problems on pages", res.problems + peer.problems),
                         ("Server log errors", errors["app"] + errors["peer"])):
        if items:
            print(f"\n{title} ({len(items)}):")
            for line in sorted(set(items))[:15]:
                print(f"- {line}")


async def main_async(args) -> None:
    pages = B.app_pages()
    walkers = max(0, args.sessions - args.trainers)
    with B.workdir() as wd, B.streamlit("app.py", wd) as app, B.streamlit(wd / "peer.py", wd, "peer") as peer:
        async with async_playwright() as pw:
            browser = await B.launch(pw)
            try:
                idle_meters = []
                for name in args.idle_pages.split(","):
                    spec = next(p for p in pages if p.name == name)
                    idle_meters.append((name, await idle(browser, app, spec.path, args)))
                before_tf = max(m.rss["server"] for _, m in idle_meters)
                warm = await first_train(browser, app, args) if args.trainers else (None, None)
                results, meter = await run_classes({
                    "app": (app, lambda r, c: (
                        [Walker(browser, app.url, s, r, args, c, pages=pages) for s in range(walkers)]
                        + [Trainer(browser, app.url, walkers + s, r, args, c) for s in range(args.trainers)])),
                    "peer": (peer, lambda r, c: [PeerUser(browser, peer.url, s, r, args, c)
                                                 for s in range(args.sessions)]),
                }, args)
            finally:
                await browser.close()
        errors = {"app": B.server_errors(app), "peer": B.server_errors(peer)}
    report(args, results["app"], results["peer"], meter, idle_meters, before_tf, errors, warm)


async def first_train(browser, server, args) -> tuple[float | None, float | None]:
    """Two Trains before the load: the first loads TensorFlow (once per server; then not in the load's
    numbers), the second measures what one Train costs the server once it has. Returns the first's
    seconds from the click until the results showed, and the second's server CPU seconds."""
    res = Results()
    trainer = Trainer(browser, server.url, 9999, res, args, Clock())
    cpu = None
    try:
        await trainer.start("/training")
        await trainer.train(0)
        async with B.Meter(server=server.pid) as meter:
            await trainer.train(1)
        cpu = meter.cpu["server"]
    except Exception as e:  # noqa: BLE001 - the load still runs; its first Train then loads TensorFlow
        B.note(f"a Train before the load failed: {type(e).__name__}: {e}")
    finally:
        await trainer.close()
    first = res.train_done[0] if res.train_done else None
    B.note(f"first Train on the server (TensorFlow loads): {B.fmt(first)} s; the next one: {B.fmt(cpu)} s of CPU")
    return first, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=10, help="concurrent browser sessions (default 10; try 30)")
    ap.add_argument("--trainers", type=int, default=None,
                    help="of the sessions, how many train (default 3; a third of fewer than 9 sessions)")
    ap.add_argument("--seconds", type=float, default=60,
                    help="load duration, app and peer each, in turns (default 60)")
    ap.add_argument("--slices", type=int, default=3, help="turns each class takes (default 3)")
    ap.add_argument("--think", type=float, default=1.0, help="mean pause after each action, s (default 1)")
    ap.add_argument("--stagger", type=float, default=3.0, help="the sessions start within this many s (default 3)")
    ap.add_argument("--idle-seconds", type=float, default=10, help="idle measurement per page, s (default 10)")
    ap.add_argument("--idle-pages", default="home,why", help="pages for the idle measurement (default home,why)")
    ap.add_argument("--quiet-ms", type=int, default=300, help="DOM quiet time that counts as done (default 300)")
    ap.add_argument("--timeout", type=int, default=180, help="one action's timeout, s (default 180)")
    args = ap.parse_args()
    if args.trainers is None:
        args.trainers = min(3, args.sessions // 3)
    args.trainers = min(args.trainers, args.sessions)
    B.TIMEOUT_MS = args.timeout * 1000
    B.exit_on_sigterm()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
