"""The edge detection page through Streamlit's AppTest: the chapter's numbers,
every preset, uploads good and bad, Chinese, and state restored from a link."""
from __future__ import annotations

import base64
import io
import json
import re
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
    assert "Using your picture “`mine.png`”: 20×30" in texts(at)
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


# --- an all-zero output: the page explains the actual case ---------------------------

def zero_note(at: AppTest) -> str:
    notes = [i.value for i in at.info if "all zeros" in i.value or "输出全为 0" in i.value]
    assert len(notes) == 1, [i.value for i in at.info]
    return notes[0]


@pytest.mark.parametrize("link, said, not_said", [
    # the chapter's second experiment: K = [1, -1] on the transposed picture
    (dict(transpose="1"), ["K = [1, −1]", "from left to right", "its edges are horizontal",
                           "Tick “Transpose the kernel (Kᵀ)” to look for horizontal edges"], ["Sobel"]),
    # Sobel y on vertical stripes: the learner's case; not K = [1, -1]
    (dict(image="stripes", kernel="sobel_y"), ["K = [−1 −2 −1; 0 0 0; 1 2 1]", "from top to bottom",
                                               "its edges are vertical", "Sobel x (vertical edges)"], ["[1, −1]"]),
    (dict(image="stripes", transpose="1", kernel="prewitt_x"), ["Prewitt y (horizontal edges)", "Tick"], ["[1, −1]"]),
    (dict(image="stripes", kt="1"), ["K = [1; −1]", "Untick “Transpose the kernel (Kᵀ)” to look for vertical edges"],
     ["Prewitt", "Sobel"]),
    # blind both ways: transposing cannot help, a neutral note
    (dict(image="stripes", kernel="custom", custom="1,-1;-1,1"), ["every window's weighted sum"], ["Transpose", "[1, −1]"]),
])
def test_all_zero_output_explains_the_actual_case(link, said, not_said):
    at = open_page(**link)
    assert not z_of(at, "output").any()
    note = zero_note(at)
    for s in said:
        assert s in note, (s, note)
    for s in not_said:
        assert s not in note, (s, note)


@pytest.mark.parametrize("value, said", [(0, "0 (black) everywhere"), (128, "one value (0.502) everywhere")])
def test_all_zero_on_a_flat_upload_says_there_is_nothing_to_detect(value, said):
    at = upload(open_page(), "flat.png", png(np.full((20, 30), value, np.uint8)))
    note = zero_note(at)
    assert said in note and "no edge to find" in note
    assert "Transpose" not in note and "[1, −1]" not in note  # transposing cannot help
    at.checkbox(key="edges.kt").check().run()
    assert zero_note(at) == note  # whichever way the kernel is turned


def test_all_zero_in_chinese():
    at = tests.conftest.open_page("edges", {"image": "stripes", "kernel": "sobel_y"}, "zh")
    note = zero_note(at)
    assert "勾选“将卷积核转置（Kᵀ）”" in note and "Sobel x（垂直边缘）" in note and "[1, −1]" not in note
    assert at.checkbox(key="edges.kt").label == "将卷积核转置（Kᵀ）"
    assert at.checkbox(key="edges.transpose").label == "将图像转置（Xᵀ）"


# --- the camera ----------------------------------------------------------------

def jpeg(width: int, height: int) -> bytes:
    """A photo as the camera sends it: an RGB JPEG, dark left half, light right half."""
    rgb = np.zeros((height, width, 3), np.uint8)
    rgb[:, width // 2:] = 230
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="JPEG", quality=90)
    return out.getvalue()


def test_camera_photo_is_used_like_an_upload_and_the_latest_picture_wins():
    at = open_page()
    assert not at.camera_input  # no camera (and no permission prompt) until asked for
    at.toggle(key="edges.camera_on").set_value(True).run()
    assert not at.exception and len(at.camera_input) == 1
    assert at.camera_input(key="edges.camera").label == "Camera"
    assert at.camera_input(key="edges.camera").resolution == "480p"  # 640×480, scaled down to 512 like an upload
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)  # no photo yet: the chapter's picture

    photo = jpeg(640, 480)
    at.camera_input(key="edges.camera").set_value(("image.jpg", photo, "image/jpeg")).run()
    assert not at.exception and not at.error
    expected = images.decode_upload(photo).pixels
    assert "Using your photo from the camera: 384×512 pixels" in texts(at) and "image.jpg" not in texts(at)
    assert "It was 480×640 pixels" in texts(at)  # the same bound as an upload
    assert "Cross-correlation of the 384×512 input with the 1×2 kernel" in texts(at)
    assert at.selectbox(key="edges.image").disabled
    Y = kernels.detect(expected, kernels.preset("seed")).signed
    assert charts(at)["output"]["layout"]["title"]["text"] == "Output Y (384×511)"
    from convlab.figures import edges as figs
    f = figs.display_factor(expected.shape, Y.shape)
    np.testing.assert_allclose(z_of(at, "output"), figs.pool(Y, f, "extreme"), atol=1e-6)  # computed from the photo
    assert "camera" not in at.query_params and "camera_on" not in at.query_params  # never in the link

    at = upload(at, "mine.png", png(np.full((20, 30), 255, np.uint8)))  # a newer upload wins
    assert "Using your picture “`mine.png`”: 20×30" in texts(at)
    at.camera_input(key="edges.camera").set_value(("image.jpg", jpeg(320, 240), "image/jpeg")).run()
    assert "Using your photo from the camera: 240×320 pixels" in texts(at)  # then a newer photo
    at.toggle(key="edges.camera_on").set_value(False).run()  # the camera put away: the upload again
    assert not at.camera_input and "Using your picture “`mine.png`”: 20×30" in texts(at)


