"""The groups page's logic without Streamlit: legal groups, counts against an
independent formula and against Keras, the worked example against a naive
loop, the diagram's lines and clicks, the formula, the CSV and the code."""
from __future__ import annotations

import contextlib
import io
import re

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

import convcore
from convlab import groups as G
from convlab.figures import groups as figs
from tests.test_translation import english_words

channels = st.integers(1, G.MAX_CHANNELS)


@st.composite
def configs(draw):
    """A legal page configuration: channels, kernel, groups, image."""
    cin, cout = draw(channels), draw(channels)
    g = draw(st.sampled_from(G.legal_groups(cin, cout)))
    return cin, cout, draw(st.integers(1, G.MAX_K)), g, draw(st.integers(1, 64)), draw(st.integers(1, 64))


# --- which groups -------------------------------------------------------------------

@given(channels, channels)
def test_legal_groups_are_exactly_the_common_divisors(cin, cout):
    legal = G.legal_groups(cin, cout)
    assert legal[0] == 1 and list(legal) == sorted(legal)
    assert set(legal) == {d for d in range(1, 17) if cin % d == 0 and cout % d == 0}
    assert (cin in legal) == (cout % cin == 0)  # depthwise offered exactly when C_in divides C_out
    for g in legal:  # convcore accepts every one of them
        convcore.group_inputs(cin, cout, g)


@given(channels, channels, st.integers(1, G.MAX_CHANNELS))
def test_an_illegal_groups_moves_to_the_nearest_legal_one(cin, cout, g):
    legal = G.legal_groups(cin, cout)
    moved = G.groups_move(g, cin, cout)
    if g in legal:
        assert moved is None
        return
    new, values = moved
    assert new in legal and values["g"] == g and values["new"] == new
    assert all(abs(d - g) >= abs(new - g) for d in legal)
    assert values["legal"] == ", ".join(map(str, legal))


def test_ties_go_to_fewer_groups():
    assert G.nearest_groups(3, (1, 2, 4)) == 2
    assert G.groups_move(3, 4, 8)[0] == 2


# --- costs ---------------------------------------------------------------------------

