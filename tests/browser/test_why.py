"""The "Why convolution" page in a real browser: it opens, draws its charts,
a slider moves the pattern and the URL keeps the state."""
import pytest

from .conftest import assert_no_exception, screenshot, wait_idle

pytestmark = pytest.mark.browser


def test_why_page_draws_and_reacts(page, app_url):
    page.goto(f"{app_url}/why")
    wait_idle(page)
    page.get_by_text("Billions of parameters, or a few hundred?").wait_for()
    assert_no_exception(page)
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".js-plotly-plot").count() == 8
    assert page.get_by_text("1,000,001,000,000", exact=False).count() >= 1
    screenshot(page, "why")

    # Move the pattern with the keyboard on the "dx" slider: the URL follows.
    thumb = page.locator(".st-key-why\\.dx [role='slider']")
    thumb.focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    assert "dx=3" in page.url
    assert_no_exception(page)


def test_why_page_in_chinese_from_a_link(page, app_url):
    page.goto(f"{app_url}/why?lang=zh&k=3&O=1")
    wait_idle(page)
    page.get_by_text("数十亿个参数，还是几百个？").wait_for()
    page.get_by_text("平移不变性：处处使用同一个卷积核").wait_for()
    assert_no_exception(page)
    screenshot(page, "why_zh")
