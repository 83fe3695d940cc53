"""The edge detection page in a real browser: the chapter's example, then an uploaded picture."""
import io

import numpy as np
import pytest
from PIL import Image

from .conftest import ARTIFACTS, assert_no_exception, choose, screenshot, wait_idle

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
