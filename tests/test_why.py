"""convcore.why and its figures: parameter counts against closed forms, Keras'
own count_params() and an independent connection count; translation
equivariance; locality windows; multiple channels against per-channel corr2d
and tf.nn.conv2d; the code snippets the page shows, executed."""
from __future__ import annotations

import json
import os
import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convcore import corr2d, corr2d_multi_in
from convcore import why
from convlab import why as whylab
from convlab.figures import why as figs
from convlab.figures.common import MAX_TEXT_CELLS

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


# --- parameter counts ---------------------------------------------------------

def test_the_seeds_claim_billions_versus_a_few_hundred():
    c = why.param_counts(**why.SEED_CLAIM)
    assert c.dense.weights == 10**12 and c.dense.biases == 10**6
    assert c.local.weights == 441 * 10**6 and c.local.biases == 10**6
    assert (c.conv.weights, c.conv.biases, c.conv.total) == (441, 1, 442)
    assert 100 <= c.conv.total < 1000  # "a few hundred"
    assert c.dense.float32_bytes == 4 * (10**12 + 10**6)
    assert isinstance(c.dense.total, int)  # exact, not a float


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10_000), st.integers(1, 10_000), st.integers(1, 10_000), st.integers(1, 10_000),
       st.integers(1, 99))
def test_counts_are_the_closed_forms(h, w, h2, w2, k):
    assume(k <= min(h, w))
    c = why.param_counts(h, w, k, h2, w2)
    assert c.dense.weights == (h * w) * (h2 * w2) and c.dense.biases == h2 * w2
    assert c.local.weights == h2 * w2 * k * k and c.local.biases == h2 * w2
    assert c.conv.weights == k * k and c.conv.biases == 1
    assert [L.total for L in c.layers] == [L.weights + L.biases for L in c.layers]
    assert c.dense.total >= c.local.total >= c.conv.total  # k*k <= h*w


@given(st.integers(1, 98), st.integers(1, 98), st.integers(1, 10_000), st.integers(1, 10_000), st.data())
def test_a_kernel_larger_than_the_image_is_refused(h, w, h2, w2, data):
    k = data.draw(st.integers(min(h, w) + 1, 99))
    with pytest.raises(ValueError, match="larger than the image"):
        why.param_counts(h, w, k, h2, w2)


@given(st.integers(1, 10_000), st.integers(1, 10_000), st.integers(1, 99), st.booleans())
def test_the_pages_numbers_are_the_counts_written_with_separators(h, w, k, same):
    assume(k <= min(h, w))
    hidden = (None, None) if same else (w, h)
    c = why.param_counts(h, w, k, *hidden)
    numbers = {name: int(text.replace(",", "")) for name, text in whylab.ratio_numbers(c).items()}
    dense = (h * w) * (h * w) + h * w  # either way h'·w' = h·w here
    assert numbers == {"dense": dense, "conv": k * k + 1, "ratio": round(dense / (k * k + 1))}
    assert whylab.seed_claim_numbers() == {"dense_w": "1,000,000,000,000", "dense_pow": "10¹²", "dense_b": "1,000,000",
                                           "tb": "4.0", "conv_w": "441", "small_hidden": "1,000",
                                           "small_w": "1,000,000,000", "small_pow": "10⁹"}


def test_hidden_size_defaults_to_the_image_size():
    assert why.param_counts(28, 20, 3) == why.param_counts(28, 20, 3, 28, 20)


