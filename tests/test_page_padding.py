"""The padding-and-stride page under AppTest: defaults, every control, the
chapter's presets, the Keras check, the layer stack, bad input, Chinese, links."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from convlab import padding as cs
from tests.plotly_util import array, chart

def open_page(query: dict | None = None, lang: str | None = None) -> AppTest:
    return tests.conftest.open_page("padding_stride", query, lang)


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def shape(at: AppTest) -> tuple[int, int] | None:
    """The output shape the page states (None when it states none)."""
    for m in at.markdown:
        found = re.search(r"→ .*\*\*(\d+) × (\d+)\*\*", m.value)
        if found:
            return int(found[1]), int(found[2])
    return None




def table(at: AppTest, column: str):
    """The read-only table (a dataframe or a static table) with this column (None if there is none)."""
    for df in [*at.dataframe, *at.table]:
        if getattr(df, "editing_mode", "read_only") == "read_only" and column in df.value.columns:
            return df
    return None


def keras_rows(at: AppTest):
    """The Keras table as a reader sees it (its shapes keep to one line with no-break spaces)."""
    raw = table(at, "Keras").value
    assert all("\u00a0×\u00a0" in v for v in raw["formula"])
    return raw.map(lambda v: v.replace("\u00a0", " ") if isinstance(v, str) else v)


def messages(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def output_chart_shape(at: AppTest) -> tuple[int, int]:
    return _z(chart(at, "padding.output")).shape


def _z(spec: dict) -> np.ndarray:
    return _arr(spec["data"][0]["z"])


_arr = array  # the one plotly decoder


@pytest.fixture(scope="module")
def at_default() -> AppTest:
    return open_page()


def test_widgets_take_bounds_choices_and_keys_from_the_declared_params(at_default):
    at = at_default
    numbers = {ni.key: ni for ni in at.number_input}
    assert set(numbers) == {f"padding.{name}" for name in cs.PARAMS} - {"padding.tie", "padding.mode", "padding.stack"}
    for key, ni in numbers.items():
        p = cs.PARAMS[key.split(".", 1)[1]]
        assert (ni.min, ni.max, ni.step, ni.value) == (p.lo, p.hi, 1, p.default), key
    mode = at.radio(key="padding.mode")
    assert mode.value == cs.PARAMS["mode"].default and len(mode.options) == len(cs.PARAMS["mode"].choices)
    assert at.checkbox(key="padding.tie").value is cs.PARAMS["tie"].default
    keys = [w.key for kind in ("button", "number_input", "radio", "checkbox") for w in getattr(at, kind)]
    assert all(k.startswith("padding.") for k in keys) and len(set(keys)) == len(keys)


def test_default_is_the_seeds_stride_figure(at_default):
    at = at_default
    assert at.title[0].value == "Padding and stride"
    assert shape(at) == (2, 2)
    assert output_chart_shape(at) == (2, 2)
    grid = chart(at, "padding.grid")
    assert _z(grid).shape == (5, 5)  # 3x3 padded to 5x5
    origins = next(t for t in grid["data"] if t.get("name") == "window top-left")
    assert list(zip(_arr(origins["y"]), _arr(origins["x"]))) == [(0, 0), (0, 2), (3, 0), (3, 2)]
    latex = " ".join(e.value for e in at.latex)
    assert r"\lfloor (n_h - k_h + p_h + s_h)/s_h \rfloor" in latex and r"\frac{3 - 2 + 2 + 3}{3}" in latex
    tests.conftest.open_expander(at, "padding.code")  # the code is built when its expander opens
    code = " ".join([c.value for c in at.code] + [x.value for x in at.text])  # the code, and the chapter's lines
    assert "0×0 + 0×1 + 1×2 + 2×3 = 8" in code and "0×0 + 6×1 + 0×2 + 0×3 = 6" in code
    assert "strides=[3, 2]" in code and "convcore.corr2d(X, K, padding=1, stride=(3, 2))" in code
    assert not messages(at, "error") and not messages(at, "warning")
    assert at.query_params == {}  # defaults leave the URL clean


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("padding.nh", 8, (3, 2)),
        ("padding.nw", 7, (2, 4)),
        ("padding.kh", 3, (1, 2)),
        ("padding.kw", 1, (2, 3)),
        ("padding.sh", 1, (4, 2)),
        ("padding.sw", 1, (2, 4)),
        ("padding.dh", 2, (1, 2)),
        ("padding.dw", 2, (2, 2)),
        ("padding.pt", 4, (3, 2)),
        ("padding.pb", 0, (1, 2)),
        ("padding.pl", 2, (2, 3)),
        ("padding.pr", 3, (2, 3)),
    ],
)
def test_each_number_changes_the_shape(key, value, expected):
    at = open_page()
    at.number_input(key=key).set_value(value).run()
    assert_ok(at)
    assert shape(at) == expected == output_chart_shape(at)
    assert at.query_params[key.split(".")[1]] == str(value)


@pytest.mark.parametrize("mode, expected", [("valid", (1, 1)), ("same", (1, 2)), ("full", (2, 2)), ("explicit", (2, 2))])
def test_padding_modes(mode, expected):
    at = open_page()
    at.radio(key="padding.mode").set_value(mode).run()
    assert_ok(at)
    assert shape(at) == expected
    assert len(at.number_input) == (12 if mode == "explicit" else 8) + 2  # + the stack's input size


def test_same_shows_tensorflows_split():
    at = open_page()
    at.button(key="padding.preset.keras3").click().run()
    latex = " ".join(e.value for e in at.latex)
    assert r"p_h &= \max((\lceil 8/2 \rceil - 1)\cdot 2 + 3 - 8, 0) \\ &= 1 = 0 + 1" in latex
    assert any("bottom" in c for c in messages(at, "caption"))
    grid = _z(chart(at, "padding.grid"))
    assert grid.shape == (9, 9) and (grid[8] == 0).all() and (grid[:, 8] == 0).all() and grid[0, 0] != 0


def test_tie_uses_one_set_of_controls():
    at = open_page()
    at.checkbox(key="padding.tie").check().run()
    assert_ok(at)
    assert shape(at) == (2, 2)  # width follows height: stride 3 both ways
    at.number_input(key="padding.sh").set_value(1).run()
    assert shape(at) == (4, 4)
    at.number_input(key="padding.pt").set_value(0).run()
    assert shape(at) == (2, 2)
    assert at.session_state["padding.pr"] == 0 and at.session_state["padding.sw"] == 1
    at.checkbox(key="padding.tie").uncheck().run()
    assert shape(at) == (2, 2) and at.number_input(key="padding.sw").value == 1


def test_tying_says_which_width_values_it_copied():
    at = open_page()  # the stride figure: stride (3, 2)
    assert not [i for i in messages(at, "info") if "→" in i]
    at.checkbox(key="padding.tie").check().run()
    assert_ok(at)
    notes = [i for i in messages(at, "info") if "→" in i]
    assert len(notes) == 1 and "stride s_w 2 → 3" in notes[0]
    assert shape(at) == (2, 2) and at.session_state["padding.sw"] == 3
    at.number_input(key="padding.sh").set_value(2).run()  # said once, when it happened
    assert not [i for i in messages(at, "info") if "→" in i] and shape(at) == (2, 2)


def test_tying_from_a_link_says_which_values_it_copied_in_chinese():
    at = open_page({"tie": "1", "kw": "3", "pl": "0"}, lang="zh")
    notes = [i for i in messages(at, "info") if "→" in i]
    assert len(notes) == 1 and "卷积核 k_w 3 → 2" in notes[0] and "步幅 s_w 2 → 3" in notes[0]
    assert "填充（左侧） 0 → 1" in notes[0]
    assert at.query_params["tie"] == "1" and "kw" not in at.query_params and at.query_params["sw"] == "3"


@pytest.mark.parametrize("preset", cs.PRESETS, ids=lambda p: p.name)
def test_each_preset_gives_the_seeds_shape(preset):
    at = open_page()
    at.button(key=f"padding.preset.{preset.name}").click().run()
    assert_ok(at)
    assert shape(at) == preset.expected == output_chart_shape(at)
    tbl = keras_rows(at)
    if preset.keras:
        row = tbl[tbl["chapter"] == f"{preset.expected[0]} × {preset.expected[1]}"]
        assert not row.empty


def test_choosing_a_keras_example_lists_it_once_as_the_users_settings():
    at = open_page()
    assert len(keras_rows(at)) == 4  # explicit padding: Keras cannot take it
    assert any("valid” or “same” only" in c for c in messages(at, "caption"))
    at.button(key="padding.preset.keras4").click().run()
    tbl = keras_rows(at)
    assert len(tbl) == 4 and list(tbl["chapter"]) == ["8 × 8", "8 × 8", "4 × 4", "2 × 1"]
    assert [label.startswith("your settings, input 8 × 8: ") for label in tbl["layer"]] == [False, False, False, True]
    at.number_input(key="padding.nh").set_value(9).run()  # no longer the chapter's: a row of its own
    tbl = keras_rows(at)
    assert len(tbl) == 5 and list(tbl["chapter"]) == ["8 × 8", "8 × 8", "4 × 4", "2 × 1", ""]
    assert [label.startswith("your settings, input 9 × 8: ") for label in tbl["layer"]] == [False] * 4 + [True]


def formula_keras(*args):
    """Keras as these tests describe it: the formula's shape (no TensorFlow needed)."""
    return cs.KerasCase(args).formula


