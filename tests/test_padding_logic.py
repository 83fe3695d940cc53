"""convlab.padding's page logic without Streamlit: the page's parameters, the
canonical form of its widget values, the Keras check of the chapter's four
examples, and the messages and tables of the layer stack. Oracles: the
chapter's own numbers (convcore.seed), TensorFlow's documented 'same' rule,
a dilated window slid over a zero-padded numpy array, stub Keras answers, and
Keras itself when TensorFlow is installed."""
from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convcore import seed
from convlab import padding as cs
from convlab.text import CATALOG
from convlab.urlstate import Bool, Choice, Int

WIDTH_OF = {"nw": "nh", "kw": "kh", "sw": "sh", "dw": "dh", "pb": "pt", "pl": "pt", "pr": "pt"}

page_values = st.fixed_dictionaries({
    "tie": st.booleans(),
    "mode": st.sampled_from(cs.MODES),
    **{f"n{a}": st.integers(1, 12) for a in "hw"},
    **{f"k{a}": st.integers(1, 6) for a in "hw"},
    **{f"s{a}": st.integers(1, 4) for a in "hw"},
    **{f"d{a}": st.integers(1, 3) for a in "hw"},
    **{f"p{side}": st.integers(0, 4) for side in "tblr"},
})


# ---------------------------------------------------------------- oracles

