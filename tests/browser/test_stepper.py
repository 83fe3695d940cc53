"""The step-by-step page in a real browser: the seed's numbers, a step of the
window (client-side animation), a click on an output cell, a link's state."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_no_exception, choose, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def walk_title(page):
    return page.locator(".st-key-stepper-walk_chart .gtitle").first


def test_seed_numbers_and_one_step(page, app_url):
    page.goto(f"{app_url}/stepper")
    wait_idle(page)
    assert_no_exception(page)
    chart = page.locator(".st-key-stepper-walk_chart")
    chart.locator(".gtitle").wait_for()
    # the output heatmap writes its cells; the covers hide the ones not computed yet,
    # so read every value from the cell picker's output instead
    texts = page.locator(".st-key-stepper-pick_chart").inner_text()
    for v in ("19", "25", "37", "43"):
        assert v in texts
    expect(walk_title(page)).to_have_text(re.compile(r"0×0 \+ 1×1 \+ 3×2 \+ 4×3 = 19$"))
    # one step: click the slider's second label (plotly animates in the browser, no rerun)
    label = chart.locator(".slider-label-group").nth(1)
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(walk_title(page)).to_have_text(re.compile(r"1×0 \+ 2×1 \+ 4×2 \+ 5×3 = 25$"))
    screenshot(page, "stepper_step2")
    assert_no_exception(page)


def test_play_button_walks_to_the_end(page, app_url):
    page.goto(f"{app_url}/stepper")
    wait_idle(page)
    chart = page.locator(".st-key-stepper-walk_chart")
    chart.locator(".updatemenu-button").first.click()  # ▶ play
    page.wait_for_function(
        "() => document.querySelector('.st-key-stepper-walk_chart .gtitle').textContent.endsWith('= 43')",
        timeout=15_000,
    )


def test_click_an_output_cell(page, app_url):
    page.goto(f"{app_url}/stepper")
    wait_idle(page)
    pick = page.locator(".st-key-stepper-pick_chart")
    # the transparent markers over the output cells: the last one is Y[1, 1]
    points = pick.locator(".scatterlayer .trace .points path")
    points.last.wait_for(state="attached")
    points.last.scroll_into_view_if_needed()
    box = points.last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    page.get_by_text("Y[1, 1] = 4×0 + 5×1 + 7×2 + 8×3 = 43", exact=True).wait_for()
    assert_no_exception(page)


def test_link_reproduces_the_state_in_chinese(page, app_url):
    page.goto(f"{app_url}/stepper?X=0,1,2;3,4,5;6,7,8&K=0,1;2,3&ph=1&pw=1&sh=3&sw=2&i=1&lang=zh")
    wait_idle(page)
    assert_no_exception(page)
    page.get_by_text("互相关运算，一步一步").first.wait_for()
    page.get_by_text("Y[1, 0] = 0×0 + 6×1 + 0×2 + 0×3 = 6", exact=True).wait_for()
    page.get_by_text("语言").first.wait_for()  # the sidebar speaks Chinese too
    expect(page.get_by_text("Language")).to_have_count(0)
    screenshot(page, "stepper_zh_link")


def test_switching_language_keeps_every_choice(page, app_url):
    # Radios and selectboxes send back the label they showed; after a language
    # switch that label matches no option, so the page must restore its choices.
    page.goto(f"{app_url}/stepper?op=conv&pad=full")
    wait_idle(page)
    choose(page, "lang", "中文")
    wait_url(page, "op=conv", "pad=full", "lang=zh")
    page.locator(".st-key-stepper-sh [data-testid='stNumberInputStepUp']").first.click()
    wait_idle(page)
    wait_url(page, "op=conv", "pad=full", "sh=2")
    expect(page.locator(".st-key-stepper-op input:checked")).to_have_count(1)
    # full padding (1 on every side) with stride (2, 1): a 2x4 output
    page.get_by_text("→ 输出 2×4").wait_for()
    assert_no_exception(page)
