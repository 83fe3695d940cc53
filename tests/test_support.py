"""convcore's supporting modules: URL state, text catalog, code generation,
the step-by-step figures (tested without Streamlit)."""
from __future__ import annotations

import string

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import convcore
from convcore import seed
from convlab import codegen
from convlab.fmt import window_sum
from convlab.figures.common import payload_bytes
from convlab.figures import stepper as stepper_figures
from convlab.figures.stepper import MAX_FRAMES, frame_steps, output_picker, reads_figure, walk_figure, walk_labels
from convlab.text import CATALOG, LANGS, t
from convlab.urlstate import Bool, CellError, Choice, Float, Int, Matrix, matrix_text, parse_cells, resize_cells, text_cells

from tests.plotly_util import array

# --- URL state ---------------------------------------------------------------


def test_params_parse_and_format_round_trip():
    assert Int(1, 1, 6).parse("3") == 3
    assert Float(0.03, 0, 1).format(0.03) == "0.03"
    assert Choice("same", ("valid", "same")).parse("valid") == "valid"
    assert Bool(False).parse("1") is True and Bool(False).format(True) == "1"
    m = Matrix("0,1;2,3")
    assert m.parse(" 0, 1 ; 2 ,3") == "0,1;2,3"


@pytest.mark.parametrize(
    "param, text, reason",
    [
        (Int(1, 1, 6), "0", "between 1 and 6"),
        (Int(1, 1, 6), "two", "not a whole number"),
        (Float(0.03, 0, 1), "nan", "between 0 and 1"),
        (Choice("same", ("valid", "same")), "half", "one of valid, same"),
        (Bool(False), "yes", "1 or 0"),
        (Matrix("0", max_rows=2), "1;2;3", "at most 2 rows"),
        (Matrix("0"), "1,x", "rows of equal length holding numbers"),
        (Matrix("0"), "1,2;3", "rows of equal length holding numbers"),
    ],
)
def test_bad_link_values_say_why(param, text, reason):
    with pytest.raises(ValueError, match=reason):
        param.parse(text)


def test_cells_to_numbers():
    np.testing.assert_array_equal(parse_cells([["1", " -2.5"], [3, "−4"]]), [[1, -2.5], [3, -4]])
    for cells, kind, where in [([["1", ""]], "blank", (1, 2)), ([["1"], [None]], "blank", (2, 1)),
                               ([["a"]], "not_a_number", (1, 1)), ([["inf"]], "not_finite", (1, 1)),
                               ([["1", "1e308"]], "too_large", (1, 2)), ([["-2e6"]], "too_large", (1, 1))]:
        with pytest.raises(CellError) as e:
            parse_cells(cells)
        assert (e.value.kind, (e.value.row, e.value.col)) == (kind, where)
    with pytest.raises(ValueError, match="empty"):
        parse_cells([])


@given(st.lists(st.lists(st.integers(-99, 99), min_size=3, max_size=3), min_size=1, max_size=5),
       st.integers(1, 7), st.integers(1, 7))
def test_matrix_text_round_trip_and_resize(rows, r, c):
    text = matrix_text(rows)
    np.testing.assert_array_equal(parse_cells(text_cells(text)), rows)
    resized = resize_cells(text_cells(text), r, c)
    assert len(resized) == r and all(len(row) == c for row in resized)
    keep = parse_cells(resized)[: min(r, len(rows)), : min(c, 3)]
    np.testing.assert_array_equal(keep, np.array(rows)[: min(r, len(rows)), : min(c, 3)])


# --- text catalog -----------------------------------------------------------


def _fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_string_in_both_languages_with_the_same_placeholders():
    for key, entry in CATALOG.items():
        assert set(entry) == set(LANGS), key
        assert all(entry[lang].strip() for lang in LANGS), key
        assert _fields(entry["en"]) == _fields(entry["zh"]), key


