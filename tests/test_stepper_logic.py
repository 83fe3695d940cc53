"""convlab.stepper, the step-by-step page's logic, without Streamlit: presets,
the controls turned into convcore's arguments, the picked cell, what the page
writes out (CSV, the cells read, the flipped kernel) and the TensorFlow
check's verdict; against naive loops, Python's csv module and TensorFlow."""
from __future__ import annotations

import csv
import io
import os
import re

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import convcore
from convcore import seed
from convlab import stepper, tfcheck
from convlab.fmt import num
from convlab.text import t
from convlab.urlstate import parse_cells, text_cells


def naive_corr(X, K, pad=(0, 0), stride=(1, 1), dilation=(1, 1)):
    """The chapter's loop, with zero padding, stride and dilation written out."""
    X, K = np.asarray(X, float), np.asarray(K, float)
    P = np.pad(X, ((pad[0], pad[0]), (pad[1], pad[1])))
    kh, kw = K.shape
    span_h, span_w = (kh - 1) * dilation[0] + 1, (kw - 1) * dilation[1] + 1
    H, W = (P.shape[0] - span_h) // stride[0] + 1, (P.shape[1] - span_w) // stride[1] + 1
    Y = np.zeros((H, W))
    for i in range(H):
        for j in range(W):
            Y[i, j] = sum(P[i * stride[0] + a * dilation[0], j * stride[1] + b * dilation[1]] * K[a, b]
                          for a in range(kh) for b in range(kw))
    return Y


ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")  # a word a Chinese message should not hold


def run(preset: stepper.Preset) -> np.ndarray:
    v = preset.values()
    padding, stride, dilation = stepper.geometry(v["pad"], (v["ph"], v["pw"]), (v["sh"], v["sw"]), (v["dh"], v["dw"]))
    return convcore.corr2d(preset.X, preset.K, padding=padding, stride=stride, dilation=dilation)


# --- presets and controls ----------------------------------------------------------

def test_presets_are_the_chapters_examples():
    assert list(stepper.PRESETS) == ["seed", "pad", "stride", "edge"]
    np.testing.assert_array_equal(run(stepper.PRESETS["seed"]), [[19, 25], [37, 43]])
    padded = run(stepper.PRESETS["pad"])
    assert padded.shape == (4, 4)
    np.testing.assert_array_equal(padded, naive_corr(seed.CORR_X, seed.CORR_K, (1, 1)))
    np.testing.assert_array_equal(run(stepper.PRESETS["stride"]), [[0, 8], [6, 8]])  # the seed's (3, 2) stride
    edges = run(stepper.PRESETS["edge"])
    assert edges.shape == (6, 7) and (edges[:, 1] == 1).all() and (edges[:, 5] == -1).all()
    for p in stepper.PRESETS.values():
        v = p.values()
        assert set(v) == {"op", "pad", "pad_mode", "ph", "pw", "sh", "sw", "dh", "dw", "i", "j"}
        assert (v["op"], v["pad"], v["dh"], v["dw"], v["i"], v["j"]) == ("corr", "explicit", 1, 1, 0, 0)


def matrices(max_side, lo, hi):
    return hnp.arrays(np.int64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=max_side),
                      elements=st.integers(lo, hi))


@given(matrices(6, -9, 9), matrices(3, -3, 3),
       st.tuples(st.integers(0, 2), st.integers(0, 2)), st.tuples(st.integers(1, 3), st.integers(1, 3)),
       st.tuples(st.integers(1, 2), st.integers(1, 2)))
def test_explicit_padding_stride_and_dilation_match_a_naive_loop(X, K, pad, stride, dilation):
    for axis in (0, 1):  # the (dilated) kernel fits in the padded input
        assume((K.shape[axis] - 1) * dilation[axis] + 1 <= X.shape[axis] + 2 * pad[axis])
    padding, s, d = stepper.geometry("explicit", pad, stride, dilation)
    assert padding == pad
    np.testing.assert_array_equal(convcore.corr2d(X, K, padding=padding, stride=s, dilation=d),
                                  naive_corr(X, K, pad, stride, dilation))