@pytest.mark.parametrize("args, message", [
    ((0, 5, 3), "image height must be at least 1"),
    ((5, 5, 0), "kernel size must be at least 1"),
    ((5, 5, 2.5), "kernel size must be a whole number"),
    ((5, True, 2), "image width must be a whole number"),
    ((4, 9, 5), "the kernel 5x5 is larger than the image 4x9; use a kernel of at most 4x4"),
    ((5, 5, 3, 0, 5), "hidden height must be at least 1"),
])
def test_bad_sizes_say_what_to_change(args, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        why.param_counts(*args)


@pytest.mark.parametrize("h, w, h2, w2, k", [(4, 5, 3, 2, 3), (6, 6, 6, 6, 1), (3, 7, 2, 5, 2)])
def test_keras_count_params_of_dense_and_conv2d(tf, h, w, h2, w2, k):
    c = why.param_counts(h, w, k, h2, w2)
    dense = tf.keras.layers.Dense(h2 * w2)
    dense.build((None, h * w))
    assert dense.count_params() == c.dense.total
    conv = tf.keras.layers.Conv2D(1, k, padding="same")
    conv.build((None, h, w, 1))
    assert conv.count_params() == c.conv.total


@pytest.mark.parametrize("h, w, k", [(5, 5, 3), (6, 4, 2), (7, 9, 4), (3, 3, 3), (4, 4, 1)])
def test_locally_connected_count_is_one_weight_per_connection(h, w, k):
    """Independently of the formula: the hidden units of a 'valid' layer with
    k x k windows, and which pixels each one reads, found by feeding one-hot
    images through corr2d with an all-ones kernel. A locally connected layer
    has exactly one weight per (hidden unit, pixel) connection."""
    connections = 0
    for p in range(h * w):
        e = np.zeros(h * w)
        e[p] = 1
        connections += np.count_nonzero(corr2d(e.reshape(h, w), np.ones((k, k))))
    h2, w2 = h - k + 1, w - k + 1
    c = why.param_counts(h, w, k, h2, w2)
    assert c.local.weights == connections
    # a fully connected layer has every (hidden unit, pixel) pair
    assert c.dense.weights == (h * w) * (h2 * w2) >= connections


def test_locally_connected_weights_array_has_the_counted_size():
    K = np.ones((3, 3))
    W = why.lc_weights(10, K)
    assert W.shape == (10, 10, 3, 3)
    assert W.size == why.param_counts(10, 10, 3).local.weights


def test_number_formatting():
    assert whylab.sci(442) == "442" and whylab.sci(10**12) == "10¹²"
    assert whylab.approx_zh(10**12) == "1 万亿" and whylab.approx_zh(12_345) == "约 1.23 万"
    assert whylab.approx_zh(10_000_000) == "1000 万" and "e" not in whylab.approx_zh(99_999_999)
    assert whylab.human_bytes(4 * 441 * 10**6) == "1.8 GB"


# --- translation --------------------------------------------------------------

def naive_corr_same(X, K):
    kh, kw = K.shape
    P = np.pad(X, (((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2)))
    return np.array([[np.sum(P[i:i + kh, j:j + kw] * K) for j in range(X.shape[1])] for i in range(X.shape[0])])


@settings(max_examples=60, deadline=None)
@given(st.integers(4, 12), st.integers(4, 12), st.integers(1, 3), st.integers(1, 3),
       st.integers(-3, 3), st.integers(-3, 3), st.integers(0, 2**32 - 1))
def test_shifting_the_input_shifts_the_valid_output(H, W, kh, kw, dy, dx, seed):
    """Translation equivariance of corr2d, away from the borders: with
    Xs = X moved by (dy, dx), Ys[i + dy, j + dx] == Y[i, j] wherever both
    windows lie wholly inside the image."""
    rng = np.random.default_rng(seed)
    X = rng.integers(-5, 6, (H, W)).astype(float)
    K = rng.integers(-3, 4, (kh, kw)).astype(float)
    Xs = why.shift(X, dy, dx)
    Y, Ys = corr2d(X, K), corr2d(Xs, K)
    Hp, Wp = Y.shape
    # output cells of Y whose window lies in the part of X that survives the shift
    rows = [i for i in range(Hp) if 0 <= i + dy and i + dy + kh - 1 < H]
    cols = [j for j in range(Wp) if 0 <= j + dx and j + dx + kw - 1 < W]
    for i in rows:
        for j in cols:
            assert Ys[i + dy, j + dx] == Y[i, j]


def test_shift_moves_and_zero_fills():
    A = np.arange(9.0).reshape(3, 3)
    assert why.shift(A, 0, 0).tolist() == A.tolist()
    assert why.shift(A, -1, 1).tolist() == [[0, 3, 4], [0, 6, 7], [0, 0, 0]]
    assert not why.shift(A, 3, 0).any()


@pytest.mark.parametrize("pattern", list(why.PATTERNS))
def test_conv_response_moves_with_the_pattern_exactly_and_lc_does_not(pattern):
    hi = why.max_offset()
    for dy in range(hi + 1):
        for dx in range(hi + 1):
            d = why.translation_demo(pattern, dy, dx)
            assert d.conv_diff == 0.0
            np.testing.assert_array_equal(d.conv1, why.shift(d.conv0, dy, dx))
            a, b = d.conv_at_centre
            assert a == b == d.kernel.sum()  # the matched kernel's peak, kept
            if (dy, dx) != (0, 0):
                assert d.lc_diff > 0.1
    d = why.translation_demo(pattern, 0, 0)
    assert d.lc_diff == 0 and d.lc_at_centre[0] == d.kernel.sum()  # the lc unit at the first centre holds the kernel


def test_locally_connected_with_shared_weights_is_a_convolution():
    rng = np.random.default_rng(1)
    X = rng.integers(-4, 5, (7, 6)).astype(float)
    K = rng.integers(-2, 3, (3, 3)).astype(float)
    W = np.broadcast_to(K, (7, 6, 3, 3))
    np.testing.assert_array_equal(why.locally_connected(X, W), corr2d(X, K, padding="same"))
    np.testing.assert_array_equal(corr2d(X, K, padding="same"), naive_corr_same(X, K))


def test_locally_connected_matches_a_naive_loop():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((6, 6))
    W = rng.standard_normal((6, 6, 3, 3))
    P = np.pad(X, 1)
    ref = np.array([[np.sum(P[i:i + 3, j:j + 3] * W[i, j]) for j in range(6)] for i in range(6)])
    np.testing.assert_allclose(why.locally_connected(X, W), ref, rtol=1e-12)


def test_translation_demo_is_reproducible_and_checks_its_arguments():
    a, b = why.translation_demo("corner", 2, 5), why.translation_demo("corner", 2, 5)
    np.testing.assert_array_equal(a.lc1, b.lc1)
    with pytest.raises(ValueError, match="pattern must be one of"):
        why.translation_demo("star")
    with pytest.raises(ValueError, match="between 0 and 6"):
        why.translation_demo("cross", 7, 0)


# --- locality -----------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.integers(1, 15), st.integers(1, 15), st.data(), st.integers(0, 6))
def test_locality_window_counts(H, W, data, delta):
    i, j = data.draw(st.integers(0, H - 1)), data.draw(st.integers(0, W - 1))
    win = why.locality_window((H, W), i, j, delta)
    M = why.locality_mask(win)
    assert win.window == (2 * delta + 1) ** 2 and win.total == H * W
    assert np.count_nonzero(M) == win.inside <= win.window
    assert M[i, j] == 2
    # exactly the pixels with |r - i| <= delta and |c - j| <= delta
    r, c = np.indices((H, W))
    np.testing.assert_array_equal(M > 0, (abs(r - i) <= delta) & (abs(c - j) <= delta))
    interior = delta <= i < H - delta and delta <= j < W - delta
    assert (win.inside == win.window) == interior


def test_locality_window_rejects_outside_pixels():
    with pytest.raises(ValueError, match="outside the 12x12 image"):
        why.locality_window((12, 12), 12, 0, 1)


# --- channels -----------------------------------------------------------------

@pytest.mark.parametrize("O", [1, 2])
@pytest.mark.parametrize("k", [1, 2, 3])
def test_channels_sum_per_channel_and_match_tensorflow(tf, O, k):
    ch = why.channel_demo(O, k)
    assert ch.X.shape == (3, 5, 5) and ch.K.shape == (O, 3, k, k)
    assert ch.Y.shape == (O, 6 - k, 6 - k)
    assert ch.sums_match
    for o in range(O):
        np.testing.assert_array_equal(ch.Y[o], sum(corr2d(ch.X[c], ch.K[o, c]) for c in range(3)))
        np.testing.assert_array_equal(ch.Y[o], corr2d_multi_in(ch.X, ch.K[o]))
        for c in range(3):
            np.testing.assert_array_equal(ch.parts[o, c], corr2d(ch.X[c], ch.K[o, c]))
    x = tf.constant(np.transpose(ch.X, (1, 2, 0))[None], tf.float32)  # (1, H, W, C)
    kern = tf.constant(np.transpose(ch.K, (2, 3, 1, 0)), tf.float32)  # (k, k, C, O)
    ref = tf.nn.conv2d(x, kern, 1, "VALID").numpy()[0]
    np.testing.assert_array_equal(ch.Y, np.transpose(ref, (2, 0, 1)))
    conv = tf.keras.layers.Conv2D(O, k)
    conv.build((None, 5, 5, 3))
    assert conv.count_params() == ch.n_params == O * 3 * k * k + O


def test_channel_input_and_kernel_values():
    X = why.channel_input()
    np.testing.assert_array_equal(X[1], X[0].T)
    np.testing.assert_array_equal(X[2], X[0][::-1])
    K = why.channel_kernel(2, 3, 2)
    assert K[0, 0].tolist() == [[0, 1], [2, 3]] and K[1, 2].tolist() == [[3, 4], [5, 6]]
    with pytest.raises(ValueError, match="1 or 2"):
        why.channel_demo(3, 2)
    with pytest.raises(ValueError, match="between 1 and 5"):
        why.channel_demo(1, 6)


@pytest.mark.parametrize("O", [1, 2])
def test_one_by_one_convolution_mixes_channels_per_pixel(tf, O):
    X = why.channel_input()
    W = why.mixing_weights(O)
    for i, j in [(0, 0), (1, 2), (4, 4)]:
        mix = why.pixel_mix(X, W, i, j)
        np.testing.assert_array_equal(mix.x, X[:, i, j])
        np.testing.assert_array_equal(mix.y, W @ X[:, i, j])
        np.testing.assert_array_equal(mix.Y[:, i, j], mix.y)
        for o in range(O):
            assert whylab.pixel_arithmetic(mix, o).endswith(f"= {int(mix.y[o])}")
    ref = tf.nn.conv2d(tf.constant(np.transpose(X, (1, 2, 0))[None], tf.float32),
                       tf.constant(W.T[None, None], tf.float32), 1, "VALID").numpy()[0]
    np.testing.assert_array_equal(mix.Y, np.transpose(ref, (2, 0, 1)))
    assert whylab.pixel_arithmetic(why.pixel_mix(X, W, 1, 2), 0) == "1×7 + 1×11 + 1×17 = 35"
    with pytest.raises(ValueError, match="outside"):
        why.pixel_mix(X, W, 5, 0)


# --- code snippets ---------------------------------------------------------------

def test_params_code_runs_and_prints_the_page_counts(tf, capsys):
    tf_code, cc = whylab.params_code(6, 5, 3, 4, 4)
    c = why.param_counts(6, 5, 3, 4, 4)
    ns = {}
    exec(tf_code, ns)
    assert (ns["n_dense"], ns["n_local"], ns["n_conv"]) == (c.dense.total, c.local.total, c.conv.total)
    ns = {}
    exec(cc, ns)
    assert capsys.readouterr().out.splitlines()[-1] == f"{c.dense.total} {c.local.total} {c.conv.total}"


def test_params_code_for_the_seed_does_not_build_a_4_tb_layer(tf):
    tf_code, _ = whylab.params_code(1000, 1000, 21)
    assert "# dense.build" in tf_code and "n_dense = (h * w) * (h2 * w2) + h2 * w2" in tf_code
    ns = {}
    exec(tf_code, ns)  # builds only the 442-parameter Conv2D
    assert (ns["n_dense"], ns["n_local"], ns["n_conv"]) == (10**12 + 10**6, 442 * 10**6, 442)


@pytest.mark.parametrize("O, k", [(1, 1), (2, 2), (2, 3)])
def test_channels_code_computes_what_the_page_shows(tf, O, k):
    tf_code, cc = whylab.channels_code(O, k)
    ch = why.channel_demo(O, k)
    ns = {}
    exec(tf_code, ns)
    assert ns["n_params"] == ch.n_params
    np.testing.assert_array_equal(ns["Y"], ch.Y)
    ns = {}
    exec(cc, ns)
    np.testing.assert_array_equal(ns["Y"], ch.Y)


# --- figures ---------------------------------------------------------------------

def spec(fig):
    return json.loads(fig.to_json())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figures_carry_the_numbers_and_stay_small(lang):
    c = why.param_counts(**why.SEED_CLAIM)
    d = why.translation_demo("cross", 3, 4)
    win = why.locality_window((12, 12), 0, 4, 2)
    ch = why.channel_demo(2, 2)
    mix = why.pixel_mix(ch.X, why.mixing_weights(2), 1, 2)
    built = {
        "bar": [figs.params_bar(c, lang)], "translation": figs.translation_figures(d, lang),
        "locality": [figs.locality_figure(win, lang)], "inputs": figs.channel_input_figures(ch.X, lang),
        "row0": figs.channel_row_figures(ch.K, ch.parts, ch.Y, 0, lang), "mix": figs.mixing_figures(mix, lang),
        "mix_out": figs.mixing_output_figures(mix, lang),
    }
    total = sum(len(f.to_json()) for group in built.values() for f in group)
    assert total < 200_000  # the page's budget is 1 MB
    bar = spec(built["bar"][0])["data"][0]
    assert bar["y"] == [float(c.dense.total), float(c.local.total), 442.0]
    assert spec(built["bar"][0])["layout"]["yaxis"]["type"] == "log"
    inputs, conv, lc = (spec(f) for f in built["translation"])
    assert [len(f["data"]) for f in (inputs, conv, lc)] == [2, 2, 2]  # the pattern first, then moved
    np.testing.assert_array_equal(inputs["data"][1]["z"], d.X1)
    np.testing.assert_array_equal(conv["data"][0]["z"], d.conv0)
    np.testing.assert_array_equal(conv["data"][1]["z"], d.conv1)
    np.testing.assert_array_equal(lc["data"][1]["z"], np.round(d.lc1, 6))
    assert conv["data"][0]["zmin"] == -conv["data"][0]["zmax"] == -d.zmax == -lc["data"][1]["zmax"]
    assert "texttemplate" not in inputs["data"][0] and conv["data"][0]["texttemplate"] == "%{z:.4~g}"
    loc = spec(built["locality"][0])
    assert np.count_nonzero(loc["data"][0]["z"]) == win.inside == 15
    row = [spec(f) for f in built["row0"]]
    assert [len(f["data"]) for f in row] == [2, 2, 2, 1]  # K[0, c] above X[c] ⋆ K[0, c]; then Y[0]
    np.testing.assert_array_equal(row[-1]["data"][0]["z"], ch.Y[0])
    ops = [[a["text"] for a in f["layout"]["annotations"] if a["text"] in ("<b>+</b>", "<b>=</b>")] for f in row]
    assert ops == [[], ["<b>+</b>"], ["<b>+</b>"], ["<b>=</b>"]]
    for group in built.values():
        for f in group:
            for trace in spec(f)["data"]:
                if trace["type"] == "heatmap" and "texttemplate" in trace:
                    assert np.size(trace["z"]) <= MAX_TEXT_CELLS
    if lang == "zh":
        assert spec(built["bar"][0])["data"][0]["x"] == ["全连接层", "局部连接层<br>（不共享）", "卷积层"]


# --- counts that hold for any link (a window is clipped to its image) ---------------

@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10_000), st.integers(1, 10_000), st.integers(0, 40), st.data())
def test_a_window_is_clipped_to_the_image_wherever_it_is(H, W, delta, data):
    i, j = data.draw(st.integers(0, H - 1)), data.draw(st.integers(0, W - 1))
    win = why.locality_window((H, W), i, j, delta)
    rows = min(H - 1, i + delta) - max(0, i - delta) + 1  # counted without the window's own bookkeeping
    cols = min(W - 1, j + delta) - max(0, j - delta) + 1
    assert win.inside == rows * cols <= min(win.window, win.total)
    assert win.outside == win.window - win.inside >= 0
    big = why.central_window((H, W), delta)
    assert big.inside == min(H, 2 * delta + 1) * min(W, 2 * delta + 1) >= win.inside  # no pixel's window holds more
    assert big.total == H * W and big.window == win.window


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 6), st.data())
def test_the_central_window_holds_the_most_pixels(H, W, delta, data):
    best = max(why.locality_window((H, W), i, j, delta).inside for i in range(H) for j in range(W))
    assert why.central_window((H, W), delta).inside == best


