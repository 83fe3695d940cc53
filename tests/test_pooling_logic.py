"""convlab.pooling and its figures, without Streamlit: the walk of the pooling
window against a naive loop (TensorFlow's 'same' split written out), the
written-out maximum and average, the chapter's examples, the one-pixel shift
with its counts and verdicts, and the generated code (run, with TensorFlow
where it is installed)."""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import convcore
from convcore import seed
from convlab import pooling
from convlab.figures import pooling as figs
from convlab.figures.stepper import text_px
from convlab.text import t
from tests.plotly_util import array

D2L_X = np.arange(9.0).reshape(3, 3)


def naive_windows(shape, size, stride, padding):
    """Each output cell's window as the input cells (unpadded, row-major) it
    holds; 'same' padding split as TensorFlow does (the extra row/column at
    the bottom/right)."""
    per_axis = []
    for n, k, s in zip(shape, size, stride):
        if padding == "same":
            out = math.ceil(n / s)
            before = max((out - 1) * s + k - n, 0) // 2
        else:
            out, before = (n - k) // s + 1, 0
        per_axis.append([[r for r in range(o * s - before, o * s - before + k) if 0 <= r < n] for o in range(out)])
    rows, cols = per_axis
    return [[[(r, c) for r in rr for c in cc] for cc in cols] for rr in rows]


def naive_pool(X, size, stride, padding, mode):
    """Output, winners (first maximum in reading order) and divisors of a naive loop."""
    X = np.asarray(X, float)
    wins = naive_windows(X.shape, size, stride, padding)
    Y = np.array([[max(X[r, c] for r, c in w) if mode == "max" else sum(X[r, c] for r, c in w) / len(w)
                   for w in row] for row in wins])
    winners = [[max(w, key=lambda rc: (X[rc], -w.index(rc))) for w in row] for row in wins]
    return Y, winners, wins


configs = st.tuples(
    hnp.arrays(np.int64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=7), elements=st.integers(-5, 5)),
    st.tuples(st.integers(1, 4), st.integers(1, 4)), st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.sampled_from(["valid", "same"]), st.sampled_from(["max", "avg"]),
)


# --- the walk ----------------------------------------------------------------------

def test_the_d2l_example():
    assert [s.value for s in pooling.walk(D2L_X, (2, 2), (1, 1))] == [4, 5, 7, 8]
    assert [s.value for s in pooling.walk(D2L_X, (2, 2), (1, 1), mode="avg")] == [2, 3, 5, 6]
    first = pooling.walk(D2L_X, (2, 2), (1, 1))[0]
    assert pooling.step_text(first, "max") == "Y[0, 0] = max(0, 1, 3, 4) = 4"
    assert first.winner == (1, 1) and first.origin == (0, 0) and first.divisor == 4
    avg = pooling.walk(D2L_X, (2, 2), (1, 1), mode="avg")[0]
    assert pooling.step_text(avg, "avg") == "Y[0, 0] = (0 + 1 + 3 + 4) / 4 = 2"
    assert pooling.step_note(avg, "avg") is None and avg.winner is None


@given(configs)
def test_the_walk_matches_a_naive_loop(config):
    X, size, stride, padding, mode = config
    assume(padding == "same" or pooling.config_problem(X.shape, size) is None)
    steps = pooling.walk(X, size, stride, padding, mode)
    Y, winners, wins = naive_pool(X, size, stride, padding, mode)
    assert len(steps) == Y.size
    for s in steps:
        i, j = s.index
        assert list(s.cells) == wins[i][j]
        assert s.values == tuple(float(X[r, c]) for r, c in s.cells)
        assert s.value == pytest.approx(Y[i, j])
        assert s.divisor == len(s.cells) and s.padding_cells == size[0] * size[1] - len(s.cells)
        assert s.winner == (tuple(winners[i][j]) if mode == "max" else None)
    np.testing.assert_allclose(np.reshape([s.value for s in steps], Y.shape),
                               convcore.pool2d(X, size, stride=stride, padding=padding, mode=mode))


@given(configs)
def test_real_cells_count_what_an_average_divides_by(config):
    X, size, stride, padding, _ = config
    assume(padding == "same" or pooling.config_problem(X.shape, size) is None)
    wins = naive_windows(X.shape, size, stride, padding)
    np.testing.assert_array_equal(pooling.real_cells(X.shape, size, stride, padding),
                                  [[len(w) for w in row] for row in wins])
    # the sum of the real cells over their count is convcore's 'same' average
    ones = np.ones(size)
    sums = convcore.corr2d(X, ones, padding=padding, stride=stride)
    np.testing.assert_allclose(sums / pooling.real_cells(X.shape, size, stride, padding),
                               convcore.pool2d(X, size, stride=stride, padding=padding, mode="avg"))