def tf_same(n: int, k: int, s: int, d: int) -> tuple[int, int]:
    """TensorFlow's 'same' padding of one axis, from its documented rule: output
    ceil(n / s); the smaller half of the total before, the rest after."""
    total = max((math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0)
    return total // 2, total - total // 2


def expected_pads(v: dict) -> tuple[tuple[int, int], tuple[int, int]]:
    """Each axis' padding for these (already tied) widget values, by definition."""
    axes = []
    for a, sides in (("h", ("pt", "pb")), ("w", ("pl", "pr"))):
        n, k, s, d = v[f"n{a}"], v[f"k{a}"], v[f"s{a}"], v[f"d{a}"]
        axes.append({"valid": (0, 0), "full": ((k - 1) * d, (k - 1) * d), "same": tf_same(n, k, s, d),
                     "explicit": (v[sides[0]], v[sides[1]])}[v["mode"]])
    return tuple(axes)


def slid_shape(input_shape, kernel_shape, pads, stride, dilation):
    """The output shape by sliding the dilated kernel's extent over a zero-padded
    array and keeping every stride-th window (None when no window fits)."""
    P = np.pad(np.zeros(input_shape), pads)
    extent = tuple((k - 1) * d + 1 for k, d in zip(kernel_shape, dilation))
    if extent[0] > P.shape[0] or extent[1] > P.shape[1]:
        return None
    view = np.lib.stride_tricks.sliding_window_view(P, extent)[:: stride[0], :: stride[1]]
    return view.shape[:2]


def follow_height(v: dict) -> dict:
    return {**v, **{w: v[h] for w, h in WIDTH_OF.items()}} if v["tie"] else dict(v)


# ------------------------------------------------------------ parameters

def test_params_are_declared_once_with_the_pages_bounds_and_the_seeds_stride_figure():
    P = cs.PARAMS
    assert set(P) == {"tie", "mode", "nh", "nw", "kh", "kw", "sh", "sw", "dh", "dw", "pt", "pb", "pl", "pr",
                      "snh", "snw", "stack"}
    assert isinstance(P["tie"], Bool) and isinstance(P["mode"], Choice) and P["mode"].choices == cs.MODES
    L = cs.LIMITS
    for name, (lo, hi) in {"n": (1, L["n"]), "k": (1, L["k"]), "s": (1, L["s"]), "d": (1, L["d"])}.items():
        for a in "hw":
            assert isinstance(P[name + a], Int) and (P[name + a].lo, P[name + a].hi) == (lo, hi)
    assert all((P[f"p{side}"].lo, P[f"p{side}"].hi) == (0, L["p"]) for side in "tblr")
    assert (P["snh"].default, P["snw"].default, P["snh"].hi) == (240, 240, L["stack_n"])
    # the page opens on the chapter's stride figure: 3x3 input, 2x2 kernel, padding 1, stride (3, 2)
    defaults = {name: p.default for name, p in P.items()}
    c = cs.config(defaults)
    assert c.args == (seed.CORR_X.shape, seed.CORR_K.shape, seed.STRIDE_PADDING, seed.STRIDE, (1, 1))
    assert c.out_shape == (2, 2) and defaults["stack"] == cs.SEED_STACK
    # a URL value round-trips through its declaration
    for name, p in P.items():
        assert p.parse(p.format(p.default)) == p.default


def test_axis_controls_name_declared_parameters_and_existing_texts():
    for tie in (True, False):
        for mode in cs.MODES:
            columns = cs.axis_controls(tie, mode)
            names = [name for _, controls in columns for name, _, _ in controls]
            assert len(columns) == (1 if tie else 2) and len(set(names)) == len(names)
            assert set(names) <= set(cs.PARAMS)
            pads = [n for n in names if n.startswith("p")]
            assert pads == ([] if mode != "explicit" else ["pt"] if tie else ["pt", "pb", "pl", "pr"])
            if tie:  # the height's controls are drawn; tied_width fills in every other one
                hidden = set(cs.tied_width({**{n: 0 for n in cs.PARAMS}, "tie": True}))
                every = {f"{q}{a}" for q in "nksd" for a in "hw"} | ({"pt", "pb", "pl", "pr"} if pads else set())
                assert hidden.isdisjoint(names) and every <= set(names) | hidden
            for heading, controls in columns:
                assert heading is None or f"padding.{heading}" in CATALOG
                for _, label, help_key in controls:
                    assert f"padding.{label}" in CATALOG and (help_key is None or f"padding.{help_key}" in CATALOG)


# ---------------------------------------------------- the canonical padding form

@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_explicit_padding_is_the_shortest_form_convcore_reads_back(top, bottom, left, right):
    from convcore import pad_amounts

    p = cs.padding_argument("explicit", top, bottom, left, right)
    wanted = ((top, bottom), (left, right))
    assert pad_amounts((9, 9), (1, 1), p) == wanted
    shortest = next(c for c in (top, (top, left), wanted) if pad_amounts((9, 9), (1, 1), c) == wanted)
    assert p == shortest and type(p) is type(shortest)


@given(st.sampled_from(("valid", "same", "full")), st.integers(0, 5), st.integers(0, 5))
def test_named_padding_ignores_the_sides(mode, top, right):
    assert cs.padding_argument(mode, top, 0, 0, right) == mode


@given(page_values)
def test_config_against_padding_by_definition_and_a_slid_window(v):
    c = cs.config(v)
    w = follow_height(v)
    pads = expected_pads(w)
    assert c.input_shape == (w["nh"], w["nw"]) and c.kernel_shape == (w["kh"], w["kw"])
    assert c.stride == (w["sh"], w["sw"]) and c.dilation == (w["dh"], w["dw"]) and c.mode == w["mode"]
    assert ((c.h.before, c.h.after), (c.w.before, c.w.after)) == pads
    assert c.padded_shape == (w["nh"] + sum(pads[0]), w["nw"] + sum(pads[1]))
    shape = slid_shape(c.input_shape, c.kernel_shape, pads, c.stride, c.dilation)
    assert c.out_shape == shape and c.fits == (shape is not None)
    assert c.keras_takes == (shape is not None and w["mode"] in ("valid", "same"))
    assert c.tf_refuses == (shape is not None and max(c.stride) > 1 and max(c.dilation) > 1)


@given(page_values)
def test_tie_makes_the_width_follow_the_height(v):
    tied = cs.tied_width(v)
    if v["tie"]:
        assert tied == {w: v[h] for w, h in WIDTH_OF.items()}
        c = cs.config(v)
        assert c.input_shape[0] == c.input_shape[1] and c.kernel_shape[0] == c.kernel_shape[1]
        if v["mode"] == "explicit":
            assert (c.h.before, c.h.after, c.w.before, c.w.after) == (v["pt"],) * 4
    else:
        assert tied == {}
    assert cs.config(v) == cs.config({**follow_height(v), "tie": False})


def test_tying_names_every_shown_width_value_it_overwrites():
    v = cs.PRESETS[-1].state()  # the stride figure: stride (3, 2), padding 1 on every side
    assert cs.tie_changes({**v, "tie": False}) == [] and cs.tie_notice({**v, "tie": False}) is None
    assert cs.tie_changes({**v, "tie": True}) == [("sw", 2, 3)]
    notice = cs.tie_notice({**v, "tie": True})
    assert "stride s_w 2 → 3" in notice and "height" in notice
    assert "步幅 s_w 2 → 3" in cs.tie_notice({**v, "tie": True}, "zh")
    # padding sides are named only where they are shown (explicit padding)
    assert cs.tie_changes({**v, "tie": True, "mode": "same", "pl": 0}) == [("sw", 2, 3)]
    assert cs.tie_changes({**v, "tie": True, "nw": 5, "pl": 0}) == [("nw", 5, 3), ("sw", 2, 3), ("pl", 0, 1)]
    assert "padding, left 0 → 1" in cs.tie_notice({**v, "tie": True, "pl": 0})


@given(page_values)
def test_tie_changes_are_what_tied_width_overwrites_among_the_shown_controls(v):
    tied = cs.tied_width(v)
    shown = {name for _, controls in cs.axis_controls(False, v["mode"]) for name, _, _ in controls}
    assert cs.tie_changes(v) == [(n, v[n], new) for n, new in tied.items() if v[n] != new and n in shown]
    assert (cs.tie_notice(v) is None) == (not cs.tie_changes(v))


def test_config_refuses_what_convcore_refuses():
    values = {name: p.default for name, p in cs.PARAMS.items()}
    with pytest.raises(ValueError):
        cs.config({**values, "sh": 0})
    with pytest.raises(ValueError):
        cs.config({**values, "pt": -1})


# --------------------------------------------------------- what the page shows

@given(page_values)
def test_misfits_name_the_axes_that_do_not_fit(v):
    c = cs.config(v)
    w = follow_height(v)
    pads = expected_pads(w)
    rows_fit = (w["kh"] - 1) * w["dh"] + 1 <= w["nh"] + sum(pads[0])
    cols_fit = (w["kw"] - 1) * w["dw"] + 1 <= w["nw"] + sum(pads[1])
    assert [axis for axis, _ in cs.misfits(c)] == [a for a, fit in (("rows", rows_fit), ("cols", cols_fit)) if not fit]
    for axis, numbers in cs.misfits(c):
        a, i = ("h", 0) if axis == "rows" else ("w", 1)
        assert numbers["k_eff"] > numbers["padded"] == numbers["n"] + numbers["p"] == c.padded_shape[i]
        assert (numbers["k"], numbers["d"], numbers["n"]) == (w[f"k{a}"], w[f"d{a}"], w[f"n{a}"])
        CATALOG[f"padding.no_fit_{axis}"]["en"].format(**numbers)


@given(page_values)
def test_formula_lines_notes_and_the_result_only_when_it_fits(v):
    c = cs.config(v)
    lines = cs.formula_lines(c, ("height", "width", "output"))
    assert len(lines) == (4 if c.fits else 3)  # the seed's formula, one block per axis, the result
    dilated = max(c.dilation) > 1
    assert ("k'_h" in lines[0]) == dilated and lines[0].count(r"\\") == 1  # one axis a line
    for block, ax, word in ((lines[1], c.h, "height"), (lines[2], c.w, "width")):
        # one step a row, so that a phone's width holds each row
        rows = block.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}").split(r" \\ ")
        assert len(rows) == (5 if dilated else 4) and all(row.count("=") <= 2 for row in rows)
        assert rows[-3].startswith(rf"\text{{{word}}} &= ")
        assert rf"\frac{{{ax.n} - {ax.k_eff} + {ax.p} + {ax.s}}}{{{ax.s}}}" in rows[-2]
        assert rows[-1].endswith(f" = {(ax.n - ax.k_eff + ax.p + ax.s) // ax.s}")
    if c.fits:
        assert lines[-1] == rf"\text{{output}} = {c.out_shape[0]} \times {c.out_shape[1]}"
    assert cs.formula_notes(c) == ["formula_note"] + (["dilation_note"] if max(c.dilation) > 1 else [])


