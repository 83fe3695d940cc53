"""The real app in a real browser: `streamlit run app.py` on a free port,
driven by Playwright through Debian's Chromium (never a downloaded browser)."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _missing(what: str):
    # In CI the browser tests must run: a missing piece is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run installs it", pytrace=False)
    pytest.skip(f"{what} is missing")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app():
    """`streamlit run app.py` on a free port; yields its URL."""
    port = _free_port()
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"streamlit did not start:\n{out[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (pip install -r requirements-dev.txt)")
    path = _chromium()
    if not path:
        _missing("Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shared_context(browser):
    """One browser context for the tests' pages: each test has its own tab (its own
    Streamlit session), and Streamlit's JavaScript comes from the context's cache
    after the first page instead of being fetched and compiled afresh every time."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


def new_tab(context, width: int = 1400, height: int = 1000):
    """A new tab of ``context`` (a new Streamlit session) at the given size."""
    p = context.new_page()
    p.set_viewport_size({"width": width, "height": height})
    p.set_default_timeout(30_000)
    return p


@pytest.fixture
def page(shared_context):
    p = new_tab(shared_context)
    yield p
    p.close()


def wait_charts(page, timeout: int = 60_000) -> None:
    """Every plotly chart on the page has drawn (plotly draws after the script's run)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(c => c.querySelector('.main-svg'))""", timeout=timeout)
    page.wait_for_timeout(300)


def wait_idle(page) -> None:
    """Wait until the script has finished its run (after every action)."""
    # "notRunning" is also the state before the first run starts: wait for content too
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]');
        }""",
        timeout=60_000,
    )
    page.wait_for_timeout(300)  # let the last deltas paint


def choose(page, key: str, option: str) -> None:
    """Pick `option` in the selectbox with widget key `key`, then wait for the rerun.

    On a loaded CI machine the list once failed to show after the first
    click (a page load is a single run, so not a rerun closing it): open it
    again until the option shows, a few bounded tries."""
    box = page.locator(f".st-key-{key}")
    wanted = page.get_by_role("option", name=option)
    for _ in range(5):
        wait_idle(page)
        box.click()
        try:
            wanted.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    wanted.click()
    wait_idle(page)


def wait_url(page, *parts: str, absent: tuple[str, ...] = ()) -> None:
    """Wait until the URL holds every part and none of `absent`.

    A widget change starts its rerun a moment after the event (sliders
    debounce), so wait_idle can return before that rerun has written the
    query string: poll the URL itself instead of reading it once."""
    page.wait_for_function(
        """([parts, absent]) => parts.every(p => location.href.includes(p))
            && !absent.some(p => location.href.includes(p))""",
        arg=[list(parts), list(absent)],
        timeout=20_000,
    )


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_no_exception(page) -> None:
    exc = page.locator('[data-testid="stException"]')
    assert exc.count() == 0, exc.first.inner_text()


# --- what a learner sees: one probe for every page's layout tests ----------------

# Problems a learner would see, read from the page as drawn: the page scrolling
# sideways, charts on top of each other, a chart's text cut off at its edge, a
# title running into another title or into an axis' numbers, numbers of one
# chart running into each other, a title under the mode bar's buttons (plotly
# lays them out at the top right of every chart, shown on hover).
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const rect = (e) => e.getBoundingClientRect();
  const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return ['no page yet'];
  if (main.scrollWidth > main.clientWidth + 1) problems.push(`the page scrolls sideways (${main.scrollWidth} px in ${main.clientWidth})`);
  for (const f of document.querySelectorAll('.katex-display')) {  // it scrolls inside its box: a learner sees it cut
    // (KaTeX's struts make scrollWidth exceed a fitting formula's box by a pixel or two)
    if (f.scrollWidth > f.clientWidth + 4) problems.push(`a formula is cut off (${f.scrollWidth} px in ${f.clientWidth})`);
  }
  for (const t of document.querySelectorAll('[data-testid="stMain"] table')) {
    const box = t.parentElement.getBoundingClientRect();  // a wide table scrolls in its own box, not the page
    if (box.right > main.getBoundingClientRect().right + 1) problems.push(`a table runs off the page`);
  }
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  if (!charts.length || charts.some(c => !c.querySelector('.main-svg .infolayer'))) return ['charts not drawn yet'];
  const boxes = charts.map(rect);
  boxes.forEach((a, i) => boxes.forEach((b, j) => { if (i < j && meet(a, b)) problems.push(`charts ${i} and ${j} overlap`); }));
  charts.forEach((c, n) => {
    const box = boxes[n];
    const name = (e) => `chart ${n}: “${e.textContent}”`;
    const titles = [...c.querySelectorAll('.annotation-text, .gtitle')].filter(e => e.textContent.trim());
    const numbers = [...c.querySelectorAll('.xtick text, .ytick text')].filter(e => e.textContent.trim());
    for (const e of [...titles, ...numbers]) {
      const r = rect(e);
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        problems.push(`${name(e)} is cut off`);
    }
    titles.forEach((a, i) => {
      titles.forEach((b, j) => { if (i < j && meet(rect(a), rect(b))) problems.push(`${name(a)} runs into “${b.textContent}”`); });
      numbers.forEach(b => { if (meet(rect(a), rect(b))) problems.push(`${name(a)} runs into the number ${b.textContent}`); });
    });
    numbers.forEach((a, i) => numbers.forEach((b, j) => {
      if (i < j && meet(rect(a), rect(b))) problems.push(`${name(a)} and ${b.textContent}: numbers on top of each other`);
    }));
    if (c.closest('[class*="-yt-"]')) return;  // "Your turn" grids are drawn without a mode bar on purpose
    const bar = c.querySelector('.modebar');
    if (!bar || !rect(bar).width) { problems.push(`chart ${n}: no mode bar laid out yet`); return; }
    titles.forEach(a => { if (meet(rect(bar), rect(a))) problems.push(`${name(a)} is under the mode bar`); });
  });
  return problems;
}"""


def assert_layout_is_clean(page) -> None:
    """The page as drawn has none of LAYOUT_PROBLEMS; retried, since charts draw after the script's run."""
    try:
        page.wait_for_function(f"() => ({LAYOUT_PROBLEMS})().length === 0", timeout=30_000, polling=500)
    except PlaywrightTimeout:
        problems = page.evaluate(LAYOUT_PROBLEMS)
        pytest.fail("what a learner sees is broken:\n" + "\n".join(problems[:30]))
