"""Every page opens in a real browser without an exception."""
import pytest

from ui.nav import PAGES

from .conftest import assert_no_exception, screenshot, wait_idle

pytestmark = pytest.mark.browser


def test_home_and_every_page_open(page, app_url):
    page.goto(app_url)
    wait_idle(page)
    page.get_by_text("ConvLab is a place to").wait_for()
    assert_no_exception(page)
    screenshot(page, "home")
    for info in PAGES:
        slug = info.script.removeprefix("pages/").removesuffix(".py")
        page.goto(f"{app_url}/{slug}")
        wait_idle(page)
        assert_no_exception(page)
        screenshot(page, slug)


def test_language_switch_to_chinese(page, app_url):
    page.goto(f"{app_url}/?lang=zh")
    wait_idle(page)
    page.get_by_text("ConvLab 让你").wait_for()
    assert_no_exception(page)