def _outside_environments(latex: str) -> str:
    return re.sub(r"\\begin\{(\w+)\}.*?\\end\{\1\}", "", latex, flags=re.S)


@given(page_values, st.sampled_from(["en", "zh"]))
def test_latex_is_what_katex_takes_without_a_warning(v, lang):
    """KaTeX warns (strict mode) about a line break outside an environment in display
    mode and about non-ASCII characters in math mode: neither may appear."""
    c = cs.config(v)
    words = tuple(CATALOG[f"padding.word_{w}"][lang] for w in ("h", "w", "out"))
    lines = cs.formula_lines(c, words) + ([cs.same_latex(c)] if c.mode == "same" else [])
    for line in lines:
        assert "\\\\" not in _outside_environments(line), line
        math = re.sub(r"\\text\{[^{}]*\}", "", line)
        assert math.isascii(), line


def test_same_latex_is_tensorflows_split_per_axis():
    c = cs.config(dict(cs.PRESETS[1].state()))  # kernel (5, 3), same: 2 + 2 rows, 1 + 1 columns
    text = cs.same_latex(c)
    assert text.startswith(r"\small\begin{aligned}") and text.endswith(r"\end{aligned}")
    assert text.count(r"\\") == 3  # two rows per axis
    assert r"&= 4 = 2 + 2 \\[4pt] p_w &= " in text and text.endswith(r"&= 2 = 1 + 1\end{aligned}")