def test_chinese_uses_the_seeds_terms():
    zh = " ".join(e["zh"] for e in CATALOG.values())
    for term in ("互相关运算", "卷积核", "填充", "步幅"):
        assert term in zh
    assert t("page.stepper", "zh") == "互相关运算，一步一步"


# --- code generation ----------------------------------------------------------


def test_keras_layer_for_the_seeds_examples():
    assert codegen.keras_layer((3, 5), "valid", (3, 4)) == 'tf.keras.layers.Conv2D(1, (3, 5), strides=(3, 4), padding="valid")'
    assert codegen.keras_layer((3, 3), "same", 2) == 'tf.keras.layers.Conv2D(1, 3, strides=2, padding="same")'
    assert codegen.keras_layer((3, 3), (1, 1)) is None  # explicit padding: tf.nn.conv2d only


def test_generated_code_runs_and_matches(tmp_path):
    tf = pytest.importorskip("tensorflow")
    X, K = seed.CORR_X, seed.CORR_K
    for padding, stride, dilation, flip in [((1, 1), (3, 2), 1, False), ("same", 2, 1, True), ("full", 1, 2, False)]:
        ns = {"X": tf.constant(X), "K": tf.constant(K)}
        exec(codegen.tf_code(X.shape, K.shape, padding, stride, dilation, flip=flip), ns)
        ours = {"X": X, "K": K}
        exec(codegen.convcore_code(padding, stride, dilation, flip=flip), ours)
        np.testing.assert_allclose(ns["Y"].numpy(), ours["Y"])


# --- step-by-step figures ---------------------------------------------------------


def test_walk_figure_frames_follow_windows():
    X, K = seed.CORR_X, seed.CORR_K
    fig = walk_figure(X, K, 1, (3, 2), step=3).to_dict()
    ws = list(convcore.windows(X, K, padding=1, stride=(3, 2)))
    assert len(fig["frames"]) == len(ws) == 4
    for frame, w in zip(fig["frames"], ws):
        np.testing.assert_array_equal(frame["data"][0]["z"], w.products)
        assert frame["layout"]["title"]["text"].endswith(window_sum(w, K))
    assert fig["layout"]["sliders"][0]["active"] == 3
    np.testing.assert_array_equal(array(fig["data"][3]["z"]), [[0, 8], [6, 8]])
    # the first frame shown is the chosen step: its products are in the base figure
    np.testing.assert_array_equal(array(fig["data"][2]["z"]), ws[3].products)


def inside(x, y, xs, ys) -> bool:
    """Ray casting: is (x, y) inside the closed polygon xs, ys?"""
    hit = False
    for (x0, y0), (x1, y1) in zip(zip(xs, ys), zip(xs[1:], ys[1:])):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def test_walk_cover_hides_exactly_the_cells_not_computed_yet():
    fig = walk_figure(np.arange(12.0).reshape(3, 4), [[1.0]]).to_dict()
    H, W = 3, 4
    for n, frame in enumerate(fig["frames"]):
        xs, ys = frame["data"][4]["x"], frame["data"][4]["y"]
        if n == H * W - 1:
            assert xs == [] and ys == []
            continue
        covered = {(i, j) for i in range(H) for j in range(W) if inside(j, i, xs, ys)}
        assert covered == {(i, j) for i in range(H) for j in range(W) if i * W + j > n}