@pytest.mark.parametrize("pad", ["valid", "same", "full"])
def test_named_padding_ignores_the_rows_and_columns(pad):
    assert stepper.geometry(pad, (3, 4), (1, 2), (1, 1)) == (pad, (1, 2), (1, 1))


@given(st.integers(0, 99), st.integers(0, 99), st.integers(1, 20), st.integers(1, 20))
def test_a_cell_is_clamped_into_the_output(i, j, H, W):
    ci, cj = stepper.clamp_cell(i, j, (H, W))
    assert 0 <= ci < H and 0 <= cj < W
    assert (ci == i) == (i < H) and (cj == j) == (j < W)
    assert ci in (i, H - 1) and cj in (j, W - 1)


def test_a_click_picks_the_cell_under_it():
    assert stepper.picked_cell([{"x": 1, "y": 0, "curve_number": 1}]) == (0, 1)  # x is the column
    assert stepper.picked_cell([{"x": 2.0, "y": 3.0}, {"x": 0, "y": 0}]) == (3, 2)  # the first point
    assert stepper.picked_cell([]) is None and stepper.picked_cell(None) is None


# --- what the page writes out ---------------------------------------------------

@given(st.integers(0, 2), st.integers(1, 2), st.integers(1, 2), st.data())
def test_cells_text_lists_the_cells_the_window_reads(pad, s, d, data):
    X = np.arange(30.0).reshape(5, 6)
    K = np.ones((2, 2))
    stride, dilation = (s, 1), (1, d)
    H, W = naive_corr(X, K, (pad, pad), stride, dilation).shape
    i, j = data.draw(st.integers(0, H - 1)), data.draw(st.integers(0, W - 1))
    w = convcore.window_at(X, K, i, j, padding=pad, stride=stride, dilation=dilation)
    expected = [(i * stride[0] + a * dilation[0], j * stride[1] + b * dilation[1]) for a in range(2) for b in range(2)]
    assert stepper.cells_text(w, dilation) == ", ".join(f"({r}, {c})" for r, c in expected)
    P = np.pad(X, pad)
    np.testing.assert_array_equal([P[r, c] for r, c in expected], w.patch.ravel())  # those are the values it uses


def test_seed_window_reads_four_cells():
    w = convcore.window_at(seed.CORR_X, seed.CORR_K, 1, 1)
    assert stepper.cells_text(w) == "(1, 1), (1, 2), (2, 1), (2, 2)"


@given(matrices(7, -10**6, 10**6))
def test_kernel_text_of_whole_numbers_reads_back(K):
    text = stepper.kernel_text(K)
    np.testing.assert_array_equal(parse_cells(text_cells(text.replace("; ", ";"))), K)


def test_kernel_text_uses_the_apps_number_format():
    K = convcore.flip_kernel(seed.CORR_K)
    assert stepper.kernel_text(K) == "3,2; 1,0"  # as the page has always written the flipped seed kernel
    assert stepper.kernel_text([[1 / 3, -0.5]]) == f"{num(1 / 3)},{num(-0.5)}" == "0.3333,-0.5"


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=8),
                  elements=st.floats(-1e6, 1e6, allow_nan=False)))
def test_csv_parses_back_to_the_output(Y):
    rows = list(csv.reader(io.StringIO(stepper.csv_text(Y))))
    back = np.array([[float(v) for v in row] for row in rows])
    assert back.shape == Y.shape
    np.testing.assert_allclose(back, Y, rtol=5e-6, atol=0)  # six significant digits


@given(matrices(8, -99_999, 99_999))
def test_csv_of_whole_numbers_is_exact(Y):
    text = stepper.csv_text(Y.astype(float))
    assert "." not in text and "e" not in text
    np.testing.assert_array_equal(np.loadtxt(io.StringIO(text), delimiter=",", ndmin=2), Y)


