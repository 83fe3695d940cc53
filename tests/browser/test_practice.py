"""The practice page in a real browser: a class's set taken end to end, and the
same link giving a second learner the same first question."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from convlab.exercises import cell_label, practice_set

from tests.test_exercises import page_declaration

from .conftest import assert_no_exception, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser

SET = 42


def css(key: str) -> str:
    """The CSS class Streamlit gives a keyed element."""
    return ".st-key-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)


def answer(page, ex, key: str) -> None:
    """Give exercise ``ex``'s right answer (computed by convlab.exercises) in its widgets."""
    a = ex.answer
    if a.widget == "text":
        value = a.expected
        text = f"{value[0]} x {value[1]}" if isinstance(value, tuple) else repr(float(value))
        page.locator(f"{css(key + '.answer')} input").fill(text)
    elif a.widget == "choice":
        page.locator(css(key + ".answer")).locator("label").filter(has_text=a.label(a.expected, "en")).first.click()
    else:
        for r, c in sorted(a.expected):
            page.locator(css(f"{key}.cells.{r}")).get_by_role("button", name=cell_label(r, c), exact=True).click()
    page.locator(f"{css(key + '.check')} button").click()
    wait_idle(page)


def test_a_set_end_to_end_and_the_same_link_for_a_second_learner(browser, app_url):
    exercises = practice_set(SET)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{app_url}/practice?set={SET}")
    wait_idle(page)
    assert_no_exception(page)
    first_title = page.locator('[data-testid="stHeadingWithActionElements"] h3').first.inner_text()
    for n, ex in enumerate(exercises):
        expect(page.get_by_text(f"Question {n + 1} of 10", exact=False)).to_be_visible()
        key = f"practice.q.0.{SET}.{n}"
        answer(page, ex, key)
        expect(page.locator('[data-testid="stAlertContentSuccess"]').first).to_contain_text("Right")
        expect(page.locator(f"{css(key + '.open')} a")).to_have_attribute("href", ex.target.link("en"))
        if n < len(exercises) - 1:
            page.locator(f"{css('practice.next')} button").click()
            wait_idle(page)
    expect(page.get_by_text("10 right of 10 answered", exact=False)).to_be_visible()
    expect(page.get_by_text("Set finished", exact=False)).to_contain_text("10 of 10")
    wait_url(page, f"set={SET}")
    assert page.url.endswith(f"/practice?set={SET}")  # the score is never in the link
    assert_no_exception(page)
    screenshot(page, "practice/set_finished")

    second = browser.new_context(viewport={"width": 390, "height": 844})
    other = second.new_page()
    other.goto(f"{app_url}/practice?set={SET}")
    wait_idle(other)
    assert other.locator('[data-testid="stHeadingWithActionElements"] h3').first.inner_text() == first_title
    expect(other.get_by_text("0 right of 0 answered", exact=False)).to_be_visible()
    second.close()
    context.close()


def test_the_view_link_opens_the_configured_page(browser, app_url):
    ex = practice_set(SET)[0]
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(f"{app_url}/practice?set={SET}")
    wait_idle(page)
    page.locator(f"{css(f'practice.q.0.{SET}.0.reveal')} button").click()
    wait_idle(page)
    with context.expect_page() as opened:  # a new tab: the practice keeps its place
        page.locator(f"{css(f'practice.q.0.{SET}.0.open')} a").click()
    view = opened.value
    wait_idle(view)
    assert_no_exception(view)
    assert urlparse(view.url).path.endswith("/" + ex.target.url_path)
    _, params = page_declaration(ex.target.script)
    shown = {k: v[0] for k, v in parse_qs(urlparse(view.url).query).items()}
    for name, text in ex.target.params:  # the page took every value (and writes back those not default)
        assert shown.get(name, params[name].format(params[name].default)) == text, name
    context.close()
