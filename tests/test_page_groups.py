"""AppTest: the "Groups and depthwise" page, as a learner drives it."""
from __future__ import annotations

import contextlib
import io
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from convlab import groups as G
from convlab.exercises import your_turn_exercise
from tests.plotly_util import array, chart
from tests.test_groups_logic import tile
from tests.test_page_practice import answer_your_turn, your_turn_round

PAGE = "groups"


def open_page(query: dict | None = None, lang: str | None = None) -> AppTest:
    return tests.conftest.open_page(PAGE, query, lang)  # a link opens the page itself: its first run reads the URL


def table(at, n: int = 0) -> list[list[str]]:
    return at.table[n].value.to_numpy().tolist()


def column(at, n: int, col: int) -> list[str]:
    return [row[col] for row in table(at, n)]


def diagram(at) -> dict:
    return chart(at, "groups.diagram")


def diagram_segments(at) -> int:
    return sum(len(tr["x"]) // 3 for tr in diagram(at)["data"] if tr["mode"] == "lines")


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def link_warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_default_view_numbers():
    at = open_page()
    assert at.title[0].value == "Groups and depthwise"
    assert at.select_slider(key="groups.g").value == 2
    assert at.select_slider(key="groups.g").options == ["1 · standard", "2", "4 · depthwise"]
    assert diagram_segments(at) == 8 * 2  # 8 outputs, each reading 2 inputs
    text = markdown(at)
    assert "each output channel reads 2 of the 4 input channels" in text
    assert "2×3×3 = 18 weights instead of 4×3×3 = 36" in text
    # the worked example: output 0 reads channels 0 and 1, its cell (0, 0) written out
    ex = G.example(4, 8, 2)
    lines, total = G.cell_lines(ex, 0, "en")
    assert all(f"`{line}`" in text for line in lines) and f"**`{total}`**" in text
    assert total == "Y[0][0, 0] = 9 + 10 = 19"
    np.testing.assert_array_equal(tile(array(chart(at, "groups.example_y")["data"][0]["z"]), 0, (3, 3)), ex.Y[0])
    assert any("Input channels 2, 3 belong to other groups" in c.value for c in at.caption)
    # the counts: standard, groups = 2, depthwise
    assert column(at, 0, 1) == ["288", "8", "**296**", "294,912", "1", "1"]
    assert column(at, 0, 2) == ["144", "8", "**152**", "147,456", "0.5135", "1/2"]
    assert column(at, 0, 3) == ["72", "8", "**80**", "73,728", "0.2703", "1/4"]
    assert column(at, 1, 4) == ["68", "8", "**76**", "69,632", "0.2568", "0.2361"]
    assert r"\frac{1}{8} + \frac{1}{9} \approx 0.2361" in at.latex[0].value
    assert "4.2 times fewer multiply-adds" in at.success[0].value
    assert len(at.get("download_button")) == 1
    assert not at.warning and dict(at.query_params) == {}


def test_groups_slider_goes_from_standard_to_depthwise():
    at = open_page()
    at.select_slider(key="groups.g").set_value("1 · standard").run()
    assert diagram_segments(at) == 8 * 4
    assert "groups = 1, the standard convolution" in markdown(at)
    assert any("every output channel sums all 4 input channels" in c.value for c in at.caption)
    assert at.query_params["g"] == "1"
    at.select_slider(key="groups.g").set_value("4 · depthwise").run()
    assert diagram_segments(at) == 8
    assert "a depthwise convolution" in markdown(at)
    assert column(at, 0, 2) == column(at, 0, 3)  # groups = C_in with M = 2 is the depthwise column
    assert at.query_params["g"] == "4"
    assert len(G.cell_lines(G.example(4, 8, 4), 0, "en")[0]) == 1


def test_channels_kernel_and_image_change_the_counts_and_the_url():
    at = open_page()
    at.slider(key="groups.cout").set_value(4).run()
    assert at.query_params["cout"] == "4" and diagram_segments(at) == 4 * 2
    assert "M = 1" in at.table[0].value.columns[3]
    at.slider(key="groups.k").set_value(5).run()
    assert column(at, 0, 1)[0] == f"{4 * 4 * 25:,}" and at.query_params["k"] == "5"
    at.number_input(key="groups.h").set_value(10).run()
    at.number_input(key="groups.w").set_value(20).run()
    assert column(at, 0, 1)[3] == f"{4 * 4 * 25 * 200:,}"
    assert at.query_params["h"] == "10" and at.query_params["w"] == "20"
    at.slider(key="groups.cin").set_value(8).run()
    assert at.query_params["cin"] == "8"
    assert at.select_slider(key="groups.g").options == ["1 · standard", "2", "4"]  # 8 does not divide 4


def test_channels_that_no_longer_allow_the_groups_move_them_and_say_so():
    at = open_page({"g": 4})  # depthwise on 4 -> 8
    at.slider(key="groups.cin").set_value(6).run()  # 6 and 8: groups 1 or 2
    assert at.select_slider(key="groups.g").value == 2
    assert "groups = 4 does not divide both the 6 input and the 8 output channels" in at.warning[0].value
    assert at.query_params.get("g") is None  # 2 is the default
    assert any("Depthwise (groups = C_in = 6) needs C_out to be a multiple of 6" in c.value for c in at.caption)
    at.slider(key="groups.cout").set_value(7).run()  # 6 and 7: only 1
    assert at.select_slider(key="groups.g").value == 1 and at.select_slider(key="groups.g").disabled
    assert any("only the standard convolution" in c.value for c in at.caption)
    assert not at.exception


def test_a_link_reproduces_the_view():
    at = open_page({"cin": 8, "cout": 16, "k": 5, "g": 8, "h": 64, "w": 48, "o": 5})
    assert at.select_slider(key="groups.g").value == 8 and at.selectbox(key="groups.o").value == 5
    assert "groups = 8 = C_in, a depthwise convolution" in markdown(at)
    assert "Y[5][0, 0] = " in markdown(at)
    c = G.costs(8, 16, 5, 8, 64, 48)
    assert column(at, 0, 2)[3] == f"{c.grouped.mult_adds:,}"
    assert not at.warning
    assert dict(at.query_params) == {"cin": "8", "cout": "16", "k": "5", "g": "8", "h": "64", "w": "48", "o": "5"}


def test_an_illegal_groups_in_a_link_warns_and_uses_the_nearest_legal_one():
    at = open_page({"g": 3})
    assert at.select_slider(key="groups.g").value == 2
    (warning,) = link_warnings(at)
    assert "groups = 3 does not divide both the 4 input and the 8 output channels; using groups = 2" in warning
    assert "(possible: 1, 2, 4)" in warning
    at = open_page({"cin": 12, "cout": 16, "g": 16})
    assert at.select_slider(key="groups.g").value == 4


def test_bad_link_values_fall_back_with_a_warning():
    at = open_page({"g": "x", "cin": "99", "o": "-1", "h": "1e9"})
    assert not at.exception
    warnings = link_warnings(at)
    assert len(warnings) == 4
    assert any("“g”" in w and "is not a whole number" in w for w in warnings)
    assert any("“cin”" in w and "between 1 and 16" in w for w in warnings)
    assert at.select_slider(key="groups.g").value == 2 and at.slider(key="groups.cin").value == 4


def test_following_another_output_channel():
    at = open_page()
    at.selectbox(key="groups.o").set_value(6).run()
    assert at.query_params["o"] == "6"
    text = markdown(at)
    assert "Cell (0, 0) of output channel 6 (group 1)" in text
    assert "`X[2] ⋆ K[6, 0]: " in text and "`X[3] ⋆ K[6, 1]: " in text
    thick = [tr for tr in diagram(at)["data"] if tr["mode"] == "lines" and tr["line"]["width"] > 2]
    assert len(thick) == 1 and len(thick[0]["x"]) == 2 * 3
    # fewer output channels than the one followed: the last one is followed
    at.slider(key="groups.cout").set_value(4).run()
    assert at.selectbox(key="groups.o").value == 3 and not at.exception


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "分组卷积与深度卷积"
    text = markdown(at)
    assert "分组卷积" in text and "深度可分离卷积" in text and "卷积核" in text
    assert "每个输出通道只读取 4 个输入通道中的 2 个" in text
    assert column(at, 0, 0)[:4] == ["权重", "偏置", "参数", "乘加次数"]
    assert at.select_slider(key="groups.g").options == ["1 · 标准", "2", "4 · 深度"]
    at = open_page({"g": 3}, lang="zh")
    assert "groups = 3 不能同时整除 4 个输入通道和 8 个输出通道" in at.warning[0].value


def run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<page code>", "exec"), {})  # noqa: S102 - the page's own generated code
    return out.getvalue()


def test_the_code_expander_computes_what_the_page_shows():
    pytest.importorskip("tensorflow")
    at = open_page({"cin": 3, "cout": 6, "k": 5, "g": 3, "h": 12, "w": 9, "o": 4})
    tests.conftest.open_expander(at, "groups.code")  # the code is built when its expander opens
    tf_code, cc_code = (c.proto.code_text for c in at.get("code"))
    assert 'tf.keras.layers.Conv2D(C_out, k, groups=groups, padding="same")' in tf_code
    assert "M = 2" in tf_code and "DepthwiseConv2D(k, depth_multiplier=M" in tf_code and "SeparableConv2D" in tf_code
    assert "tf.nn.depthwise_conv2d" in tf_code  # groups = C_in
    printed = run(tf_code)
    params = dict(re.findall(r"^(standard|grouped|depthwise|separable) (\d+)$", printed, re.M))
    shown = {"standard": column(at, 0, 1)[2], "grouped": column(at, 0, 2)[2], "depthwise": column(at, 0, 3)[2],
             "separable": column(at, 1, 4)[2]}
    assert {k: f"**{int(v):,}**" for k, v in params.items()} == shown  # the table's parameters, as Keras counts
    adds = dict(re.findall(r"^(\w+) multiply-adds (\d+)$", printed, re.M))
    shown = {"standard": column(at, 0, 1)[3], "grouped": column(at, 0, 2)[3], "depthwise": column(at, 0, 3)[3],
             "separable": column(at, 1, 4)[3]}
    assert {k: f"{int(v):,}" for k, v in adds.items()} == shown  # the table's multiply-adds
    assert printed.rstrip().endswith("True")  # tf.nn.depthwise_conv2d agrees with the grouped layer
    y_shown = tile(array(chart(at, "groups.example_y")["data"][0]["z"]), 4, (3, 3))
    assert str(y_shown.astype(np.float32)) in printed  # the worked example's output channel 4
    assert str(y_shown) in run(cc_code)


def test_every_figure_is_small():
    at = open_page({"cin": 16, "cout": 16, "g": 1})
    for el in at.get("plotly_chart"):
        assert len(el.proto.spec) < 1_000_000
    assert diagram_segments(at) == 256


# ------------------------------------------------------------------------------ "Your turn"

def test_your_turn_grades_a_right_then_a_wrong_answer():
    assert your_turn_round(open_page(), PAGE) == {"group_params"}


def test_your_turn_speaks_chinese():
    at = open_page(lang="zh")
    assert at.header[-1].value == "轮到你了"
    state = at.session_state["groups.yourturn"]
    ex = your_turn_exercise("groups", state["n"], state["seed"])
    assert ex.prompt[0].render("zh") in [m.value for m in at.markdown]
    answer_your_turn(at, "groups", lang="zh")