def test_csv_of_the_seed_output():
    Y = convcore.corr2d(seed.CORR_X, seed.CORR_K)
    assert stepper.csv_text(Y) == "19,25\n37,43"


def test_code_computes_the_page_output():
    X, K = seed.CORR_X, seed.CORR_K
    tf_text, cc_text = stepper.code(X.shape, K.shape, (1, 1), (3, 2), (1, 1), flip=True)
    assert "tf.nn.conv2d" in tf_text and "tf.reverse" in tf_text
    ns = {"X": X, "K": K}
    exec(cc_text, ns)
    np.testing.assert_array_equal(ns["Y"], naive_corr(X, np.flip(K), (1, 1), (3, 2)))


# --- the check against TensorFlow ------------------------------------------------

Y_SEED = np.array([[19.0, 25.0], [37.0, 43.0]])
CONFIG = stepper.check_config(seed.CORR_X, seed.CORR_K, (0, 0), (1, 1), (1, 1))


def test_a_check_is_shown_only_for_its_own_configuration():
    check = stepper.TFCheck(CONFIG, diff=0.0)
    assert stepper.verdict(None, CONFIG, Y_SEED) is None
    assert stepper.verdict(check, CONFIG, Y_SEED) == ("success", "stepper.verified", {"H": 2, "W": 2, "diff": 0.0})
    for other in [stepper.check_config(seed.CORR_X, seed.CORR_K, (1, 1), (1, 1), (1, 1)),
                  stepper.check_config(seed.CORR_X, np.flip(seed.CORR_K), (0, 0), (1, 1), (1, 1)),
                  stepper.check_config(seed.CORR_X + 1, seed.CORR_K, (0, 0), (1, 1), (1, 1)),
                  stepper.check_config(seed.CORR_X, seed.CORR_K, "valid", (1, 1), (1, 1)),
                  stepper.check_config(seed.CORR_X, seed.CORR_K, (0, 0), (1, 2), (1, 1))]:
        assert stepper.verdict(check, other, Y_SEED) is None


@pytest.mark.parametrize("largest,diff,level", [
    (43.0, 43 * 1e-4, "success"),  # the tolerance is relative to the largest |Y| ...
    (43.0, 43 * 1.01e-4, "error"),
    (0.5, 1e-4, "success"),  # ... but at least 1e-4
    (0.5, 1.01e-4, "error"),
    (-200.0, 0.019, "success"),
    (43.0, float("nan"), "error"),
])
def test_tolerance(largest, diff, level):
    Y = np.array([[0.0, largest]])
    v = stepper.verdict(stepper.TFCheck(CONFIG, diff=diff), CONFIG, Y)
    assert v[0] == level
    assert v[1] == ("stepper.verified" if level == "success" else "stepper.verify_differs")
    t(v[1], "en", **v[2])  # the values fill the message


@pytest.mark.parametrize("error,problem,key", [
    (ImportError("No module named 'tensorflow'"), "tf_missing", "common.tf_missing"),
    (ValueError("TensorFlow's conv2d does not support stride > 1 together with dilation > 1"), "unsupported",
     "stepper.verify_unsupported"),
])
def test_when_tensorflow_cannot_check_the_page_warns(monkeypatch, error, problem, key):
    def refuse(*a, **k):
        raise error
    monkeypatch.setattr(tfcheck, "tf_corr2d", refuse)
    check = stepper.tf_check(seed.CORR_X, seed.CORR_K, (0, 0), (1, 1), (1, 1), Y_SEED)
    assert (check.config, check.diff, check.problem) == (CONFIG, None, problem)
    level, text_key, values = stepper.verdict(check, CONFIG, Y_SEED)
    assert (level, text_key) == ("warning", key)
    for lang in ("en", "zh"):
        assert str(error) in t(text_key, lang, **values)


