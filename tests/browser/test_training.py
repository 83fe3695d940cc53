"""The training page in a real browser: press Train, watch the charts appear."""
import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import ARTIFACTS, assert_no_exception, screenshot, wait_idle

pytestmark = pytest.mark.browser


def _open(page, app_url, query="", size=(1400, 2400)):
    # Streamlit scrolls inside its own container: a tall viewport shows the whole page.
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{app_url}/training{query}")
    wait_idle(page)
    page.locator(".st-key-training-train").wait_for()
    page.get_by_text("Language").or_(page.get_by_text("语言")).first.wait_for()  # app.py's sidebar ran


def _train(page):
    page.locator(".st-key-training-train button").click()
    # The run redraws its charts live; then the page reruns with the results.
    page.get_by_text("Done:").or_(page.get_by_text("exploded")).or_(page.get_by_text("完成")).first.wait_for(timeout=90_000)
    wait_idle(page)


def test_train_the_seed_problem(page, app_url):
    _open(page, app_url)
    page.get_by_text("Press Train to learn").wait_for()
    assert_no_exception(page)
    screenshot(page, "training_before")
    _train(page)
    assert_no_exception(page)
    page.get_by_text("Loss: sum of squared errors").first.wait_for()
    expect(page.locator(".st-key-training-loss .js-plotly-plot")).to_have_count(1)
    expect(page.locator(".st-key-training-weights .js-plotly-plot")).to_have_count(1)
    page.get_by_text("epoch 10, loss").wait_for()
    screenshot(page, "training_after")


def test_high_learning_rate_diverges_with_the_bound(page, app_url):
    _open(page, app_url, "?lr=0.1&lang=zh")
    page.get_by_text("高于稳定上界").first.wait_for()
    page.locator(".st-key-training-train button").click()
    page.get_by_text("发散").first.wait_for(timeout=90_000)
    wait_idle(page)
    assert_no_exception(page)
    page.get_by_text("0.03333").first.wait_for()
    screenshot(page, "training_diverged_zh")


def test_sobel_problem_live(page, app_url):
    _open(page, app_url, "?problem=sobel&lr=0.0023&epochs=500")  # long enough to watch (~5 s)
    page.locator(".st-key-training-train button").click()
    # while it runs, the controls are disabled and the progress bar is shown
    # a live redraw (keys training.loss.1, .2, ...) is on the page while the controls are disabled
    page.wait_for_function(
        """() => document.querySelector('[class*="st-key-training-loss-"] .js-plotly-plot')
                 && document.querySelector('[data-testid="stProgress"]')
                 && document.querySelector('.st-key-training-train button').disabled""",
        timeout=60_000,
    )
    screenshot(page, "training_sobel_live")
    page.get_by_text("Done:").first.wait_for(timeout=90_000)
    wait_idle(page)
    assert_no_exception(page)
    screenshot(page, "training_sobel_after")


# Where the learner looks after pressing Train: the button, which they may have scrolled to just above the
# bottom of the screen (or as low as the page scrolls). Streamlit scrolls inside its own container: scroll that.
_TRAIN_NEAR_THE_BOTTOM = """(room) => {
    const button = document.querySelector('.st-key-training-train button');
    let box = button.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) {
        box = box.parentElement;
    }
    (box || document.scrollingElement).scrollBy(0, button.getBoundingClientRect().bottom - (innerHeight - room));
    const r = button.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight - room + 2;
}"""

# A spinner (TensorFlow loading, first Train of a server) or the progress bar, wholly on screen.
_PROGRESS_IN_VIEW = """() => [...document.querySelectorAll('[data-testid="stSpinner"], [data-testid="stProgress"]')]
    .some(e => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })"""


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)])
def test_progress_shows_where_the_learner_pressed_train(page, app_url, width, height):
    _open(page, app_url, size=(width, height))
    page.locator(".st-key-training-train button").scroll_into_view_if_needed()
    page.wait_for_function(_TRAIN_NEAR_THE_BOTTOM, arg=80, timeout=10_000)  # 80 px of screen below it
    page.locator(".st-key-training-train button").click()
    # While TensorFlow loads and while the run goes, and after it, progress is in view: no greyed form alone.
    page.wait_for_function(_PROGRESS_IN_VIEW, timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"training_progress_{width}.png"))  # what the learner sees
    page.get_by_text("Done:").first.wait_for(timeout=90_000)
    wait_idle(page)
    page.wait_for_function(_PROGRESS_IN_VIEW, timeout=10_000)  # the finished run's bar stays by the button
    assert_no_exception(page)


