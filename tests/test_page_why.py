"""The "Why convolution" page through Streamlit's AppTest: defaults, every
control, bad values, Chinese, state in the URL, no exception."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from convcore import why
from convlab.why import approx_zh, sci
from tests.plotly_util import chart, figures

def open_page(**query) -> AppTest:
    return tests.conftest.open_page("why", query)


specs = figures


def md(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def table(at) -> dict[str, list[str]]:
    """The parameter table's rows by layer: parameters, about, weights, biases, formula, float32."""
    df = at.table[0].value
    return {row[0]: list(row[1:]) for row in df.itertuples(index=False)}


def z(at, key: str, panel: int = 0) -> np.ndarray:
    return np.array(chart(at, key)["data"][panel]["z"], dtype=float)


def query(at) -> dict:
    return dict(at.query_params)


@pytest.fixture(scope="module")
def default_page():
    return open_page()


def test_defaults_show_the_seeds_numbers(default_page):
    at = default_page
    assert at.title[0].value == "Why convolution"
    rows = table(at)
    assert rows["fully connected"][:4] == ["**1,000,001,000,000**", "≈ 1.0 × 10¹²", "1,000,000,000,000", "1,000,000"]
    assert rows["convolution"][:4] == ["**442**", "442", "441", "1"]
    assert rows["locally connected (not shared)"][:4] == ["**442,000,000**", "≈ 4.4 × 10⁸", "441,000,000", "1,000,000"]
    assert list(at.table[0].value.columns) == ["layer", "parameters", "about", "weights", "biases", "formula",
                                               "as float32"]
    assert "1,000,000,000,000 weights" in at.info[0].value and "4.0 TB" in at.info[0].value
    figs = specs(at)
    assert len(figs) == 1  # the other sections' figures are built when a learner opens them
    assert at.segmented_control(key="why.sec").value == "params" and at.button(key="why.next").label == "Next: 2. Translation"
    bar = chart(at, "why.params_chart")
    assert bar["layout"]["yaxis"]["type"] == "log"
    assert bar["data"][0]["y"] == [1_000_001_000_000.0, 442_000_000.0, 442.0]
    assert sum(len(el.proto.spec) for el in at.get("plotly_chart")) < 1_000_000
    assert not at.error and query(at) == {}


@pytest.mark.parametrize("sec, n", [("params", 1), ("translation", 3), ("locality", 1), ("channels", 16)])
def test_each_section_draws_only_its_own_figures(sec, n):
    """Side by side panels are separate figures in columns (they stack on a phone); one section at a time."""
    at = open_page(sec=sec)
    assert len(specs(at)) == n and query(at) == ({} if sec == "params" else {"sec": sec})
    assert sum(len(el.proto.spec) for el in at.get("plotly_chart")) < 1_000_000


def test_next_walks_through_the_sections_and_keeps_the_values():
    at = open_page(h="28")
    for sec in ("translation", "locality", "channels"):
        at.button(key="why.next").click().run()
        assert at.segmented_control(key="why.sec").value == sec and query(at) == {"h": "28", "sec": sec}
    assert not [b for b in at.button if b.key == "why.next"]  # the last section has none
    at.segmented_control(key="why.sec").set_value("params").run()
    assert at.number_input(key="why.h").value == 28 and not at.exception


def test_default_translation_and_its_sentence():
    at = open_page(sec="translation")
    d = why.translation_demo("cross", 3, 4)
    np.testing.assert_array_equal(z(at, "why.translation0", 1), d.X1)
    np.testing.assert_array_equal(z(at, "why.translation1", 1), d.conv1)
    np.testing.assert_array_equal(z(at, "why.translation2", 0), np.round(d.lc0, 6))
    assert "largest difference is **0**" in at.success[0].value
    assert f"up to **{d.lc_diff:.3g}**" in at.warning[0].value
    assert "it was 5 and is now 0.8" in at.warning[0].value


