"""The edge detection page in a real browser: the chapter's example, then an uploaded picture."""
import io

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from .conftest import ARTIFACTS, assert_layout_is_clean, assert_no_exception, choose, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def make_png(path):
    """A 120x160 picture: white, with a black disc and a black bar."""
    yy, xx = np.mgrid[0:120, 0:160]
    a = np.full((120, 160), 255, np.uint8)
    a[np.hypot(yy - 60, xx - 50) < 30] = 0
    a[20:100, 110:130] = 0
    out = io.BytesIO()
    Image.fromarray(a).save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def test_edges_page_default_and_upload(page, app_url, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 2200})  # the whole page in each screenshot
    page.goto(f"{app_url}/edges")
    wait_idle(page)
    page.get_by_text("1 marks the edge from white to black").wait_for()
    charts = page.locator('[data-testid="stPlotlyChart"]')
    charts.nth(2).wait_for()  # input, kernel, output
    page.locator(".js-plotly-plot").nth(2).wait_for()  # drawn by plotly.js
    assert_no_exception(page)
    screenshot(page, "edges_default")

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(make_png(tmp_path / "shapes.png")))
    wait_idle(page)
    page.get_by_text("Using your picture “shapes.png”: 120×160").wait_for()
    page.get_by_text("Output Y (120×159)").first.wait_for()
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert_no_exception(page)
    screenshot(page, "edges_upload")

    # a Sobel preset adds the gradient magnitude
    choose(page, "edges-kernel", "Sobel x")
    page.get_by_text("Gradient magnitude").first.wait_for()
    charts.nth(3).wait_for()
    assert_no_exception(page)
    screenshot(page, "edges_sobel")

    # a file that is not a picture: a short error, the page keeps its built-in picture
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"not a picture at all\n" * 10)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    wait_idle(page)
    page.get_by_text("is not a picture this page can read").wait_for()
    page.get_by_text("Output Y (4×6)").first.wait_for()  # the chapter's picture, Sobel x
    page.get_by_text("√(Gx² + Gy²) (4×6)").first.wait_for()
    assert_no_exception(page)
    screenshot(page, "edges_bad_upload")
    assert (ARTIFACTS / "edges_upload.png").exists()


# --- what a learner sees at a phone's width and on a desktop -------------------------

@pytest.mark.parametrize("width, lang", [(390, "en"), (1280, "zh")])
def test_edges_page_neither_squeezes_nor_overlaps(page, app_url, width, lang):
    page.set_viewport_size({"width": width, "height": 6000})  # the whole page at once
    page.goto(f"{app_url}/edges?lang={lang}&kernel=sobel_x")
    wait_idle(page)
    # X, K, Y, magnitude (the "Your turn" exercise below has figures of its own)
    expect(page.locator('[class*="st-key-edges-fig_"]')).to_have_count(4, timeout=60_000)
    # a loaded machine draws the fourth chart well after the script ends: wait as for the count
    expect(page.locator('[class*="st-key-edges-fig_"] [data-testid="stPlotlyChart"]').nth(3)).to_be_visible(timeout=60_000)
    assert_layout_is_clean(page)
    assert_no_exception(page)
    screenshot(page, f"edges_layout_{width}_{lang}")


# --- the camera, with Chromium's fake camera (a test pattern) ------------------------

@pytest.fixture
def camera_page(browser, app_url):
    """A page whose browser has a camera: Chromium's fake device, permission granted."""
    from .conftest import CHROMIUM_ARGS, _chromium

    fake = browser.browser_type.launch(executable_path=_chromium(), headless=True, args=[
        *CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"])
    context = fake.new_context(viewport={"width": 1280, "height": 2400})
    context.grant_permissions(["camera"], origin=app_url)
    p = context.new_page()
    p.set_default_timeout(30_000)
    yield p
    context.close()
    fake.close()


def test_edges_page_takes_a_photo(camera_page, app_url):
    page = camera_page
    page.goto(f"{app_url}/edges")
    wait_idle(page)
    page.get_by_text("1 marks the edge from white to black").wait_for()
    toggle = page.locator(".st-key-edges-camera_on")
    toggle.scroll_into_view_if_needed()
    toggle.get_by_text("use your camera").click()
    wait_idle(page)
    camera = page.locator(".st-key-edges-camera")
    camera.wait_for()
    page.wait_for_function("""() => { const v = document.querySelector('.st-key-edges-camera video');
        return v && v.readyState >= 2 && v.videoWidth > 0; }""", timeout=30_000)  # the camera streams
    camera.get_by_role("button", name="Take Photo").click()
    wait_idle(page)
    page.get_by_text("Using your photo from the camera: 384×512 pixels").wait_for(timeout=60_000)  # 480p, bounded
    page.get_by_text("Output Y (").first.wait_for()
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert "camera" not in page.url  # the photo never goes into the link
    assert_no_exception(page)
    screenshot(page, "edges_camera")


def test_reflect_padding_removes_zero_paddings_border(page, app_url):
    page.goto(f"{app_url}/edges?padding=same")
    wait_idle(page)
    page.get_by_text("mean |output| 1 with zeros, 0 with reflect").wait_for()
    choose(page, "edges-pad_mode", "circular (wrap around)")
    wait_url(page, "pad_mode=circular")
    page.get_by_text("mean |output| 1 with zeros, 0 with circular").wait_for()
    assert_no_exception(page)
    screenshot(page, "edges_circular")
