"""Self-contained sections are fragments: "Your turn", the pooling page's
shift, the transposed page's checkerboard. Their controls rerun that section
only, so the server sends its few elements, not the page's figures again,
and the link still follows the section's values."""
import pytest

from .conftest import assert_no_exception, wait_idle, wait_url

pytestmark = pytest.mark.browser


def received_during(page, action) -> int:
    """Bytes the server sent over the websocket while ``action`` ran and the page settled."""
    page.evaluate("window.__bytes = 0")
    action()
    page.wait_for_timeout(500)
    wait_idle(page)
    return page.evaluate("window.__bytes")


COUNT_BYTES = """
window.__bytes = 0;
const Real = window.WebSocket;
window.WebSocket = function (...args) {
    const ws = new Real(...args);
    ws.addEventListener("message", e => { window.__bytes += e.data.byteLength || e.data.length || e.data.size || 0; });
    return ws;
};
window.WebSocket.prototype = Real.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
"""


def test_checking_an_answer_reruns_only_your_turn(page, app_url):
    page.add_init_script(COUNT_BYTES)
    page.set_viewport_size({"width": 1280, "height": 3000})
    page.goto(f"{app_url}/pooling")
    wait_idle(page)
    page.locator('[class*="st-key-pooling-yt-"][class*="-reveal"] button').wait_for()

    # A page control: the whole script reruns and sends every figure again.
    box = page.locator(".st-key-pooling-pw input")
    full = received_during(page, lambda: (box.fill("3"), box.press("Enter")))
    wait_url(page, "pw=3")

    # "Show the answer" in Your turn: only the fragment reruns.
    part = received_during(page, lambda: page.locator('[class*="st-key-pooling-yt-"][class*="-reveal"] button').click())
    page.get_by_text("Worked solution").or_(page.get_by_text("Solution")).first.wait_for()
    assert_no_exception(page)
    assert full > 20_000 and part < full / 3, (full, part)
    assert "pw=3" in page.url  # the page's link is untouched by the fragment

    # A new exercise: the fragment again, and the page stays as it was.
    new = received_during(page, lambda: page.locator(".st-key-pooling-yt-new button").click())
    assert new < full / 3, (full, new)
    assert page.locator(".st-key-pooling-pw input").input_value() == "3"


@pytest.mark.parametrize("path, control, param, value", [
    ("pooling", "pooling-shift", "shift", None),  # a slider: one step right
    ("transposed", "transposed-cs", "cs", "3"),  # the checkerboard's stride
])
def test_a_sections_control_reruns_only_its_section_and_writes_the_link(page, app_url, path, control, param, value):
    page.add_init_script(COUNT_BYTES)
    page.set_viewport_size({"width": 1280, "height": 3000})
    page.goto(f"{app_url}/{path}")
    wait_idle(page)
    box = page.locator(f".st-key-{path}-pw input" if path == "pooling" else f".st-key-{path}-sh input")
    box.wait_for()
    full = received_during(page, lambda: (box.fill("2" if path == "transposed" else "3"), box.press("Enter")))

    def change():
        if value is None:
            page.locator(f".st-key-{control} input[type='range']").focus()
            page.keyboard.press("ArrowRight")
        else:
            field = page.locator(f".st-key-{control} input")
            field.fill(value)
            field.press("Enter")
    part = received_during(page, change)
    wait_url(page, f"{param}=")
    assert_no_exception(page)
    assert full > 20_000 and part < full / 2, (full, part)
