"""AppTest: the pooling page, as a learner drives it."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import convcore
import tests.conftest
from convlab.exercises import generate
from tests.plotly_util import array, chart
from tests.test_page_practice import your_turn_round

PAGE = "pooling"


def open_page(query: dict | None = None, lang: str | None = None) -> AppTest:
    return tests.conftest.open_page(PAGE, query, lang)  # a link opens the page itself: its first run reads the URL


def walk(at) -> dict:
    return chart(at, "pooling.walk_chart")


def output(at) -> np.ndarray:
    return array(walk(at)["data"][2]["z"])


def cell_text(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("#### Y["))


def shift_sentence(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("Edge map:", "边缘图：")))


def test_defaults_are_d2ls_example():
    at = open_page()
    np.testing.assert_array_equal(output(at), [[4, 5], [7, 8]])
    assert cell_text(at) == "#### Y[0, 0] = max(0, 1, 3, 4) = 4"
    assert any(c.value == "The winner is input cell (1, 1)." for c in at.caption)
    fig = walk(at)
    assert len(fig["frames"]) == 4
    assert fig["frames"][-1]["layout"]["title"]["text"].endswith("max(4, 5, 7, 8)\u00a0=\u00a08")
    np.testing.assert_array_equal(at.dataframe[-1].value.to_numpy(), [[4, 5], [7, 8]])  # after the X editor
    assert any("output 2×2" in c.value for c in at.caption)
    assert any(r"\text{output shape} = 2 \times 2" in x.value for x in at.get("latex"))
    assert dict(at.query_params) == {}  # the defaults write nothing into the URL


def test_average_pooling_gives_d2ls_averages():
    at = open_page()
    at.radio(key="pooling.mode").set_value("avg").run()
    np.testing.assert_array_equal(output(at), [[2, 3], [5, 6]])
    assert cell_text(at) == "#### Y[0, 0] = (0 + 1 + 3 + 4) / 4 = 2"
    assert at.query_params["mode"] == "avg"
    tests.conftest.open_expander(at, "pooling.code")  # the code is built when its expander opens
    assert "AveragePooling2D" in at.get("code")[0].proto.code_text


def test_choosing_a_cell_writes_its_arithmetic():
    at = open_page()
    at.selectbox(key="pooling.i").set_value(1).run()
    at.selectbox(key="pooling.j").set_value(1).run()
    assert cell_text(at) == "#### Y[1, 1] = max(4, 5, 7, 8) = 8"
    assert walk(at)["layout"]["sliders"][0]["active"] == 3
    assert at.query_params["i"] == "1" and at.query_params["j"] == "1"


def test_window_stride_and_padding_change_the_output_and_the_url():
    at = open_page()
    at.number_input(key="pooling.sh").set_value(2).run()
    assert output(at).shape == (1, 2) and at.query_params["sh"] == "2"
    at.selectbox(key="pooling.pad").set_value("same").run()
    assert output(at).shape == (2, 3)  # 'same': ceil(3 / 2) rows, ceil(3 / 1) columns
    at.number_input(key="pooling.sw").set_value(2).run()
    np.testing.assert_array_equal(output(at), [[4, 5], [7, 8]])  # 'same' 2x2 stride 2 on 3x3: the corner windows
    at.number_input(key="pooling.ph").set_value(3).run()
    at.number_input(key="pooling.pw").set_value(1).run()
    assert at.query_params["ph"] == "3" and at.query_params["pw"] == "1" and at.query_params["pad"] == "same"
    Y = convcore.pool2d(np.arange(9.0).reshape(3, 3), (3, 1), stride=2, padding="same")
    np.testing.assert_array_equal(output(at), Y)
    assert not at.exception


def test_same_average_says_what_it_divides_by():
    at = open_page({"pad": "same", "sh": 2, "sw": 2, "mode": "avg", "i": 1, "j": 1})
    np.testing.assert_array_equal(output(at), [[2, 3.5], [6.5, 8]])
    assert cell_text(at) == "#### Y[1, 1] = (8) / 1 = 8"
    assert any("divides by 1, not by 4" in i.value for i in at.info)
    assert walk(at)["layout"]["title"]["text"].endswith("÷ 1: real cells only, padding not counted")


def test_presets_load_d2ls_examples():
    at = open_page()
    at.button(key="pooling.preset_keras").click().run()
    np.testing.assert_array_equal(output(at), [[10]])
    assert at.query_params["X"] == "0,1,2,3;4,5,6,7;8,9,10,11;12,13,14,15"
    tests.conftest.open_expander(at, "pooling.code")  # the code is built when its expander opens
    assert "pool_size=3, padding=\"valid\"" in at.get("code")[0].proto.code_text  # strides left to their default
    at.button(key="pooling.preset_same").click().run()
    np.testing.assert_array_equal(output(at), [[10, 11], [14, 15]])
    at.button(key="pooling.preset_d2l").click().run()
    np.testing.assert_array_equal(output(at), [[4, 5], [7, 8]])


def test_a_window_that_does_not_fit_says_what_to_change():
    at = open_page({"X": "1,2;3,4", "ph": 3})
    assert not at.exception
    assert "the 3×2 window does not fit in the 2×2 input" in at.error[0].value
    assert walk(at) is None
    assert chart(at, "pooling.shift_chart2") is not None  # the shift section keeps working
    at.selectbox(key="pooling.pad").set_value("same").run()
    assert not at.error and output(at).shape == (2, 2)


def test_text_in_a_cell():
    at = open_page()
    at.session_state["pooling.X.editor.0"] = {"edited_rows": {1: {"1": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception and "abc" in at.error[0].value
    assert walk(at) is None
    at.session_state["pooling.X.editor.0"] = {"edited_rows": {1: {"1": "10"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    np.testing.assert_array_equal(output(at), [[10, 10], [10, 10]])
    assert at.query_params["X"] == "0,1,2;3,10,5;6,7,8"


def test_the_shift_slider():
    at = open_page()
    assert shift_sentence(at).startswith("Edge map: 24 of 42 cells changed")
    assert "5 of 10 detections stay" in shift_sentence(at)
    assert at.success and "absorbs the shift" in at.success[0].value
    at.slider(key="pooling.shift").set_value(2).run()
    assert at.query_params["shift"] == "2"
    assert at.warning and "left every pooling window" in at.warning[0].value
    images = chart(at, "pooling.shift_chart0")
    np.testing.assert_array_equal(array(images["data"][1]["z"])[0], [1, 1, 1, 1, 0, 0, 0, 0])
    at.slider(key="pooling.shift").set_value(0).run()
    assert at.info and "Move the slider" in at.info[0].value
    # the shift section pools as the controls above say
    at.slider(key="pooling.shift").set_value(1).run()
    at.number_input(key="pooling.sw").set_value(2).run()
    assert array(chart(at, "pooling.shift_chart2")["data"][0]["z"]).shape == (5, 3)
    assert "stride (1, 2)" in chart(at, "pooling.shift_chart2")["layout"]["annotations"][0]["text"]


def test_bad_link_values_warn_and_fall_back():
    at = open_page({"ph": "9", "mode": "median", "X": "1,x", "shift": "-1"})
    assert not at.exception
    warnings = [w.value for w in at.warning if w.icon == "🔗"]
    assert len(warnings) == 4
    assert any("“ph”" in w and "between 1 and 5" in w for w in warnings)
    assert any("“mode”" in w and "max, avg" in w for w in warnings)
    np.testing.assert_array_equal(output(at), [[4, 5], [7, 8]])


def test_chinese():
    at = open_page({"pad": "same", "sh": 2, "sw": 2, "i": 1, "j": 1}, lang="zh")
    assert at.title[0].value == "汇聚层（池化）"
    assert "汇聚层" in at.markdown[0].value and "池化" in at.markdown[0].value
    assert at.radio(key="pooling.mode").label == "汇聚方式"
    assert any("TensorFlow 用 −∞ 填充最大汇聚" in i.value for i in at.info)
    assert walk(at)["layout"]["title"]["text"].startswith("第 4/4 步")
    assert shift_sentence(at).startswith("边缘图：42 个元素中有")
    english = re.compile(r"[A-Za-z]{3,}")
    for text in (at.info[0].value, shift_sentence(at)):
        assert not english.findall(text.replace("same", "").replace("tf.nn.avg_pool2d", "").replace("TensorFlow", ""))


def test_the_code_expander_computes_the_page_output():
    at = open_page({"X": "3,-1,4;1,5,9;2,6,5;3,5,8", "ph": 3, "pw": 2, "sh": 2, "pad": "same", "mode": "avg"})
    tests.conftest.open_expander(at, "pooling.code")  # the code is built when its expander opens
    tf_text, cc_text = (c.proto.code_text for c in at.get("code"))
    expected = output(at)
    ns = {}
    exec(cc_text, ns)
    np.testing.assert_allclose(ns["Y"], expected)
    csv = at.get("download_button")[0].proto
    assert csv.label == "Download the output (CSV)"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    ns = {}
    exec(tf_text, ns)
    np.testing.assert_allclose(ns["Y"].numpy(), expected, rtol=1e-6)


def test_payload_is_small_for_the_largest_walk():
    big = ";".join(",".join(str((r * 12 + c) % 10) for c in range(12)) for r in range(12))
    at = open_page({"X": big, "ph": 1, "pw": 1, "pad": "same"})
    assert len(walk(at)["frames"]) == 144
    for el in at.get("plotly_chart"):
        assert len(el.proto.spec) < 1_000_000


# ------------------------------------------------------------------------------ "Your turn"

def test_your_turn_grades_a_right_then_a_wrong_answer():
    assert your_turn_round(open_page(), PAGE) == {"pooled_cell"}


def test_your_turn_takes_a_rounded_average():
    seed = next(s for s in range(500) if (e := generate("pooled_cell", s)).target.query["mode"] == "avg"
                and not float(e.answer.expected).is_integer())
    at = open_page()
    at.session_state["pooling.yourturn"] = {"n": 0, "seed": seed}
    at.run()
    assert "Answers within 0.01 count; a fraction such as 13/3 works too." in [c.value for c in at.caption]
    key = f"pooling.yt.0.{seed}"
    at.text_input(key=f"{key}.answer").input(f"{generate('pooled_cell', seed).answer.expected:.2f}")
    at.button(key=f"{key}.check").click().run()
    assert any(s.value.startswith("Right: ") for s in at.success)