def test_a_same_corner_window_says_what_it_divides_by():
    steps = pooling.walk(D2L_X, (2, 2), (2, 2), "same", "avg")
    assert [pooling.step_text(s, "avg") for s in steps] == [
        "Y[0, 0] = (0 + 1 + 3 + 4) / 4 = 2", "Y[0, 1] = (2 + 5) / 2 = 3.5", "Y[1, 0] = (6 + 7) / 2 = 6.5",
        "Y[1, 1] = (8) / 1 = 8"]
    key, values = pooling.step_note(steps[3], "avg")
    assert (key, values) == ("pooling.note_avg", {"real": 1, "pad": 3, "window": 4})
    assert "divides by 1, not by 4" in t("pooling.cell_note_avg", "en", **values)
    assert "除以 1，而不是 4" in t("pooling.cell_note_avg", "zh", **values)
    key, values = pooling.step_note(pooling.walk(D2L_X, (2, 2), (2, 2), "same", "max")[3], "max")
    assert key == "pooling.note_max" and "−∞" in t("pooling.cell_note_max", "en", **values)


def test_negative_values_are_written_plainly():
    step = pooling.walk([[-1.5, 2], [-3, -0.25]], (2, 2), (1, 1), mode="avg")[0]
    assert pooling.step_text(step, "avg") == "Y[0, 0] = ((-1.5) + 2 + (-3) + (-0.25)) / 4 = -0.6875"
    step = pooling.walk([[-1.5, -2], [-3, -0.25]], (2, 2), (1, 1))[0]
    assert pooling.step_text(step, "max") == "Y[0, 0] = max(-1.5, -2, -3, -0.25) = -0.25" and step.winner == (1, 1)


def test_a_tie_goes_to_the_first_cell_in_reading_order():
    step = pooling.walk([[1, 5], [5, 2]], (2, 2), (1, 1))[0]
    assert step.winner == (0, 1)


# --- the chapter's examples and the controls --------------------------------------

@pytest.mark.parametrize("name, mode, expected", [
    ("d2l", "max", [[4, 5], [7, 8]]), ("d2l", "avg", [[2, 3], [5, 6]]),
    ("keras", "max", [[10]]), ("keras", "avg", [[5]]),
    ("same", "max", [[10, 11], [14, 15]]), ("same", "avg", [[5, 6.5], [11, 12.5]]),
])
def test_presets_give_d2ls_numbers(name, mode, expected):
    p = pooling.PRESETS[name]
    v = p.values()
    size, stride = pooling.geometry(v["ph"], v["pw"], v["sh"], v["sw"])
    Y = convcore.pool2d(p.X, size, stride=stride, padding=v["pad"], mode=mode)
    np.testing.assert_array_equal(Y, expected)
    for name_, value in v.items():  # every value is one the page's parameters accept
        assert pooling.PARAMS[name_].parse(str(value)) == value


def test_the_defaults_are_d2ls_example():
    P = pooling.PARAMS
    assert P["X"].default == "0,1,2;3,4,5;6,7,8"
    assert (P["ph"].default, P["pw"].default, P["sh"].default, P["sw"].default) == (2, 2, 1, 1)
    assert (P["mode"].default, P["pad"].default, P["shift"].default) == ("max", "valid", 1)


@given(st.tuples(st.integers(1, 12), st.integers(1, 12)), st.tuples(st.integers(1, 5), st.integers(1, 5)))
def test_config_problem_exactly_when_valid_pooling_has_no_output(shape, size):
    problem = pooling.config_problem(shape, size)
    try:
        convcore.pool2d(np.zeros(shape), size)
    except ValueError:
        key, values = problem
        for lang in ("en", "zh"):
            text = t(key, lang, **values)
            assert f"{size[0]}×{size[1]}" in text and f"{shape[0]}×{shape[1]}" in text
    else:
        assert problem is None
    convcore.pool2d(np.zeros(shape), size, padding="same")  # 'same' always fits


# --- a one-pixel shift -------------------------------------------------------------

def test_the_shifted_image_moves_the_black_band():
    for d in range(pooling.MAX_SHIFT + 1):
        X = pooling.shifted_image(d)
        assert X.shape == (6, 8)
        assert (np.flatnonzero(X[0] == 0) == np.arange(2, 6) + d).all() and (X == X[0]).all()
    np.testing.assert_array_equal(pooling.shifted_image(0), seed.edge_image())