def test_a_keras_verdict_does_not_outlive_the_settings_it_checked(monkeypatch):
    monkeypatch.setattr(cs, "keras_output_shape", formula_keras)
    at = open_page()
    at.button(key="padding.preset.keras1").click().run()
    at.button(key="padding.keras_check").click().run()
    assert_ok(at)
    assert any("same output shapes" in s for s in messages(at, "success"))
    at.number_input(key="padding.nh").set_value(9).run()  # new settings: a row Keras has not answered
    assert_ok(at)
    tbl = keras_rows(at)
    assert len(tbl) == 5 and tbl["Keras"].iloc[4] == "—" and tbl["layer"].iloc[4].startswith("your settings, input 9 × 9")
    assert not [s for s in messages(at, "success") if "Keras" in s]  # no green verdict for a row nobody checked
    assert any("your settings are not checked yet" in i for i in messages(at, "info"))
    at.button(key="padding.keras_check").click().run()
    assert keras_rows(at)["Keras"].iloc[4] == "9 × 9"  # tied: n 9 both ways
    assert any("same output shapes" in s for s in messages(at, "success"))
    assert not any("not checked yet" in i for i in messages(at, "info"))


def test_keras_check_agrees_with_the_formula():
    pytest.importorskip("tensorflow")
    at = open_page()
    at.button(key="padding.preset.keras1").click().run()
    at.number_input(key="padding.dh").set_value(2).run()  # current config joins the table
    tbl = keras_rows(at)
    assert len(tbl) == 5 and (tbl["Keras"] == "—").all()
    at.button(key="padding.keras_check").click().run(timeout=120)
    assert_ok(at)
    tbl = keras_rows(at)
    assert (tbl["Keras"] == tbl["formula"]).all(), tbl
    assert list(tbl["formula"][:4]) == ["8 × 8", "8 × 8", "4 × 4", "2 × 1"]
    assert any("same output shapes" in s for s in messages(at, "success"))


