"""convcore.kernels (presets, detect, gradient magnitude, code) and the edge
page's figures, against scipy.signal.correlate2d, a naive loop and TensorFlow."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
from scipy.signal import correlate2d

from convcore import kernels
from convlab import edges, images
from convlab.figures import edges as figs
from convlab.figures.common import payload_bytes
from convcore.kernels import PRESETS, detect, gradient_magnitude, preset

EXPECTED = {
    "seed": [[1, -1]],
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "box_blur": np.ones((3, 3)) / 9,
    "gaussian_blur": np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16,
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel_y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "prewitt_x": [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
    "prewitt_y": [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "emboss": [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
}


def naive_same(X, K):
    """TensorFlow 'same' (stride 1): the smaller half of the padding on top/left."""
    kh, kw = K.shape
    t, l = (kh - 1) // 2, (kw - 1) // 2
    P = np.pad(X, ((t, kh - 1 - t), (l, kw - 1 - l)))
    Y = np.zeros(X.shape)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            Y[i, j] = (P[i:i + kh, j:j + kw] * K).sum()
    return Y


# --- presets ---------------------------------------------------------------

def test_every_preset_and_custom_is_listed():
    assert set(PRESETS) == set(EXPECTED)
    assert kernels.PRESET_NAMES == (*EXPECTED, "custom")  # the seed's kernel first, custom last


@pytest.mark.parametrize("name", list(EXPECTED))
def test_preset_values(name):
    K = preset(name)
    np.testing.assert_allclose(K, EXPECTED[name], rtol=0, atol=1e-15)
    assert K.dtype == np.float64
    K[0, 0] = 99  # a copy: the preset itself does not change
    assert preset(name)[0, 0] != 99


def test_preset_families():
    for name in ("box_blur", "gaussian_blur", "identity", "sharpen"):
        assert preset(name).sum() == pytest.approx(1)  # flat areas keep their value
    for name in ("seed", "sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "laplacian"):
        assert preset(name).sum() == 0  # flat areas give 0
    np.testing.assert_array_equal(preset("sobel_y"), preset("sobel_x").T)
    np.testing.assert_array_equal(preset("prewitt_y"), preset("prewitt_x").T)
    assert kernels.gradient_pair("sobel_x") == kernels.gradient_pair("sobel_y") == ("sobel_x", "sobel_y")
    assert kernels.gradient_pair("laplacian") is None and kernels.gradient_pair("custom") is None
    with pytest.raises(ValueError, match="unknown kernel preset"):
        preset("nope")


def test_kernel_text():
    assert edges.kernel_text("seed") == "[1, −1]"
    assert edges.kernel_text("sobel_x") == "[−1 0 1; −2 0 2; −1 0 1]"
    assert edges.kernel_text("box_blur") == "1/9 × [1 1 1; 1 1 1; 1 1 1]"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_preset_labels_name_every_preset_and_show_its_values(lang):
    from convlab.text import t

    for name in kernels.PRESET_NAMES:
        label = edges.preset_label(name, lang)
        assert label.startswith(t(f"edges.k.{name}", lang))
        if name == kernels.CUSTOM:
            assert label == t(f"edges.k.{name}", lang)  # its values are in the editor
        else:
            assert label.endswith(edges.kernel_text(name))


# --- the page's choices ------------------------------------------------------

@pytest.mark.parametrize("field,value", [(None, None), ("image", "disc"), ("uploaded", True), ("transpose", True),
                                         ("kernel", "sobel_x"), ("kt", True), ("absolute", True),
                                         ("padding", "same")])
def test_only_the_chapters_own_setup_is_its_example(field, value):
    setup = edges.Setup(**({field: value} if field else {}))
    # the chapter: its 6x8 picture, K = [1, -1], nothing transposed, signed output (any padding)
    assert setup.is_chapter_example == (field in (None, "padding"))
    assert setup.seed_image == (field not in ("image", "uploaded"))
    assert setup.preset_name == (value if field == "kernel" else "seed")
    assert edges.Setup(kernel=kernels.CUSTOM).preset_name is None


def test_setup_orients_picture_and_kernel_and_its_code_computes_the_page():
    X, K = images.seed_image(), preset("seed")
    for transpose in (False, True):
        for kt in (False, True):
            X2, K2 = edges.Setup(transpose=transpose, kt=kt).oriented(X, K)
            np.testing.assert_array_equal(X2, X.T if transpose else X)
            np.testing.assert_array_equal(K2, K.T if kt else K)
    assert edges.Setup(kt=True).oriented(X, None)[1] is None  # a custom kernel with a bad cell
    setup = edges.Setup(transpose=True, kernel="sobel_x", padding="same", absolute=True)
    X2, K2 = setup.oriented(X, preset("sobel_x"))
    assert setup.code(X.shape, K2) == edges.code_snippets(X.shape, K2, "same", seed_image=True, transpose_image=True,
                                                          absolute=True, preset_name="sobel_x")
    ns = {}
    exec(setup.code(X.shape, K2)[1], ns)  # the convcore snippet gives what the page shows
    np.testing.assert_allclose(ns["Y"], detect(X2, K2, "same", absolute=True).shown, atol=1e-12)


# --- cross-correlation with the presets -------------------------------------

@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize("picture", ["step", "disc", "text"])
def test_valid_matches_scipy(name, picture):
    X = images.synthetic(picture, 32).astype(np.float64)
    K = preset(name)
    np.testing.assert_allclose(detect(X, K).signed, correlate2d(X, K, mode="valid"), atol=1e-12)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_same_matches_naive_loop(name):
    X = images.synthetic("disc", 16).astype(np.float64)
    K = preset(name)
    Y = detect(X, K, "same").signed
    assert Y.shape == X.shape
    np.testing.assert_allclose(Y, naive_same(X, K), atol=1e-12)


def test_sobel_on_a_step():
    X = images.synthetic("step", 8).astype(np.float64)  # white left, black right: edge between columns 3 and 4
    Gx = detect(X, preset("sobel_x")).signed
    np.testing.assert_array_equal(Gx, correlate2d(X, preset("sobel_x"), mode="valid"))
    # right minus left, weights 1+2+1: -4 on the two columns whose window spans the edge
    assert Gx.shape == (6, 6)
    np.testing.assert_array_equal(Gx[:, 2:4], -4)
    assert (Gx[:, [0, 1, 4, 5]] == 0).all()
    assert not detect(X, preset("sobel_y")).signed.any()  # no horizontal edge


def test_gradient_magnitude():
    X = images.synthetic("disc", 40).astype(np.float64)
    Gx = correlate2d(X, preset("sobel_x"), mode="valid")
    Gy = correlate2d(X, preset("sobel_y"), mode="valid")
    M = gradient_magnitude(X, preset("sobel_x"), preset("sobel_y"))
    np.testing.assert_allclose(M, np.sqrt(Gx ** 2 + Gy ** 2), atol=1e-12)
    np.testing.assert_allclose(M, M.T, atol=1e-12)  # a disc has edges in every direction alike
    r = detect(X, preset("sobel_y"), preset_name="sobel_y")
    np.testing.assert_allclose(r.magnitude, M)
    r = detect(X, preset("prewitt_x"), "same", preset_name="prewitt_x")
    Px = naive_same(X, preset("prewitt_x"))
    Py = naive_same(X, preset("prewitt_y"))
    np.testing.assert_allclose(r.magnitude, np.hypot(Px, Py), atol=1e-12)
    assert detect(X, preset("laplacian"), preset_name="laplacian").magnitude is None


# --- the chapter's experiment ---------------------------------------------------

def test_seed_edges():
    r = detect(images.seed_image(), preset("seed"))
    expected = np.zeros((6, 7))
    expected[:, 1], expected[:, 5] = 1, -1
    np.testing.assert_array_equal(r.signed, expected)
    assert not r.all_zero and r.magnitude is None


def test_seed_transposed_is_all_zero_and_kt_finds_the_edges():
    XT = images.seed_image().T
    r = detect(XT, preset("seed"))
    assert r.signed.shape == (8, 5) and r.all_zero
    r = detect(XT, preset("seed").T)  # K transposed: horizontal edges
    assert r.signed.shape == (7, 6)
    np.testing.assert_array_equal(r.signed[1], 1)
    np.testing.assert_array_equal(r.signed[5], -1)


def test_absolute_value():
    r = detect(images.seed_image(), preset("seed"), absolute=True)
    assert r.shown.min() == 0 and r.shown.max() == 1 and r.signed.min() == -1


def test_kernel_that_does_not_fit():
    with pytest.raises(ValueError, match="does not fit.*'same' padding"):
        detect(images.seed_image(), np.ones((7, 7)))
    assert detect(images.seed_image(), np.ones((7, 7)), "same").signed.shape == (6, 8)
    with pytest.raises(ValueError, match="padding"):
        detect(images.seed_image(), preset("seed"), "full")


# --- the code a learner copies ----------------------------------------------

@pytest.mark.parametrize("name,padding,transpose,kt,absolute", [
    ("seed", "valid", False, False, False),
    ("seed", "same", True, True, True),
    ("sobel_x", "same", False, False, False),
])
def test_code_snippets_compute_what_the_page_shows(name, padding, transpose, kt, absolute):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    K = preset(name).T if kt else preset(name)
    X = images.seed_image().T if transpose else images.seed_image()
    r = detect(X, K, padding, absolute=absolute, preset_name=name)
    tf_text, cc_text = edges.code_snippets((6, 8), K, padding, seed_image=True, transpose_image=transpose,
                                             absolute=absolute, preset_name=name)
    ns = {}
    exec(tf_text, ns)
    np.testing.assert_allclose(ns["Y"].numpy(), r.shown, atol=1e-6)
    ns2 = {}
    exec(cc_text, ns2)
    np.testing.assert_allclose(ns2["Y"], r.shown, atol=1e-12)
    if r.magnitude is not None:
        np.testing.assert_allclose(ns["magnitude"].numpy(), r.magnitude, atol=1e-5)
        np.testing.assert_allclose(ns2["magnitude"], r.magnitude, atol=1e-12)


# --- figures ---------------------------------------------------------------

def z_of(fig) -> np.ndarray:
    z = json.loads(fig.to_json())["data"][0]["z"]
    if isinstance(z, dict):  # plotly's base64 typed array
        import base64
        shape = [int(s) for s in str(z["shape"]).split(",")]
        return np.frombuffer(base64.b64decode(z["bdata"]), dtype=np.dtype(z["dtype"])).reshape(shape)
    return np.array(z, dtype=float)


def test_small_figures_carry_every_value_and_cell_text():
    Y = detect(images.seed_image(), preset("seed")).signed
    fig = figs.output_figure(Y, "Y", 1)
    np.testing.assert_array_equal(z_of(fig), Y)
    t = fig.data[0]
    assert t.zmid == 0 and t.zmin == -1 and t.zmax == 1 and t.texttemplate
    img = figs.image_figure(images.seed_image(), "X")
    assert img.data[0].zmin == 0 and img.data[0].zmax == 1
    k = figs.kernel_figure(preset("seed"), "K")
    np.testing.assert_array_equal(z_of(k), [[1, -1]])


def test_pool_keeps_thin_edges():
    Y = np.zeros((9, 9))
    Y[:, 4] = -1  # a one-pixel edge
    P = figs.pool(Y, 3, "extreme")
    assert P.shape == (3, 3)
    np.testing.assert_array_equal(P[:, 1], -1)
    np.testing.assert_array_equal(figs.pool(np.ones((5, 7)), 2), np.ones((3, 4)))


def test_512_page_payload_under_1_mb():
    for X in (images.synthetic("disc", 512), images.synthetic("text", 1024)):  # 512x512, 512x1024
        r = detect(X, preset("sobel_x"), "same", preset_name="sobel_x")
        f = figs.display_factor(X.shape, r.shown.shape, r.magnitude.shape)
        total = sum(payload_bytes(fig) for fig in (
            figs.image_figure(X, "X", f), figs.kernel_figure(preset("sobel_x"), "K"),
            figs.output_figure(r.shown, "Y", f), figs.output_figure(r.magnitude, "M", f, signed=False)))
        assert total < 1_000_000, total
        assert "texttemplate" not in figs.output_figure(r.shown, "Y", f).to_json()


def test_pooled_figure_keeps_original_coordinates():
    X = images.synthetic("step", 512)
    fig = figs.image_figure(X, "X", 3)
    t = fig.data[0]
    assert (t.x0, t.dx, t.y0, t.dy) == (1, 3, 1, 3)
    assert z_of(fig).shape == (171, 171) and z_of(fig).dtype == np.float32


# --- an all-zero output, explained (the case decided here, the words in both languages) ---

STRIPES_V = np.tile([1.0, 1.0, 0.0, 0.0], (6, 2))  # vertical stripes: changes only from left to right
STRIPES_H = STRIPES_V.T.copy()  # changes only from top to bottom


@pytest.mark.parametrize("X, K, case", [
    (np.zeros((5, 5)), preset("seed"), edges.ZeroCase("black")),
    (np.zeros((5, 5)), preset("box_blur"), edges.ZeroCase("black")),  # any kernel: every product is 0
    (np.full((5, 5), 0.25), preset("laplacian"), edges.ZeroCase("flat", value=0.25)),
    (images.seed_image().T, preset("seed"), edges.ZeroCase("direction", sees="lr")),
    (STRIPES_H, preset("sobel_x"), edges.ZeroCase("direction", sees="lr")),
    (STRIPES_H, preset("prewitt_x"), edges.ZeroCase("direction", sees="lr")),
    (STRIPES_V, preset("sobel_y"), edges.ZeroCase("direction", sees="tb")),
    (STRIPES_V, preset("seed").T, edges.ZeroCase("direction", sees="tb")),
    (STRIPES_V, np.array([[1.0, -1.0], [-1.0, 1.0]]), edges.ZeroCase("other")),  # blind both ways: Kᵀ cannot help
    (np.tile(np.arange(6.0), (4, 1)), np.array([[1.0, -2.0, 1.0]]), edges.ZeroCase("other")),  # an even slope
])
def test_zero_case_says_why_the_output_is_zero(X, K, case):
    assert detect(X, K).all_zero  # each example does give zeros
    assert edges.zero_case(X, K) == case
    if case.kind == "direction":  # and the advice works: the transposed kernel finds the edges
        assert not detect(X, np.asarray(K).T).all_zero


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_zero_message_names_the_kernel_and_the_way_out(lang):
    from convlab.text import t

    kt_label = t("edges.kt", lang)
    # the chapter's second experiment: X transposed, K = [1, -1]
    setup = edges.Setup(transpose=True)
    X, K = setup.oriented(images.seed_image(), preset("seed"))
    msg = edges.zero_message(edges.zero_case(X, K), K, setup, lang)
    assert "K = [1, −1]" in msg and kt_label in msg and t("edges.zero.edges_h", lang) in msg
    # Sobel y on vertical stripes: not K = [1, -1]; Kᵀ or Sobel x
    setup = edges.Setup(image="stripes", kernel="sobel_y")
    msg = edges.zero_message(edges.zero_case(STRIPES_V, preset("sobel_y")), preset("sobel_y"), setup, lang)
    assert "K = [−1 −2 −1; 0 0 0; 1 2 1]" in msg and "[1, −1]" not in msg
    assert kt_label in msg and t("edges.k.sobel_x", lang) in msg and t("edges.zero.edges_v", lang) in msg
    # Kᵀ already ticked: untick it
    setup = edges.Setup(image="stripes", kt=True)
    msg = edges.zero_message(edges.zero_case(STRIPES_V, preset("seed").T), preset("seed").T, setup, lang)
    assert "K = [1; −1]" in msg and msg.endswith(t("edges.zero.untick_kt", lang, label=kt_label,
                                                   edges=t("edges.zero.edges_v", lang)))
    # a black picture: nothing to detect, whatever the kernel; no advice about transposing
    for name in ("seed", "box_blur", "sobel_x"):
        msg = edges.zero_message(edges.zero_case(np.zeros((4, 4)), preset(name)), preset(name),
                                 edges.Setup(uploaded=True, kernel=name), lang)
        assert msg == t("edges.zero.black", lang) and kt_label not in msg and "[1, −1]" not in msg
    msg = edges.zero_message(edges.ZeroCase("flat", value=0.5), preset("seed"), edges.Setup(uploaded=True), lang)
    assert "0.5" in msg and kt_label not in msg
    msg = edges.zero_message(edges.ZeroCase("other"), preset("seed"), edges.Setup(), lang)
    assert msg == t("edges.zero.other", lang) and "[1, −1]" not in msg


def test_transposing_is_said_plainly():
    """转置卷积核 reads as "transposed-convolution kernel": say the kernel (or the image) is transposed."""
    from convlab.text import CATALOG, t

    assert t("edges.kt", "zh") == "将卷积核转置（Kᵀ）" and t("edges.transpose", "zh") == "将图像转置（Xᵀ）"
    assert t("edges.kt", "en") == "Transpose the kernel (Kᵀ)" and t("edges.transpose", "en") == "Transpose the picture (Xᵀ)"
    assert "not a transposed convolution" in t("edges.kt_help", "en") and "不是“转置卷积”" in t("edges.kt_help", "zh")
    for key, entry in CATALOG.items():
        if key.startswith("edges."):
            assert "转置卷积核" not in entry["zh"] and "转置图像" not in entry["zh"], key


# --- figures: titles below the mode bar ---------------------------------------------

def test_edge_figure_titles_clear_the_mode_bar():
    """In a third of the page the mode bar's buttons (about 30 px, top right) covered a title at the top."""
    Y = detect(images.seed_image(), preset("seed")).signed
    height = figs.figure_height((6, 8))
    for fig in (figs.image_figure(images.seed_image(), "Input X (6×8)", height=height),
                figs.kernel_figure(preset("seed"), "Kernel K (1×2)", height=height),
                figs.output_figure(Y, "Output Y (6×7)", height=height)):
        lay = json.loads(fig.to_json())["layout"]
        title = lay["title"]
        assert title["yref"] == "container" and title["y"] == 1 and title["yanchor"] == "top"
        assert title["pad"]["t"] >= 32
        assert lay["margin"]["t"] >= title["pad"]["t"] + 20 + 20  # the title, then the column numbers
        assert lay["height"] == height