def test_the_default_shift_in_numbers():
    demo = pooling.shift_demo(1, (2, 2), (1, 1))
    np.testing.assert_array_equal(demo.conv[0], convcore.corr2d(seed.edge_image(), seed.EDGE_K))
    assert (demo.conv[1][:, 2] == 1).all() and (demo.conv[1][:, 6] == -1).all()
    assert demo.pooled[0].shape == (5, 6)
    assert (demo.pooled[0][:, :2] == 1).all() and (demo.pooled[1][:, 1:3] == 1).all()
    assert demo.counts() == {"d": 1, "cc": 24, "ct": 42, "pc": 10, "pt": 30, "ck": 0, "cf": 6, "pk": 5, "pf": 10}


@given(st.integers(0, pooling.MAX_SHIFT), st.integers(1, pooling.MAX_WINDOW), st.integers(1, pooling.MAX_WINDOW),
       st.integers(1, pooling.MAX_WINDOW), st.integers(1, pooling.MAX_WINDOW), st.sampled_from(["valid", "same"]),
       st.sampled_from(["max", "avg"]))
def test_every_control_setting_gives_a_shift_demo_and_a_verdict(d, ph, pw, sh, sw, padding, mode):
    demo = pooling.shift_demo(d, (ph, pw), (sh, sw), padding, mode)
    c = demo.counts()
    # the counts against numpy written out
    assert c["cc"] == int((demo.conv[0] != demo.conv[1]).sum()) and c["ct"] == 42
    P = demo.pooled[0]
    assert c["pf"] == int(((P == P.max()) & (P.max() > 0)).sum())
    assert c["pk"] == int((pooling.detections(P) & pooling.detections(demo.pooled[1])).sum())
    assert 0 <= c["pk"] <= c["pf"] <= c["pt"] and 0 <= c["ck"] <= c["cf"] == 6
    level, key, values = pooling.shift_verdict(demo)
    assert level in ("info", "success", "warning")
    if d == 0:
        assert (level, c["cc"], c["pc"]) == ("info", 0, 0)
    for lang in ("en", "zh"):
        t(key, lang, **values), t("pooling.shift_counts", lang, **values)  # every placeholder filled


@pytest.mark.parametrize("d, size, stride, key", [
    (0, (2, 2), (1, 1), "pooling.shift_zero"),
    (1, (2, 2), (1, 1), "pooling.shift_kept"),  # D2L: a 2x2 window absorbs a one-pixel move
    (2, (2, 2), (1, 1), "pooling.shift_lost"),  # a move as large as the window does not stay inside it
    (2, (3, 3), (1, 1), "pooling.shift_kept"),
    (1, (2, 2), (2, 2), "pooling.shift_lost"),  # the edge crosses a window's border
    (1, (1, 1), (1, 1), "pooling.shift_lost"),  # a 1x1 window is no pooling at all
])
def test_verdicts(d, size, stride, key):
    assert pooling.shift_verdict(pooling.shift_demo(d, size, stride))[1] == key


# --- figures ------------------------------------------------------------------------

def test_the_walk_figure_steps_through_the_d2l_example():
    fig = figs.walk_figure(D2L_X, (2, 2), (1, 1)).to_dict()
    assert [f["layout"]["title"]["text"] for f in fig["frames"]] == [
        "step 1/4<br>Y[0, 0] = max(0, 1, 3, 4)\u00a0=\u00a04", "step 2/4<br>Y[0, 1] = max(1, 2, 4, 5)\u00a0=\u00a05",
        "step 3/4<br>Y[1, 0] = max(3, 4, 6, 7)\u00a0=\u00a07", "step 4/4<br>Y[1, 1] = max(4, 5, 7, 8)\u00a0=\u00a08"]
    np.testing.assert_array_equal(array(fig["data"][2]["z"]), [[4, 5], [7, 8]])
    # the winner's inset square sits on the winning cell; the window's outline on the 2x2 window
    for frame, (r, c) in zip(fig["frames"], [(1, 1), (1, 2), (2, 1), (2, 2)]):
        window, winner = frame["data"][0], frame["data"][1]
        assert np.mean(winner["x"][:4]) == c and np.mean(winner["y"][:4]) == r
        assert max(window["x"]) - min(window["x"]) == 2 and max(window["y"]) - min(window["y"]) == 2
    assert fig["layout"]["sliders"][0]["active"] == 0 and len(fig["layout"]["sliders"][0]["steps"]) == 4


def test_the_walk_figure_marks_same_padding():
    fig = figs.walk_figure(D2L_X, (2, 2), (2, 2), "same", "max", step=3).to_dict()
    P = array(fig["data"][1]["z"])
    assert P.shape == (4, 4) and np.isnan(P[3]).all() and np.isnan(P[:, 3]).all() and not np.isnan(P[:3, :3]).any()
    assert fig["data"][3]["text"] == ["−∞"] * 7  # TensorFlow's -inf padding, written in the padding cells
    assert fig["layout"]["sliders"][0]["active"] == 3
    assert fig["layout"]["title"]["text"].endswith("<br>padding (−∞) never wins")
    avg = figs.walk_figure(D2L_X, (2, 2), (2, 2), "same", "avg", step=3, labels=figs.walk_labels("zh")).to_dict()
    assert avg["frames"][3]["layout"]["title"]["text"] == "第 4/4 步<br>Y[1, 1] = (8)\u00a0/\u00a01\u00a0=\u00a08<br>÷ 1：只计真实元素，填充不计入"
    assert avg["frames"][3]["data"][1]["x"] == []  # no winner in an average


