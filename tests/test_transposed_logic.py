"""The transposed-convolution page's logic, without Streamlit: against convcore
and against naive loops written here (the scatter, the overlap count)."""
from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import convcore
from convlab import transposed as tc
from convlab.figures import transposed as figs
from convlab.fmt import num
from convlab.urlstate import parse_cells, text_cells
from tests.plotly_util import array


@st.composite
def configs(draw, max_x=6, max_k=5):
    """A configuration the page's controls can make (it may have no output)."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    X = rng.integers(-5, 6, (draw(st.integers(1, max_x)), draw(st.integers(1, max_x)))).astype(float)
    K = rng.integers(-5, 6, (draw(st.integers(1, max_k)), draw(st.integers(1, max_k)))).astype(float)
    values = {"sh": draw(st.integers(1, 3)), "sw": draw(st.integers(1, 3)),
              "pad": draw(st.sampled_from(["valid", "same", "crop"])), "ph": draw(st.integers(0, 4)),
              "pw": draw(st.integers(0, 4)), "op": draw(st.booleans()), "oph": draw(st.integers(0, 2)),
              "opw": draw(st.integers(0, 2))}
    return X, K, tc.arguments(values)


def has_output(config) -> bool:
    X, K, args = config
    return tc.config_problem(X.shape, K.shape, *args) is None


working = configs().filter(has_output)  # configurations with an output


def kw(args):
    stride, padding, output_padding = args
    return dict(stride=stride, padding=padding, output_padding=output_padding)


def naive_canvas(X, K, stride):
    """The scatter with four loops: every X[i, j] * K[a, b] added at (i s_h + a, j s_w + b)."""
    (kh, kw_), (s_h, s_w) = K.shape, stride
    Z = np.zeros(((X.shape[0] - 1) * s_h + max(kh, s_h) + 2, (X.shape[1] - 1) * s_w + max(kw_, s_w) + 2))
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            for a in range(kh):
                for b in range(kw_):
                    Z[i * s_h + a, j * s_w + b] += X[i, j] * K[a, b]
    return Z


# --- the example and the presets ------------------------------------------------------------

def test_the_default_is_dive_into_deep_learnings_example():
    X, K = (parse_cells(text_cells(tc.PARAMS[name].default)) for name in ("X", "K"))
    assert X.tolist() == tc.D2L_X and K.tolist() == tc.D2L_K
    Y = convcore.conv_transpose2d(X, K)
    assert Y.tolist() == [[0, 0, 1], [0, 4, 6], [4, 12, 9]]
    assert tc.cell_sum(tc.terms(X, K, (1, 1)), Y[1, 1]) == "0×3 + 1×2 + 2×1 + 3×0 = 4"
    assert tc.terms_text(tc.terms(X, K, (1, 1))) == "X[0, 0]·K[1, 1] + X[0, 1]·K[1, 0] + X[1, 0]·K[0, 1] + X[1, 1]·K[0, 0]"


@pytest.mark.parametrize("name, expected", [
    ("d2l", [[0, 0, 1], [0, 4, 6], [4, 12, 9]]),
    ("stride", [[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]]),  # D2L's stride 2
    ("crop", [[4]]),  # D2L's padding=1 (PyTorch)
    ("same", [[1, 1, 3, 2], [1, 1, 3, 2], [4, 4, 10, 6], [3, 3, 7, 4]]),
])
def test_presets(name, expected):
    p = tc.PRESETS[name]
    values = p.values()
    assert set(values) <= set(tc.PARAMS)
    args = tc.arguments(values)
    assert tc.config_problem(np.shape(p.X), np.shape(p.K), *args) is None
    assert convcore.conv_transpose2d(p.X, p.K, **kw(args)).tolist() == expected


# --- why a configuration has no output ---------------------------------------------------------

@given(configs())
def test_a_problem_is_named_exactly_when_convcore_refuses(config):
    X, K, args = config
    problem = tc.config_problem(X.shape, K.shape, *args)
    try:
        convcore.transpose_plan(X.shape, K.shape, **kw(args))
        refused = False
    except ValueError:
        refused = True
    assert (problem is not None) == refused
    if problem:  # every refusal the controls can make has a sentence of its own
        assert problem[0] in ("transposed.op_stride", "transposed.crop_kernel", "transposed.crop_all",
                              "transposed.op_same")


def test_problem_values():
    assert tc.config_problem((2, 2), (2, 2), (1, 2), "valid", (1, 1)) == ("transposed.op_stride",
                                                                          {"op": (1, 1), "s": (1, 2)})
    assert tc.config_problem((3, 3), (3, 2), (1, 1), (1, 2), None)[0] == "transposed.crop_kernel"
    assert tc.config_problem((2, 2), (3, 2), (2, 2), "same", (1, 0)) == ("transposed.op_same", {"k": 2})


# --- one output cell ---------------------------------------------------------------------

@given(working)
def test_the_stamps_of_a_cell_add_up_to_it(config):
    X, K, args = config
    Y = convcore.conv_transpose2d(X, K, **kw(args))
    plan = convcore.transpose_plan(X.shape, K.shape, **kw(args))
    (top, _), (left, _) = plan.crop
    canvas = naive_canvas(X, K, plan.stride)
    for r in range(Y.shape[0]):
        for c in range(Y.shape[1]):
            terms = tc.terms(X, K, (r, c), **kw(args))
            # the oracle: each (input cell, kernel tap) whose product lands on this cell in the naive loop
            expected = [(i, j, a, b) for i in range(X.shape[0]) for j in range(X.shape[1])
                        for a in range(K.shape[0]) for b in range(K.shape[1])
                        if (i * plan.stride[0] + a, j * plan.stride[1] + b) == (r + top, c + left)]
            assert [(t.i, t.j, t.a, t.b) for t in terms] == expected
            assert sum(t.x * t.k for t in terms) == Y[r, c] == canvas[r + top, c + left]
            text = tc.cell_sum(terms, Y[r, c])
            assert (text is None) == (not terms)
            if text:
                assert text.endswith(f"= {num(Y[r, c])}") and text.count("×") == len(terms)
            # the cross-correlation's sum of the same cell: every tap of the flipped kernel, the same value
            corr = tc.corr_sum(X, K, (r, c), **kw(args))
            assert corr.count("×") == K.size and corr.endswith(f"= {num(Y[r, c])}")


@given(working)
def test_zero_insertion_gives_the_same_numbers(config):
    X, K, args = config
    Y = convcore.conv_transpose2d(X, K, **kw(args))
    Z, diff = tc.same_numbers(X, K, Y, **kw(args))
    assert diff == 0 and np.array_equal(Z, Y)
    assert tc.same_numbers(X, K, Y + 1, **kw(args))[1] == 1  # computed, not assumed


# --- the output shape ----------------------------------------------------------------------

def evaluate(numbers: str) -> int:
    """A LaTeX line of numbers (``2 \\cdot (2 - 1) + \\max(2, 1)``) evaluated."""
    expr = numbers.replace(r"\cdot", "*").replace(r"\max", "max").replace(r"\bmod", "%")
    assert re.fullmatch(r"[\d\s()+\-*%,max]+", expr), expr
    return eval(expr)  # noqa: S307 - digits and operators only (checked above)


@given(working)
def test_formula_numbers_give_the_output_shape(config):
    X, K, args = config
    plan = convcore.transpose_plan(X.shape, K.shape, **kw(args))
    general, *axes = tc.formula_latex(X.shape, K.shape, *args)
    assert general == tc.GENERAL_LATEX
    for line, o in zip(axes, plan.output_shape):
        numbers, result = re.search(r"&= ([^&]*) = (\d+) \\end\{aligned\}$", line).groups()
        assert int(result) == o == evaluate(numbers)


def test_formula_rules():
    same = tc.formula_latex((2, 3), (3, 2), (2, 2), "same", None)
    assert r"o_h &= i_h\,s_h \\ &= 2 \cdot 2 = 4" in same[1]
    valid = tc.formula_latex((2, 2), (2, 2), (3, 1), "valid", None)
    assert r"\max(2, 3) = 6" in valid[1]
    assert tc.keras_valid_axes((2, 2), (3, 1), "valid", None) == ["h"]
    assert tc.keras_valid_axes((2, 2), (3, 1), "valid", (0, 0)) == []
    crop = tc.formula_latex((2, 2), (2, 2), (1, 1), (1, 1), None)
    assert r"1 \cdot (2 - 1) + 2 - 2 \cdot 1 + 0 = 1" in crop[1]


def test_crop_and_zero_values():
    plan = convcore.transpose_plan((2, 2), (2, 2), padding=(1, 0))
    assert tc.crop_values(plan) == {"canvas": "3×3", "top": 1, "bottom": 1, "left": 0, "right": 0, "out": "1×3"}
    values = tc.zero_values((2, 2), tc.D2L_K, (1, 1), (1, 0), None)
    assert values["pads"] == "(0, 0, 1, 1)" and values["padded"] == "2×4"  # k - 1 - p per side


# --- the checkerboard ----------------------------------------------------------------------

@pytest.mark.parametrize("n", [7, 8, 16])
@pytest.mark.parametrize("k", range(1, 8))
@pytest.mark.parametrize("s", range(1, 5))
def test_overlap_counts(n, k, s):
    cb = tc.checkerboard(n, k, s)
    np.testing.assert_array_equal(cb.Y, cb.counts)  # an input of ones: its output is the count
    full = naive_canvas(np.ones((n, n)), np.ones((k, k)), (s, s))  # counts every stamp, uncropped
    plan = convcore.transpose_plan((n, n), (k, k), stride=s, padding="same")
    (top, _), (left, _) = plan.crop
    np.testing.assert_array_equal(cb.counts, full[top:top + n * s, left:left + n * s])
    assert cb.axis_counts == tuple(sorted({k // s, -(-k // s)}))
    assert cb.inner_counts == tuple(sorted({a * b for a in cb.axis_counts for b in cb.axis_counts}))
    assert cb.even == (k % s == 0)
    ramp = tc.checkerboard(n, k, s, "ramp")
    assert ramp.X.min() == 0 and ramp.X.max() == 1
    np.testing.assert_allclose(ramp.Y, convcore.conv_transpose2d(ramp.X, np.ones((k, k)), stride=s, padding="same"))


def test_checker_messages():
    assert tc.checker_message(tc.checkerboard(8, 3, 2)).startswith(
        "k = 3 is not a multiple of s = 2: along each axis an output cell is reached by 1 or 2 stamps")
    assert "receive 1, 2 or 4 stamps" in tc.checker_message(tc.checkerboard(8, 3, 2))
    assert "2 stamps per axis, 4 in all" in tc.checker_message(tc.checkerboard(8, 4, 2))
    assert "0 or 1 stamps" in tc.checker_message(tc.checkerboard(8, 1, 2))  # gaps: no stamp at all
    zh = tc.checker_message(tc.checkerboard(8, 3, 2), "zh")
    assert "1、2或4" in zh and not re.findall(r"[A-Za-z]{2,}", zh)


# --- figures -------------------------------------------------------------------------------

@given(configs(max_x=4, max_k=4).filter(has_output))
def test_the_walk_fills_the_canvas_stamp_by_stamp(config):
    X, K, args = config
    fig = figs.scatter_walk(X, K, **kw(args)).to_dict()
    plan = convcore.transpose_plan(X.shape, K.shape, **kw(args))
    frames = fig["frames"]
    assert len(frames) == X.size == len(fig["layout"]["sliders"][0]["steps"])
    last = np.array([[np.nan if v is None else v for v in row] for row in frames[-1]["data"][1]["z"]])
    (top, _), (left, _) = plan.crop
    H, W = plan.output_shape
    canvas = naive_canvas(X, K, plan.stride)[:plan.canvas_shape[0], :plan.canvas_shape[1]]
    reached = ~np.isnan(last)
    np.testing.assert_array_equal(last[reached], canvas[reached])
    assert np.all(canvas[~reached] == 0)  # a blank cell is one no stamp reaches
    Y = convcore.conv_transpose2d(X, K, **kw(args))
    np.testing.assert_array_equal(np.nan_to_num(last)[top:top + H, left:left + W], Y)
    cropped = any(sum(side) for side in plan.crop)
    assert bool(fig["layout"].get("shapes")) == cropped


def test_walk_titles_and_labels():
    fig = figs.scatter_walk(tc.D2L_X, tc.D2L_K).to_dict()
    assert fig["layout"]["title"]["text"] == "step 1/4<br>X[0, 0] = 0: 0·K added at canvas (0, 0)"
    assert fig["frames"][3]["layout"]["title"]["text"] == "step 4/4<br>X[1, 1] = 3: 3·K added at canvas (1, 1)"
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == ["▶ play", "❚❚ pause"]
    zh = figs.scatter_walk(tc.D2L_X, tc.D2L_K, stride=2, labels=figs.walk_labels("zh")).to_dict()
    assert zh["frames"][1]["layout"]["title"]["text"] == "第 2/4 步<br>X[0, 1] = 1：把 1·K 加到画布的 (0, 2) 处"


def test_zero_walk_shows_the_same_output():
    fig = figs.zeros_walk(tc.D2L_X, tc.D2L_K, stride=2, step=5).to_dict()
    Y = convcore.conv_transpose2d(tc.D2L_X, tc.D2L_K, stride=2)
    np.testing.assert_array_equal(array(fig["data"][3]["z"]), Y)
    assert fig["layout"]["sliders"][0]["active"] == 5 and len(fig["frames"]) == Y.size
    np.testing.assert_array_equal(array(fig["data"][1]["z"]), [[3, 2], [1, 0]])  # the flipped kernel


def test_reads_figure_marks_the_cells():
    fig = figs.reads_figure([[1, 2], [3, 4]], [(0, 1), (1, 0)], "X").to_dict()
    np.testing.assert_array_equal(array(fig["data"][0]["z"]), [[0, 1], [1, 0]])


# --- code and TensorFlow ---------------------------------------------------------------------

CODE_CASES = [
    ((1, 1), "valid", None),
    ((2, 1), "same", None),
    ((2, 2), "valid", (1, 0)),
    ((3, 3), "valid", None),  # stride larger than the kernel: Keras' max(k, s)
    ((2, 3), (1, 0), (1, 2)),  # crop with output_padding
    ((2, 2), "same", (1, 1)),
]
X3 = np.array([[0, 1, -2], [2.5, 3, 1]])
K3 = np.array([[0, 1], [2, 3], [1, -1]])


@pytest.mark.parametrize("args", CODE_CASES)
def test_convcore_code_computes_the_output(args):
    _, cc = tc.code(X3, K3, *args)
    ns = {}
    exec(cc, ns)  # noqa: S102 - our own generated code
    np.testing.assert_array_equal(ns["Y"], convcore.conv_transpose2d(X3, K3, **kw(args)))


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


@pytest.mark.parametrize("args", CODE_CASES)
def test_tensorflow_code_computes_the_output(tf, args):
    code, _ = tc.code(X3, K3, *args)
    ns = {}
    exec(code, ns)  # noqa: S102
    Y = convcore.conv_transpose2d(X3, K3, **kw(args))
    np.testing.assert_allclose(ns["Y"], Y, atol=1e-5)
    np.testing.assert_allclose(ns["Y2"], Y, atol=1e-5)
    if not isinstance(args[1], str):
        assert "Cropping2D" in code


def test_tf_check_and_verdict(tf):
    args = ((2, 2), "same", (1, 1))
    Y = convcore.conv_transpose2d(X3, K3, **kw(args))
    check = tc.tf_check(X3, K3, *args, Y)
    config = tc.check_config(X3, K3, *args)
    assert check.diff < 1e-5
    assert tc.verdict(check, config, Y)[:2] == ("success", "transposed.verified")
    assert tc.verdict(tc.tf_check(X3, K3, *args, Y + 1), config, Y)[:2] == ("error", "transposed.verify_differs")
    assert tc.verdict(check, tc.check_config(X3, K3, (1, 1), "valid", None), Y) is None  # another configuration


def test_code_arguments():
    code, cc = tc.code(tc.D2L_X, tc.D2L_K, (1, 1), "valid", None)
    assert 'Conv2DTranspose(1, (2, 2), strides=1, padding="valid", use_bias=False)' in code
    assert "output_shape=(1, 3, 3, 1)" in code and "Y = convcore.conv_transpose2d(X, K)" in cc
    code, cc = tc.code(tc.D2L_X, tc.D2L_K, (2, 1), (1, 0), (1, 0))
    assert "strides=(2, 1)" in code and "output_padding=(1, 0)" in code
    assert "convcore.conv_transpose2d(X, K, stride=(2, 1), padding=(1, 0), output_padding=(1, 0))" in cc
