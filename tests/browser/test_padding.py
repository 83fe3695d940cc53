"""The padding-and-stride page in a real browser: the default (the chapter's
stride figure), a Keras preset, the layer stack, and Chinese."""
import pytest
from playwright.sync_api import expect

from .conftest import assert_no_exception, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def test_padding_preset_shows_shape(page, app_url):
    page.goto(f"{app_url}/padding_stride")
    wait_idle(page)
    page.get_by_text("→ output shape").first.wait_for()
    expect(page.locator(".stMarkdown", has_text="→ output shape").first).to_contain_text("2 × 2")
    expect(page.locator(".st-key-padding-grid")).to_have_count(1)
    assert_no_exception(page)
    screenshot(page, "padding_default")

    page.locator(".st-key-padding-preset-keras4 button").first.click()
    wait_idle(page)
    shape = page.locator(".stMarkdown", has_text="→ output shape").first
    expect(shape).to_contain_text("Input 8 × 8")
    expect(shape).to_contain_text("2 × 1")
    wait_url(page, "mode=valid", "sw=4", "kw=5")  # the state is in the URL
    assert_no_exception(page)
    screenshot(page, "padding_keras4")

    page.locator(".st-key-padding-preset-keras3 button").first.click()
    wait_idle(page)
    expect(page.locator(".stMarkdown", has_text="→ output shape").first).to_contain_text("4 × 4")
    assert_no_exception(page)


def test_padding_link_and_chinese(page, app_url):
    page.goto(f"{app_url}/padding_stride?lang=zh&tie=1&mode=same&nh=8&nw=8&kh=3&kw=3&sh=2&sw=2&dh=2&dw=2")
    wait_idle(page)
    page.get_by_text("输出形状 ").first.wait_for()
    expect(page.locator(".stMarkdown", has_text="输入 8 × 8").first).to_contain_text("4 × 4")
    assert_no_exception(page)
    screenshot(page, "padding_zh_dilated")


def test_padding_kernel_too_big_keeps_page(page, app_url):
    page.goto(f"{app_url}/padding_stride?mode=valid&nh=3&nw=3&kh=5")
    wait_idle(page)
    page.get_by_text("does not fit the padded input in height").wait_for()
    expect(page.locator(".st-key-padding-stack_fig")).to_have_count(1)  # the rest still works
    assert_no_exception(page)
    screenshot(page, "padding_no_fit")
