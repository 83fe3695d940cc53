"""The edge detection page through Streamlit's AppTest: the chapter's numbers,
every preset, uploads good and bad, Chinese, and state restored from a link."""
from __future__ import annotations

import base64
import io
import json
import struct
import zlib

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from convcore import kernels
import tests.conftest
from convlab import edges, images
from tests import plotly_util

def open_page(**query) -> AppTest:
    return tests.conftest.open_page("edges", query)  # a link straight to the page, as a teacher sends it


z_array = plotly_util.array


def charts(at: AppTest) -> dict[str, dict]:
    """Plotly figures by key suffix ('input', 'kernel', 'output', 'magnitude')."""
    return plotly_util.charts(at, "edges.fig_")


def z_of(at: AppTest, name: str) -> np.ndarray:
    return z_array(charts(at)[name]["data"][0]["z"])


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "error", "warning", "title", "subheader")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def png(a: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(a).save(out, format="PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


SEED_Y = np.zeros((6, 7))
SEED_Y[:, 1], SEED_Y[:, 5] = 1, -1


# --- the chapter's experiment ---------------------------------------------------

def test_defaults_are_the_chapters_example():
    at = open_page()
    assert at.title[0].value == "Edge detection"
    np.testing.assert_array_equal(z_of(at, "input"), images.seed_image())
    np.testing.assert_array_equal(z_of(at, "kernel"), [[1, -1]])
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)
    out = charts(at)["output"]["data"][0]
    assert out["zmid"] == 0 and out.get("texttemplate")  # diverging around 0, numbers in the cells
    assert "1 marks the edge from white to black" in texts(at)
    assert "6×8 input" in texts(at) and "6×7 output" in texts(at)
    assert not at.error and not at.warning
    assert len(at.get("download_button")) == 2
    assert at.query_params.get("kernel") is None  # defaults stay out of the link


def test_transposed_picture_gives_zeros_and_kt_finds_horizontal_edges():
    at = open_page()
    at.checkbox(key="edges.transpose").check().run()
    assert not at.exception
    Y = z_of(at, "output")
    assert Y.shape == (8, 5) and not Y.any()
    assert "all zeros" in texts(at)
    assert at.query_params["transpose"] == "1"
    at.checkbox(key="edges.kt").check().run()
    Y = z_of(at, "output")
    assert Y.shape == (7, 6)
    np.testing.assert_array_equal(Y[1], 1)
    np.testing.assert_array_equal(Y[5], -1)
    np.testing.assert_array_equal(z_of(at, "kernel"), [[1], [-1]])


def test_absolute_value_and_same_padding():
    at = open_page()
    at.checkbox(key="edges.abs").check().run()
    np.testing.assert_array_equal(z_of(at, "output"), np.abs(SEED_Y))
    assert "zmid" not in charts(at)["output"]["data"][0]
    at.radio(key="edges.padding").set_value("same").run()
    Y = z_of(at, "output")
    assert Y.shape == (6, 8)
    np.testing.assert_array_equal(Y[:, 7], 1)  # the zero padding on the right makes an edge
    assert not at.exception


@pytest.mark.parametrize("name", [n for n in kernels.PRESET_NAMES if n != "custom"])
def test_each_preset(name):
    at = open_page()
    at.selectbox(key="edges.kernel").set_value(name).run()
    assert not at.exception and not at.error
    X = images.seed_image()
    expected = kernels.detect(X, kernels.preset(name), preset_name=name)
    np.testing.assert_allclose(z_of(at, "output"), expected.signed, atol=1e-6)
    np.testing.assert_allclose(z_of(at, "kernel"), kernels.preset(name), atol=1e-7)
    assert ("magnitude" in charts(at)) == (kernels.gradient_pair(name) is not None)
    if expected.magnitude is not None:
        np.testing.assert_allclose(z_of(at, "magnitude"), expected.magnitude, atol=1e-6)
    assert at.query_params.get("kernel") == (None if name == "seed" else name)
    # the preset's name and values are both shown in the selector
    assert edges.kernel_text(name) in at.selectbox(key="edges.kernel").format_func(name)


def test_custom_kernel_and_edit_a_copy():
    at = open_page()
    at.selectbox(key="edges.kernel").set_value("sobel_x").run()
    at.button(key="edges.edit").click().run()
    assert not at.exception
    assert at.selectbox(key="edges.kernel").value == "custom"
    assert at.session_state["edges.custom"] == "-1,0,1;-2,0,2;-1,0,1"
    np.testing.assert_array_equal(z_of(at, "kernel"), kernels.preset("sobel_x"))
    assert len(at.data_editor) == 1
    assert at.query_params["custom"] == "-1,0,1;-2,0,2;-1,0,1"


def test_custom_kernel_too_big_for_valid_padding():
    at = open_page(kernel="custom", custom=";".join([",".join(["1"] * 7)] * 7))
    assert at.error and "does not fit" in at.error[0].value
    assert "output" not in charts(at) and "input" in charts(at)
    at.radio(key="edges.padding").set_value("same").run()
    assert not at.error and z_of(at, "output").shape == (6, 8)


def test_bad_link_values_fall_back_with_a_warning():
    at = open_page(kernel="nope", size="99999", custom="1,x")
    assert len(at.warning) == 3
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)


