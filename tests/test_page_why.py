"""The "Why convolution" page through Streamlit's AppTest: defaults, every
control, bad values, Chinese, state in the URL, no exception."""
from __future__ import annotations

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from convcore import why
from tests.plotly_util import figures

def open_page(**query) -> AppTest:
    return tests.conftest.open_page("why", query)


specs = figures


def md(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def query(at) -> dict:
    return dict(at.query_params)


@pytest.fixture(scope="module")
def default_page():
    return open_page()


def test_defaults_show_the_seeds_numbers(default_page):
    at = default_page
    assert at.title[0].value == "Why convolution"
    text = md(at)
    assert "| fully connected | 1,000,000,000,000 | 1,000,000 | **1,000,001,000,000** |" in text
    assert "| convolution | 441 | 1 | **442** |" in text
    assert "| locally connected (not shared) | 441,000,000 | 1,000,000 | **442,000,000** |" in text
    assert "1,000,000,000,000 weights" in at.info[0].value and "4.0 TB" in at.info[0].value
    figs = specs(at)
    assert len(figs) == 8
    bar = figs[0]
    assert bar["layout"]["yaxis"]["type"] == "log"
    assert bar["data"][0]["y"] == [1_000_001_000_000.0, 442_000_000.0, 442.0]
    assert sum(len(el.proto.spec) for el in at.get("plotly_chart")) < 1_000_000
    assert not at.error and query(at) == {}


def test_default_translation_and_its_sentence(default_page):
    at = default_page
    d = why.translation_demo("cross", 3, 4)
    tr = specs(at)[1]
    np.testing.assert_array_equal(tr["data"][4]["z"], d.conv1)
    assert "largest difference is **0**" in at.success[0].value
    assert f"up to **{d.lc_diff:.3g}**" in at.warning[0].value
    assert "it was 5 and is now 0.8" in at.warning[0].value


def test_default_channels_and_one_by_one(default_page):
    at = default_page
    ch = why.channel_demo(2, 2)
    figs = specs(at)
    rows = [f for f in figs if len(f["data"]) == 7]
    assert len(rows) == 2
    for o, f in enumerate(rows):
        np.testing.assert_array_equal(f["data"][-1]["z"], ch.Y[o])
    assert "= **26** parameters" in md(at)
    assert "Y[0, 1, 2] = 1×7 + 1×11 + 1×17 = 35" in md(at)
    code = [c.value for c in at.code]
    assert any("tf.keras.layers.Conv2D(2, 2)" in c and "count_params()" in c for c in code)
    assert any("corr2d_multi_in_out(X, K)" in c for c in code)


def test_image_and_kernel_size_controls():
    at = open_page()
    at.number_input(key="why.h").set_value(28).run()
    at.number_input(key="why.w").set_value(28).run()
    at.number_input(key="why.k").set_value(3).run()
    assert not at.exception
    text = md(at)
    assert f"| fully connected | {784 * 784:,} | 784 | **{784 * 784 + 784:,}** |" in text
    assert f"| locally connected (not shared) | {784 * 9:,} | 784 | **{784 * 10:,}** |" in text
    assert "| convolution | 9 | 1 | **10** |" in text
    assert specs(at)[0]["data"][0]["y"] == [784.0 * 784 + 784, 7840.0, 10.0]
    assert query(at) == {"h": "28", "w": "28", "k": "3"}
    assert "On the 28×28 image of section 1" in md(at)


def test_hidden_size_toggle_shows_its_own_inputs():
    at = open_page()
    assert not [w for w in at.number_input if w.key == "why.h2"]
    at.toggle(key="why.same").set_value(False).run()
    at.number_input(key="why.h2").set_value(10).run()
    at.number_input(key="why.w2").set_value(20).run()
    assert not at.exception
    assert "| fully connected | 200,000,000 | 200 | **200,000,200** |" in md(at)
    assert "| convolution | 441 | 1 | **442** |" in md(at)
    assert query(at) == {"same": "0", "h2": "10", "w2": "20"}
    at.toggle(key="why.same").set_value(True).run()
    assert "| convolution | 441 | 1 | **442** |" in md(at) and "1,000,000,000,000" in md(at)


def test_kernel_larger_than_the_image_is_an_error_the_rest_keeps_working():
    at = open_page()
    at.number_input(key="why.h").set_value(10).run()
    at.number_input(key="why.k").set_value(30).run()
    assert not at.exception
    assert at.error[0].value.startswith("The kernel 30×30 is larger than the image 10×1000")
    assert "at most 10×10" in at.error[0].value
    assert len(specs(at)) == 7  # no bar chart; translation, locality, channels still drawn
    assert at.info[0].value.startswith("The chapter's claim")
    at.number_input(key="why.k").set_value(10).run()
    assert not at.error and len(specs(at)) == 8


@pytest.mark.parametrize("pattern", list(why.PATTERNS))
def test_pattern_and_move_controls(pattern):
    at = open_page()
    at.selectbox(key="why.pattern").set_value(pattern).run()
    at.slider(key="why.dy").set_value(6).run()
    at.slider(key="why.dx").set_value(0).run()
    assert not at.exception
    d = why.translation_demo(pattern, 6, 0)
    tr = specs(at)[1]
    np.testing.assert_array_equal(tr["data"][3]["z"], d.X1)
    np.testing.assert_array_equal(tr["data"][4]["z"], d.conv1)
    assert "moved by (6, 0): the largest difference is **0**" in at.success[0].value
    assert query(at)["dy"] == "6" and query(at)["dx"] == "0"
    assert query(at).get("pattern", "cross") == pattern


def test_no_move_asks_to_move():
    at = open_page(dy="0", dx="0")
    assert not at.success and "Move the pattern" in at.info[-1].value


def test_locality_controls():
    at = open_page()
    at.slider(key="why.delta").set_value(3).run()
    at.slider(key="why.i").set_value(0).run()
    at.slider(key="why.j").set_value(11).run()
    assert not at.exception
    text = md(at)
    assert "reads a 7×7 window: **49** weights" in text
    assert "only 16 of the 49 window cells are pixels; the other 33 read zero padding" in text
    loc = specs(at)[2]
    assert np.count_nonzero(loc["data"][0]["z"]) == 16
    assert query(at) == {"delta": "3", "i": "0", "j": "11"}


def test_channel_controls():
    at = open_page()
    at.radio(key="why.O").set_value(1).run()
    at.radio(key="why.ck").set_value(3).run()
    assert not at.exception
    ch = why.channel_demo(1, 3)
    rows = [f for f in specs(at) if len(f["data"]) == 7]
    assert len(rows) == 1
    np.testing.assert_array_equal(rows[0]["data"][-1]["z"], ch.Y[0])
    assert "= **28** parameters" in md(at)  # 1*3*3*3 + 1
    assert any("tf.keras.layers.Conv2D(1, 3)" in c.value for c in at.code)
    at.slider(key="why.mi").set_value(4).run()
    at.slider(key="why.mj").set_value(0).run()
    assert "Y[0, 4, 0] = 1×20 + 1×4 + 1×0 = 24" in md(at)
    assert "Y[1," not in md(at)
    assert query(at) == {"O": "1", "ck": "3", "mi": "4", "mj": "0"}


def test_bad_values_in_the_link_fall_back_with_a_warning():
    at = open_page(k="abc", dy="99", pattern="star", O="3", h="-5")
    warnings = [w.value for w in at.warning]
    assert sum("is not valid" in w for w in warnings) == 5
    assert at.number_input(key="why.k").value == 21
    assert at.slider(key="why.dy").value == 3
    assert at.selectbox(key="why.pattern").value == "cross"
    assert at.radio(key="why.O").value == 2
    assert at.number_input(key="why.h").value == 1000
    assert not at.error


def test_state_comes_back_from_the_link():
    at = open_page(h="64", w="48", k="5", same="0", h2="8", w2="8", pattern="diagonal", dy="2", dx="1",
                   delta="1", i="3", j="9", O="1", ck="1", mi="0", mj="3")
    assert at.number_input(key="why.h").value == 64 and at.number_input(key="why.h2").value == 8
    assert at.toggle(key="why.same").value is False
    assert at.selectbox(key="why.pattern").value == "diagonal"
    assert (at.slider(key="why.dy").value, at.slider(key="why.dx").value) == (2, 1)
    assert (at.slider(key="why.delta").value, at.slider(key="why.i").value, at.slider(key="why.j").value) == (1, 3, 9)
    assert (at.radio(key="why.O").value, at.radio(key="why.ck").value) == (1, 1)
    assert f"| fully connected | {64 * 48 * 64:,} | 64 | **{64 * 48 * 64 + 64:,}** |" in md(at)
    # the URL keeps the non-default values after the run
    assert query(at)["h"] == "64" and query(at)["pattern"] == "diagonal" and query(at)["same"] == "0"


def test_state_survives_a_visit_to_another_page():
    at = open_page()
    at.slider(key="why.dx").set_value(1).run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/why.py").run()
    assert not at.exception
    assert at.slider(key="why.dx").value == 1


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "为什么用卷积"
    headers = [h.value for h in at.header]
    assert "2. 平移不变性：处处使用同一个卷积核" in headers and "3. 局部性：大小为 2Δ+1 的窗口" in headers
    text = md(at)
    assert "| 全连接层 | 1,000,000,000,000 | 1,000,000 | **1,000,001,000,000** | 约 1 万亿 |" in text
    assert "卷积核" in text and "全连接层" in text and "通道" in text
    assert "最大差值为 **0**" in at.success[0].value
    assert specs(at)[0]["data"][0]["x"] == ["全连接层", "局部连接层（不共享）", "卷积层"]
    assert at.number_input(key="why.k").label.startswith("卷积核大小")
    assert query(at) == {"lang": "zh"}
    at.number_input(key="why.k").set_value(99).run()
    at.number_input(key="why.h").set_value(20).run()
    assert at.error[0].value.startswith("卷积核 99×99 比图像 20×1000 还大")