def _corr(X, K, pads, stride):
    P = np.pad(X, pads)
    kh, kw = K.shape
    return [[float((P[i:i + kh, j:j + kw] * K).sum()) for j in range(0, P.shape[1] - kw + 1, stride[1])]
            for i in range(0, P.shape[0] - kh + 1, stride[0])]


@given(page_values)
def test_seed_lines_only_for_the_chapters_shapes_with_its_numbers(v):
    v = {**v, "nh": 3, "nw": 3, "kh": 2, "kw": 2}
    c = cs.config(v)
    lines = cs.seed_lines(c)
    if not (c.fits and c.dilation == (1, 1)):
        assert lines == []
    else:
        Y = _corr(seed.CORR_X, seed.CORR_K, expected_pads(follow_height(v)), c.stride)
        assert [line.split(" = ")[0] for line in lines] == [f"Y[{i}, {j}]" for i in range(len(Y)) for j in range(len(Y[0]))]
        assert [float(line.rsplit("= ", 1)[1]) for line in lines] == [y for row in Y for y in row]


def test_seed_lines_of_the_stride_figure_are_the_chapters():
    lines = cs.seed_lines(cs.config(cs.PRESETS[-1].state()))
    assert "Y[0, 1] = 0×0 + 0×1 + 1×2 + 2×3 = 8" in lines and "Y[1, 0] = 0×0 + 6×1 + 0×2 + 0×3 = 6" in lines
    assert cs.seed_lines(cs.config({**cs.PRESETS[-1].state(), "nh": 4})) == []


# -------------------------------------------------------- the Keras check

def test_keras_cases_are_the_chapters_four_examples():
    assert [(c.args[1], c.args[2], c.args[3], c.expected) for c in cs.KERAS_CASES] == seed.KERAS_EXAMPLES
    assert all(c.args[0] == (8, 8) for c in cs.KERAS_CASES)
    for c in cs.KERAS_CASES:
        (kh, kw), mode, (sh, sw) = c.args[1], c.args[2], c.args[3]
        pads = tuple({"same": tf_same(8, k, s, 1), "valid": (0, 0)}[mode] for k, s in ((kh, sh), (kw, sw)))
        assert c.formula == c.expected == slid_shape((8, 8), (kh, kw), pads, (sh, sw), (1, 1))
    assert [c.layer for c in cs.KERAS_CASES] == [
        'tf.keras.layers.Conv2D(1, 3, padding="same")',
        'tf.keras.layers.Conv2D(1, (5, 3), padding="same")',
        'tf.keras.layers.Conv2D(1, 3, strides=2, padding="same")',
        'tf.keras.layers.Conv2D(1, (3, 5), strides=(3, 4), padding="valid")',
    ]


def settings(args) -> tuple:
    """A Keras case's settings with every pair written out (stride 1 and (1, 1) are the same settings)."""
    n, k, padding, s, d = args
    def two(v):
        return (v, v) if isinstance(v, int) else tuple(v)
    return (two(n), two(k), padding, two(s), two(d))


