"""The "Why convolution" page in a real browser: it opens, draws its charts,
a slider moves the pattern and the URL keeps the state."""
import pytest
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
    plots.nth(7).wait_for()
    expect(plots).to_have_count(8)
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
    page.locator(".js-plotly-plot").nth(6).wait_for()
    expect(page.locator(".js-plotly-plot")).to_have_count(7)  # one output channel
    screenshot(page, "why_zh")