@settings(max_examples=200, deadline=None)
@given(st.integers(1, whylab.MAX_SIDE), st.integers(1, whylab.MAX_SIDE), st.integers(0, 5),
       st.integers(0, why.LOCALITY_SIZE - 1), st.integers(0, why.LOCALITY_SIZE - 1), st.sampled_from(["en", "zh"]))
def test_the_locality_sentences_never_count_more_than_there_is(h, w, delta, i, j, lang):
    """/why?h=5&w=7&delta=5&i=0&j=11 once said "the same window is 121 of 35 inputs"."""
    n = why.LOCALITY_SIZE
    win = why.locality_window((n, n), i, j, delta)
    lines = whylab.locality_lines(win, (h, w), lang)
    text = "\n".join(lines)
    big = why.central_window((h, w), delta)
    if lang == "en":
        pairs = [(int(a.replace(",", "")), int(b.replace(",", ""))) for a, b in
                 re.findall(r"\*{0,2}([\d,]+)\*{0,2} of (?:the |its )?\*{0,2}([\d,]+)", text)]
        assert pairs and all(a <= b for a, b in pairs), text
        assert (win.inside, win.total) in pairs
        assert lines[-1].startswith(f"On the {h:,}×{w:,} image of section 1")
        said = (big.inside, big.total) in pairs or f"reads all {big.total:,} inputs" in lines[-1]
        assert said, lines[-1]
    else:
        # "M 个输入中的 N 个": what is read, of how many inputs
        pairs = [(int(b.replace(",", "")), int(a.replace(",", ""))) for a, b in
                 re.findall(r"\*{0,2}([\d,]+)\*{0,2} 个输入中的 \*{0,2}([\d,]+)", text)]
        assert all(a <= b for a, b in pairs), text
        assert f"{h:,}×{w:,} 图像" in lines[-1] and f"{big.total:,} 个输入" in lines[-1]
        assert (big.inside, big.total) in pairs or f"读取全部 {big.total:,} 个输入" in lines[-1], lines[-1]
    assert (win.outside > 0) == (len(lines) == 3)  # the border sentence, only where the window is clipped


