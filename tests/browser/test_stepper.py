"""The step-by-step page in a real browser: the seed's numbers, a step of the
window (client-side animation), a click on an output cell, a link's state."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import new_tab, assert_no_exception, choose, screenshot, wait_idle, wait_url

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
    picker = page.locator(".st-key-stepper-pick_chart")
    for v in ("19", "25", "37", "43"):
        expect(picker).to_contain_text(v)  # retried until the chart is drawn
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
    # the cell's heading (the walk's sum under the slider says it too)
    page.get_by_role("heading", name="Y[1, 1] = 4×0 + 5×1 + 7×2 + 8×3 = 43", exact=True).wait_for()
    assert_no_exception(page)


def test_link_reproduces_the_state_in_chinese(page, app_url):
    page.goto(f"{app_url}/stepper?X=0,1,2;3,4,5;6,7,8&K=0,1;2,3&ph=1&pw=1&sh=3&sw=2&i=1&lang=zh")
    wait_idle(page)
    assert_no_exception(page)
    page.get_by_text("互相关运算，一步一步").first.wait_for()
    page.get_by_role("heading", name="Y[1, 0] = 0×0 + 6×1 + 0×2 + 0×3 = 6", exact=True).wait_for()
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


# --- layout a learner sees: nothing overlaps, nothing is cut off --------------------------------

EDGE = "X=0,0,1,1,1,1,0,0;0,0,1,1,1,1,0,0;0,0,1,1,1,1,0,0;0,0,1,1,1,1,0,0;0,0,1,1,1,1,0,0;0,0,1,1,1,1,0,0&K=1,-1"
BIG_X = ";".join(",".join(str((r * 12 + c) % 10) for c in range(12)) for r in range(12))

# The walk's overlaps, as a list of the clashing pairs (empty when none), or null while it is not drawn:
# ▶/❚❚ buttons against the slider and its "step (i, j)" label and against the written-out sum, the sum
# against the slider's labels, the panel titles against each other and the viewport, and the page's width.
WALK_CLASHES = """() => {
    const chart = document.querySelector('.st-key-stepper-walk_chart');
    if (!chart || !chart.querySelector('.slider-group > .slider-label') || !chart.querySelector('.gtitle')) return null;
    const boxes = sel => Array.from(chart.querySelectorAll(sel)).map(e => {
        const b = e.getBoundingClientRect();
        return {sel, text: e.textContent, l: b.left, t: b.top, r: b.right, b: b.bottom};
    }).filter(b => b.r > b.l && b.b > b.t);
    const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
    const clashes = [];
    const pairs = (as, bs) => as.forEach(a => bs.forEach(b => { if (a !== b && hit(a, b)) clashes.push([a, b]); }));
    const buttons = boxes('.updatemenu-button'), sum = boxes('.gtitle'), titles = boxes('.annotation');
    // the slider's current value ("step (i, j): 0,0") is the label right in its group
    const slider = [...boxes('.slider-group > .slider-label'), ...boxes('.slider-label-group'),
                    ...boxes('.slider-rail-rect')];
    pairs(buttons, [...slider, ...sum]);
    pairs(sum, slider);
    titles.forEach((a, n) => pairs([a], titles.slice(n + 1)));
    titles.filter(a => a.l < 0 || a.r > innerWidth).forEach(a => clashes.push([a, 'viewport']));
    if (document.documentElement.scrollWidth > innerWidth) clashes.push(['page', document.documentElement.scrollWidth]);
    return clashes;
}"""


def open_at(context, url, width, height=1600):
    page = new_tab(context, width, height)
    page.goto(url)
    wait_idle(page)
    assert_no_exception(page)
    page.locator(".st-key-stepper-walk_chart .slider-group > .slider-label").wait_for(state="attached")
    return page


def wait_no_clashes(page):
    try:  # retried until the chart has settled
        page.wait_for_function(f"() => {{ const c = ({WALK_CLASHES})(); return c !== null && c.length === 0; }}",
                               timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"overlapping in the walk: {page.evaluate(WALK_CLASHES)}")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang, query", [("en", ""), ("zh", ""), ("en", EDGE), ("zh", EDGE)])
def test_walk_buttons_slider_sum_and_titles_do_not_overlap(shared_context, app_url, width, lang, query):
    page = open_at(shared_context, f"{app_url}/stepper?lang={lang}&{query}", width)
    try:
        wait_no_clashes(page)
        if width == 390:
            screenshot(page, f"stepper_{lang}_{'edge' if query else 'seed'}_390")
    finally:
        page.close()


AXIS_RANGES = """([chart, axes]) => {
    const gd = document.querySelector(`.st-key-${chart} .js-plotly-plot`);
    if (!gd || !gd._fullLayout) return null;
    return Object.fromEntries(axes.map(a => [a, gd._fullLayout[a].range.map(v => Math.round(v * 100) / 100)]));
}"""


def wait_ranges(page, chart, expected):
    try:
        page.wait_for_function(f"(arg) => JSON.stringify(({AXIS_RANGES})(arg)) === JSON.stringify(arg[2])",
                               arg=[chart, list(expected), expected], timeout=15_000)
    except PlaywrightTimeout:
        pytest.fail(f"{chart}: {page.evaluate(AXIS_RANGES, [chart, list(expected)])} != {expected}")


def test_axes_span_exactly_their_grids(shared_context, app_url):
    # the edge preset's 1x2 kernel on rows -0.5..0.5 (it was drawn on -3..3); the 14x14 output picker on its
    # own rows (it was drawn from -16 to 29)
    page = open_at(shared_context, f"{app_url}/stepper?{EDGE}", 1280)
    try:
        wait_ranges(page, "stepper-walk_chart", {"xaxis2": [-0.5, 1.5], "yaxis2": [0.5, -0.5],
                                                 "yaxis": [5.5, -0.5], "yaxis4": [5.5, -0.5]})
        page.goto(f"{app_url}/stepper?X={BIG_X}&K=1&ph=1&pw=1")
        wait_idle(page)
        wait_ranges(page, "stepper-pick_chart", {"xaxis": [-0.5, 13.5], "yaxis": [13.5, -0.5]})
    finally:
        page.close()


def test_input_editor_shows_the_chapters_image_whole(shared_context, app_url):
    page = open_at(shared_context, f"{app_url}/stepper", 1280)
    try:
        page.locator(".st-key-stepper-preset_edge button").click()
        wait_idle(page)
        page.get_by_text("Input 6×8, kernel 1×2").wait_for()
        editor = page.locator("[class*='st-key-stepper-X-editor'] .dvn-scroller")
        editor.wait_for()
        # all 6 rows and 8 columns in view: the grid does not scroll either way
        page.wait_for_function(
            """() => { const s = document.querySelector("[class*='st-key-stepper-X-editor'] .dvn-scroller");
                       return s && s.clientWidth > 0 && s.scrollWidth <= s.clientWidth
                           && s.scrollHeight <= s.clientHeight; }""", timeout=15_000)
    finally:
        page.close()


def test_a_long_walk_plays(shared_context, app_url):
    # 196 window positions: the frames cover the steps around the chosen cell, and ▶ plays them
    page = open_at(shared_context, f"{app_url}/stepper?X={BIG_X}&K=1&ph=1&pw=1&i=7&j=3", 1280)
    try:
        page.get_by_text("This walk has 196 steps").wait_for()
        expect(walk_title(page)).to_have_text(re.compile(r"^step 102/196"))
        page.locator(".st-key-stepper-walk_chart .updatemenu-button").first.click()  # ▶ play
        expect(walk_title(page)).not_to_have_text(re.compile(r"^step 102/196"), timeout=15_000)  # it moves
        expect(walk_title(page)).to_have_text(re.compile(r"^step \d+/196Y\[\d+, \d+\] = "))
        assert_no_exception(page)
    finally:
        page.close()


def test_reflect_padding_shows_copies_and_says_where_they_come_from(page, app_url):
    page.goto(f"{app_url}/stepper?ph=1&pw=1")
    wait_idle(page)
    choose(page, "stepper-pad_mode", "reflect (mirror, edge not repeated)")
    wait_url(page, "pad_mode=reflect")
    page.get_by_role("heading", name="Y[0, 0] = 4×0 + 3×1 + 1×2 + 0×3 = 5", exact=True).wait_for()
    # hovering the padded input's top-left cell names the input cell it copies
    reads = page.locator(".st-key-stepper-reads_chart")
    reads.scroll_into_view_if_needed()
    grid = reads.locator(".nsewdrag").first
    grid.wait_for()
    box = grid.bounding_box()  # 5x5 padded cells
    page.mouse.move(box["x"] + box["width"] / 10, box["y"] + box["height"] / 10)
    expect(reads.locator(".hovertext")).to_contain_text("copy of X[1, 1]")
    screenshot(page, "stepper_reflect")
    assert_no_exception(page)