def test_the_largest_walk_is_small():
    X = np.arange(144.0).reshape(12, 12)
    fig = figs.walk_figure(X, (1, 1), (1, 1), "same", "max")
    assert len(fig.to_dict()["frames"]) == 144 and len(fig.to_json()) < 1_000_000


@given(st.text(alphabet="0123456789, ()+=/max只除以真实元素", min_size=1, max_size=120), st.integers(40, 400))
def test_wrapped_lines_fit_and_keep_the_text(text, px):
    text = " ".join(text.split())
    assume(text)
    lines = figs.wrap_px(text, px, 14)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:  # a line is only too wide when it has no place to break
        if text_px(line, 14) > px:
            assert " " not in line and not any(text_px(ch, 14) >= 14 for ch in line[:-1])


def test_shift_figures_outline_the_detections():
    demo = pooling.shift_demo(1, (2, 2), (1, 1))
    figures = figs.shift_figures(demo, ("a", "b", "c"), "en")
    assert len(figures) == 3
    conv = figures[1].to_dict()
    # one outline per column run: the edge map finds the edge in column 1, then in column 2
    boxes = [(s["x0"], s["x1"]) for s in conv["layout"]["shapes"]]
    assert boxes == [(0.5, 1.5), (1.5, 2.5)]
    pooled = figures[2].to_dict()
    assert [(s["x0"], s["x1"]) for s in pooled["layout"]["shapes"]] == [(-0.5, 0.5), (0.5, 1.5), (0.5, 1.5), (1.5, 2.5)]


# --- code ------------------------------------------------------------------------------

CODE_CASES = [(D2L_X, (2, 2), (1, 1), "valid", "max"), (D2L_X, (2, 2), (1, 1), "valid", "avg"),
              (np.arange(16.0).reshape(4, 4), (3, 3), (3, 3), "valid", "max"),
              (np.arange(16.0).reshape(4, 4) - 7.5, (3, 2), (2, 1), "same", "avg"),
              (np.arange(20.0).reshape(4, 5) % 7, (2, 3), (2, 2), "same", "max")]


@pytest.mark.parametrize("X, size, stride, padding, mode", CODE_CASES)
def test_the_convcore_code_computes_the_output(X, size, stride, padding, mode):
    _, cc = pooling.code(X, size, stride, padding, mode)
    ns = {}
    exec(cc, ns)
    np.testing.assert_array_equal(ns["Y"], convcore.pool2d(X, size, stride=stride, padding=padding, mode=mode))
    if mode == "max":
        np.testing.assert_array_equal(ns["winners"], convcore.pool_argmax(X, size, stride=stride, padding=padding))
    call = next(line for line in cc.splitlines() if line.startswith("Y = "))
    assert ("stride=" in call) == (size != stride)


def test_the_code_reads_like_keras():
    tf_text, cc = pooling.code(D2L_X, (2, 2), (1, 1))
    assert "tf.keras.layers.MaxPooling2D(pool_size=2, strides=1, padding=\"valid\")" in tf_text
    assert "tf.nn.max_pool2d(X4, ksize=[2, 2], strides=[1, 1], padding=\"VALID\")" in tf_text
    assert "Y = convcore.pool2d(X, 2, stride=1)" in cc
    tf_text, cc = pooling.code(D2L_X, (3, 2), (3, 2), "same", "avg")
    assert "AveragePooling2D(pool_size=(3, 2), padding=\"same\")" in tf_text and "strides=None" in tf_text
    assert 'Y = convcore.pool2d(X, (3, 2), padding="same", mode="avg")' in cc and "pool_argmax" not in cc


def test_the_tensorflow_code_computes_the_output():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    for X, size, stride, padding, mode in CODE_CASES:
        tf_text, _ = pooling.code(X, size, stride, padding, mode)
        ns = {}
        exec(tf_text, ns)
        expected = convcore.pool2d(X, size, stride=stride, padding=padding, mode=mode)
        np.testing.assert_allclose(ns["Y"].numpy(), expected, rtol=1e-6)  # tf.nn
        np.testing.assert_allclose(ns["pool"](ns["X4"])[0, :, :, 0].numpy(), expected, rtol=1e-6)  # the Keras layer