@given(page_values)
def test_the_users_row_joins_whenever_keras_takes_it_and_no_row_is_listed_twice(v):
    c = cs.config(v)
    cases = cs.keras_cases(c)
    assert [(k.args, k.expected) for k in cases[:4]] == [(k.args, k.expected) for k in cs.KERAS_CASES]
    assert len({settings(k.args) for k in cases}) == len(cases)  # each setting once
    mine = [k for k in cases if k.yours]
    if c.fits and c.mode in ("valid", "same"):
        assert len(mine) == 1 and settings(mine[0].args) == settings(c.args) and mine[0].formula == c.out_shape
        chapter = settings(c.args) in {settings(k.args) for k in cs.KERAS_CASES}
        assert len(cases) == (4 if chapter else 5) and (mine[0].expected is not None) == chapter
    else:
        assert mine == [] and len(cases) == 4


@pytest.mark.parametrize("index", range(4))
def test_a_chapter_example_chosen_by_the_user_is_listed_once_as_the_users(index):
    preset = [p for p in cs.PRESETS if p.keras][index]
    cases = cs.keras_cases(cs.config(preset.state()))  # dilation (1, 1) on the page, 1 in the chapter's rows
    assert len(cases) == 4 and [k.yours for k in cases] == [i == index for i in range(4)]
    rows = cs.keras_table(cases, {})
    layer = cs.KERAS_CASES[index].layer.removeprefix("tf.keras.layers.")
    assert rows[index]["layer"] == "your settings, input 8 × 8: " + layer
    assert rows[index]["chapter"] == cs.cell_shape(preset.expected)
    assert all(not r["layer"].startswith("your") for i, r in enumerate(rows) if i != index)


def test_keras_case_args_are_written_one_way():
    case = cs.KerasCase(([8, 8], (3, 3), "same", 2, 1))
    assert case.args == ((8, 8), (3, 3), "same", (2, 2), (1, 1))
    assert case == cs.KerasCase(((8, 8), (3, 3), "same", (2, 2), (1, 1)))
    assert all(settings(k.args) == k.args for k in cs.KERAS_CASES)


def _stub_keras(input_shape, kernel_shape, padding, stride, dilation):
    """Keras as the test describes it: the slid window's shape, refusing stride and dilation together."""
    stride, dilation = [(v, v) if isinstance(v, int) else v for v in (stride, dilation)]
    if max(stride) > 1 and max(dilation) > 1:
        raise ValueError("`strides > 1` not supported in conjunction with `dilation_rate > 1`.\nsecond line")
    pads = tuple({"same": tf_same(n, k, s, d), "valid": (0, 0)}[padding]
                 for n, k, s, d in zip(input_shape, kernel_shape, stride, dilation))
    return slid_shape(input_shape, kernel_shape, pads, stride, dilation)


def test_check_keras_records_shapes_and_refusals():
    user = cs.KerasCase(((8, 8), (3, 3), "same", (2, 2), (2, 2)))
    results = {}
    assert cs.check_keras([*cs.KERAS_CASES, user], results, check=_stub_keras) is None
    assert [results[c.args] for c in cs.KERAS_CASES] == [(8, 8), (8, 8), (4, 4), (2, 1)]
    assert results[user.args] == "ValueError: `strides > 1` not supported in conjunction with `dilation_rate > 1`."
    assert cs.keras_verdict([*cs.KERAS_CASES, user], results) is True  # a refusal is no disagreement
    assert cs.keras_cell(results[user.args]) == "refused (see below)" and cs.keras_cell(results[user.args], "zh") == "拒绝（见下方）"
    assert cs.keras_refusals([*cs.KERAS_CASES, user], results) == [
        "Keras refuses " + user.layer + ": ValueError: `strides > 1` not supported in conjunction with `dilation_rate > 1`."]

    def silent(*args):
        raise RuntimeError()

    results = {}
    cs.check_keras(cs.KERAS_CASES[:1], results, check=silent)
    assert results == {cs.KERAS_CASES[0].args: "RuntimeError: "}


def test_check_keras_stops_when_tensorflow_is_missing():
    calls = []

    def missing(*args):
        calls.append(args)
        if len(calls) == 2:
            raise ImportError("No module named 'tensorflow'")
        return (8, 8)

    results = {}
    assert cs.check_keras(cs.KERAS_CASES, results, check=missing) == "No module named 'tensorflow'"
    assert len(calls) == 2 and results == {cs.KERAS_CASES[0].args: (8, 8)}