# --- a link restores the page ----------------------------------------------------

def test_link_restores_state():
    at = open_page(image="disc", size="32", kernel="sobel_y", padding="same", abs="1", kt="1", transpose="1")
    assert at.selectbox(key="edges.image").value == "disc"
    assert at.slider(key="edges.size").value == 32
    assert at.selectbox(key="edges.kernel").value == "sobel_y"
    assert at.radio(key="edges.padding").value == "same"
    assert at.checkbox(key="edges.abs").value and at.checkbox(key="edges.kt").value
    X = images.synthetic("disc", 32).T
    expected = kernels.detect(X, kernels.preset("sobel_y").T, "same", absolute=True, preset_name="sobel_y")
    np.testing.assert_allclose(z_of(at, "output"), expected.shown, atol=1e-6)
    np.testing.assert_allclose(z_of(at, "magnitude"), expected.magnitude, atol=1e-6)
    assert at.query_params["kernel"] == "sobel_y" and at.query_params["size"] == "32"


# --- uploads ------------------------------------------------------------------

def upload(at: AppTest, name: str, data: bytes, mime: str = "image/png") -> AppTest:
    at.file_uploader(key="edges.upload").set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def test_good_upload_is_used():
    a = np.full((20, 30), 255, np.uint8)
    a[:, 10:] = 0
    at = upload(open_page(), "mine.png", png(a))
    assert not at.error
    np.testing.assert_allclose(z_of(at, "input"), a / 255, atol=1e-6)
    Y = z_of(at, "output")
    assert Y.shape == (20, 29)
    np.testing.assert_allclose(Y[:, 9], 1, atol=1e-6)
    assert "Using your picture “mine.png”: 20×30" in texts(at)
    assert at.selectbox(key="edges.image").disabled
    assert "upload" not in at.query_params  # the file never goes into the link
    at.file_uploader(key="edges.upload").set_value(None).run()  # removed: back to the chapter's picture
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)


def test_large_upload_is_downscaled_and_said_so():
    a = np.zeros((600, 1024), np.uint8)
    a[:, 512:] = 255
    at = upload(open_page(), "big.png", png(a))
    assert "600×1024" in texts(at) and "scaled down to 512" in texts(at)
    assert "1/" in texts(at)  # drawn pooled; downloads hold every value
    at.selectbox(key="edges.kernel").set_value("sobel_x").run()
    assert not at.exception
    assert sum(len(el.proto.spec) for el in at.get("plotly_chart")) < 1_000_000


def test_animated_gif_upload():
    frames = [Image.new("L", (8, 6), 255), Image.new("L", (8, 6), 0)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    at = upload(open_page(), "anim.gif", out.getvalue(), "image/gif")
    assert "first frame" in texts(at)
    np.testing.assert_array_equal(z_of(at, "input"), np.ones((6, 8)))


@pytest.mark.parametrize("name,data,message", [
    ("notes.png", b"just some text, not a picture\n" * 20, "not a picture this page can read"),
    ("huge.png", png_claiming(40000, 40000), "far too many pixels"),
    ("big.png", png_claiming(6000, 5000), "has too many pixels (6000×5000)"),
    ("cut.png", png(np.random.default_rng(0).integers(0, 256, (64, 64), dtype=np.uint8))[:2000], "damaged or cut off"),
    ("empty.png", b"", "is empty"),
])
def test_bad_upload_shows_an_error_and_the_page_keeps_working(name, data, message):
    at = open_page()
    at.selectbox(key="edges.image").set_value("step").run()
    at = upload(at, name, data)
    assert len(at.error) == 1 and message in at.error[0].value and name in at.error[0].value
    assert "built-in picture chosen above" in texts(at)
    np.testing.assert_array_equal(z_of(at, "input"), images.synthetic("step", 64))  # the fallback
    at.selectbox(key="edges.kernel").set_value("laplacian").run()  # the rest keeps working
    assert not at.exception and z_of(at, "output").shape == (62, 62)


# --- Chinese --------------------------------------------------------------

def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "边缘检测"
    all_text = texts(at)
    for term in ("卷积核", "互相关运算", "边缘"):
        assert term in all_text
    assert at.radio(key="edges.padding").label == "填充"
    assert at.selectbox(key="edges.kernel").format_func("seed").startswith("边缘检测器")
    assert "输出" in json.dumps(charts(at)["output"]["layout"]["title"], ensure_ascii=False)
    at = upload(at, "notes.png", b"not a picture")
    assert "无法读取" in at.error[0].value
    assert at.query_params["lang"] == "zh"
