"""A link cannot put a link, an image or a formula into the app's own messages."""
from urllib.parse import quote

import pytest

from .conftest import assert_no_exception, wait_idle

pytestmark = pytest.mark.browser


def test_link_values_render_as_plain_text(page, app_url):
    query = {"dy": "[link](https://example.com/phish)", "dx": "![x](https://example.com/x.png)", "i": "$$\\frac{1}{0}$$"}
    page.goto(f"{app_url}/why?" + "&".join(f"{k}={quote(v)}" for k, v in query.items()))
    wait_idle(page)
    assert_no_exception(page)
    alerts = page.locator('[data-testid="stAlert"]', has_text="is not valid")
    alerts.first.wait_for()
    assert alerts.count() == 3
    assert alerts.locator("a").count() == 0 and alerts.locator("img").count() == 0
    assert alerts.locator(".katex").count() == 0
    text = " ".join(alerts.all_inner_texts())
    assert "[link](https://example.com/phish)" in text and "$$\\frac{1}{0}$$" in text  # shown as typed