def test_big_walks_stay_playable_around_the_chosen_cell():
    # more than MAX_FRAMES windows: frames (play button and slider) for the steps around the chosen cell
    rng = np.random.default_rng(0)
    X = rng.random((12, 12))
    for K, step in [(np.ones((1, 1)), 0), (np.ones((1, 1)), 300), (np.ones((2, 2)), 168)]:
        fig = walk_figure(X, K, 5, step=step).to_dict()
        total = len(list(convcore.windows(X, K, padding=5)))
        assert total > MAX_FRAMES
        names = [int(f["name"]) for f in fig["frames"]]
        assert names == list(frame_steps(total, step)) and len(names) == MAX_FRAMES
        assert fig["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"  # ▶ is there
        slider = fig["layout"]["sliders"][0]
        assert len(slider["steps"]) == MAX_FRAMES and slider["steps"][slider["active"]]["args"][0] == [str(step)]
    # the largest walks the page allows stay under the payload budget
    for K in [np.ones((1, 1)), rng.random((7, 7)), rng.random((3, 3))]:
        assert payload_bytes(walk_figure(X, K, 5, step=200)) < 1_000_000
    largest_whole = walk_figure(rng.random((12, 12)), np.ones((3, 3)), 1)  # 144 steps: every one a frame
    assert len(largest_whole.to_dict()["frames"]) == 144


@given(st.integers(1, 600), st.data())
def test_frame_steps_hold_the_step_and_at_most_max_frames(total, data):
    step = data.draw(st.integers(0, total - 1))
    steps = frame_steps(total, step)
    assert step in steps and 0 <= steps.start and steps.stop <= total
    assert len(steps) == min(total, MAX_FRAMES)


def test_walk_axes_span_exactly_their_grids():
    # a 1x2 kernel drawn on rows -0.5..0.5 (not -3..3): explicit ranges, and the domain gives way
    X, K = seed.edge_image(), seed.EDGE_K
    layout = walk_figure(X, K).to_dict()["layout"]
    grids = {"": X.shape, "2": K.shape, "3": K.shape, "4": (6, 7)}
    for sfx, (rows, cols) in grids.items():
        x, y = layout[f"xaxis{sfx}"], layout[f"yaxis{sfx}"]
        assert list(x["range"]) == [-0.5, cols - 0.5] and list(y["range"]) == [rows - 0.5, -0.5]
        assert x["constrain"] == y["constrain"] == "domain"  # never the range
        assert y["scaleanchor"] == f"x{sfx}"


def _colour_position(trace, value):
    return (value - trace["zmin"]) / (trace["zmax"] - trace["zmin"])


def test_single_cell_panels_keep_their_colours_apart():
    # 1x1 input, kernel and products with different values: a panel scaled on its own single value
    # would be the darkest colour whatever the value
    fig = walk_figure([[2.0]], [[3.0]]).to_dict()
    traces = fig["data"][:3]
    values = [2.0, 3.0, 6.0]
    positions = [_colour_position(tr, v) for tr, v in zip(traces, values)]
    assert all(tr["zmin"] == -tr["zmax"] and tr["zmax"] > 0 for tr in traces)  # symmetric ranges
    assert len({round(p, 6) for p in positions}) == 3
    # kernels of one cell on the same input get different colours too
    kernel_positions = {round(_colour_position(walk_figure(seed.CORR_X, [[k]]).to_dict()["data"][1], k), 6)
                        for k in (1.0, 2.0, -1.0)}
    assert len(kernel_positions) == 3
    # a panel with several values keeps its own range
    assert walk_figure(seed.CORR_X, seed.CORR_K).to_dict()["data"][1]["zmax"] == 3


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("X, K, padding", [
    (seed.CORR_X, seed.CORR_K, 0), (seed.edge_image(), seed.EDGE_K, 0), (np.ones((12, 12)), np.ones((1, 1)), 5),
    (np.ones((12, 12)), np.ones((7, 7)), 0), (np.ones((1, 1)), np.ones((1, 1)), 0),
])
def test_walk_titles_fit_their_panels_at_a_phones_width(lang, X, K, padding):
    layout = walk_figure(X, K, padding, labels=walk_labels(lang)).to_dict()["layout"]
    domains = [layout[f"xaxis{sfx}"]["domain"] for sfx in ("", "2", "3", "4")]
    assert all(0 <= d[0] < d[1] <= 1 for d in domains)
    assert not any(_overlap(a, b) for n, a in enumerate(domains) for b in domains[n + 1:])
    for note, (x0, x1) in zip(layout["annotations"], domains):
        widest = max(stepper_figures.text_px(line, stepper_figures.TITLE_FONT) for line in note["text"].split("<br>"))
        assert widest <= (x1 - x0) * stepper_figures.PHONE_PX, note["text"]  # inside its own panel


def test_play_buttons_sit_above_the_slider_and_its_label():
    layout = walk_figure(seed.CORR_X, seed.CORR_K).to_dict()["layout"]
    plot_h = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    menu, slider = layout["updatemenus"][0], layout["sliders"][0]
    assert menu["yanchor"] == slider["yanchor"] == "top"
    button_px = 30  # a plotly button's height
    assert -menu["y"] * plot_h + button_px <= -slider["y"] * plot_h  # their own row, over the slider
    assert slider["x"] == 0 and slider["len"] == 1


def test_step_label_reads_naturally_in_both_languages():
    for lang, first in [("en", "step 1/4"), ("zh", "第 1/4 步")]:
        fig = walk_figure(seed.CORR_X, seed.CORR_K, labels=walk_labels(lang)).to_dict()
        assert fig["layout"]["title"]["text"].startswith(first + "<br>")
        assert fig["frames"][2]["layout"]["title"]["text"].startswith(first.replace("1/4", "3/4"))
    assert walk_labels("zh")["slider"] != walk_labels("en")["slider"]


@pytest.mark.parametrize("H, W, numbers", [(1, 1, True), (2, 2, True), (6, 7, True), (13, 13, False),
                                            (14, 14, False), (22, 22, False), (1, 22, False), (22, 1, False)])
def test_output_picker_is_readable_at_every_size(H, W, numbers):
    Y = np.arange(H * W, dtype=float).reshape(H, W) * 7
    fig = output_picker(Y, cell=(H - 1, W - 1)).to_dict()
    layout, heat = fig["layout"], fig["data"][0]
    assert list(layout["xaxis"]["range"]) == [-0.5, W - 0.5] and list(layout["yaxis"]["range"]) == [H - 0.5, -0.5]
    assert layout["xaxis"]["constrain"] == layout["yaxis"]["constrain"] == "domain"
    cell_px = min(stepper_figures.PICK_PX / W, layout["height"] / H)
    if heat.get("texttemplate"):  # numbers only where they fit
        assert cell_px >= 16 and 7 * max(len(f"{v:g}") for v in Y.ravel()) <= cell_px
    assert "size" not in heat.get("textfont", {})  # plotly fits the font to the cells
    assert (heat.get("texttemplate") is not None) == numbers


def test_picker_and_reads_figures():
    X, K = seed.CORR_X, seed.CORR_K
    pick = output_picker(convcore.corr2d(X, K), cell=(1, 1)).to_dict()
    scatter = pick["data"][1]
    assert list(array(scatter["x"])) == [0, 1, 0, 1] and list(array(scatter["y"])) == [0, 0, 1, 1]
    assert pick["layout"]["clickmode"] == "event+select"
    reads = reads_figure(X, K, cell=(1, 1)).to_dict()
    np.testing.assert_array_equal(array(reads["data"][0]["z"]), [[0, 0, 0], [0, 1, 1], [0, 1, 1]])


def test_english_strings_have_no_chinese():
    import re

    mixed = [k for k, e in CATALOG.items() if re.search(r"[\u4e00-\u9fff]", e["en"]) and k != "app.title"]
    assert mixed == []


def test_chinese_bold_markers_close_before_punctuation():
    # "**卷积：**移动" is not bold in Markdown: a closing ** after punctuation and
    # before a CJK letter does not close. Keep the punctuation outside the markers.
    import re

    def bad_closings(text):
        marks = [m.start() for m in re.finditer(r"\*\*", text)]
        return [p for p in marks[1::2] if p > 0 and text[p - 1] in "：，。；！？、" and p + 2 < len(text)
                and re.match(r"[\u4e00-\u9fff]", text[p + 2])]

    assert [k for k, e in CATALOG.items() if bad_closings(e["zh"])] == []
