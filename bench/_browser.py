"""What bench/browser_latency.py and bench/load_class.py share: the app (and a
one-heatmap peer page) served by `streamlit run` on a free loopback port,
Debian's Chromium driven by async Playwright, a page-side probe that says when a
script run has finished and every plotly chart has drawn, the pages and the
widget each bench changes on them, /proc readings and small statistics.

Not a bench itself; run bench/browser_latency.py or bench/load_class.py.
"""
from __future__ import annotations

import asyncio
import contextlib
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from convlab.nav import PAGES as APP_PAGES  # noqa: E402  (the menu: scripts and their URL paths)

CHROMIUM = "/usr/bin/chromium"  # Debian's; never a downloaded browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 1000}  # a laptop: the sidebar (page menu) is open
CLK_TCK = os.sysconf("SC_CLK_TCK")
TIMEOUT_MS = 120_000  # how long one action may take to settle (load_class sets it from --timeout)


# ---------------------------------------------------------------- the pages

@dataclass(frozen=True)
class Widget:
    """The control a bench changes on a page: a number input (typed, then
    Enter) or a slider (its input focused, then ArrowRight / ArrowLeft).

    With ``base``, a number's n-th change in a session sets ``base + 2 *
    session + n % 2``: distinct across sessions, alternating within one, never
    the page's default (``base`` is past it). Without, the control steps one
    step up and back down from where it stands (down first at its maximum)."""
    kind: str  # "number" | "slider"
    key: str  # the widget key, "<page>.<name>" (or its CSS form, "<page>-<name>")
    param: str = ""  # its URL parameter (the page writes non-default values into the URL)
    default: float | None = None
    base: int | None = None

    @property
    def css(self) -> str:
        return ".st-key-" + self.key.replace(".", "-")

    @property
    def input(self) -> str:
        """The widget's input element (a slider's is a hidden range input that takes the arrow keys)."""
        return f"{self.css} input[type='range']" if self.kind == "slider" else f"{self.css} input"

    def value(self, session: int, n: int) -> int | None:
        return None if self.base is None else self.base + 2 * session + n % 2


@dataclass(frozen=True)
class Page:
    name: str  # the script's stem (home for the default page)
    path: str  # URL path after the server's address: "" or "/why"
    widget: Widget | None  # None: no interaction (home), or find one (``discover``)
    query: str = ""  # opened with this query for the widget to be enabled (the first render has none)
    discover: bool = False  # a page this module does not know yet: change its first slider or number input


WIDGETS = {
    "home": None,  # no control of its own (the language picker reruns every page; not a typical change)
    "why": Widget("number", "why.h", "h", 1000, base=1001),  # image height: parameter counts redraw
    "stepper": Widget("number", "stepper.sw", "sw", 1),  # stride (columns), 1 <-> 2: every chart redraws
    "padding_stride": Widget("number", "padding.nh", "nh", 3, base=4),  # input rows: grid and output redraw
    "edges": Widget("slider", "edges.size", "size", 64),  # a synthetic picture's size: every chart redraws
    "training": Widget("number", "training.seed", "seed", 0, base=1),  # the run's seed (problem charts stay)
    "transposed": Widget("number", "transposed.sh", "sh", 1),  # stride (rows), 1 <-> 2: every stamp redraws
    "pooling": Widget("number", "pooling.pw", "pw", 2),  # the window's width, 2 <-> 3: walk, output, shift redraw
    "groups": Widget("slider", "groups.cin", "cin", 4),  # input channels: diagram, example and table redraw
}
QUERIES = {"edges": "?image=disc"}  # the size slider is disabled on the chapter's fixed 6x8 picture


def app_pages() -> list[Page]:
    """Home, then every page in menu order, with the URL path st.navigation gives it."""
    stems = ["home"] + [Path(p.script).stem for p in APP_PAGES]
    return [Page(s, "" if s == "home" else f"/{s}", WIDGETS.get(s), QUERIES.get(s, ""), s not in WIDGETS)
            for s in stems]


