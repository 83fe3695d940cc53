"""The walk's animation interrupted in a real browser: Pause, a preset pressed
while ▶ plays, the slider while it plays, without a page error (issue 14, 5d:
plotly.js rejects the interrupted animation's promise with no reason and its
buttons never catch it, "Uncaught (in promise) undefined")."""
import pytest

from .conftest import assert_no_exception, wait_idle

pytestmark = pytest.mark.browser


def test_interrupting_the_walk_raises_no_page_error(page, app_url):
    errors = []
    page.on("pageerror", lambda e: errors.append(repr(e)))
    page.goto(f"{app_url}/stepper?X=0,1,2,3;4,5,6,7;8,9,0,1;2,3,4,5")  # a 3×3 walk: 9 frames, 6 s of play
    wait_idle(page)
    buttons = page.locator(".st-key-stepper-walk_chart .updatemenu-button")
    buttons.first.wait_for()

    buttons.nth(0).click()  # ▶
    page.wait_for_timeout(1000)
    buttons.nth(1).click()  # ❚❚ while it plays
    page.wait_for_timeout(500)

    for preset in ("edge", "seed"):  # a preset while it plays: a rerun redraws the figure
        buttons.nth(0).click()
        page.wait_for_timeout(800)
        page.locator(f".st-key-stepper-preset_{preset} button").click()
        wait_idle(page)
        page.wait_for_timeout(1000)

    buttons.nth(0).click()  # the slider while it plays
    page.wait_for_timeout(800)
    rail = page.locator(".st-key-stepper-walk_chart .slider-rail-touch-rect").first
    box = rail.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    page.wait_for_timeout(800)

    assert errors == []
    assert_no_exception(page)