def test_default_channels_and_one_by_one():
    at = open_page(sec="channels")
    assert not at.code  # the code is built when its expander opens
    at.session_state["why.code_channels"] = True
    at.run()
    ch = why.channel_demo(2, 2)
    for o in range(2):
        for c in range(3):
            np.testing.assert_array_equal(z(at, f"why.ch_row{o}_{c}", 0), ch.K[o, c])
            np.testing.assert_array_equal(z(at, f"why.ch_row{o}_{c}", 1), ch.parts[o, c])
        np.testing.assert_array_equal(z(at, f"why.ch_row{o}_3"), ch.Y[o])
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
    rows = table(at)
    assert rows["fully connected"][0] == f"**{784 * 784 + 784:,}**" and rows["fully connected"][2:4] == [f"{784 * 784:,}", "784"]
    assert rows["locally connected (not shared)"][0] == f"**{784 * 10:,}**"
    assert rows["locally connected (not shared)"][2:4] == [f"{784 * 9:,}", "784"]
    assert rows["convolution"][0] == "**10**" and rows["convolution"][2:4] == ["9", "1"]
    assert chart(at, "why.params_chart")["data"][0]["y"] == [784.0 * 784 + 784, 7840.0, 10.0]
    assert query(at) == {"h": "28", "w": "28", "k": "3"}
    at.segmented_control(key="why.sec").set_value("locality").run()
    assert "On the 28×28 image of section 1" in md(at)
    assert query(at) == {"h": "28", "w": "28", "k": "3", "sec": "locality"}


def test_hidden_size_toggle_shows_its_own_inputs():
    at = open_page()
    assert not [w for w in at.number_input if w.key == "why.h2"]
    at.toggle(key="why.same").set_value(False).run()
    at.number_input(key="why.h2").set_value(10).run()
    at.number_input(key="why.w2").set_value(20).run()
    assert not at.exception
    assert table(at)["fully connected"][0] == "**200,000,200**" and table(at)["fully connected"][2] == "200,000,000"
    assert table(at)["convolution"][0] == "**442**"
    assert query(at) == {"same": "0", "h2": "10", "w2": "20"}
    at.toggle(key="why.same").set_value(True).run()
    assert table(at)["convolution"][0] == "**442**" and table(at)["fully connected"][2] == "1,000,000,000,000"


def test_kernel_larger_than_the_image_is_an_error_the_rest_keeps_working():
    at = open_page()
    at.number_input(key="why.h").set_value(10).run()
    at.number_input(key="why.k").set_value(30).run()
    assert not at.exception
    assert at.error[0].value.startswith("The kernel 30×30 is larger than the image 10×1000")
    assert "at most 10×10" in at.error[0].value
    assert len(specs(at)) == 0 and not chart(at, "why.params_chart")  # no bar chart; the rest still works
    assert at.info[0].value.startswith("The chapter's claim")
    at.button(key="why.next").click().run()
    assert not at.error and len(specs(at)) == 3
    at.segmented_control(key="why.sec").set_value("params").run()
    at.number_input(key="why.k").set_value(10).run()
    assert not at.error and len(specs(at)) == 1


@pytest.mark.parametrize("pattern", list(why.PATTERNS))
def test_pattern_and_move_controls(pattern):
    at = open_page(sec="translation")
    at.selectbox(key="why.pattern").set_value(pattern).run()
    at.slider(key="why.dy").set_value(6).run()
    at.slider(key="why.dx").set_value(0).run()
    assert not at.exception
    d = why.translation_demo(pattern, 6, 0)
    np.testing.assert_array_equal(z(at, "why.translation0", 1), d.X1)
    np.testing.assert_array_equal(z(at, "why.translation1", 1), d.conv1)
    assert "moved by (6, 0): the largest difference is **0**" in at.success[0].value
    assert query(at)["dy"] == "6" and query(at)["dx"] == "0"
    assert query(at).get("pattern", "cross") == pattern


def test_no_move_asks_to_move():
    at = open_page(dy="0", dx="0", sec="translation")
    assert not at.success and "Move the pattern" in at.info[-1].value