def test_layer_stack_seed_and_buttons():
    at = open_page()
    result = table(at, "receptive field").value
    assert list(result["output shape"]) == [f"{240 - 4 * i} × {240 - 4 * i}" for i in range(1, 11)]
    assert result["receptive field"].iloc[-1] == "41 × 41"
    assert any("**200 × 200**" in s for s in messages(at, "success"))
    at.button(key="padding.stack_clear").click().run()
    assert_ok(at)
    assert any("No layers" in s for s in messages(at, "info"))
    assert at.query_params["stack"] == ""
    at.button(key="padding.stack_seed").click().run()
    assert any("**200 × 200**" in s for s in messages(at, "success"))
    assert "stack" not in at.query_params
    at.button(key="padding.stack_same").click().run()
    assert any("**240 × 240**" in s for s in messages(at, "success"))
    assert at.query_params["stack"] == "10*5,1,same,1"


def test_layer_stack_edits_through_the_editor():
    at = open_page()
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {0: {"stride": 2}}, "added_rows": [{"kernel": 3, "stride": 1, "padding": "valid", "dilation": 1}],
                            "deleted_rows": [9]}
    at.run()
    assert_ok(at)
    result = table(at, "receptive field").value
    # 240 -(5, s2)-> 118, then eight 5x5 -> 86, then the new 3x3 -> 84
    assert len(result) == 10 and result["output shape"].iloc[0] == "118 × 118"
    assert result["output shape"].iloc[-1] == "84 × 84"
    assert at.query_params["stack"] == "5,2,valid,1;8*5,1,valid,1;3,1,valid,1"


def test_layer_stack_that_no_longer_fits_says_which_layer():
    at = open_page()
    at.number_input(key="padding.snh").set_value(30).run()
    assert_ok(at)
    errors = messages(at, "error")
    assert len(errors) == 1 and errors[0].startswith("Layer 8 does not fit") and "30 × 240" not in errors[0]
    assert "2 × 212" in errors[0]
    assert len(table(at, "receptive field").value) == 7
    assert shape(at) == (2, 2)  # the rest of the page keeps working