@given(configs())
def test_costs_match_the_formulas(cfg):
    cin, cout, k, g, h, w = cfg
    c = G.costs(cin, cout, k, g, h, w)
    assert c.out_shape == (h, w)  # "same" padding, stride 1
    assert c.grouped.weights == cout * (cin // g) * k * k and c.grouped.biases == cout
    assert c.standard.weights == cout * cin * k * k
    assert c.grouped.mult_adds * g == c.standard.mult_adds == cout * cin * k * k * h * w
    m = G.depth_multiplier(cin, cout)
    assert c.depthwise.weights == cin * m * k * k and c.depthwise.biases == cin * m
    assert c.separable.weights == cin * k * k + cin * cout and c.separable.biases == cout
    # the separable pair's multiply-adds ratio is exactly 1/C_out + 1/k²
    assert c.separable.mult_adds * cout * k * k == c.standard.mult_adds * (k * k + cout)


@pytest.fixture(scope="module")
def keras():
    pytest.importorskip("tensorflow")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("cin, cout, k, g", [(4, 8, 3, 2), (6, 4, 5, 2), (3, 3, 1, 3), (8, 16, 7, 8), (5, 7, 3, 1)])
def test_counts_are_what_keras_counts(keras, cin, cout, k, g):
    c = G.costs(cin, cout, k, g, 9, 9)
    m = G.depth_multiplier(cin, cout)
    layers = {
        "grouped": keras.layers.Conv2D(cout, k, groups=g, padding="same"),
        "standard": keras.layers.Conv2D(cout, k, padding="same"),
        "depthwise": keras.layers.DepthwiseConv2D(k, depth_multiplier=m, padding="same"),
        "separable": keras.layers.SeparableConv2D(cout, k, padding="same"),
    }
    for name, layer in layers.items():
        layer.build((None, 9, 9, cin))
        assert layer.count_params() == getattr(c, name).params, name


def test_the_tables_show_the_counts():
    c = G.costs(4, 8, 3, 2, 32, 32)
    table = G.counts_table(c, "en")
    assert list(table.iloc[:, 0]) == ["weights", "biases", "parameters", "multiply-adds", "parameters ÷ standard",
                                      "multiply-adds ÷ standard"]
    assert table.iloc[:, 1].tolist() == ["288", "8", "**296**", "294,912", "1", "1"]
    assert table.iloc[:, 2].tolist() == ["144", "8", "**152**", "147,456", "0.5135", "1/2"]
    assert table.iloc[:, 3].tolist() == ["72", "8", "**80**", "73,728", "0.2703", "1/4"]
    assert "M = 2" in table.columns[3]
    sep = G.separable_table(c, "zh")
    assert sep.iloc[:, 4].tolist() == ["68", "8", "**76**", "69,632", "0.2568", "0.2361"]
    assert sep.iloc[0, 0] == "权重"


@given(configs())
def test_the_csv_holds_every_count(cfg):
    c = G.costs(*cfg)
    lines = G.counts_csv(c).splitlines()
    assert lines[0].split(",") == list(G.CSV_COLUMNS)
    rows = {r[0]: r for r in (line.split(",") for line in lines[1:])}
    for name, layer in (("standard", c.standard), ("grouped", c.grouped), ("depthwise", c.depthwise),
                        ("separable_depthwise", c.dw_part), ("separable_pointwise", c.pw_part),
                        ("separable", c.separable)):
        assert [int(v) for v in rows[name][-4:]] == [layer.weights, layer.biases, layer.params, layer.mult_adds]
    assert rows["grouped"][4] == str(c.groups)


def test_the_ratio_formula_has_the_numbers():
    latex = G.separable_latex(G.costs(4, 8, 3, 2, 32, 32))
    assert r"32 \cdot 32 \cdot 4 \cdot 8 \cdot 9 = 294{,}912" in latex
    assert r"36{,}864 + 32{,}768 = 69{,}632" in latex
    assert r"\frac{1}{8} + \frac{1}{9} \approx 0.2361" in latex
    assert r"\frac{1}{16} + \frac{1}{25} = 0.1025" in G.separable_latex(G.costs(8, 16, 5, 1, 8, 8))


@given(configs())
def test_the_verdict_says_cheaper_exactly_when_it_is(cfg):
    c = G.costs(*cfg)
    level, text = G.separable_verdict(c, "en")
    cheaper = 1 / c.c_out + 1 / c.k**2 < 1
    assert (level == "success") == cheaper
    if cheaper:
        assert f"{c.standard.mult_adds / c.separable.mult_adds:.1f} times fewer" in text


def test_sentences():
    assert G.reads_text(4, 4, 1, 3, "en").startswith("groups = 1, the standard convolution")
    assert "depthwise" in G.reads_text(4, 8, 4, 3, "en") and "(2 output channel(s) per input channel)" in \
        G.reads_text(4, 8, 4, 3, "en")
    assert "每个输出通道只读取 4 个输入通道中的 2 个" in G.reads_text(4, 8, 2, 3, "zh")
    assert G.ratio_text(G.costs(4, 8, 3, 1, 8, 8), "en").startswith("groups = 1 is the standard layer")
    assert "C_out = 6 is not a multiple" in G.depthwise_note(G.costs(4, 6, 3, 2, 8, 8), "en")
    assert "not a multiple" not in G.depthwise_note(G.costs(4, 8, 3, 2, 8, 8), "en")


# --- the worked example ---------------------------------------------------------------

def naive_grouped(X, K, groups):
    """An independent oracle: loops over outputs, their group's channels, cells and taps."""
    C, H, W = X.shape
    O, per, kh, kw = K.shape
    Y = np.zeros((O, H - kh + 1, W - kw + 1))
    for o in range(O):
        first = (o // (O // groups)) * (C // groups)
        for j in range(per):
            for i in range(H - kh + 1):
                for s in range(W - kw + 1):
                    Y[o, i, s] += sum(X[first + j, i + a, s + b] * K[o, j, a, b] for a in range(kh) for b in range(kw))
    return Y


@given(configs())
def test_the_worked_example_is_a_grouped_convolution(cfg):
    cin, cout, _, g, _, _ = cfg
    ex = G.example(cin, cout, g)
    assert ex.X.shape == (cin, 4, 4) and ex.K.shape == (cout, cin // g, 2, 2) and ex.Y.shape == (cout, 3, 3)
    np.testing.assert_array_equal(ex.Y, naive_grouped(ex.X, ex.K, g))
    # groups only drop slices: the slices kept are the standard layer's
    full = G.example_kernel(cin, cout, 1)
    for o in range(cout):
        np.testing.assert_array_equal(ex.K[o], full[o, ex.inputs[o]])
    assert set(np.unique(ex.X)) <= set(range(5)) and set(np.unique(ex.K)) <= {0, 1, 2}


@given(configs(), st.integers(0, G.MAX_CHANNELS - 1))
def test_the_cell_is_written_out_channel_by_channel(cfg, o):
    cin, cout, _, g, _, _ = cfg
    o = min(o, cout - 1)
    ex = G.example(cin, cout, g)
    lines, total = G.cell_lines(ex, o, "en")
    assert len(lines) == cin // g
    sums = []
    for line, c in zip(lines, ex.inputs[o]):
        assert line.startswith(f"X[{c}] ⋆ K[{o}, ")
        terms, value = line.split(": ", 1)[1].split(" = ")
        assert eval(terms.replace("×", "*")) == float(value)  # the products add up to what is shown
        sums.append(float(value))
    assert total.startswith(f"Y[{o}][0, 0] = ")
    assert float(total.rsplit(" = ", 1)[1]) == ex.Y[o, 0, 0] == sum(sums)


# --- the figures -------------------------------------------------------------------------

@given(configs(), st.integers(0, G.MAX_CHANNELS - 1))
def test_the_diagram_draws_one_line_per_kernel_slice_and_clicks_pick_outputs(cfg, focus):
    cin, cout, _, g, _, _ = cfg
    focus = min(focus, cout - 1)
    fig = figs.connection_figure(cin, cout, g, focus, "en")
    lines = [tr for tr in fig["data"] if tr["mode"] == "lines"]
    segments = sum(len(tr["x"]) // 3 for tr in lines)
    assert segments == cout * (cin // g)
    thick = [tr for tr in lines if tr["line"]["width"] > 2]
    assert len(thick) == 1 and len(thick[0]["x"]) // 3 == cin // g
    assert thick[0]["line"]["color"] == figs.group_colour(focus // (cout // g))
    inputs, outputs = fig["data"][-2], fig["data"][-1]
    assert len(inputs["x"]) == cin and len(outputs["x"]) == cout
    # every line starts at an input box and ends at an output box of the same group
    reads = convcore.group_inputs(cin, cout, g)
    ends = {(y0, y1) for tr in lines for y0, y1 in zip(tr["y"][::3], tr["y"][1::3])}
    assert ends == {(inputs["y"][c], outputs["y"][o]) for o in range(cout) for c in reads[o]}
    # a click on output box o follows o; a click on an input box follows nothing
    for o in range(cout):
        assert G.picked_output([{"x": 1, "y": outputs["y"][o]}], cin, cout) == o
    assert G.picked_output([{"x": 0, "y": inputs["y"][0]}], cin, cout) is None


def tile(z, n: int, shape, per_row: int = 4) -> np.ndarray:
    """Channel ``n`` of a channel grid's heatmap (a title row above each row of channels, a column between)."""
    h, w = shape
    r0, c0 = (n // per_row) * (h + 1) + 1, (n % per_row) * (w + 1)
    return np.asarray(z, dtype=float)[r0:r0 + h, c0:c0 + w]


@pytest.mark.parametrize("cin, cout, g, o", [(4, 8, 2, 5), (16, 16, 16, 15), (1, 1, 1, 0), (6, 4, 2, 3),
                                             (16, 16, 1, 7)])
def test_figures_are_valid_plotly_and_speak_chinese(cin, cout, g, o):
    ex = G.example(cin, cout, g)
    drawn = [figs.connection_figure(cin, cout, g, o, "zh"), *figs.example_figures(ex, o, "zh")]
    for fig in drawn:
        go.Figure(fig.to_dict())  # plotly's validation
        for tr in fig.to_dict()["data"]:
            assert not english_words(tr.get("hovertemplate", "")), tr.get("hovertemplate")
        assert len(fig.to_json()) < 200_000
    inputs, kernel, output = (fig.to_dict() for fig in drawn[1:])
    read = set(ex.inputs[o].tolist())
    # the channels output o reads in colour, the others greyed (a second heatmap, in grey)
    shown, greyed = inputs["data"][0], inputs["data"][1] if len(inputs["data"]) > 1 else None
    assert shown["colorscale"] != figs.GREYS and (greyed is None or greyed["colorscale"] == figs.GREYS)
    for c in range(cin):
        values = tile((greyed if c not in read else shown)["z"], c, (4, 4))
        np.testing.assert_array_equal(values, ex.X[c])
        if c not in read:
            assert np.isnan(tile(shown["z"], c, (4, 4))).all()
    for j in range(cin // g):
        np.testing.assert_array_equal(tile(kernel["data"][0]["z"], j, (2, 2)), ex.K[o, j])
    for q in range(cout):
        np.testing.assert_array_equal(tile(output["data"][0]["z"], q, (3, 3)), ex.Y[q])
    names = [a["text"] for a in output["layout"]["annotations"]]
    assert f"<b>▸ Y[{o}]</b>" in names and sum("<b>" in n for n in names) == 1
    # names in their group's colour
    colours = {a["text"]: a["font"]["color"] for a in inputs["layout"]["annotations"] if a["text"].startswith("X[")}
    assert colours == {f"X[{c}]": figs.group_colour(c // (cin // g)) for c in range(cin)}
    # the windows of cell (0, 0): one per channel read, and the output cell
    assert len(inputs["layout"].get("shapes", [])) == len(read) and len(output["layout"]["shapes"]) == 1


# --- the code -------------------------------------------------------------------------------

def run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<page code>", "exec"), {})  # noqa: S102 - our own generated code
    return out.getvalue()


@pytest.mark.parametrize("cin, cout, k, g, h, w, o", [(4, 8, 3, 2, 32, 32, 0), (3, 6, 5, 3, 10, 7, 4),
                                                        (6, 4, 1, 2, 5, 5, 3)])
def test_the_convcore_code_prints_the_page_numbers(cin, cout, k, g, h, w, o):
    printed = run(G.code(cin, cout, k, g, h, w, o)[1])
    c = G.costs(cin, cout, k, g, h, w)
    for name, layer in (("standard", c.standard), ("grouped", c.grouped), ("depthwise", c.depthwise),
                        ("separable depthwise", c.dw_part), ("separable pointwise", c.pw_part)):
        assert f"\n{name} {layer.weights} {layer.biases} {layer.params} {layer.mult_adds}\n" in printed
    ex = G.example(cin, cout, g)
    assert str(ex.Y[o]) in printed


@pytest.mark.parametrize("cin, cout, k, g, h, w, o", [(4, 8, 3, 2, 32, 32, 1), (3, 6, 5, 3, 10, 7, 4),
                                                        (2, 2, 3, 2, 4, 4, 1)])
def test_the_tensorflow_code_prints_what_the_tables_show(keras, cin, cout, k, g, h, w, o):
    printed = run(G.code(cin, cout, k, g, h, w, o)[0])
    c = G.costs(cin, cout, k, g, h, w)
    counts = dict(re.findall(r"^(standard|grouped|depthwise|separable) (\d+)$", printed, re.M))
    assert {name: int(v) for name, v in counts.items()} == {
        "standard": c.standard.params, "grouped": c.grouped.params, "depthwise": c.depthwise.params,
        "separable": c.separable.params}
    adds = dict(re.findall(r"^(\w+) multiply-adds (\d+)$", printed, re.M))
    assert {name: int(v) for name, v in adds.items()} == {
        "standard": c.standard.mult_adds, "grouped": c.grouped.mult_adds, "depthwise": c.depthwise.mult_adds,
        "separable": c.separable.mult_adds}
    ex = G.example(cin, cout, g)
    assert str(ex.Y[o].astype(np.float32)) in printed  # Keras' grouped layer gives the worked example
    if g == cin:
        assert printed.rstrip().endswith("True")  # and tf.nn.depthwise_conv2d agrees