def test_locality_controls():
    at = open_page(sec="locality")
    at.slider(key="why.delta").set_value(3).run()
    at.slider(key="why.i").set_value(0).run()
    at.slider(key="why.j").set_value(11).run()
    assert not at.exception
    text = md(at)
    assert "The window of the hidden unit at (0, 11) is 7×7: **49** weights" in text and "It reads **16** of the **144** inputs" in text
    assert "only 16 of the 49 window cells are pixels; the other 33 read zero padding" in text
    assert np.count_nonzero(z(at, "why.loc_chart")) == 16
    assert query(at) == {"delta": "3", "i": "0", "j": "11", "sec": "locality"}


def test_channel_controls():
    at = open_page(sec="channels")
    at.session_state["why.code_channels"] = True
    at.radio(key="why.O").set_value(1).run()
    at.radio(key="why.ck").set_value(3).run()
    assert not at.exception
    ch = why.channel_demo(1, 3)
    assert chart(at, "why.ch_row1_0") is None  # one output channel
    np.testing.assert_array_equal(z(at, "why.ch_row0_3"), ch.Y[0])
    assert chart(at, "why.mix_out1") is None and chart(at, "why.mix_out0") is not None
    assert "= **28** parameters" in md(at)  # 1*3*3*3 + 1
    assert any("tf.keras.layers.Conv2D(1, 3)" in c.value for c in at.code)
    at.slider(key="why.mi").set_value(4).run()
    at.slider(key="why.mj").set_value(0).run()
    assert "Y[0, 4, 0] = 1×20 + 1×4 + 1×0 = 24" in md(at)
    assert "Y[1," not in md(at)
    assert query(at) == {"O": "1", "ck": "3", "mi": "4", "mj": "0", "sec": "channels"}


def test_bad_values_in_the_link_fall_back_with_a_warning():
    at = open_page(k="abc", dy="99", pattern="star", O="3", h="-5")
    warnings = [w.value for w in at.warning]
    assert sum("is not valid" in w for w in warnings) == 5
    assert at.number_input(key="why.k").value == 21 and at.number_input(key="why.h").value == 1000
    assert (at.session_state["why.dy"], at.session_state["why.pattern"], at.session_state["why.O"]) == (3, "cross", 2)
    assert not at.error
    at.button(key="why.next").click().run()  # the other sections' widgets show the fallbacks
    assert at.slider(key="why.dy").value == 3 and at.selectbox(key="why.pattern").value == "cross"
    assert not any("is not valid" in w.value for w in at.warning)  # warned once, on the first run


def test_state_comes_back_from_the_link():
    at = open_page(h="64", w="48", k="5", same="0", h2="8", w2="8", pattern="diagonal", dy="2", dx="1",
                   delta="1", i="3", j="9", O="1", ck="1", mi="0", mj="3")
    assert at.number_input(key="why.h").value == 64 and at.number_input(key="why.h2").value == 8
    assert at.toggle(key="why.same").value is False
    ss = at.session_state  # the other sections' values, their widgets drawn when they are opened
    assert (ss["why.pattern"], ss["why.dy"], ss["why.dx"]) == ("diagonal", 2, 1)
    assert (ss["why.delta"], ss["why.i"], ss["why.j"], ss["why.O"], ss["why.ck"]) == (1, 3, 9, 1, 1)
    assert table(at)["fully connected"][0] == f"**{64 * 48 * 64 + 64:,}**"
    assert table(at)["fully connected"][2:4] == [f"{64 * 48 * 64:,}", "64"]
    # the URL keeps the non-default values after the run
    assert query(at)["h"] == "64" and query(at)["pattern"] == "diagonal" and query(at)["same"] == "0"
    for sec, key, value in [("translation", "why.dy", 2), ("locality", "why.j", 9), ("channels", "why.ck", 1)]:
        at.segmented_control(key="why.sec").set_value(sec).run()
        widget = at.radio(key=key) if key == "why.ck" else at.slider(key=key)
        assert widget.value == value and query(at)["mj"] == "3" and query(at)["h2"] == "8"