DISCOVER_JS = """() => {
  for (const box of document.querySelectorAll('[data-testid="stMain"] [class*="st-key-"]')) {
    const key = [...box.classList].find(c => c.startsWith('st-key-')).slice(7);
    if (box.querySelector('input[type="range"]:not([disabled])')) return ['slider', key];
    if (box.querySelector('[data-testid="stNumberInput"] input:not([disabled])')) return ['number', key];
  }
  return null;
}"""


async def discover(page) -> Widget | None:
    """The first enabled keyed slider or number input in the page's main area."""
    found = await page.evaluate(DISCOVER_JS)
    return Widget(*found) if found else None


PEER = Page("peer", "", Widget("slider", "peer.v", default=50))

PEER_SCRIPT = '''\
"""The peer: a one-heatmap Streamlit page (a 10x10 plotly heatmap and one slider that changes it)."""
import numpy as np
import plotly.graph_objects as go
import streamlit as st

v = st.slider("value", 0, 100, 50, key="peer.v")
z = (np.add.outer(np.arange(10), np.arange(10)) * v) % 17
st.plotly_chart(go.Figure(go.Heatmap(z=z)), key="peer.chart", width="stretch")
'''


# ---------------------------------------------------------------- servers

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    pid: int
    log: Path


@contextlib.contextmanager
def streamlit(script: str | Path, workdir: Path, name: str = "app"):
    """`streamlit run <script>` as the README starts it (the project's config,
    this venv's streamlit), on a free loopback port, in its own process group;
    yields a :class:`Server` once healthy, then stops the whole group."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "CONVLAB_LIVE_SECONDS"}  # paced as users see it
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    log = workdir / f"{name}-{port}.log"
    exe = Path(sys.executable).with_name("streamlit")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "streamlit"]),
           "run", str(script), "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start ({name}):\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        yield Server(url, proc.pid, log)
    finally:
        stop_group(proc)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def exit_on_sigterm() -> None:
    """Turn SIGTERM (`timeout`, `kill`) into SystemExit, so that the servers and the browser are still
    stopped on the way out (the default handler would leave the servers running)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def stop_group(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(wait)


@contextlib.contextmanager
def workdir():
    with tempfile.TemporaryDirectory(prefix="convlab-bench-") as d:
        path = Path(d)
        (path / "peer.py").write_text(PEER_SCRIPT)
        yield path


def server_errors(server: Server) -> list[str]:
    """Tracebacks and errors the server logged (Streamlit logs a script's exception), not access lines."""
    text = server.log.read_text(errors="replace")
    return [line for line in text.splitlines()
            if re.search(r"Traceback|\bERROR\b|Exception\b|Error:", line) and not re.search(r'"(GET|POST) ', line)]


# ---------------------------------------------------------------- the browser

# In every document before the app's own scripts: count script runs (new_session
# and script_finished ForwardMsgs on the websocket), time the last DOM change,
# note the last key press or click, and answer "settled?" and "when did this
# first hold?" in page time (Date.now(): the same clock as Python's time.time()
# on this machine).
PROBE_JS = r"""
(() => {
  if (window.__bench) return;
  const B = window.__bench = {runs: 0, last: Date.now(), watches: {}, preds: [], starts: [], ends: [], act: null};
  for (const type of ['keydown', 'click']) addEventListener(type, () => { B.act = Date.now(); }, true);
  const stateOf = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state');
  };
  const check = (now) => {
    B.preds = B.preds.filter(w => { if (w.pred()) { w.resolve(now); return false; } return true; });
  };
  // What the page was waiting for, last: an element's code (a skeleton stands in while it loads: which
  // element it was shows once it has loaded), a chart's svg.
  const svgs = document.getElementsByClassName('main-svg');
  let nSvgs = 0, loading = new Set();
  const kind = (box) => {
    const el = box.querySelector(
      '[data-testid]:not([data-testid="stSkeleton"]):not([data-testid="stFullScreenFrame"])');
    return el ? el.getAttribute('data-testid') : '?';
  };
  new MutationObserver(() => {
    const now = Date.now();
    B.last = now;
    const still = new Set([...document.querySelectorAll('[data-testid="stSkeleton"]')]
      .map(e => e.closest('[data-testid="stElementContainer"]') || e));
    for (const box of loading) if (!still.has(box)) { B.loadedAt = now; B.loadedWhat = kind(box); }
    loading = still;
    if (svgs.length > nSvgs) B.chartAt = now;
    nSvgs = svgs.length;
    check(now);
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  // Script runs, from the ForwardMsgs themselves (a quick rerun may never show "running" in the DOM: React
  // batches the whole run into one render): the top-level fields of each protobuf message on the websocket.
  const fields = (buf) => {
    const b = new Uint8Array(buf), out = [];
    let i = 0;
    const varint = () => {
      let x = 0, s = 0, c;
      do { c = b[i++]; x += (c & 0x7f) * 2 ** s; s += 7; } while (c & 0x80 && i < b.length);
      return x;
    };
    while (i < b.length) {
      const tag = varint(), wire = tag & 7;
      out.push(Math.floor(tag / 8));
      if (wire === 0) varint();
      else if (wire === 2) { const n = varint(); i += n; }  // (i += varint() would add to the i before the varint)
      else if (wire === 1) i += 8; else if (wire === 5) i += 4; else break;
    }
    return out;
  };
  const onMessage = (data) => {
    const now = Date.now(), f = fields(data);
    if (f.includes(%(NEW_SESSION)d)) B.starts.push(now);  // every run starts with a new_session message
    if (f.includes(%(SCRIPT_FINISHED)d)) { B.runs++; B.ends.push(now); B.last = now; }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        if (e.data instanceof ArrayBuffer) onMessage(e.data);
        else if (e.data instanceof Blob) e.data.arrayBuffer().then(onMessage);
      });
    }
  };
  B.charts = () => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    // a chart whose code is still loading shows a skeleton (so does any element still loading)
    return {n: plots.length, drawn: plots.every(p => p.querySelector('.main-svg'))
                                    && !document.querySelector('[data-testid="stSkeleton"]')};
  };
  // Resolves once a run after `after` finished runs has ended, the state is notRunning, the main area
  // has content, every plotly chart has its svg (none still loading), and the DOM has been quiet for
  // `quiet` ms: with the time of the last DOM change (when the page was done), the run count, the chart
  // count, when the first run after `after` started and when the last one ended.
  B.settle = ({after = 0, quiet = 300, timeout = 60000} = {}) => new Promise(resolve => {
    const start = Date.now();
    const tick = () => {
      const now = Date.now(), c = B.charts();
      const main = document.querySelector('[data-testid="stMain"]');
      const ok = stateOf() === 'notRunning' && B.runs > after && c.drawn
        && main && main.querySelector('[data-testid="stElementContainer"]');
      if (ok && now - B.last >= quiet) {
        return resolve({done: B.last, runs: B.runs, charts: c.n, started: B.starts[after],
                        ended: B.ends[B.ends.length - 1], act: B.act, loaded: B.loadedAt, loaded_what: B.loadedWhat,
                        chart: B.chartAt});
      }
      if (now - start > timeout) return resolve({done: null, runs: B.runs, charts: c.n, state: stateOf()});
      setTimeout(tick, 20);
    };
    tick();
  });
  // Watch for a condition from now on: B.watches[name] resolves with the time it first held (or null).
  B.watch = (name, pred, timeout = 120000) => {
    B.watches[name] = new Promise(resolve => {
      let poll, timer;
      const done = (at) => {
        clearInterval(poll); clearTimeout(timer);
        B.preds = B.preds.filter(w => w.resolve !== done);
        resolve(at);
      };
      if (pred()) return done(Date.now());
      B.preds.push({pred, resolve: done});
      timer = setTimeout(() => done(null), timeout);
      poll = setInterval(() => { if (pred()) done(Date.now()); }, 50);
    });
  };
  // A condition for B.watch: `selector` matches again after having matched nothing (a chart redrawn anew).
  B.fresh = (selector) => {
    let gone = false;
    return () => {
      const hit = !!document.querySelector(selector);
      gone = gone || !hit;
      return gone && hit;
    };
  };
  B.exceptions = () => [...document.querySelectorAll('[data-testid="stException"]')]
    .map(e => e.innerText.slice(0, 300));
})();
""" % {"NEW_SESSION": ForwardMsg.DESCRIPTOR.fields_by_name["new_session"].number,
       "SCRIPT_FINISHED": ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number}


def plotly_specs(payload: bytes) -> list[int]:
    """The byte length of the plotly figure spec (`plotly.io.to_json`, the string Streamlit ships) in one
    ForwardMsg: a websocket frame, or a /_stcore/message body (a cached message the client fetched)."""
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except Exception:  # noqa: BLE001 - not a ForwardMsg
        return []
    if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        if element.WhichOneof("type") == "plotly_chart":
            return [len(element.plotly_chart.spec.encode())]
    return []


class Traffic:
    """What one browser page received from the server: websocket frames and
    /_stcore/message bodies (the cached messages a client fetches), since
    the last :meth:`reset`."""

    def __init__(self, page):
        self.frames: list[bytes] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("response", self._response)
        self._pending = []

    def _frame(self, payload) -> None:
        self.frames.append(payload if isinstance(payload, bytes) else payload.encode())

    def _response(self, response) -> None:
        if "/_stcore/message" in response.url:
            self._pending.append(response)

    async def collect(self) -> tuple[int, list[int]]:
        """(bytes received, plotly spec sizes) since the last reset."""
        for response in self._pending:
            with contextlib.suppress(Exception):
                self.frames.append(await response.body())
        self._pending.clear()
        return sum(map(len, self.frames)), [n for f in self.frames for n in plotly_specs(f)]

    def reset(self) -> None:
        self.frames.clear()
        self._pending.clear()


# On a deep link (/edges) Streamlit's frontend first looks for the server under the page's path: a 404 there
# is how it finds the base URL, not an error.
_BASE_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


async def launch(pw):
    return await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


async def new_tab(browser, timeout_ms: int | None = None):
    """A fresh context (no cache, no cookies) with one page carrying the probe."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(PROBE_JS)
    page = await context.new_page()
    page.set_default_timeout(timeout_ms or TIMEOUT_MS)
    page.bench_errors = []  # uncaught errors and console errors of the app's frontend
    page.on("pageerror", lambda e: page.bench_errors.append(f"pageerror: {e}"[:300]))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and page.bench_errors.append(f"console: {m.text}"[:300]))
    page.on("response", lambda r: r.status >= 400 and not _BASE_PROBE.search(r.url)
            and page.bench_errors.append(f"HTTP {r.status}: {r.url}"[:300]))
    return page


def now_ms() -> float:
    return time.time() * 1000


async def runs(page) -> int:
    return await page.evaluate("window.__bench.runs")


async def settle(page, after: int = 0, quiet: int = 300, timeout: int | None = None) -> dict:
    return await page.evaluate("o => window.__bench.settle(o)",
                               {"after": after, "quiet": quiet, "timeout": timeout or TIMEOUT_MS})


@dataclass
class Timing:
    """One measured action: seconds from the action until the page was done (script run finished, every
    chart drawn), and until the script run finished; None when it never settled (``state`` says where)."""
    total: float | None
    script: float | None
    charts: int
    runs: int
    state: str | None = None
    loaded: float | None = None  # when the last element still loading its code (a skeleton) appeared
    loaded_what: str | None = None  # which element that was (its data-testid)
    chart: float | None = None  # when the last chart svg was added

    @classmethod
    def of(cls, res: dict, t0: float) -> "Timing":
        if res.get("act") and res["act"] >= t0:  # the key press or click as the page saw it
            t0 = res["act"]

        def sec(t):  # seconds after the action; None if before it, or if the page never settled
            return None if t is None or t < t0 or res["done"] is None else (t - t0) / 1e3
        return cls(sec(res["done"]), sec(res.get("ended")), res["charts"], res["runs"], res.get("state"),
                   sec(res.get("loaded")), res.get("loaded_what"), sec(res.get("chart")))


async def open_page(page, url: str, quiet: int = 300) -> Timing:
    """Navigate; the time from navigation until the first run has finished and every chart has drawn."""
    t0 = now_ms()
    await page.goto(url, wait_until="domcontentloaded")
    return Timing.of(await settle(page, 0, quiet), t0)


async def widget_value(page, widget: Widget) -> float | None:
    """What the widget shows now."""
    raw = await page.locator(widget.input).input_value()
    try:
        return float(raw)
    except (TypeError, ValueError):
        return None


async def change(page, widget: Widget, session: int, n: int, quiet: int = 300) -> tuple[Timing, float | None]:
    """Change the widget (its n-th change in this session): the time from the key press until the rerun
    has finished and the charts redrew, and the value the widget should now show."""
    box = page.locator(widget.input)
    before = await widget_value(page, widget)
    expected = widget.value(session, n)
    if expected is None:  # a step up (or down) from where it stands
        lo, hi, step = [await box.get_attribute(a) for a in ("min", "max", "step")]
        step = float(step) if step and step != "any" else 1.0
        up = n % 2 == 0
        if before is not None and up and hi is not None and before + step > float(hi):
            up = False
        elif before is not None and not up and lo is not None and before - step < float(lo):
            up = True
        expected = None if before is None else before + (step if up else -step)
    else:
        up = True
    if widget.kind == "slider":
        await box.focus()
        key = "ArrowRight" if up else "ArrowLeft"
    else:
        await box.fill(_number_text(expected))
        key = "Enter"
    return await act(page, page.keyboard.press(key), quiet), expected


async def set_number(page, widget: Widget, value: float, quiet: int = 300) -> Timing | None:
    """Type ``value`` into a number input and wait for its rerun (None: it already showed that value)."""
    if await widget_value(page, widget) == value:
        return None
    await page.locator(widget.input).fill(_number_text(value))
    return await act(page, page.keyboard.press("Enter"), quiet)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


async def act(page, action, quiet: int = 300, until: str | None = None, timeout_ms: int | None = None) -> Timing:
    """Run ``action`` (an awaitable: a key press, a click); the time until the rerun it starts is done and,
    if given, the JS expression ``until`` holds (a run that ends in st.rerun() settles more than once)."""
    after = await runs(page)
    t0 = now_ms()
    await action
    res = await settle(page, after, quiet, timeout_ms)
    for _ in range(10):
        if res["done"] is None or until is None or await page.evaluate(f"() => !!({until})"):
            break
        res = await settle(page, 0, quiet, timeout_ms)
    return Timing.of(res, t0)


async def watch(page, conditions: dict[str, str], timeout_ms: int | None = None) -> None:
    """From now on, time when each JS expression (by name) first holds; read with :func:`watched`."""
    for name, expr in conditions.items():
        await page.evaluate(f"() => window.__bench.watch({name!r}, () => ({expr}), {timeout_ms or TIMEOUT_MS})")


async def watch_fresh(page, name: str, selector: str, timeout_ms: int | None = None) -> None:
    """From now on, time when ``selector`` matches anew (after matching nothing); read with :func:`watched`."""
    await page.evaluate("([n, sel, ms]) => window.__bench.watch(n, window.__bench.fresh(sel), ms)",
                        [name, selector, timeout_ms or TIMEOUT_MS])


async def watched(page, name: str, t0: float) -> float | None:
    """Seconds from ``t0`` (epoch ms) until the watched condition first held (None: it never did)."""
    at = await page.evaluate("n => window.__bench.watches[n]", name)
    return None if at is None else (at - t0) / 1e3


async def last_act(page) -> float | None:
    """When the page last saw a key press or click (epoch ms)."""
    return await page.evaluate("window.__bench.act")


async def problems(page) -> list[str]:
    """What went wrong on this page so far: stException elements' text, frontend errors (then cleared)."""
    found = [f"stException: {text}" for text in await page.evaluate("window.__bench.exceptions()")]
    found += page.bench_errors
    page.bench_errors = []
    return found


def url_params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


# ---------------------------------------------------------------- /proc and numbers

def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads), from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (the Playwright driver, Chromium and its helpers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError):
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def tree_cpu(pids) -> dict[int, float]:
    """CPU seconds of each of these processes still alive."""
    out = {}
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            out[pid] = cpu_seconds(pid)
    return out