def test_check_keras_uses_tfcheck_by_default(monkeypatch):
    monkeypatch.setattr(cs, "keras_output_shape", lambda *args: (1, 1))
    results = {}
    cs.check_keras(cs.KERAS_CASES[:1], results)
    assert results == {cs.KERAS_CASES[0].args: (1, 1)}


def test_keras_verdict():
    cases = list(cs.KERAS_CASES)
    assert cs.keras_verdict(cases, {}) is None
    assert cs.keras_verdict(cases, {cases[0].args: "ValueError: no"}) is None
    assert cs.keras_verdict(cases, {c.args: c.expected for c in cases}) is True
    assert cs.keras_verdict(cases, {cases[0].args: (8, 8), cases[3].args: (1, 2)}) is False


def test_the_verdict_speaks_only_of_rows_keras_answered_for_exactly_their_settings():
    chapter = list(cs.KERAS_CASES)
    assert cs.keras_message(chapter, {}) is None  # nothing checked: no verdict
    results = {}
    cs.check_keras(chapter, results, check=_stub_keras)
    assert cs.keras_message(chapter, results) == ("success", CATALOG["padding.keras_agree"]["en"])
    # the learner changes the settings after the check: a new row Keras has not answered
    cases = cs.keras_cases(cs.config({**cs.PRESETS[0].state(), "nh": 9}))
    assert len(cases) == 5 and cases[4].yours and cs.keras_pending(cases, results) == [cases[4]]
    kind, text = cs.keras_message(cases, results)
    assert kind == "info" and "your settings are not checked yet" in text and "Check with Keras" in text
    assert "当前设置" in cs.keras_message(cases, results, "zh")[1]
    cs.check_keras(cases, results, check=_stub_keras)
    assert cs.keras_pending(cases, results) == []
    assert cs.keras_message(cases, results) == ("success", CATALOG["padding.keras_agree"]["en"])
    # a disagreement stays an error while another row waits
    wrong = {**results, chapter[3].args: (1, 2)}
    assert cs.keras_message(cs.keras_cases(cs.config({**cs.PRESETS[0].state(), "nh": 10})), wrong)[0] == "error"
    # chapter rows left unchecked (TensorFlow went missing): counted, not called agreement
    kind, text = cs.keras_message(chapter, {chapter[0].args: (8, 8)})
    assert kind == "info" and "3 of the 4 rows" in text


def test_keras_table_rows_in_both_languages():
    user = cs.KerasCase(((9, 8), (3, 3), "same", (1, 1), (2, 2)), yours=True)
    cases = [*cs.KERAS_CASES, user]
    rows = cs.keras_table(cases, {cases[2].args: (4, 4), user.args: "ValueError: no"}, "en")
    assert list(rows[0]) == ["layer", "chapter", "formula", "Keras"]  # four narrow columns: a phone shows them all
    def nb(shapes):  # a shape in a table cell never breaks across lines
        return [v.replace(" ", "\u00a0") for v in shapes]

    assert [r["chapter"] for r in rows] == nb(["8 × 8", "8 × 8", "4 × 4", "2 × 1", ""])
    assert [r["formula"] for r in rows] == nb(["8 × 8", "8 × 8", "4 × 4", "2 × 1", "9 × 8"])
    assert [r["Keras"] for r in rows] == nb(["—", "—", "4 × 4", "—"]) + ["refused (see below)"]
    assert [r["layer"] for r in rows[:4]] == [c.layer.removeprefix("tf.keras.layers.") for c in cs.KERAS_CASES]
    assert rows[4]["layer"] == 'your settings, input 9 × 8: Conv2D(1, 3, dilation_rate=2, padding="same")'
    zh = cs.keras_table(cases, {}, "zh")
    # Chinese headers of two characters would break between them in a narrow column: a word joiner keeps them whole
    assert list(zh[0]) == ["层", "书\u2060中", "公\u2060式", "Keras"] and zh[4]["层"].startswith("当前设置，输入 9 × 8：Conv2D(")


