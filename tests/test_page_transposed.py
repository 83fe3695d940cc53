"""AppTest: the transposed-convolution page, as a learner drives it."""
from __future__ import annotations

import re

import numpy as np
import pytest

import tests.conftest
from tests.plotly_util import array, chart
from tests.test_page_practice import your_turn_round

D2L_Y = [[0, 0, 1], [0, 4, 6], [4, 12, 9]]


def open_page(query: dict | None = None, lang: str | None = None):
    return tests.conftest.open_page("transposed", query, lang)


def output(at) -> np.ndarray:
    """The output the page shows: the cell picker's heatmap."""
    return array(chart(at, "transposed.pick_chart")["data"][0]["z"])


def heading(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("#### Y["))


def latex(at) -> list[str]:
    return [el.value for el in at.get("latex")]


def test_defaults_are_dive_into_deep_learnings_example():
    at = open_page()
    assert at.title[0].value == "Transposed convolution"
    np.testing.assert_array_equal(output(at), D2L_Y)
    np.testing.assert_array_equal(at.dataframe[-1].value.to_numpy(), D2L_Y)
    assert heading(at) == "#### Y[1, 1] = 0×3 + 1×2 + 2×1 + 3×0 = 4"
    assert any("X[0, 0]·K[1, 1] + X[0, 1]·K[1, 0] + X[1, 0]·K[0, 1] + X[1, 1]·K[0, 0]" in c.value for c in at.caption)
    walk = chart(at, "transposed.walk_chart")
    assert len(walk["frames"]) == 4
    last = walk["frames"][-1]["data"][1]["z"]
    assert last == D2L_Y  # every canvas cell reached: the canvas is the output
    assert walk["frames"][-1]["layout"]["title"]["text"].endswith("X[1, 1] = 3: 3·K added at canvas (1, 1)")
    assert any(r"\max(2, 1) = 3" in line for line in latex(at))
    assert not at.warning and not at.error and not at.query_params


def test_presets_give_d2ls_numbers():
    at = open_page()
    at.button(key="transposed.preset_stride").click().run()
    np.testing.assert_array_equal(output(at), [[0, 0, 0, 1], [0, 0, 2, 3], [0, 2, 0, 3], [4, 6, 6, 9]])
    assert heading(at) == "#### Y[1, 1] = 0×3 = 0"
    assert at.query_params["sh"] == "2" and at.query_params["sw"] == "2"
    at.button(key="transposed.preset_crop").click().run()
    np.testing.assert_array_equal(output(at), [[4]])
    assert heading(at) == "#### Y[0, 0] = 0×3 + 1×2 + 2×1 + 3×0 = 4"  # the cell moved into the 1x1 output
    assert any("cuts off rows (top, bottom) = (1, 1) and columns (left, right) = (1, 1) → output 1×1" in c.value
               for c in at.caption)
    assert chart(at, "transposed.walk_chart")["layout"]["shapes"]  # the crop shaded on the canvas
    at.button(key="transposed.preset_same").click().run()
    np.testing.assert_array_equal(output(at), [[1, 1, 3, 2], [1, 1, 3, 2], [4, 4, 10, 6], [3, 3, 7, 4]])
    assert any(r"o_h &= i_h\,s_h" in line for line in latex(at))


def test_controls_change_the_output_and_the_link():
    at = open_page()
    at.number_input(key="transposed.sh").set_value(2).run()
    assert output(at).shape == (4, 3) and at.query_params["sh"] == "2"
    at.radio(key="transposed.pad").set_value("same").run()
    assert output(at).shape == (4, 2) and at.query_params["pad"] == "same"
    at.radio(key="transposed.pad").set_value("crop").run()
    at.number_input(key="transposed.pw").set_value(1).run()
    assert output(at).shape == (4, 1) and at.query_params["pw"] == "1"
    at.toggle(key="transposed.op").set_value(True).run()
    at.number_input(key="transposed.oph").set_value(1).run()
    assert output(at).shape == (5, 1) and at.query_params["oph"] == "1" and at.query_params["op"] == "1"
    assert any(r"2 - 2 \cdot 0 + 1 = 5" in line for line in latex(at))
    at.selectbox(key="transposed.i").set_value(4).run()
    assert at.query_params["i"] == "4" and heading(at).startswith("#### Y[4, 0] = ")
    assert not at.exception and not at.error


