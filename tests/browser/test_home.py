"""Every page opens in a real browser without an exception."""
import pytest

from convlab.nav import PAGES

from .conftest import assert_no_exception, choose, running_app, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def test_home_and_every_page_open(page, app_url):
    page.goto(app_url)
    wait_idle(page)
    page.get_by_text("ConvLab is a place to").wait_for()
    assert_no_exception(page)
    screenshot(page, "home")
    for info in PAGES:
        slug = info.script.removeprefix("app_pages/").removesuffix(".py")
        page.goto(f"{app_url}/{slug}")
        wait_idle(page)
        assert_no_exception(page)
        screenshot(page, slug)


def test_language_switch_to_chinese_and_back(page, app_url):
    page.goto(f"{app_url}/stepper")
    wait_idle(page)
    for option, title in [("中文", "互相关运算，一步一步"), ("English", "Cross-correlation, step by step")]:
        choose(page, "lang", option)
        page.locator("h1", has_text=title).wait_for()
        if option == "中文":
            wait_url(page, "lang=zh")
        else:
            wait_url(page, absent=("lang=zh",))
    assert_no_exception(page)


def test_a_link_to_a_page_is_the_first_request_of_a_fresh_server(page):
    # A teacher's link is often the first request a (re)started server sees:
    # it must still run app.py (navigation, language picker), not the page alone.
    with running_app() as url:
        page.goto(f"{url}/stepper?lang=zh")
        wait_idle(page)
        page.get_by_text("语言").first.wait_for()
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "首页" in nav and "填充和步幅" in nav
        assert_no_exception(page)
