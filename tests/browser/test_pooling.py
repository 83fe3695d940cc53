"""The pooling page in a real browser: D2L's numbers, a step of the window
(client-side animation), max to average, the shift slider, and a layout
without overlaps at a desktop's and a phone's width."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import new_tab, ARTIFACTS, assert_no_exception, screenshot, wait_idle, wait_url
from .test_stepper import WALK_CLASHES

pytestmark = pytest.mark.browser

POOLING_CLASHES = WALK_CLASHES.replace("stepper-walk_chart", "pooling-walk_chart")


def shot(page, name: str) -> None:
    """A screenshot of the whole page (the app scrolls inside itself: the viewport grows to hold it)."""
    (ARTIFACTS / "pooling").mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(height + 40, 12_000)})
    wait_idle(page)
    screenshot(page, f"pooling/{name}")
    page.set_viewport_size(size)


def open_pooling(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    assert_no_exception(page)
    walk_title(page).wait_for(timeout=60_000)  # plotly's first chart can take a while on a busy machine


def walk_title(page):
    return page.locator(".st-key-pooling-walk_chart .gtitle").first


def test_d2l_numbers_a_step_and_average_pooling(page, app_url):
    open_pooling(page, f"{app_url}/pooling")
    picker = page.locator(".st-key-pooling-pick_chart")
    picker.scroll_into_view_if_needed()
    for v in ("4", "5", "7", "8"):
        expect(picker).to_contain_text(v)  # retried until the chart is drawn
    expect(walk_title(page)).to_have_text(re.compile(r"max\(0, 1, 3, 4\)\s=\s4$"))
    # one step: click the slider's second label (plotly animates in the browser, no rerun)
    chart = page.locator(".st-key-pooling-walk_chart")
    label = chart.locator(".slider-label-group").nth(1)
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(walk_title(page)).to_have_text(re.compile(r"max\(1, 2, 4, 5\)\s=\s5$"))
    shot(page, "browser_step2")
    # average pooling: a rerun, the window's sum over its count
    page.locator(".st-key-pooling-mode").get_by_text("average pooling").click()
    wait_idle(page)
    wait_url(page, "mode=avg")
    expect(walk_title(page)).to_have_text(re.compile(r"\(0 \+ 1 \+ 3 \+ 4\)\s/\s4\s=\s2$"))
    page.get_by_role("heading", name="Y[0, 0] = (0 + 1 + 3 + 4) / 4 = 2", exact=True).wait_for()
    assert_no_exception(page)


def test_the_shift_slider_moves_the_image(page, app_url):
    open_pooling(page, f"{app_url}/pooling")
    page.get_by_text("absorbs the shift").wait_for()
    page.locator(".st-key-pooling-shift input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    wait_url(page, "shift=2")
    page.get_by_text("the edge left every pooling window that held it").wait_for()
    page.get_by_text("shifted 2 px right").first.wait_for()
    shot(page, "browser_shift2")
    assert_no_exception(page)


def wait_no_clashes(page):
    try:  # retried until the chart has settled
        page.wait_for_function(f"() => {{ const c = ({POOLING_CLASHES})(); return c !== null && c.length === 0; }}",
                               timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"overlapping in the walk: {page.evaluate(POOLING_CLASHES)}")


SAME_AVG = "X=0,1,2,3;4,5,6,7;8,9,10,11;12,13,14,15&ph=3&pw=3&sh=2&sw=2&pad=same&mode=avg&i=1&j=1"


@pytest.mark.parametrize("lang, query, width", [("zh", "", 390), ("en", SAME_AVG, 390)])  # a phone is where they clash
def test_walk_controls_titles_and_sum_do_not_overlap(shared_context, app_url, width, lang, query):
    page = new_tab(shared_context, width, 1600)
    try:
        open_pooling(page, f"{app_url}/pooling?lang={lang}&{query}")
        page.locator(".st-key-pooling-walk_chart .slider-group > .slider-label").wait_for(state="attached")
        wait_no_clashes(page)
        # the shift figures and everything else stay inside the page's width
        page.locator(".st-key-pooling-shift_chart2 .main-svg").first.wait_for(state="attached")
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
        shot(page, f"layout_{lang}_{'same_avg' if query else 'd2l'}_{width}")
    finally:
        page.close()