def test_tensorflow_agrees_on_the_seeds_stride_example():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    X, K = seed.CORR_X, seed.CORR_K
    padding, stride, dilation = (1, 1), (3, 2), (1, 1)
    Y = convcore.corr2d(X, K, padding=padding, stride=stride, dilation=dilation)
    check = stepper.tf_check(X, K, padding, stride, dilation, Y)
    assert check.problem is None and check.diff == 0.0
    assert stepper.verdict(check, stepper.check_config(X, K, padding, stride, dilation), Y)[0] == "success"
    refused = stepper.tf_check(X, K, padding, stride, (2, 1), Y)  # stride and dilation together
    assert refused.problem == "stride_dilation"
    config = stepper.check_config(X, K, padding, stride, (2, 1))
    assert stepper.verdict(refused, config, Y) == ("warning", "stepper.verify_stride_dilation", {})


def test_stride_with_dilation_is_refused_in_the_pages_words_without_tensorflow(monkeypatch):
    def must_not_run(*a, **k):
        raise AssertionError("TensorFlow is not needed to know it refuses stride > 1 with dilation > 1")
    monkeypatch.setattr(tfcheck, "tf_corr2d", must_not_run)
    X, K = seed.CORR_X, seed.CORR_K
    check = stepper.tf_check(X, K, (1, 1), (3, 2), (1, 2), Y_SEED)
    level, key, values = stepper.verdict(check, stepper.check_config(X, K, (1, 1), (3, 2), (1, 2)), Y_SEED)
    assert (level, key) == ("warning", "stepper.verify_stride_dilation")
    assert "stride > 1 together with dilation > 1" in t(key, "en", **values)
    assert not ENGLISH_WORD.findall(t(key, "zh", **values).replace("TensorFlow", "").replace("tf.nn.conv2d", ""))


# --- a configuration without output ----------------------------------------------


def test_a_kernel_that_does_not_fit_is_said_in_chinese_with_its_sizes():
    # the learner's case: stride (rows) 6 and dilation (rows) 4 on the chapter's example
    key, values = stepper.config_problem((3, 3), (2, 2), (0, 0), (6, 1), (4, 1))
    assert (key, values) == ("stepper.no_fit_dilated", {"k_h": 2, "k_w": 2, "e_h": 5, "e_w": 2, "n_h": 3, "n_w": 3})
    zh = t(key, "zh", **values)
    assert "2×2" in zh and "5×2" in zh and "3×3" in zh
    assert not ENGLISH_WORD.findall(zh), zh
    en = t(key, "en", **values)
    assert "kernel 2×2, dilated to 5×2, does not fit in the padded input 3×3" in en and "add padding" in en
    assert not re.search(r"\dx\d", en + zh)  # sizes with ×, never x
    assert stepper.config_problem((3, 3), (4, 2), "same", 1, 1) is None  # "same" pads until it fits
    assert stepper.config_problem((3, 3), (4, 2), "valid", 1, 1)[0] == "stepper.no_fit"


@given(st.tuples(st.integers(1, 12), st.integers(1, 12)), st.tuples(st.integers(1, 7), st.integers(1, 7)),
       st.sampled_from(["explicit", "valid", "same", "full"]), st.tuples(st.integers(0, 5), st.integers(0, 5)),
       st.tuples(st.integers(1, 6), st.integers(1, 6)), st.tuples(st.integers(1, 4), st.integers(1, 4)))
def test_config_problem_is_none_exactly_when_there_is_an_output(X_shape, K_shape, pad, rows_cols, stride, dilation):
    padding, s, d = stepper.geometry(pad, rows_cols, stride, dilation)
    problem = stepper.config_problem(X_shape, K_shape, padding, s, d)
    try:
        convcore.output_shape(X_shape, K_shape, padding, s, d)
    except ValueError:
        key, values = problem
        assert key in ("stepper.no_fit", "stepper.no_fit_dilated")
        for lang in ("en", "zh"):
            t(key, lang, **values)  # every placeholder filled
        assert values["e_h"] > values["n_h"] or values["e_w"] > values["n_w"]
    else:
        assert problem is None