@pytest.mark.filterwarnings("ignore")
def test_keras_itself_agrees_with_the_chapter():
    pytest.importorskip("tensorflow")
    user = cs.KerasCase(((8, 8), (3, 3), "same", (2, 2), (2, 2)))
    results = {}
    assert cs.check_keras([*cs.KERAS_CASES, user], results) is None
    assert [results[c.args] for c in cs.KERAS_CASES] == [expected for *_, expected in seed.KERAS_EXAMPLES]
    assert results[user.args].startswith("ValueError: ")  # Keras refuses stride and dilation together
    assert cs.keras_verdict([*cs.KERAS_CASES, user], results) is True


# -------------------------------------------------------------- layer stack

def test_stack_buttons_set_the_chapters_stacks_or_clear_keeping_the_size():
    buttons = cs.stack_buttons((30, 40))
    assert list(buttons) == ["stack_seed", "stack_same", "stack_clear"]
    assert all(f"padding.{name}" in CATALOG for name in buttons)
    assert buttons["stack_seed"] == {"stack": cs.SEED_STACK, "snh": 240, "snw": 240}
    assert cs.parse_stack(buttons["stack_same"]["stack"]) == [cs.Layer(5, 1, "same")] * 10
    assert buttons["stack_clear"] == {"stack": "", "snh": 30, "snw": 40}
    for values in buttons.values():
        assert all(cs.PARAMS[name].parse(cs.PARAMS[name].format(v)) == v for name, v in values.items())


def test_stack_frame_and_editor_height():
    layers = cs.parse_stack("2*3,1,same,1;5,2,1,2")
    df = cs.stack_frame(layers)
    assert list(df.columns) == list(cs.STACK_COLUMNS)
    assert [str(t) for t in df.dtypes] == ["string"] * 4  # what was typed reaches the page (see below)
    assert cs.layers_from_rows(df.to_dict("records")) == layers  # what the editor returns untouched
    assert cs.stack_frame([]).shape == (0, 4)
    # the rows and the add-a-row line, at most 21 lines, plus the header: 35 px each
    for n in (0, 1, 10, 19, 20, 21, 64):
        assert cs.editor_height(n) == 35 * (min(n + 1, 21) + 1) + 3


def test_layer_ranges_bound_what_the_table_accepts():
    for column, (lo, hi) in cs.LAYER_RANGES.items():
        row = {"kernel": 3, "stride": 1, "padding": "valid", "dilation": 1}
        assert cs.layers_from_rows([{**row, column: hi}])[0].as_dict()[column] == hi
        for bad in (lo - 1, hi + 1):
            with pytest.raises(cs.LayerError):
                cs.layers_from_rows([{**row, column: bad}])
    assert cs.Layer().as_dict() == {"kernel": 3, "stride": 1, "padding": "valid", "dilation": 1}


def test_layer_columns_take_their_bounds_and_defaults_from_the_layer_table():
    columns = cs.layer_columns()
    assert tuple(columns) == cs.STACK_COLUMNS
    for name, (kind, options) in columns.items():
        assert options["default"] == str(cs.Layer().as_dict()[name]) and options["label"] == name
        assert kind == "TextColumn"  # a number column's editor turned 1e6 into 16 and 1,5 into 15, unseen
        if name == "padding":
            assert options["help"].startswith("valid, same")
        else:
            assert options["help"] == "a whole number from {} to {}".format(*cs.LAYER_RANGES[name])
    assert [options["label"] for _, options in cs.layer_columns("zh").values()] == ["卷积核", "步幅", "填充", "膨胀"]


def test_stack_error_text_says_what_to_change():
    with pytest.raises(cs.LayerError) as e:
        cs.layers_from_rows([{"kernel": 3, "stride": 1, "padding": "half", "dilation": 1}])
    assert cs.stack_error_text(e.value) == (
        "Layer 1: the padding `half` is not valid; use valid, same, full or a whole number from 0 to 256.")
    assert cs.stack_error_text(e.value, "zh").startswith("第 1 层：填充 `half` 无效")
    with pytest.raises(cs.LayerError) as e:
        cs.layers_from_rows([{"kernel": None, "stride": 1, "padding": "valid", "dilation": 1}])
    assert cs.stack_error_text(e.value) == "Layer 1: the kernel is empty; type a whole number from 1 to 64."
    with pytest.raises(ValueError) as e:
        cs.layers_from_rows([cs.Layer().as_dict()] * (cs.LIMITS["layers"] + 1))
    assert cs.stack_error_text(e.value) == "A stack may have at most 64 layers; delete some rows."


