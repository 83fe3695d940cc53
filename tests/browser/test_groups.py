"""The groups page in a real browser: the groups slider from standard to
depthwise, a click on an output channel of the diagram, and what a learner
sees on a phone and a laptop (nothing wider than the screen, no titles on
top of each other)."""
import pytest
from playwright.sync_api import expect

from .conftest import new_tab, wait_charts, ARTIFACTS, assert_no_exception, screenshot, wait_idle, wait_url
from .test_layout import MEASURE, overlapping

pytestmark = pytest.mark.browser

LINES = ".st-key-groups-diagram .scatterlayer .trace .js-line"  # one path per line trace


def open_groups(page, app_url, query=""):
    (ARTIFACTS / "groups").mkdir(parents=True, exist_ok=True)
    page.goto(f"{app_url}/groups{query}")
    wait_idle(page)
    assert_no_exception(page)
    page.locator(".st-key-groups-diagram .scatterlayer .trace .points path").first.wait_for(state="attached")


def test_groups_slider_from_standard_to_depthwise(page, app_url):
    open_groups(page, app_url)
    expect(page.get_by_text("each output channel reads 2 of the 4 input channels")).to_be_visible()
    thumb = page.locator(".st-key-groups-g input[type='range']")
    thumb.focus()
    page.keyboard.press("End")  # the last legal value: groups = C_in = 4
    wait_url(page, "g=4")
    wait_idle(page)
    expect(page.get_by_text("groups = 4 = C_in, a depthwise convolution", exact=False)).to_be_visible()
    expect(page.locator(".st-key-groups-g")).to_contain_text("4 · depthwise")
    expect(page.get_by_role("cell", name="1/4")).to_have_count(2)  # depthwise: 1/4 of the multiply-adds, twice
    screenshot(page, "groups/depthwise")
    page.keyboard.press("Home")  # and back to the standard convolution
    wait_url(page, "g=1")
    wait_idle(page)
    expect(page.get_by_text("groups = 1, the standard convolution", exact=False)).to_be_visible()
    assert_no_exception(page)


def test_clicking_an_output_channel_follows_it(page, app_url):
    open_groups(page, app_url)
    outputs = page.locator(".st-key-groups-diagram .scatterlayer .trace").last.locator(".points path")
    expect(outputs).to_have_count(8)
    target = outputs.nth(5)
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_url(page, "o=5")
    wait_idle(page)
    page.get_by_role("heading", name="In numbers: output channel 5 sums only its group").wait_for()
    expect(page.get_by_text("Y[5][0, 0] = ", exact=False)).to_be_visible()
    screenshot(page, "groups/follow_output_5")
    assert_no_exception(page)


# test_layout checks the default view at both widths in both languages; this is the crowded one
@pytest.mark.parametrize("lang, query", [("en", "&cin=8&cout=16&g=4&o=9")])  # 16 channels
@pytest.mark.parametrize("width", [390])
def test_the_page_fits_the_screen(shared_context, app_url, width, lang, query):
    page = new_tab(shared_context, width, 900)
    try:
        open_groups(page, app_url, f"?lang={lang}{query}")
        wait_charts(page)  # plotly draws after the script's run
        m = page.evaluate(MEASURE)
        assert m["docWidth"] <= m["vw"] + 1 and m["mainWidth"] <= m["mainClient"] + 1, m
        assert not m["wide"], m["wide"]
        assert not overlapping(m["boxes"]), overlapping(m["boxes"])
        page.set_viewport_size({"width": width, "height": 6000})  # Streamlit scrolls inside its own container
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "groups" / f"layout_{lang}_{width}.png"), full_page=True)
    finally:
        page.close()
