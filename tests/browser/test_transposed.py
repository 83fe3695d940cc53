"""The transposed-convolution page in a real browser: D2L's numbers, ▶ playing
the stamps to the end (client-side animation), a click on an output cell, the
zero-insertion view, and a phone's width without overlaps."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import new_tab, ARTIFACTS, assert_no_exception, wait_idle, wait_url
from .test_stepper import WALK_CLASHES

pytestmark = pytest.mark.browser

OUT = ARTIFACTS / "transposed"
CLASHES = WALK_CLASHES.replace("stepper-walk_chart", "transposed-walk_chart")


def shot(page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def walk_title(page):
    return page.locator(".st-key-transposed-walk_chart .gtitle").first


def test_play_stamps_to_the_end(page, app_url):
    page.goto(f"{app_url}/transposed")
    wait_idle(page)
    assert_no_exception(page)
    picker = page.locator(".st-key-transposed-pick_chart")
    picker.scroll_into_view_if_needed()  # a chart below the fold is drawn when it comes into view
    for v in ("4", "6", "12", "9"):
        expect(picker).to_contain_text(v, timeout=20_000)  # drawn once plotly has loaded
    expect(walk_title(page)).to_have_text(re.compile(r"^step 1/4X\[0, 0\] = 0: 0·K added at canvas \(0, 0\)$"))
    page.get_by_role("heading", name="Y[1, 1] = 0×3 + 1×2 + 2×1 + 3×0 = 4", exact=True).wait_for()
    page.locator(".st-key-transposed-walk_chart").scroll_into_view_if_needed()
    page.locator(".st-key-transposed-walk_chart .updatemenu-button").first.click()  # ▶ play
    expect(walk_title(page)).to_have_text(re.compile(r"X\[1, 1\] = 3: 3·K added at canvas \(1, 1\)$"), timeout=20_000)
    # the canvas now holds the whole output: 12 written in its bottom row
    expect(page.locator(".st-key-transposed-walk_chart")).to_contain_text("12")
    shot(page, "played_to_the_end")
    assert_no_exception(page)


def test_click_a_cell_then_the_zero_insertion_view(page, app_url):
    page.goto(f"{app_url}/transposed?sh=2&sw=2")
    wait_idle(page)
    page.locator(".st-key-transposed-pick_chart").scroll_into_view_if_needed()
    points = page.locator(".st-key-transposed-pick_chart .scatterlayer .trace .points path")
    points.last.wait_for(state="attached")
    points.last.scroll_into_view_if_needed()
    box = points.last.bounding_box()  # the last marker: Y[3, 3]
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    page.get_by_role("heading", name="Y[3, 3] = 3×3 = 9", exact=True).wait_for()
    wait_url(page, "i=3", "j=3")
    page.locator(".st-key-transposed-zeros label").click()
    wait_idle(page)
    wait_url(page, "zeros=1")
    page.get_by_text("Both give the same numbers").wait_for()
    title = page.locator(".st-key-transposed-zeros_chart .gtitle").first
    expect(title).to_have_text(re.compile(r"^step 16/16Y\[3, 3\] = .* = 9$"))  # opens on the chosen cell
    shot(page, "zero_insertion")
    assert_no_exception(page)


@pytest.mark.parametrize("lang, query", [("en", ""), ("zh", "pad=same&X=1,2;3,4&K=1,1,1;1,1,1;1,1,1&sh=2&sw=2")])
def test_phone_width_without_overlaps(shared_context, app_url, lang, query):
    page = new_tab(shared_context, 390, 1600)
    try:
        page.goto(f"{app_url}/transposed?lang={lang}&{query}")
        wait_idle(page)
        assert_no_exception(page)
        try:
            page.wait_for_function(f"() => {{ const c = ({CLASHES})(); return c !== null && c.length === 0; }}",
                                   timeout=60_000)  # generous: a loaded 2-core machine draws slowly
        except PlaywrightTimeout:
            pytest.fail(f"overlapping in the walk: {page.evaluate(CLASHES)}")
        # every formula fits the phone's width (KaTeX would clip it)
        wide = page.evaluate("""() => Array.from(document.querySelectorAll('.katex-display > .katex'))
            .filter(e => e.getBoundingClientRect().right > innerWidth).length""")
        assert wide == 0
        walk = page.locator(".st-key-transposed-walk_chart")
        walk.scroll_into_view_if_needed()
        OUT.mkdir(parents=True, exist_ok=True)
        walk.screenshot(path=str(OUT / f"phone_walk_{lang}.png"))
    finally:
        page.close()
