"""AppTest: the "Cross-correlation, step by step" page, as a learner drives it."""
from __future__ import annotations

import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from tests.plotly_util import array, chart

def open_page(query: dict | None = None) -> AppTest:
    return tests.conftest.open_page("stepper", query)  # a link opens the page itself: its first run reads the URL


def walk(at):
    return chart(at, "stepper.walk_chart")


def output(at) -> np.ndarray:
    return array(walk(at)["data"][3]["z"])


def cell_sum(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("#### Y["))


def test_defaults_are_the_seed_example():
    at = open_page()
    np.testing.assert_array_equal(output(at), [[19, 25], [37, 43]])
    assert cell_sum(at) == "#### Y[0, 0] = 0×0 + 1×1 + 3×2 + 4×3 = 19"
    fig = walk(at)
    assert len(fig["frames"]) == 4
    assert fig["layout"]["title"]["text"].endswith("0×0 + 1×1 + 3×2 + 4×3 = 19")
    # the last frame writes out the last cell
    assert fig["frames"][-1]["layout"]["title"]["text"].endswith("4×0 + 5×1 + 7×2 + 8×3 = 43")
    np.testing.assert_array_equal(at.dataframe[-1].value.to_numpy(), [[19, 25], [37, 43]])


def test_stepping_to_a_cell_shows_its_arithmetic_and_the_cells_it_reads():
    at = open_page()
    at.selectbox(key="stepper.i").set_value(1).run()
    at.selectbox(key="stepper.j").set_value(1).run()
    assert cell_sum(at) == "#### Y[1, 1] = 4×0 + 5×1 + 7×2 + 8×3 = 43"
    assert "(1, 1), (1, 2), (2, 1), (2, 2)" in at.caption[-1].value or any(
        "(1, 1), (1, 2), (2, 1), (2, 2)" in c.value for c in at.caption)
    assert walk(at)["layout"]["sliders"][0]["active"] == 3
    assert at.query_params["i"] == "1" and at.query_params["j"] == "1"


def test_preset_stride_figure_gives_the_seed_numbers():
    at = open_page()
    at.button(key="stepper.preset_stride").click().run()
    np.testing.assert_array_equal(output(at), [[0, 8], [6, 8]])
    at.selectbox(key="stepper.j").set_value(1).run()
    assert cell_sum(at) == "#### Y[0, 1] = 0×0 + 0×1 + 1×2 + 2×3 = 8"
    at.selectbox(key="stepper.i").set_value(1).run()
    at.selectbox(key="stepper.j").set_value(0).run()
    assert cell_sum(at) == "#### Y[1, 0] = 0×0 + 6×1 + 0×2 + 0×3 = 6"


def test_preset_padding_and_edges():
    at = open_page()
    at.button(key="stepper.preset_pad").click().run()
    Y = output(at)
    assert Y.shape == (4, 4) and Y[0, 0] == 0
    assert cell_sum(at) == "#### Y[0, 0] = 0×0 + 0×1 + 0×2 + 0×3 = 0"
    at.button(key="stepper.preset_edge").click().run()
    Y = output(at)
    assert Y.shape == (6, 7)
    assert (Y[:, 1] == 1).all() and (Y[:, 5] == -1).all() and np.abs(Y).sum() == 12


def test_controls_change_the_result():
    at = open_page()
    at.selectbox(key="stepper.pad").set_value("full").run()
    assert output(at).shape == (4, 4)
    at.selectbox(key="stepper.pad").set_value("same").run()
    assert output(at).shape == (3, 3)
    at.selectbox(key="stepper.pad").set_value("explicit").run()
    at.number_input(key="stepper.ph").set_value(1).run()
    assert output(at).shape == (4, 2)
    at.number_input(key="stepper.sw").set_value(2).run()
    assert output(at).shape == (4, 1)
    at.number_input(key="stepper.ph").set_value(2).run()
    at.number_input(key="stepper.dh").set_value(2).run()
    assert output(at).shape == (5, 1)
    assert not at.exception


def test_true_convolution_flips_the_kernel():
    at = open_page()
    at.radio(key="stepper.op").set_value("conv").run()
    np.testing.assert_array_equal(output(at), [[5, 11], [23, 29]])
    assert any("3, 2; 1, 0" in i.value or "3,2; 1,0" in i.value for i in at.info)
    tests.conftest.open_expander(at, "stepper.code")  # the code is built when its expander opens
    assert "convcore.convolve2d(X, K)" in at.get("code")[-1].proto.code_text  # true convolution's own call


