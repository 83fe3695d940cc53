"""convcore's axis plans, window origins and read mask, convlab.padding's formula,
presets, code and layer stack, and convlab.figures.padding: the padding-and-stride
page's computations and figures, against convcore.windows / geometry and the
seed's numbers (the page's own logic: test_padding_logic.py)."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convcore
from convcore import layer_stack, output_shape, pad_amounts, windows
from convlab import padding as cs
from convlab.figures import padding as figs
from convlab.figures.common import payload_bytes
from convlab.text import CATALOG

SEED_SHAPES = {"keras1": (8, 8), "keras2": (8, 8), "keras3": (4, 4), "keras4": (2, 1), "pad_fig": (4, 4), "stride_fig": (2, 2)}

paddings = st.one_of(
    st.sampled_from(["valid", "same", "full"]),
    st.integers(0, 3),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.tuples(st.integers(0, 3), st.integers(0, 3)), st.tuples(st.integers(0, 3), st.integers(0, 3))),
)
configs = st.tuples(
    st.tuples(st.integers(1, 12), st.integers(1, 12)),
    st.tuples(st.integers(1, 5), st.integers(1, 5)),
    paddings,
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
    st.tuples(st.integers(1, 3), st.integers(1, 3)),
)


@settings(max_examples=300, deadline=None)
@given(configs)
def test_plan_and_origins_agree_with_geometry_and_windows(cfg):
    n, k, padding, s, d = cfg
    h, w = convcore.axis_plans(n, k, padding, s, d)
    assert ((h.before, h.after), (w.before, w.after)) == pad_amounts(n, k, padding, s, d)
    try:
        expected = output_shape(n, k, padding, s, d)
    except ValueError:
        expected = None
    if expected is None:  # the kernel does not fit: no windows, nothing read
        assert not (h.fits and w.fits)
        assert convcore.window_origins(n, k, padding, s, d) == []
        assert not convcore.read_mask(h, w).any()
    else:
        assert (h.out, w.out) == expected
        # the seed's formula, with k' for the dilated kernel
        assert h.out == (h.n - h.k_eff + h.p + h.s) // h.s and w.out == (w.n - w.k_eff + w.p + w.s) // w.s
        X = np.arange(n[0] * n[1], dtype=float).reshape(n)
        K = np.ones(k)
        origins = [win.origin for win in windows(X, K, padding=padding, stride=s, dilation=d)]
        assert convcore.window_origins(n, k, padding, s, d) == origins
        # read_mask: exactly the cells some window's taps read
        mask = np.zeros((h.padded, w.padded), dtype=bool)
        for win in windows(X, K, padding=padding, stride=s, dilation=d):
            for r, c in win.cells(d):
                mask[r, c] = True
        assert (convcore.read_mask(h, w) == mask).all()


def test_presets_give_the_seeds_shapes():
    assert {p.name: p.expected for p in cs.PRESETS} == SEED_SHAPES
    for p in cs.PRESETS:
        st_ = p.state()
        h, w = convcore.axis_plans((st_["nh"], st_["nw"]), (st_["kh"], st_["kw"]), p.padding, (st_["sh"], st_["sw"]))
        assert (h.out, w.out) == p.expected == output_shape((p.nh, p.nw), (p.kh, p.kw), p.padding, (p.sh, p.sw))


def test_padding_figure_3x3_padded_to_5x5():
    h, w = convcore.axis_plans((3, 3), (2, 2), 1)
    assert (h.padded, w.padded) == (5, 5) and (h.out, w.out) == (4, 4)
    assert cs.seed_cells(1)[0][1] == "0×0 + 0×1 + 0×2 + 0×3 = 0"


def test_stride_figure_arithmetic_and_output():
    cells = dict(cs.seed_cells(1, (3, 2)))
    assert cells[(0, 1)] == "0×0 + 0×1 + 1×2 + 2×3 = 8"
    assert cells[(1, 0)] == "0×0 + 6×1 + 0×2 + 0×3 = 6"
    values = [[int(a.rsplit("= ", 1)[1]) for (i, j), a in cs.seed_cells(1, (3, 2)) if i == r] for r in range(2)]
    assert values == [[0, 8], [6, 8]]


def test_formula_latex_fills_in_the_numbers():
    seed, rows, cols, result = cs.formula_latex(*convcore.axis_plans((8, 8), (3, 5), "valid", stride=(3, 4)))
    assert r"\lfloor (n_h - k_h + p_h + s_h)/s_h \rfloor" in seed and r"\lfloor (n_w - k_w + p_w + s_w)/s_w \rfloor" in seed
    assert r"\frac{8 - 3 + 0 + 3}{3}" in rows and r"\frac{8 - 5 + 0 + 4}{4}" in cols
    assert r"\frac{8}{3} \right\rfloor = 2" in rows and r"\frac{7}{4} \right\rfloor = 1" in cols
    assert result.endswith("2 \\times 1")
    seed, rows, cols, result = cs.formula_latex(*convcore.axis_plans((8, 8), (3, 3), "valid", dilation=2))
    assert "k'_h" in seed and r"k'_h &= (3 - 1)\cdot 2 + 1 = 5" in rows and result.endswith("4 \\times 4")
    # a kernel that does not fit: the numbers still show why (floor below 1)
    h, w = convcore.axis_plans((3, 3), (5, 1), "valid")
    assert not h.fits and w.fits and h.out is None and h.numerator // h.s < 1


def test_same_split_puts_the_extra_row_at_the_bottom():
    h, w = convcore.axis_plans((8, 8), (3, 3), "same", stride=2)
    assert (h.before, h.after) == (0, 1)
    assert cs.same_split_latex(h, "h").endswith("= 1 = 0 + 1")
    h, w = convcore.axis_plans((8, 8), (5, 3), "same")
    assert (h.before, h.after, w.before, w.after) == (2, 2, 1, 1)


def test_stack_text_round_trip_and_limits():
    layers = [cs.Layer(5)] * 10 + [cs.Layer(3, 2, "same", 1), cs.Layer(3, 1, 2, 2)]
    text = cs.stack_text(layers)
    assert text == "10*5,1,valid,1;3,2,same,1;3,1,2,2"
    assert cs.parse_stack(text) == layers
    assert cs.Stack(cs.SEED_STACK).parse("5,1,valid,1;" * 9 + "5,1,valid,1") == cs.SEED_STACK
    assert cs.parse_stack("") == []
    for bad in ("5,1,valid", "0,1,valid,1", "5,1,bogus,1", "x*5,1,valid,1", "65*3,1,same,1", "5,0,valid,1",
                "99999999,1,valid,1"):
        with pytest.raises(ValueError):
            cs.parse_stack(bad)


def test_layers_from_rows_reports_the_first_bad_cell():
    ok = cs.layers_from_rows([{"kernel": 3, "stride": 1.0, "padding": "1", "dilation": "2"}])
    assert ok == [cs.Layer(3, 1, 1, 2)]
    cases = [
        ({"kernel": None, "stride": 1, "padding": "valid", "dilation": 1}, ("kernel", "blank")),
        ({"kernel": float("nan"), "stride": 1, "padding": "valid", "dilation": 1}, ("kernel", "blank")),
        ({"kernel": 2.5, "stride": 1, "padding": "valid", "dilation": 1}, ("kernel", "not_int")),
        ({"kernel": 3, "stride": 0, "padding": "valid", "dilation": 1}, ("stride", "range")),
        ({"kernel": 3, "stride": 1, "padding": "half", "dilation": 1}, ("padding", "padding")),
        ({"kernel": 3, "stride": 1, "padding": "", "dilation": 1}, ("padding", "blank")),
        ({"kernel": 3, "stride": 1, "padding": "-1", "dilation": 1}, ("padding", "padding")),
        ({"kernel": 3, "stride": 1, "padding": "valid", "dilation": "abc"}, ("dilation", "not_int")),
    ]
    for row, (column, kind) in cases:
        with pytest.raises(cs.LayerError) as e:
            cs.layers_from_rows([{"kernel": 3, "stride": 1, "padding": "valid", "dilation": 1}, row])
        assert (e.value.row, e.value.column, e.value.kind) == (2, column, kind)
        assert f"padding.stack_err_{kind}" in CATALOG


def test_run_stack_seed_and_failure():
    r = cs.run_stack((240, 240), cs.parse_stack(cs.SEED_STACK))
    assert [s.output_shape for s in r.shapes] == [(240 - 4 * i, 240 - 4 * i) for i in range(1, 11)]
    assert r.shapes == layer_stack((240, 240), [{"kernel": 5}] * 10)
    assert r.failure is None and r.pads == [((0, 0), (0, 0))] * 10
    same = cs.run_stack((240, 240), [cs.Layer(5, 1, "same")] * 10)
    assert same.shapes[-1].output_shape == (240, 240) and same.pads[0] == ((2, 2), (2, 2))
    r = cs.run_stack((10, 12), [cs.Layer(3, 2), cs.Layer(3), cs.Layer(3)])
    # 10x12 -> 4x5 -> 2x3 -> the third 3x3 does not fit 2 rows
    assert [s.output_shape for s in r.shapes] == [(4, 5), (2, 3)]
    assert r.failure == cs.StackFailure(3, (2, 3), (2, 3), (3, 3))
    assert cs.run_stack((5, 5), []).shapes == []


# ------------------------------------------------------------- figures

def _trace(fig, name):
    return [t for t in fig.data if t.name == name]


def test_grid_figure_marks_input_padding_unread_and_every_origin():
    h, w = convcore.axis_plans((8, 8), (3, 5), "valid", stride=(3, 4))
    fig = figs.grid_figure(h, w)
    Z = np.array(fig.data[0].z)
    assert Z.shape == (8, 8)
    assert (Z[:6, :5] == figs.INPUT).all() and (Z[6:, :] == figs.UNREAD).all() and (Z[:, 5:] == figs.UNREAD).all()
    (origins,) = _trace(fig, "window top-left")
    assert list(zip(origins.y, origins.x)) == [(r, c) for r, c in convcore.window_origins((8, 8), (3, 5), "valid", (3, 4))]
    assert [tuple(cd) for cd in origins.customdata] == [(0, 0), (1, 0)]
    assert _trace(fig, "first window") and not _trace(fig, "padding (zeros)")

    h, w = convcore.axis_plans((3, 3), (2, 2), 1, stride=(3, 2))
    fig = figs.grid_figure(h, w, {"padding": "填充"})
    Z = np.array(fig.data[0].z)
    assert (Z[0] == figs.PADDING).all() and (Z[:, 0] == figs.PADDING).all() and Z[1, 1] == figs.INPUT
    assert (Z[2, 1:4] == figs.UNREAD).all()  # the stride (3) jumps over the input's middle row
    (origins,) = _trace(fig, "window top-left")
    assert list(zip(origins.y, origins.x)) == [(0, 0), (0, 2), (3, 0), (3, 2)]
    assert _trace(fig, "填充") and _trace(fig, "other windows")


def test_grid_figure_without_windows_and_with_dilation():
    h, w = convcore.axis_plans((3, 3), (5, 5), "valid")
    fig = figs.grid_figure(h, w)  # the kernel does not fit: just the grid
    assert not _trace(fig, "window top-left") and np.array(fig.data[0].z).shape == (3, 3)
    h, w = convcore.axis_plans((7, 7), (3, 3), "valid", dilation=2)
    (taps,) = _trace(figs.grid_figure(h, w), "kernel taps (dilation)")
    assert sorted(zip(taps.y, taps.x)) == [(r, c) for r in (0, 2, 4) for c in (0, 2, 4)]


def test_labels_in_both_languages_name_every_trace():
    for lang in ("en", "zh"):
        labels = figs.labels(lang)
        assert set(labels) == set(figs.DEFAULT_LABELS) and all(labels.values())
    assert figs.labels("en") == figs.DEFAULT_LABELS
    h, w = convcore.axis_plans((3, 3), (2, 2), 1, stride=(3, 2))
    names = {t.name for t in figs.grid_figure(h, w, figs.labels("zh")).data}
    assert {"输入", "填充（零）", "窗口左上角", "第一个窗口"} <= names


def test_output_figure_labels_small_grids_only():
    fig = figs.output_figure(2, 1)
    assert np.array(fig.data[0].z).shape == (2, 1) and [list(r) for r in fig.data[0].text] == [["0,0"], ["1,0"]]
    assert figs.output_figure(30, 30).data[0].text is None


def test_largest_drawable_grid_payload_under_1mb():
    h, w = convcore.axis_plans((64, 64), (1, 1), "valid")  # 4096 windows, every one marked
    assert figs.drawable(h, w)
    fig = figs.grid_figure(h, w)
    assert len(_trace(fig, "window top-left")[0].x) == 64 * 64
    assert payload_bytes(fig) < 1_000_000
    assert payload_bytes(figs.output_figure(64, 64)) < 1_000_000
    h, w = convcore.axis_plans((3, 3), (1, 1), cs.LIMITS["p"])
    assert not figs.drawable(h, w)
    big = cs.run_stack((4096, 4096), [cs.Layer(1)] * cs.LIMITS["layers"])
    assert payload_bytes(figs.stack_figure((4096, 4096), big)) < 1_000_000


def test_stack_figure_series():
    r = cs.run_stack((240, 240), cs.parse_stack(cs.SEED_STACK))
    fig = figs.stack_figure((240, 240), r)
    assert list(fig.data[0].y) == [240 - 4 * i for i in range(11)] and list(fig.data[1].y)[-1] == 41
    assert len(figs.stack_figure((10, 12), cs.run_stack((10, 12), [cs.Layer(3)])).data) == 3  # widths differ


def test_code_snippets_for_the_seeds_keras_example():
    tf_text, cc_text = cs.code_snippets((8, 8), (3, 5), "valid", (3, 4))
    assert 'tf.keras.layers.Conv2D(1, (3, 5), strides=(3, 4), padding="valid")' in tf_text
    assert "X = tf.random.uniform((8, 8))" in tf_text
    assert "convcore.output_shape((8, 8), (3, 5), stride=(3, 4))" in cc_text
    tf_text, cc_text = cs.code_snippets((3, 3), (2, 2), 1, (3, 2))
    assert "[[0, 0], [1, 1], [1, 1], [0, 0]]" in tf_text and "padding=1" in cc_text


def test_code_snippets_run_and_agree():
    tf = pytest.importorskip("tensorflow")
    import convcore

    for cfg in [((8, 8), (3, 5), "valid", (3, 4), 1), ((8, 8), (3, 3), "same", 2, 1), ((3, 3), (2, 2), 1, (3, 2), 1),
                ((7, 6), (2, 3), ((1, 0), (2, 1)), 1, (2, 1))]:
            tf_text, cc_text = cs.code_snippets(*cfg)
            ns = {}
            exec(tf_text, ns)  # noqa: S102 - our own generated code
            expected = output_shape(*cfg)
            assert tuple(ns["Y"].shape) == expected
            ns = {}
            exec(cc_text, ns)  # noqa: S102
            assert ns["Y"].shape == expected
            assert ns["convcore"] is convcore
    del tf


def test_every_text_key_has_both_languages():
    keys = [k for k in CATALOG if k.startswith("padding.")]
    assert len(keys) > 50
    for k in keys:
        assert CATALOG[k]["en"] and CATALOG[k]["zh"], k
    for term in ("填充", "步幅", "卷积核", "输出形状", "感受野"):
        assert any(term in CATALOG[k]["zh"] for k in keys), term