@pytest.mark.parametrize("typed, kind, shown", [
    ("1e6", "range", "Layer 1: the kernel `1e6` is out of range; use a whole number from 1 to 64."),
    ("1,5", "not_int", "Layer 1: the kernel `1,5` is not a whole number; type one from 1 to 64."),
    ("2.5", "not_int", "Layer 1: the kernel `2.5` is not a whole number; type one from 1 to 64."),
    ("[x](https://e.com)", "not_int", "Layer 1: the kernel `[x](https://e.com)` is not a whole number; type one "
                                      "from 1 to 64."),
])
def test_the_layer_table_says_what_is_wrong_with_what_was_typed(typed, kind, shown):
    # the editor's cells are text: 1e6 and 1,5 reach the page as typed (a number column made them 16 and 15)
    with pytest.raises(cs.LayerError) as e:
        cs.layers_from_rows([{**cs.stack_frame([cs.Layer()]).iloc[0].to_dict(), "kernel": typed}])
    assert e.value.kind == kind and cs.stack_error_text(e.value) == shown
    assert cs.layers_from_rows([{"kernel": "5", "stride": " 2 ", "padding": "same", "dilation": "1e0"}]) == [
        cs.Layer(5, 2, "same", 1)]


def test_stack_table_summary_and_failure():
    layers = [cs.Layer(5, 2), cs.Layer(3, 1, "same", 2), cs.Layer(3)] + [cs.Layer(9)]
    result = cs.run_stack((20, 24), layers)
    rows = cs.stack_table(result, layers)
    # 20x24 -(5, s2)-> 8x10 -(3 dilated 2, same)-> 8x10 -(3)-> 6x8; the 9x9 does not fit
    assert [r["output shape"] for r in rows] == ["8 × 10", "8 × 10", "6 × 8"]
    assert list(rows[0]) == ["layer", "zeros added", "output shape", "receptive field"]  # fits a phone
    assert [r["zeros added"] for r in rows] == ["0+0, 0+0", "2+2, 2+2", "0+0, 0+0"]
    # receptive fields by hand: 5; 5 + (3-1)*2*2 = 13; 13 + (3-1)*2 = 17
    assert [r["receptive field"] for r in rows] == ["5 × 5", "13 × 13", "17 × 17"]
    assert [r["layer"] for r in rows] == [1, 2, 3]
    assert cs.stack_summary((20, 24), result) == (
        "After 3 layers, the 20 × 24 input becomes **6 × 8**; each output cell sees a **17 × 17** patch of the "
        "input (its receptive field).")
    assert cs.stack_failure_text(result.failure).startswith("Layer 4 does not fit: its input is 6 × 8 (6 × 8 after")
    assert "感受野" in cs.stack_summary((20, 24), result, "zh")
    empty = cs.run_stack((5, 5), [])
    assert cs.stack_table(empty, []) == [] and cs.stack_summary((5, 5), empty) is None


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 3), st.sampled_from(["valid", "same", "full", 0, 1, 2]),
                          st.integers(1, 2)), max_size=6), st.integers(1, 40), st.integers(1, 40))
def test_stack_table_rows_follow_the_slid_window(specs, nh, nw):
    assume(specs)  # an empty stack has no rows to check (see test_stack_table_summary_and_failure)
    layers = [cs.Layer(*spec) for spec in specs]
    result = cs.run_stack((nh, nw), layers)
    rows = cs.stack_table(result, layers)
    shape = (nh, nw)
    for row, lyr in zip(rows, layers):
        k, s, d = lyr.kernel, lyr.stride, lyr.dilation
        if lyr.padding == "same":
            pads = (tf_same(shape[0], k, s, d), tf_same(shape[1], k, s, d))
        elif lyr.padding == "full":
            pads = (((k - 1) * d,) * 2,) * 2
        else:
            pads = ((int(lyr.padding),) * 2,) * 2 if lyr.padding != "valid" else ((0, 0), (0, 0))
        shape = slid_shape(shape, (k, k), pads, (s, s), (d, d))
        assert shape is not None and row["output shape"] == cs.shape_text(shape)
    assert len(rows) == len(result.shapes) and (result.failure is None) == (len(rows) == len(layers))