def test_zero_insertion_view_states_the_same_numbers():
    at = open_page({"sh": 2})
    at.toggle(key="transposed.zeros").set_value(True).run()
    assert at.query_params["zeros"] == "1"
    zeros = chart(at, "transposed.zeros_chart")
    Y = [[0, 0, 1], [0, 2, 3], [0, 2, 3], [4, 12, 9]]  # D2L's X and K, stride (2, 1)
    np.testing.assert_array_equal(array(zeros["data"][3]["z"]), Y)
    np.testing.assert_array_equal(array(zeros["data"][1]["z"]), [[3, 2], [1, 0]])
    assert chart(at, "transposed.walk_chart") is None
    assert "Both give the same numbers" in at.success[0].value and "at most 0." in at.success[0].value
    assert any("s − 1 = (1, 0) zeros" in m.value and "(1, 1, 1, 1)" in m.value for m in at.markdown)


def test_checkerboard_controls():
    at = open_page()
    counts = array(chart(at, "transposed.checker_counts")["data"][0]["z"])
    assert counts.shape == (16, 16) and set(np.unique(counts)) == {1, 2, 4}
    assert "k = 3 is not a multiple of s = 2" in at.info[-1].value
    at.number_input(key="transposed.ck").set_value(4).run()
    assert "k = 4 is a multiple of s = 2" in at.info[-1].value and at.query_params["ck"] == "4"
    at.number_input(key="transposed.cs").set_value(3).run()
    at.number_input(key="transposed.cn").set_value(10).run()
    assert array(chart(at, "transposed.checker_out")["data"][0]["z"]).shape == (30, 30)
    at.selectbox(key="transposed.cin").set_value("ramp").run()
    Y = array(chart(at, "transposed.checker_out")["data"][0]["z"])
    assert Y.max() > 1 and not np.all(Y == np.round(Y)) and at.query_params["cin"] == "ramp"


@pytest.mark.parametrize("query, key, words", [
    ({"sh": 2, "op": 1, "oph": 2}, "op_stride", "output_padding (2, 0) must be less than the stride (2, 1)"),
    ({"pad": "crop", "ph": 2}, "crop_kernel", "at most k − 1 rows/columns from each side, here (1, 1), not (2, 0)"),
    ({"pad": "same", "op": 1}, "op_same", "even kernel side (k = 2)"),
    ({"X": "1", "K": "1,1,1", "pad": "crop", "pw": 2}, "crop_all", "= (1, -1) rows/columns"),
])
def test_a_configuration_without_output_says_what_to_change(query, key, words):
    at = open_page(query)
    assert words in at.error[0].value, at.error[0].value
    assert not at.get("plotly_chart")[:-2]  # only the checkerboard's two figures remain
    zh = open_page(query, "zh")
    assert not re.findall(r"\b(?!output_padding\b|same\b|TensorFlow\b)[A-Za-z]{3,}", zh.error[0].value), zh.error[0].value


def test_bad_link_values_warn_and_fall_back():
    at = open_page({"sh": "0", "K": "1,x", "pad": "half", "ck": "99"})
    assert not at.exception
    assert len(at.warning) == 4
    assert any("“pad”" in w.value and "valid, same, crop" in w.value for w in at.warning)
    np.testing.assert_array_equal(output(at), D2L_Y)
    zh = open_page({"sh": "0"}, "zh")
    assert any("它必须在 1 和 3 之间" in w.value for w in zh.warning)