def test_bad_cell_in_the_editor_says_what_to_change():
    at = open_page()
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": {2: {"padding": "half"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert_ok(at)
    assert any(e.startswith("Layer 3: the padding `half` is not valid") for e in messages(at, "error"))
    assert shape(at) == (2, 2)
    at.session_state[key] = {"edited_rows": {}, "added_rows": [{"stride": 1}], "deleted_rows": []}
    at.run()
    assert_ok(at)
    assert any(e.startswith("Layer 11: the kernel is empty") for e in messages(at, "error"))


def test_kernel_larger_than_padded_input():
    at = open_page()
    at.number_input(key="padding.kh").set_value(9).run()
    assert_ok(at)
    errors = messages(at, "error")
    assert any("does not fit the padded input in height" in e and "only 5 rows" in e for e in errors)
    assert shape(at) is None and chart(at, "padding.output") is None
    assert _z(chart(at, "padding.grid")).shape == (5, 5)  # the grid is still drawn
    assert table(at, "receptive field") is not None


@pytest.mark.parametrize(
    "query, name",
    [({"sh": "0"}, "sh"), ({"nh": "100000"}, "nh"), ({"kh": "abc"}, "kh"), ({"mode": "half"}, "mode"),
     ({"stack": "5,1,valid"}, "stack"), ({"stack": "64*5,1,valid,1;5,1,valid,1"}, "stack"), ({"dw": "-3"}, "dw")],
)
def test_bad_link_values_warn_and_fall_back(query, name):
    at = open_page(query)
    warnings = messages(at, "warning")
    assert len(warnings) == 1 and f"“{name}”" in warnings[0] and "default" in warnings[0]
    assert shape(at) == (2, 2) and not messages(at, "error")


def test_absurd_but_allowed_size_is_not_drawn():
    at = open_page({"nh": "512", "nw": "512", "mode": "valid", "kh": "3", "kw": "3", "sh": "1", "sw": "1"})
    assert shape(at) == (510, 510)
    assert chart(at, "padding.grid") is None and chart(at, "padding.output") is None
    assert any("too large to draw" in s for s in messages(at, "info"))


def test_link_restores_the_state():
    query = {"tie": "1", "mode": "same", "nh": "8", "nw": "8", "kh": "3", "kw": "3", "sh": "2", "sw": "2",
             "dh": "2", "dw": "2", "stack": "2*3,2,same,1", "snh": "32", "snw": "32"}
    at = open_page(query)
    assert not [w for w in messages(at, "warning") if "link" in w]
    assert shape(at) == (4, 4)
    assert at.checkbox(key="padding.tie").value is True and at.radio(key="padding.mode").value == "same"
    assert r"p_h &= \max((\lceil 8/2 \rceil - 1)\cdot 2 + 5 - 8, 0) \\ &= 3 = 1 + 2" in " ".join(e.value for e in at.latex)
    assert list(table(at, "receptive field").value["output shape"]) == ["16 × 16", "8 × 8"]
    # the URL written back is the same state
    written = {k: v for k, v in query.items() if k != "sw"}  # sw=2 is the default: not written
    assert at.query_params == written


def test_stride_and_dilation_together_warn_about_tensorflow():
    at = open_page({"tie": "1", "mode": "same", "nh": "8", "nw": "8", "kh": "3", "kw": "3", "sh": "2", "sw": "2", "dh": "2", "dw": "2"})
    assert any("refuse a stride above 1 together with a dilation above 1" in w for w in messages(at, "warning"))


def test_chinese():
    at = open_page(lang="zh")
    assert at.title[0].value == "填充和步幅"
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    for term in ("填充", "步幅", "输出形状", "感受野"):
        assert term in text, term
    assert at.radio(key="padding.mode").label == "填充"
    assert at.number_input(key="padding.kh").label == "卷积核 k_h"
    assert "输入 3 × 3 → 输出形状 **2 × 2**" in [m.value for m in at.markdown]
    grid = chart(at, "padding.grid")
    assert {t.get("name") for t in grid["data"]} >= {"输入", "填充（零）", "窗口左上角"}
    at.number_input(key="padding.kh").set_value(9).run()
    assert any("放不进" in e for e in messages(at, "error"))
    assert at.query_params["lang"] == "zh"


def test_state_survives_a_visit_to_another_page():
    at = open_page()
    at.number_input(key="padding.nh").set_value(8).run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page("app_pages/padding_stride.py").run()
    assert_ok(at)
    assert shape(at) == (3, 2)