def test_state_survives_a_visit_to_another_page():
    at = open_page(sec="translation")
    at.slider(key="why.dx").set_value(1).run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/why.py").run()
    assert not at.exception
    assert at.slider(key="why.dx").value == 1


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "为什么用卷积"
    assert at.header[0].value == "1. 数十亿个参数，还是几百个？"
    text = md(at)
    assert table(at)["全连接层"][:4] == ["**1,000,001,000,000**", "约 1 万亿", "1,000,000,000,000", "1,000,000"]
    assert "卷积核" in text and "全连接层" in text
    assert at.button(key="why.next").label == "下一节：2. 平移不变性"
    assert chart(at, "why.params_chart")["data"][0]["x"] == ["全连接层", "局部连接层<br>（不共享）", "卷积层"]
    assert at.number_input(key="why.k").label.startswith("卷积核大小")
    assert query(at) == {"lang": "zh"}
    at.number_input(key="why.k").set_value(99).run()
    at.number_input(key="why.h").set_value(20).run()
    assert at.error[0].value.startswith("卷积核 99×99 比图像 20×1000 还大")
    at.button(key="why.next").click().run()
    assert at.header[0].value == "2. 平移不变性：处处使用同一个卷积核" and "最大差值为 **0**" in at.success[0].value


# --- what a learner hit ------------------------------------------------------------

def of_pairs(text: str) -> list[tuple[int, int]]:
    """Every "N of [the] M" in a text (numbers with thousands separators), as ints."""
    pairs = re.findall(r"\*{0,2}([\d,]+)\*{0,2} of (?:the |its |all )?\*{0,2}([\d,]+)", text)
    return [(int(a.replace(",", "")), int(b.replace(",", ""))) for a, b in pairs]


@pytest.mark.parametrize("link", [
    dict(h="5", w="7", delta="5", i="0", j="11"),  # the window does not fit: it covers the whole image
    dict(h="3", w="1000", delta="4", i="6", j="6"),  # too tall for the image, not too wide
    dict(h="1", w="1", delta="0", i="11", j="0"),
    dict(h="10000", w="10000", delta="5", i="0", j="0"),
])
def test_locality_counts_are_true_for_any_link(link):
    """/why?h=5&w=7&delta=5&i=0&j=11 once said "the same window is 121 of 35 inputs"."""
    at = open_page(**link, sec="locality")
    h, w, d = int(link["h"]), int(link["w"]), int(link["delta"])
    lines = [m.value for m in at.markdown if "section 1" in m.value]
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith(f"On the {h:,}×{w:,} image of section 1")
    inside = min(h, 2 * d + 1) * min(w, 2 * d + 1)
    pairs = of_pairs(line)
    assert pairs and all(a <= b for a, b in pairs), line
    assert (inside, h * w) in pairs or f"reads all {h * w:,} inputs" in line, line
    # the small image's numbers too: never more read than there are
    assert all(a <= b for a, b in of_pairs(md(at))), md(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_quoted_billions_and_the_computed_count_agree(lang):
    """The quote says "billions", the page computes 10¹² for its example: the text
    says which numbers the "billions" fit (10⁹: 1000 hidden units) and how large 10¹² is."""
    at = tests.conftest.open_page("why", {}, lang)
    claim = at.info[0].value
    dense = why.param_counts(**why.SEED_CLAIM).dense.weights
    small = why.param_counts(**why.SEED_BILLIONS).dense.weights
    assert small == 10**9 and dense == 10**12
    assert f"{dense:,}" in claim and sci(dense) in claim and f"{small:,}" in claim and sci(small) in claim
    if lang == "en":
        assert "a thousand billion" in claim and f"({sci(small)}, a billion)" in claim
    else:
        assert f"即 {approx_zh(dense)}" in claim and f"即 {approx_zh(small)}" in claim
