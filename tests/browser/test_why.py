"""The "Why convolution" page in a real browser: it opens, draws its charts,
a slider moves the pattern and the URL keeps the state."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import assert_no_exception, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def open_why(page, app_url, query=""):
    page.goto(f"{app_url}/why{query}")
    wait_idle(page)


def test_why_page_draws_and_reacts(page, app_url):
    open_why(page, app_url)
    page.get_by_text("Billions of parameters, or a few hundred?").wait_for()
    page.get_by_text("Output channel 1").wait_for()
    assert_no_exception(page)
    plots = page.locator(".js-plotly-plot")
    plots.nth(20).wait_for()
    expect(plots).to_have_count(21)  # side by side figures are separate charts in columns
    page.get_by_text("1,000,001,000,000").first.wait_for()
    page.set_viewport_size({"width": 1400, "height": 6800})  # the app scrolls inside itself: show it all
    wait_idle(page)
    screenshot(page, "why")
    page.set_viewport_size({"width": 1400, "height": 1000})

    # Move the pattern with the keyboard on the "dx" slider: the sentence and the URL follow.
    page.locator(".st-key-why-dx input[type='range']").focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    page.get_by_text("moved by (3, 3): the largest difference is 0").wait_for()
    wait_url(page, "dx=3")
    assert_no_exception(page)


def test_why_page_in_chinese_from_a_link(page, app_url):
    open_why(page, app_url, "?lang=zh&k=3&O=1")
    page.get_by_text("数十亿个参数，还是几百个？").wait_for()
    page.get_by_text("平移不变性：处处使用同一个卷积核").wait_for()
    page.get_by_text("约 1 万亿").wait_for()  # 1000×1000 → same size, k = 3: 1,000,001,000,000
    assert_no_exception(page)
    page.locator(".js-plotly-plot").nth(15).wait_for()
    expect(page.locator(".js-plotly-plot")).to_have_count(16)  # one output channel: 5 charts fewer
    screenshot(page, "why_zh")


# --- what a learner sees: nothing squeezed, cut off or overlapping, on a phone and on a desktop ---

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


@pytest.mark.parametrize("width, lang", [(390, "en"), (390, "zh"), (1280, "en")])
def test_why_page_neither_squeezes_nor_overlaps(page, app_url, width, lang):
    """At a phone's 390 px the translation and channel figures squeezed (titles on
    digits, Y[0] cut off); on a desktop two titles ran together and titles sat under the mode bar."""
    page.set_viewport_size({"width": width, "height": 9000 if width > 600 else 20000})  # the whole page at once
    open_why(page, app_url, f"?lang={lang}")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(21, timeout=60_000)
    assert_layout_is_clean(page)
    assert_no_exception(page)
    screenshot(page, f"why_layout_{width}_{lang}")