# Per chart: how many legend entries it shows, or what is wrong with its legend (it scrolls, an entry
# lies over the plot area where the curves are, or outside the figure).
_LEGENDS = """() => {
    const out = {};
    for (const key of ['training-loss', 'training-weights']) {
        const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
        const drag = plot && plot.querySelector('.nsewdrag');
        if (!drag) return `${key}: not drawn`;
        const area = drag.getBoundingClientRect(), fig = plot.querySelector('.main-svg').getBoundingClientRect();
        const bar = plot.querySelector('.legend .scrollbar');
        if (bar && bar.getBoundingClientRect().height > 0) return `${key}: the legend scrolls`;
        const items = [...plot.querySelectorAll('.legend .traces')];
        for (const item of items) {
            const r = item.getBoundingClientRect(), name = item.textContent;
            if (r.top < fig.top - 1 || r.bottom > fig.bottom + 1 || r.left < fig.left - 1 || r.right > fig.right + 1)
                return `${key}: ${name} is outside the figure`;
            if (r.left < area.right && r.right > area.left && r.top < area.bottom && r.bottom > area.top)
                return `${key}: ${name} lies over the curves`;
        }
        out[key] = items.length;
    }
    return JSON.stringify(out);
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("query, entries", [("?problem=sobel", {"training-loss": 0, "training-weights": 9}),
                                            ("", {"training-loss": 2, "training-weights": 2})],
                         ids=["sobel", "chapter"])
def test_legends_show_every_entry_and_hide_no_curve(page, app_url, query, entries, width):
    _open(page, app_url, query, size=(width, 2600 if width > 800 else 5000))
    _train(page)
    want = json.dumps(entries, separators=(",", ":"))
    try:
        page.wait_for_function(f"() => ({_LEGENDS})() === {json.dumps(want)}", timeout=20_000)
    except PlaywrightTimeout:
        pytest.fail(f"legends at {width} px: {page.evaluate(_LEGENDS)}, want {want}")
    assert_no_exception(page)
    screenshot(page, f"training_legends_{'sobel' if query else 'chapter'}_{width}")


# The widest number written in a kernel heatmap's cells, over the width of a cell (> 1: it runs into the next).
_KERNEL_TEXT_FILL = """(key) => {
    const plot = document.querySelector(`.st-key-${key} .js-plotly-plot`);
    const drag = plot && plot.querySelector('.nsewdrag');
    const labels = plot ? [...plot.querySelectorAll('.heatmap-label')] : [];
    if (!drag || !labels.length) return null;
    const cell = drag.getBoundingClientRect().width / 5;
    return Math.max(...labels.map(t => t.getBoundingClientRect().width)) / cell;
}"""


def test_a_5x5_learned_kernel_writes_numbers_that_fit_their_cells(page, app_url):
    target = "1,0,-1,0,2;0,1,0,-1,0;2,0,1,0,0;0,-2,0,1,0;1,0,0,0,1"
    _open(page, app_url, f"?problem=custom&target={target}&lr=0.0008&epochs=20", size=(1280, 2600))
    page.locator(".st-key-training-train button").click()
    page.get_by_text("still up to").or_(page.get_by_text("Done:")).first.wait_for(timeout=90_000)
    wait_idle(page)
    for key in ("training-learned", "training-true"):
        try:
            page.wait_for_function(f"() => ({_KERNEL_TEXT_FILL})('{key}') !== null && "
                                   f"({_KERNEL_TEXT_FILL})('{key}') < 0.9", timeout=20_000)
        except PlaywrightTimeout:
            pytest.fail(f"{key}: the widest number fills {page.evaluate(_KERNEL_TEXT_FILL, key)} of its cell")
    assert_no_exception(page)
    screenshot(page, "training_custom_5x5")