def test_verify_with_tensorflow():
    at = open_page()
    at.button(key="stepper.preset_stride").click().run()
    at.button(key="stepper.verify").click().run()
    assert at.success and "largest difference 0" in at.success[0].value
    # stride and dilation together: TensorFlow refuses, the page says so
    at.number_input(key="stepper.dh").set_value(2).run()
    at.button(key="stepper.verify").click().run()
    assert at.warning and "stride > 1 together with dilation > 1" in at.warning[0].value
    assert not at.exception


def test_kernel_larger_than_padded_input_says_what_to_change():
    at = open_page()
    at.number_input(key="stepper.dw").set_value(4).run()
    assert not at.exception
    assert "does not fit in the padded input" in at.error[0].value
    assert "add padding" in at.error[0].value
    # the rest keeps working: fixing it brings the output back
    at.number_input(key="stepper.dw").set_value(1).run()
    assert not at.error
    np.testing.assert_array_equal(output(at), [[19, 25], [37, 43]])


def test_text_in_a_cell_and_blank_cell():
    at = open_page()
    key = "stepper.X.editor.0"  # the editor's first version
    at.session_state[key] = {"edited_rows": {1: {"1": "abc"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert "cell [1, 1]" in at.error[0].value and "abc" in at.error[0].value
    assert not [c for c in at.get("plotly_chart") if ".yt." not in str(c.key)]  # only "Your turn"'s own
    at.session_state[key] = {"edited_rows": {1: {"1": "  "}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "is empty" in at.error[0].value
    at.session_state[key] = {"edited_rows": {1: {"1": "10"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.error
    np.testing.assert_array_equal(output(at), [[37, 37], [43, 43]])
    assert at.query_params["X"] == "0,1,2;3,10,5;6,7,8"


def test_resizing_the_kernel():
    at = open_page()
    at.number_input(key="stepper.K.cols").set_value(3).run()
    assert output(at).shape == (2, 1)
    at.number_input(key="stepper.K.rows").set_value(4).run()
    assert not at.exception and "does not fit" in at.error[0].value


def test_link_restores_state_and_bad_values_fall_back():
    at = open_page({"X": "1,2,3;4,5,6", "K": "1,-1", "sh": "1", "sw": "2", "i": "1", "lang": "zh"})
    np.testing.assert_array_equal(output(at), [[-1], [-1]])
    assert cell_sum(at).startswith("#### Y[1, 0] = 4×1 + 5×(-1) = -1")
    assert at.title[0].value == "互相关运算，一步一步"
    at = open_page({"sw": "0", "K": "1,x", "pad": "half"})
    assert not at.exception
    assert len(at.warning) == 3
    np.testing.assert_array_equal(output(at), [[19, 25], [37, 43]])


def test_chinese_text():
    at = open_page({"lang": "zh"})
    assert "互相关运算" in at.markdown[0].value or any("互相关运算" in m.value for m in at.markdown)
    assert any(r.label == "运算" for r in at.radio)
    assert "填充" in at.selectbox(key="stepper.pad").label


@pytest.mark.parametrize("preset", ["seed", "pad", "stride", "edge"])
def test_payload_is_small(preset):
    at = open_page()
    at.button(key=f"stepper.preset_{preset}").click().run()
    for el in at.get("plotly_chart"):
        assert len(el.proto.spec) < 1_000_000


def test_a_bad_link_value_is_explained_in_chinese():
    at = open_page({"sw": "0", "lang": "zh"})
    assert any("它必须在 1 和 6 之间" in w.value and "已改用默认值" in w.value for w in at.warning)


ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def test_a_kernel_that_does_not_fit_is_explained_in_chinese():
    # stride (rows) 6 and dilation (rows) 4: the 2x2 kernel spans 5 rows of a 3x3 input
    at = tests.conftest.open_page("stepper", {"sh": 6, "dh": 4}, "zh")
    message = at.error[0].value
    assert "卷积核 2×2 膨胀后为 5×2" in message and "填充后的输入 3×3" in message
    assert not ENGLISH_WORD.findall(message), message  # none of convcore's English sentence
    assert not re.search(r"\dx\d", message)
    assert not [c for c in at.get("plotly_chart") if ".yt." not in str(c.key)]  # no walk: no output ("Your turn" apart)
    at = tests.conftest.open_page("stepper", {"sh": 6, "dh": 4}, "en")
    assert "kernel 2×2, dilated to 5×2, does not fit in the padded input 3×3" in at.error[0].value


BIG_X = ";".join(",".join(str((r * 12 + c) % 10) for c in range(12)) for r in range(12))


def test_a_long_walk_stays_playable_around_the_chosen_cell():
    # 12x12 input, 1x1 kernel, padding 1: 14x14 = 196 window positions, more than one animation holds
    at = open_page({"X": BIG_X, "K": "1", "ph": 1, "pw": 1, "i": 7, "j": 3})
    fig = walk(at)
    step = 7 * 14 + 3
    names = [int(f["name"]) for f in fig["frames"]]
    assert len(names) == 160 and step in names
    assert fig["layout"]["updatemenus"][0]["buttons"][0]["label"] == "▶ play"  # the intro's ▶ is there
    slider = fig["layout"]["sliders"][0]
    assert slider["steps"][slider["active"]]["label"] == "7,3"
    caption = next(c.value for c in at.caption if "196 steps" in c.value)
    assert f"steps {names[0] + 1}–{names[-1] + 1}" in caption
    # the largest walk the page allows (22x22 = 484 steps) too, in Chinese
    at = tests.conftest.open_page("stepper", {"X": BIG_X, "K": "1", "ph": 5, "pw": 5, "i": 21, "j": 21}, "zh")
    fig = walk(at)
    assert len(fig["frames"]) == 160 and fig["frames"][-1]["name"] == "483"
    assert fig["frames"][-1]["layout"]["title"]["text"].startswith("第 484/484 步")
    assert any("共有 484 步" in c.value and "第 325–484 步" in c.value for c in at.caption)


def test_the_walk_speaks_chinese():
    at = open_page({"lang": "zh"})
    fig = walk(at)
    assert fig["layout"]["title"]["text"].startswith("第 1/4 步<br>Y[0, 0] = ")
    assert fig["layout"]["sliders"][0]["currentvalue"]["prefix"] == "窗口位置 (i, j)："
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == ["▶ 播放", "❚❚ 暂停"]


def test_tensorflows_refusal_is_said_in_chinese():
    at = open_page({"lang": "zh", "sh": 2, "dh": 2, "ph": 1, "pw": 1})
    at.button(key="stepper.verify").click().run()
    warning = at.warning[0].value
    assert "不支持步幅大于 1 的同时膨胀也大于 1" in warning
    assert not ENGLISH_WORD.findall(warning.replace("TensorFlow", "").replace("tf.nn.conv2d", "")), warning


# --- padding modes (issue 11) -------------------------------------------------------

SEED_X = np.arange(9.0).reshape(3, 3)
SEED_K = np.array([[0.0, 1.0], [2.0, 3.0]])


def page_charts(at) -> list:
    return [c for c in at.get("plotly_chart") if ".yt." not in str(c.key)]  # "Your turn" apart


@pytest.mark.parametrize("mode", ["zeros", "reflect", "symmetric", "circular"])
def test_each_padding_mode_pads_with_its_values_and_says_where_they_come_from(mode):
    import convcore

    at = open_page({"pad_mode": mode, "ph": 1, "pw": 1} if mode != "zeros" else {"ph": 1, "pw": 1})
    assert not at.exception and not at.warning
    assert at.selectbox(key="stepper.pad_mode").value == mode
    expected = convcore.corr2d(SEED_X, SEED_K, padding=1, pad_mode=mode)
    np.testing.assert_array_equal(output(at), expected)
    np.testing.assert_array_equal(at.dataframe[-1].value.to_numpy(), expected)
    # the padded input shows the copied values, and its hover says which cell each copies
    fig = walk(at)
    P = array(fig["data"][0]["z"])
    src = convcore.pad_source((3, 3), 1, mode)
    np.testing.assert_array_equal(P, np.where(src[..., 0] < 0, 0, SEED_X[src[..., 0], src[..., 1]]))
    assert "%{customdata}" in fig["data"][0]["hovertemplate"]
    corner = fig["data"][0]["customdata"][0][0]
    assert corner == ("zero padding" if mode == "zeros" else f"copy of X[{src[0, 0, 0]}, {src[0, 0, 1]}]")
    assert fig["data"][0]["customdata"][1][1] == "X[0, 0]"
    # the arithmetic of Y[0, 0] uses the padded values
    p = P[:2, :2].ravel()
    assert cell_sum(at).startswith(f"#### Y[0, 0] = {p[0]:g}×0 + {p[1]:g}×1 + {p[2]:g}×2 + {p[3]:g}×3 =")
    # the URL holds the mode only when it is not the default, and a link brings it back
    assert at.query_params.get("pad_mode") == (None if mode == "zeros" else [mode]) or \
        at.query_params.get("pad_mode") == (None if mode == "zeros" else mode)
    # the code pads the same way
    tests.conftest.open_expander(at, "stepper.code")  # the code is built when its expander opens
    tf_text, cc_text = (c.proto.code_text for c in at.get("code")[-2:])
    if mode == "zeros":
        assert "pad_mode" not in cc_text and "tf.pad" not in tf_text
    else:
        assert f"pad_mode={mode!r}" in cc_text and 'padding="VALID"' in tf_text
        assert (f'mode="{mode.upper()}"' if mode != "circular" else 'mode="wrap"') in tf_text
    ns = {"X": SEED_X, "K": SEED_K}
    exec(cc_text, ns)
    np.testing.assert_array_equal(ns["Y"], expected)


def test_padding_hover_in_chinese():
    at = tests.conftest.open_page("stepper", {"pad_mode": "reflect", "ph": 1, "pw": 1}, "zh")
    assert walk(at)["data"][0]["customdata"][0][0] == "复制自 X[1, 1]"
    reads = chart(at, "stepper.reads_chart")
    assert reads["data"][0]["customdata"][0][1] == "复制自 X[1, 0]"
    assert "%{customdata}" in reads["data"][0]["hovertemplate"]


def test_choosing_a_mode_on_the_page_goes_into_the_url():
    at = open_page()
    at.button(key="stepper.preset_pad").click().run()
    at.selectbox(key="stepper.pad_mode").set_value("symmetric").run()
    assert not at.exception
    assert "symmetric" in str(at.query_params.get("pad_mode"))
    import convcore
    np.testing.assert_array_equal(output(at), convcore.corr2d(SEED_X, SEED_K, padding=1, pad_mode="symmetric"))
    at.button(key="stepper.preset_seed").click().run()  # an example puts zero padding back
    assert at.selectbox(key="stepper.pad_mode").value == "zeros" and "pad_mode" not in at.query_params


def test_padding_too_large_for_the_mode_warns_and_falls_back_to_zeros():
    import convcore

    at = open_page({"pad_mode": "reflect", "ph": 3, "pw": 1})
    assert not at.exception and not at.error
    message = at.warning[0].value
    assert "reflect" in message and "at most 2 rows" in message and "asks for 3" in message
    assert "Use less padding" in message and "symmetric" in message
    np.testing.assert_array_equal(output(at), convcore.corr2d(SEED_X, SEED_K, padding=(3, 1)))
    assert len(page_charts(at)) == 3  # the walk, the cells read, the picker: the page keeps working
    # fixing the padding brings the mode back
    at.number_input(key="stepper.ph").set_value(2).run()
    assert not at.warning
    np.testing.assert_array_equal(output(at), convcore.corr2d(SEED_X, SEED_K, padding=(2, 1), pad_mode="reflect"))
    zh = tests.conftest.open_page("stepper", {"pad_mode": "circular", "pw": 4}, "zh")
    assert "最多复制 3 列" in zh.warning[0].value and "需要 4 列" in zh.warning[0].value


@pytest.mark.parametrize("mode", ["reflect", "circular"])
def test_generated_tensorflow_code_runs_and_agrees(mode):
    pytest.importorskip("tensorflow")
    at = open_page({"pad_mode": mode, "ph": 1, "pw": 2, "sh": 2})
    tests.conftest.open_expander(at, "stepper.code")  # the code is built when its expander opens
    tf_text = at.get("code")[-2].proto.code_text
    ns = {"X": SEED_X, "K": SEED_K}
    exec(tf_text, ns)
    np.testing.assert_allclose(np.asarray(ns["Y"]), output(at), atol=1e-5)
    # and the page's own check agrees
    at.button(key="stepper.verify").click().run()
    assert at.success and "largest difference 0" in at.success[0].value
