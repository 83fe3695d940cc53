"""The training page in a real browser: press Train, watch the charts appear."""
import pytest
from playwright.sync_api import expect

from .conftest import assert_no_exception, screenshot, wait_idle

pytestmark = pytest.mark.browser


def _open(page, app_url, query=""):
    # Streamlit scrolls inside its own container: a tall viewport shows the whole page.
    page.set_viewport_size({"width": 1400, "height": 2400})
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