def test_a_photo_that_cannot_be_read_says_so():
    at = open_page(lang="zh")
    at.toggle(key="edges.camera_on").set_value(True).run()
    at.camera_input(key="edges.camera").set_value(("image.jpg", b"\xff\xd8\xff broken", "image/jpeg")).run()
    assert not at.exception and len(at.error) == 1
    assert "你拍的照片" in at.error[0].value and "image.jpg" not in at.error[0].value
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)  # the built-in picture instead


# --- padding modes (issue 11) --------------------------------------------------------

def border_caption(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Border ("))


def test_same_zero_padding_makes_a_border_that_reflect_does_not():
    at = open_page(padding="same")
    zeros = z_of(at, "output")
    np.testing.assert_array_equal(zeros[:, 7], 1)  # zero padding on the right: an edge that is not in the picture
    assert "mean |output| 1 with zeros, 0 with reflect" in border_caption(at)
    at.selectbox(key="edges.pad_mode").set_value("reflect").run()
    assert not at.exception
    Y = z_of(at, "output")
    assert Y.shape == (6, 8)
    np.testing.assert_array_equal(Y[:, 7], 0)  # reflect: no invented edge
    np.testing.assert_array_equal(Y[:, :7], zeros[:, :7])  # inside the border nothing changes
    stats = edges.border_stats(np.asarray(images.synthetic("seed", 64), float), kernels.preset("seed"), "reflect")
    assert stats.zeros > stats.interior and stats.other < stats.zeros
    assert "6 output cells" in border_caption(at) and "inside the border 0.2857" in border_caption(at)
    assert at.query_params["pad_mode"] == "reflect" and at.query_params["padding"] == "same"
    # its code pads the same way
    tests.conftest.open_expander(at, "edges.code")  # the code is built when its expander opens
    tf_text, cc_text = (c.proto.code_text for c in at.get("code")[-2:])
    assert 'mode="REFLECT"' in tf_text and "pad_mode='reflect'" in cc_text


@pytest.mark.parametrize("mode", ["zeros", "reflect", "symmetric", "circular"])
def test_each_mode_on_a_synthetic_picture_matches_convcore(mode):
    import convcore

    at = open_page(image="disc", size="24", kernel="sobel_x", padding="same", pad_mode=mode)
    assert not at.exception and not at.warning
    assert at.selectbox(key="edges.pad_mode").value == mode
    X = images.synthetic("disc", 24)
    np.testing.assert_allclose(z_of(at, "output"),
                               convcore.corr2d(X, kernels.preset("sobel_x"), padding="same", pad_mode=mode), atol=1e-6)
    assert ("pad_mode" in at.query_params) == (mode != "zeros")
    M = np.hypot(*(convcore.corr2d(X, kernels.preset(k), padding="same", pad_mode=mode) for k in ("sobel_x", "sobel_y")))
    np.testing.assert_allclose(z_of(at, "magnitude"), M, atol=1e-6)
    ns = {}
    tests.conftest.open_expander(at, "edges.code")
    exec(at.get("code")[-1].proto.code_text.replace("X = ...", "X = __import__('numpy').asarray(PIC)"),
         {"PIC": X, **ns}, ns)
    np.testing.assert_allclose(ns["Y"], z_of(at, "output"), atol=1e-6)


def test_border_on_an_uploaded_photo():
    rng = np.random.default_rng(0)
    photo = (np.clip(rng.normal(150, 20, (40, 50)), 0, 255)).astype(np.uint8)  # a bright photo: zeros frame it dark
    at = upload(open_page(padding="same", kernel="sobel_x", pad_mode="reflect"), "photo.png", png(photo))
    assert not at.exception
    text = border_caption(at)
    zeros, other = (float(v) for v in re.search(r"\|output\| ([\d.]+) with zeros, ([\d.]+) with reflect", text).groups())
    assert zeros > 5 * other


def test_padding_mode_is_disabled_for_valid_and_warns_when_the_picture_is_too_small():
    at = open_page(pad_mode="reflect")
    assert at.selectbox(key="edges.pad_mode").disabled
    np.testing.assert_array_equal(z_of(at, "output"), SEED_Y)  # valid: no padding at all
    # a 7x7 kernel over the transposed 8x6 picture... mirrored 3 columns fit; a 1-row picture cannot be mirrored
    at = open_page(padding="same", pad_mode="reflect", kernel="custom", custom="1;1;-1")
    at = upload(at, "line.png", png(np.full((1, 9), 200, np.uint8)))
    assert not at.exception
    assert at.warning and "reflect" in at.warning[0].value and "Use less padding" in at.warning[0].value
    assert z_of(at, "output").shape == (1, 9)  # shown with zero padding meanwhile