def test_a_link_reproduces_the_view():
    query = {"X": "1,2,3;4,5,6", "K": "1,-1;2,0", "sh": 2, "sw": 3, "pad": "crop", "ph": 1, "i": 1, "j": 4, "zeros": 1}
    at = open_page(query)
    import convcore

    Y = convcore.conv_transpose2d([[1, 2, 3], [4, 5, 6]], [[1, -1], [2, 0]], stride=(2, 3), padding=(1, 0))
    np.testing.assert_array_equal(output(at), Y)
    assert heading(at) == "#### Y[1, 4] = 5×(-1) = -5"  # canvas (2, 4): X[1, 1]·K[0, 1]
    assert chart(at, "transposed.zeros_chart") is not None
    assert dict(at.query_params) == {k: str(v) for k, v in query.items() if k != "i"}  # i = 1 is the default


def test_text_in_a_cell():
    at = open_page()
    at.session_state["transposed.K.editor.0"] = {"edited_rows": {0: {"1": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception and "abc" in at.error[0].value
    assert "Fix the matrix" in at.info[0].value
    at.session_state["transposed.K.editor.0"] = {"edited_rows": {0: {"1": "-1"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.error and at.query_params["K"] == "0,-1;2,3"
    np.testing.assert_array_equal(output(at), [[0, 0, -1], [0, 0, 0], [4, 12, 9]])


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "转置卷积"
    assert "转置卷积" in at.markdown[0].value
    assert at.radio(key="transposed.pad").label == "填充"
    assert heading(at) == "#### Y[1, 1] = 0×3 + 1×2 + 2×1 + 3×0 = 4"
    walk = chart(at, "transposed.walk_chart")
    assert walk["layout"]["title"]["text"].startswith("第 1/4 步<br>X[0, 0] = 0：")
    assert "1、2或4" in at.info[-1].value


def test_code_expander_runs():
    at = open_page({"sh": 2, "sw": 2, "pad": "crop", "pw": 1, "op": 1, "opw": 1})
    tests.conftest.open_expander(at, "transposed.code")  # the code is built when its expander opens
    tf_code, cc_code = (c.proto.code_text for c in at.get("code"))
    ns = {}
    exec(cc_code, ns)  # noqa: S102 - the page's own generated code
    np.testing.assert_array_equal(ns["Y"], output(at))
    pytest.importorskip("tensorflow")
    ns = {}
    exec(tf_code, ns)  # noqa: S102
    np.testing.assert_allclose(ns["Y"], output(at), atol=1e-5)
    np.testing.assert_allclose(ns["Y2"], output(at), atol=1e-5)


def test_verify_with_tensorflow():
    pytest.importorskip("tensorflow")
    at = open_page({"sh": 3, "sw": 2, "pad": "same"})
    at.button(key="transposed.verify").click().run()
    assert at.success and "largest difference 0" in at.success[-1].value
    at.number_input(key="transposed.sw").set_value(1).run()  # another configuration: the verdict goes
    assert not at.success


def test_payload_is_small_at_the_largest_sizes():
    X = ";".join(",".join("9" for _ in range(6)) for _ in range(6))
    K = ";".join(",".join("-7" for _ in range(5)) for _ in range(5))
    at = open_page({"X": X, "K": K, "sh": 3, "sw": 3, "ck": 7, "cs": 4, "cn": 16})
    assert output(at).shape == (20, 20)
    for el in at.get("plotly_chart"):
        assert len(el.proto.spec) < 1_000_000
    at.toggle(key="transposed.zeros").set_value(True).run()
    for el in at.get("plotly_chart"):
        assert len(el.proto.spec) < 1_000_000
    # 400 window positions: the animation covers the 160 around the chosen cell (1, 1), and says so
    assert any("This walk has 400 steps" in c.value and "steps 1–160" in c.value for c in at.caption)
    assert len(chart(at, "transposed.zeros_chart")["frames"]) == 160


# ------------------------------------------------------------------------------ "Your turn"

def test_your_turn_grades_a_right_then_a_wrong_answer():
    assert your_turn_round(open_page(), "transposed") == {"transpose_shape"}