def machine_jiffies() -> tuple[int, int]:
    """(busy, total) CPU jiffies of the whole machine so far, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return sum(values) - idle, sum(values)


class Meter:
    """CPU and memory while a phase of a bench runs (``async with Meter(app=pid) as m``): each server's
    CPU time and peak RSS; Chromium's CPU (this process's descendants: Playwright's driver, Chromium and
    its renderers, sampled twice a second so that a tab closed meanwhile still counts); the whole
    machine's busy time and load average (it is shared: other work on it is in these two)."""

    def __init__(self, **servers: int):
        self.servers = servers
        self.cpu = dict.fromkeys(servers, 0.0)
        self.rss = dict.fromkeys(servers, 0.0)
        self.browser, self.loads = 0.0, []

    def _sample(self) -> None:
        for name, pid in self.servers.items():
            with contextlib.suppress(OSError):
                self.rss[name] = max(self.rss[name], rss_mb(pid))
        for pid, cpu in tree_cpu(descendants(os.getpid())).items():
            self._tree[pid] = cpu
        self.loads.append(os.getloadavg()[0])

    async def _loop(self) -> None:
        while True:
            self._sample()
            await asyncio.sleep(0.5)

    async def __aenter__(self) -> "Meter":
        self._t0, self._m0 = time.monotonic(), machine_jiffies()
        self._cpu0 = {name: cpu_seconds(pid) for name, pid in self.servers.items()}
        self._tree0 = tree_cpu(descendants(os.getpid()))
        self._tree = dict(self._tree0)
        self._task = asyncio.get_running_loop().create_task(self._loop())
        return self

    async def __aexit__(self, *exc) -> None:
        self._task.cancel()
        self._sample()
        self.wall = time.monotonic() - self._t0
        for name, pid in self.servers.items():
            with contextlib.suppress(OSError):
                self.cpu[name] = cpu_seconds(pid) - self._cpu0[name]
        self.browser = sum(cpu - self._tree0.get(pid, 0.0) for pid, cpu in self._tree.items())
        (m0, n0), (m1, n1) = self._m0, machine_jiffies()
        self.machine_pct = 100 * (m1 - m0) / max(1, n1 - n0) * (os.cpu_count() or 1)  # % of one core
        self.load = sum(self.loads) / len(self.loads)

    def pct(self, seconds: float) -> float:
        """CPU seconds over this phase as % of one core."""
        return 100 * seconds / self.wall if self.wall else 0.0

    def summary(self) -> str:
        return (f"{self.wall:.0f} s; the machine busy {self.machine_pct:.0f}% of a core (all work on it), "
                f"load average {self.load:.1f}; this bench's Chromium {self.pct(self.browser):.0f}%"
                + "".join(f", {name} server {self.pct(cpu):.0f}%" for name, cpu in self.cpu.items()))


def median(xs) -> float | None:
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def percentile(xs, q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100)."""
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    return xs[max(0, math.ceil(q / 100 * len(xs)) - 1)]


def fmt(x, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def ratio(x, ref) -> float | None:
    return None if x is None or not ref else x / ref


def verdict(x, budget) -> str:
    return "–" if x is None else ("ok" if x <= budget else "OVER")


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def note(text: str) -> None:
    """Progress on stderr, so stdout holds only the report."""
    print(textwrap.shorten(text, 300), file=sys.stderr, flush=True)
