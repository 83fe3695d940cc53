"""The "Why convolution" page in a real browser: it opens, draws its charts,
a slider moves the pattern and the URL keeps the state."""
import pytest
from playwright.sync_api import expect

from .conftest import assert_layout_is_clean, assert_no_exception, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def open_why(page, app_url, query=""):
    page.goto(f"{app_url}/why{query}")
    wait_idle(page)


SECTION_CHARTS = {"1. Parameters": 1, "2. Translation": 3, "3. Locality": 1, "4. Channels": 16}


def open_section(page, label: str, charts: int) -> None:
    """Click a section of the page's section picker; only its charts are drawn."""
    page.locator(".st-key-why-sec button", has_text=label).click()
    wait_idle(page)
    expect(page.locator(".js-plotly-plot")).to_have_count(charts, timeout=60_000)


def test_why_page_draws_and_reacts(page, app_url):
    open_why(page, app_url)
    page.get_by_text("Billions of parameters, or a few hundred?").wait_for()
    page.get_by_text("1,000,001,000,000").first.wait_for()
    assert_no_exception(page)
    expect(page.locator(".js-plotly-plot")).to_have_count(1)  # the other sections are built when opened
    screenshot(page, "why")

    open_section(page, "2. Translation", 3)
    wait_url(page, "sec=translation")
    # Move the pattern with the keyboard on the "dx" slider: the sentence and the URL follow.
    page.locator(".st-key-why-dx input[type='range']").focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    page.get_by_text("moved by (3, 3): the largest difference is 0").wait_for()
    wait_url(page, "dx=3")
    page.locator(".st-key-why-next button").click()  # "Next: 3. Locality"
    wait_idle(page)
    page.get_by_text("Locality: a window of size 2Δ+1").wait_for()
    wait_url(page, "sec=locality")
    assert "dx=3" in page.url  # the translation section's value stays in the link
    assert_no_exception(page)


def test_why_page_in_chinese_from_a_link(page, app_url):
    open_why(page, app_url, "?lang=zh&k=3&O=1&sec=channels")
    page.get_by_text("多输入多输出通道").wait_for()
    assert_no_exception(page)
    expect(page.locator(".js-plotly-plot")).to_have_count(11, timeout=60_000)  # one output channel: 5 charts fewer
    screenshot(page, "why_zh")
    open_section(page, "1. 参数量", 1)
    page.get_by_text("约 1 万亿").wait_for()  # 1000×1000 → same size, k = 3: 1,000,001,000,000


# --- what a learner sees: nothing squeezed, cut off or overlapping, on a phone and on a desktop ---

@pytest.mark.parametrize("width, lang", [(390, "en"), (390, "zh"), (1280, "en")])
def test_why_page_neither_squeezes_nor_overlaps(page, app_url, width, lang):
    """At a phone's 390 px the translation and channel figures squeezed (titles on
    digits, Y[0] cut off); on a desktop two titles ran together and titles sat under the mode bar.
    Every section, the section picker included."""
    page.set_viewport_size({"width": width, "height": 9000 if width > 600 else 16000})  # the whole page at once
    open_why(page, app_url, f"?lang={lang}")
    labels = list(SECTION_CHARTS) if lang == "en" else ["1. 参数量", "2. 平移不变性", "3. 局部性", "4. 通道"]
    for n, (label, charts) in enumerate(zip(labels, SECTION_CHARTS.values())):
        if n:
            open_section(page, label, charts)
        expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(charts, timeout=60_000)
        assert_layout_is_clean(page)
        assert_no_exception(page)
        screenshot(page, f"why_layout_{width}_{lang}_{n + 1}")
