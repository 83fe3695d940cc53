"""The "Why convolution" page in a real browser: it opens, draws its charts,
a slider moves the pattern and the URL keeps the state."""
import pytest
from playwright.sync_api import expect

from .conftest import assert_layout_is_clean, assert_no_exception, screenshot, wait_idle, wait_url

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