# --- figures: panels stack, titles clear the mode bar and each other ------------------

def figure_layout_boxes(fig):
    """For a figure of figs.panel_figure: its height and, from the top in pixels,
    the vertical extent of every title and of every panel's column numbers and cells."""
    f = spec(fig)
    lay = f["layout"]
    H = lay["height"]
    boxes = []
    for a in lay.get("annotations", []):
        if a.get("xref") == "paper":  # titles; the "+"/"=" symbols sit beside their panel, in its axes
            top = (1 - a["y"]) * H
            boxes.append(("title " + a["text"], top, top + figs.LINE_PX * (a["text"].count("<br>") + 1)))
    for name, axis in lay.items():
        if name.startswith("yaxis"):
            lo, hi = axis["domain"]
            cells_top, cells_bottom = (1 - hi) * H, (1 - lo) * H
            boxes.append((f"{name} numbers", cells_top - figs.TICKS_PX, cells_top))
            boxes.append((f"{name} cells", cells_top, cells_bottom))
    return H, lay, boxes


def why_figures(lang):
    d = why.translation_demo("corner", 2, 5)
    ch = why.channel_demo(2, 3)
    mix = why.pixel_mix(ch.X, why.mixing_weights(2), 4, 0)
    return [*figs.translation_figures(d, lang), figs.locality_figure(why.locality_window((12, 12), 0, 11, 5), lang),
            *figs.channel_input_figures(ch.X, lang), *figs.channel_row_figures(ch.K, ch.parts, ch.Y, 1, lang),
            *figs.mixing_figures(mix, lang), *figs.mixing_output_figures(mix, lang)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_panels_stack_and_titles_clear_the_mode_bar_and_each_other(lang):
    """Side by side panels in one figure squeezed on a phone (their titles ran
    together: "convolution (shared kernel)locally connected (own weights)"). Each
    figure is now one column of panels, for the page to set side by side in
    columns that stack on a phone; titles sit below the mode bar's strip, and no
    title, column numbers or cells share a pixel row."""
    for fig in why_figures(lang):
        H, lay, boxes = figure_layout_boxes(fig)
        for name, axis in lay.items():
            if name.startswith("xaxis"):
                assert axis.get("domain", [0, 1]) == [0, 1], name  # one column: nothing beside it to squeeze
        boxes.sort(key=lambda b: b[1])
        assert boxes[0][1] >= figs.MODEBAR_PX - 1e-9, boxes[0]
        for (a, _, a_end), (b, b_top, _) in zip(boxes, boxes[1:]):
            assert a_end <= b_top + 1e-9, (a, b)
        assert boxes[-1][2] <= H + 1e-9


def test_bar_chart_title_clears_the_mode_bar():
    lay = spec(figs.params_bar(why.param_counts(**why.SEED_CLAIM), "en"))["layout"]
    (title,) = lay["annotations"]
    assert title["text"].startswith("<b>Parameters of one layer")
    assert (title["yref"], title["y"], title["yanchor"]) == ("paper", 1, "bottom")  # in the top margin
    lines = title["text"].count("<br>") + 1
    assert lay["margin"]["t"] - title["yshift"] - lines * figs.LINE_PX >= figs.MODEBAR_PX
    assert lay["xaxis"]["tickangle"] == 0  # names side by side, not turned into each other


def test_the_parameter_table_puts_the_counts_first():
    df = figs.params_table(why.param_counts(28, 28, 3), "en")
    assert list(df.columns) == ["layer", "parameters", "about", "weights", "biases", "formula", "as float32"]
    assert df.iloc[2].tolist()[:5] == ["convolution", "**10**", "10", "9", "1"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unvalidated_figures_are_what_plotly_would_validate(lang):
    """figs.panel_figure skips plotly's validation (some twenty figures a run):
    each kind of figure is exactly what a validated one would be (no unknown
    property, colour scales written out as plotly.py writes them)."""
    import plotly.graph_objects as go
    import plotly.io as pio

    for fig in why_figures(lang):
        as_built = json.loads(pio.to_json(fig.to_dict(), validate=False))
        assert as_built == json.loads(go.Figure(fig.to_dict()).to_json())
