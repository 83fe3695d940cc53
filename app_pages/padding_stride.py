"""Padding and stride: the output-shape formula with the numbers filled in, the
padded grid with every window position, the chapter's Keras examples checked
against Keras, and a layer-stack calculator with receptive fields."""
import pandas as pd
import streamlit as st

import convcore
from convlab import padding as cs
from convlab.codegen import keras_layer
from convlab.figures import padding as figs
from convlab.text import t
from convlab.tfcheck import keras_output_shape
from convlab.urlstate import Bool, Choice, Int
from convlab import state, widgets

PAGE = "padding"
LIM = cs.LIMITS
MODES = ("valid", "same", "full", "explicit")
DEFAULT = dict(cs.PRESETS[-1].state())  # the seed's stride figure
PARAMS = {
    "tie": Bool(DEFAULT["tie"]),
    "mode": Choice(DEFAULT["mode"], MODES),
    **{f"n{a}": Int(DEFAULT[f"n{a}"], 1, LIM["n"]) for a in "hw"},
    **{f"k{a}": Int(DEFAULT[f"k{a}"], 1, LIM["k"]) for a in "hw"},
    **{f"s{a}": Int(DEFAULT[f"s{a}"], 1, LIM["s"]) for a in "hw"},
    **{f"d{a}": Int(1, 1, LIM["d"]) for a in "hw"},
    **{f"p{side}": Int(DEFAULT[f"p{side}"], 0, LIM["p"]) for side in "tblr"},
    "snh": Int(240, 1, LIM["stack_n"]),
    "snw": Int(240, 1, LIM["stack_n"]),
    "stack": cs.Stack(cs.SEED_STACK),
}
K = {name: state.key(PAGE, name) for name in PARAMS}
STACK_VER = "_ver.padding.stack"

lang = state.lang()
state.init(PAGE, PARAMS)
ss = st.session_state


def tr(key: str, **fmt) -> str:
    return t(f"padding.{key}", lang, **fmt)


def shape_text(shape) -> str:
    return f"{shape[0]} × {shape[1]}"


# ------------------------------------------------------------- callbacks

def apply_preset(preset: cs.Preset) -> None:
    for name, value in preset.state().items():
        ss[K[name]] = value


def set_stack(text: str, nh: int, nw: int) -> None:
    ss[K["stack"]], ss[K["snh"]], ss[K["snw"]] = text, nh, nw
    ss[STACK_VER] = ss.get(STACK_VER, 0) + 1


def check_keras(configs: dict) -> None:
    """Keras' own output shape for each configuration (TensorFlow loads on first use)."""
    results = ss.setdefault("_padding.keras", {})
    with st.spinner(t("common.tf_loading", lang)):
        for cfg in configs:
            try:
                results[cfg] = keras_output_shape(*cfg)
            except ImportError as e:
                ss["_padding.keras_missing"] = str(e)
                return
            except Exception as e:  # Keras refusing a configuration (e.g. stride and dilation > 1)
                results[cfg] = f"{type(e).__name__}: {str(e).splitlines()[0][:160]}"


# ------------------------------------------------------------- page

st.title(t("page.padding", lang))
st.caption(tr("intro"))

st.markdown(f"**{tr('presets')}**")
preset_cols = st.columns(3) + st.columns(3)
for col, preset in zip(preset_cols, cs.PRESETS):
    col.button(tr(f"preset_{preset.name}"), key=f"padding.preset.{preset.name}", on_click=apply_preset,
               args=(preset,), width="stretch", help=tr("preset_help", shape=shape_text(preset.expected)))

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(tr("controls"))
    st.checkbox(tr("tie"), key=K["tie"], help=tr("tie_help"))
    st.radio(tr("mode"), MODES, key=K["mode"], horizontal=True, format_func=lambda m: tr(f"mode_{m}"),
             help=tr("mode_help"))
    tie, mode = ss[K["tie"]], ss[K["mode"]]
    axes = [("h", None)] if tie else [("h", tr("height")), ("w", tr("width"))]
    cols = st.columns(len(axes))
    for col, (a, heading) in zip(cols, axes):
        with col:
            if heading:
                st.markdown(f"**{heading}**")
            sfx = "" if tie else f"_{a}"
            st.number_input(tr("n" + sfx), 1, LIM["n"], key=K[f"n{a}"], step=1)
            st.number_input(tr("k" + sfx), 1, LIM["k"], key=K[f"k{a}"], step=1)
            st.number_input(tr("s" + sfx), 1, LIM["s"], key=K[f"s{a}"], step=1)
            st.number_input(tr("d" + sfx), 1, LIM["d"], key=K[f"d{a}"], step=1, help=tr("d_help"))
            if mode == "explicit":
                if tie:
                    st.number_input(tr("p_all"), 0, LIM["p"], key=K["pt"], step=1)
                else:
                    sides = "tb" if a == "h" else "lr"
                    for side in sides:
                        st.number_input(tr(f"p_{side}"), 0, LIM["p"], key=K[f"p{side}"], step=1)
    if tie:  # the width follows the height (its widgets are not drawn)
        for name in "nksd":
            ss[K[f"{name}w"]] = ss[K[f"{name}h"]]
        for side in "blr":
            ss[K[f"p{side}"]] = ss[K["pt"]]

v = {name: ss[K[name]] for name in PARAMS}
input_shape, kernel_shape = (v["nh"], v["nw"]), (v["kh"], v["kw"])
stride, dilation = (v["sh"], v["sw"]), (v["dh"], v["dw"])
if mode == "explicit":
    pads = ((v["pt"], v["pb"]), (v["pl"], v["pr"]))
    padding = v["pt"] if len(set(pads[0] + pads[1])) == 1 else (
        (v["pt"], v["pl"]) if pads[0][0] == pads[0][1] and pads[1][0] == pads[1][1] else pads)
else:
    padding = mode

try:
    ph, pw = convcore.axis_plans(input_shape, kernel_shape, padding, stride, dilation)
except ValueError as e:  # only reachable through a hand-made state; widgets bound everything
    st.error(tr("bad_config", reason=str(e)))
    st.stop()
fits = ph.fits and pw.fits
out_shape = (ph.out, pw.out) if fits else None

with right:
    st.subheader(tr("result"))
    if fits:
        st.markdown(tr("output_shape", shape=shape_text(out_shape), inp=shape_text(input_shape)))
    for ax, name, what in ((ph, "height", "rows"), (pw, "width", "cols")):
        if not ax.fits:
            st.error(tr(f"no_fit_{what}", k=ax.k, d=ax.d, k_eff=ax.k_eff, n=ax.n, p=ax.p, padded=ax.padded))
    seed_line, axes_block, result_line = cs.formula_latex(ph, pw, (tr("word_h"), tr("word_w"), tr("word_out")))
    st.latex((r"\small " if max(dilation) > 1 else "") + seed_line)
    st.latex(axes_block)
    if fits:
        st.latex(result_line)
    notes = [tr("formula_note")]
    if ph.d > 1 or pw.d > 1:
        notes.append(tr("dilation_note"))
    st.caption(" ".join(notes))
    if mode == "same":
        st.latex(r"\small " + cs.same_split_latex(ph, "h") + r"\\" + cs.same_split_latex(pw, "w"))
        st.caption(tr("same_note"))
    elif mode == "full":
        st.caption(tr("full_note"))
    if fits and max(stride) > 1 and max(dilation) > 1:
        st.warning(tr("tf_stride_dilation"))

# ------------------------------------------------------------- the grid
st.subheader(tr("grid_title"))
labels = {key: tr(f"fig_{key}") for key in figs.DEFAULT_LABELS}
if figs.drawable(ph, pw):
    gcol, ocol = st.columns([3, 2])
    with gcol:
        st.plotly_chart(figs.grid_figure(ph, pw, labels, tr("grid_fig_title", shape=shape_text((ph.padded, pw.padded)))),
                        key="padding.grid", width="stretch")
    with ocol:
        if fits:
            st.plotly_chart(figs.output_figure(*out_shape, labels, tr("out_fig_title", shape=shape_text(out_shape))),
                            key="padding.output", width="stretch")
    st.caption(tr("grid_caption"))
else:
    st.info(tr("too_big", shape=shape_text((ph.padded, pw.padded)), limit=figs.MAX_DRAW))

if fits and input_shape == (3, 3) and kernel_shape == (2, 2) and dilation == (1, 1):
    with st.container(border=True):
        st.markdown(tr("seed_values"))
        lines = [f"Y[{i}, {j}] = {a}" for (i, j), a in cs.seed_cells(padding, stride)]
        st.code("\n".join(lines), language=None)

tf_text, cc_text = cs.code_snippets(input_shape, kernel_shape, padding, stride, dilation)
widgets.code_expander(lang, tf_text, cc_text)

# ------------------------------------------------------------- Keras
st.subheader(tr("keras_title"))
st.caption(tr("keras_intro"))
keras_presets = [p for p in cs.PRESETS if p.keras]
configs = {((p.nh, p.nw), (p.kh, p.kw), p.mode, (p.sh, p.sw), 1): p for p in keras_presets}
current = (input_shape, kernel_shape, mode, stride, dilation)
current_ok = fits and mode in ("valid", "same")
results = ss.get("_padding.keras", {})


def keras_cell(cfg):
    got = results.get(cfg)
    if got is None:
        return "—"
    return shape_text(got) if isinstance(got, tuple) else got


rows = []
for cfg, p in configs.items():
    h, w = convcore.axis_plans(*cfg)
    rows.append({tr("col_layer"): keras_layer(*cfg[1:]), tr("col_input"): shape_text(cfg[0]),
                 tr("col_seed"): shape_text(p.expected), tr("col_ours"): shape_text((h.out, w.out)),
                 tr("col_keras"): keras_cell(cfg)})
if current_ok and current not in configs:
    rows.append({tr("col_layer"): tr("current") + ": " + keras_layer(*current[1:]), tr("col_input"): shape_text(input_shape),
                 tr("col_seed"): "", tr("col_ours"): shape_text(out_shape), tr("col_keras"): keras_cell(current)})
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="padding.keras_table")
to_check = list(configs) + ([current] if current_ok and current not in configs else [])
st.button(tr("keras_button"), key="padding.keras_check", on_click=check_keras, args=(to_check,), icon=":material/fact_check:")
if "_padding.keras_missing" in ss:
    st.warning(t("common.tf_missing", lang, error=ss["_padding.keras_missing"]))
checked = [c for c in to_check if isinstance(results.get(c), tuple)]
if checked:
    agree = all(results[c] == (convcore.axis_plans(*c)[0].out, convcore.axis_plans(*c)[1].out) for c in checked)
    (st.success if agree else st.error)(tr("keras_agree" if agree else "keras_disagree"))
if not current_ok and fits:
    st.caption(tr("keras_only_valid_same"))

# ------------------------------------------------------------- layer stack
st.subheader(tr("stack_title"))
st.caption(tr("stack_intro"))
b1, b2, b3 = st.columns(3)
b1.button(tr("stack_seed"), key="padding.stack_seed", on_click=set_stack, args=(cs.SEED_STACK, 240, 240),
          width="stretch")
b2.button(tr("stack_same"), key="padding.stack_same", on_click=set_stack,
          args=(cs.stack_text([cs.Layer(5, 1, "same")] * 10), 240, 240), width="stretch")
b3.button(tr("stack_clear"), key="padding.stack_clear", on_click=set_stack,
          args=("", ss[K["snh"]], ss[K["snw"]]), width="stretch")
c1, c2 = st.columns(2)
c1.number_input(tr("stack_nh"), 1, LIM["stack_n"], key=K["snh"], step=1)
c2.number_input(tr("stack_nw"), 1, LIM["stack_n"], key=K["snw"], step=1)

version = ss.setdefault(STACK_VER, 0)
editor_key = f"padding.stack_editor.{version}"
if editor_key not in ss:  # a new editor starts from the current stack
    ss["_base.padding.stack"] = ss[K["stack"]]
base = cs.parse_stack(ss["_base.padding.stack"])
df = pd.DataFrame([{**lyr.as_dict(), "padding": str(lyr.padding)} for lyr in base],
                  columns=["kernel", "stride", "padding", "dilation"])
df = df.astype({"kernel": "Int64", "stride": "Int64", "dilation": "Int64", "padding": "string"})
# Tall enough for the stack it starts from plus the add-a-row line (the
# default stops at 10 rows, which hid that line under the ten-layer preset).
# It follows the base, not the edits: a dynamic editor's height is part of its identity.
rows_shown = min(len(df) + 1, 21)  # the rows and the add-a-row line
edited = st.data_editor(
    df, key=editor_key, num_rows="dynamic", width="stretch", height=35 * (rows_shown + 1) + 3,
    column_config={
        "kernel": st.column_config.NumberColumn(tr("col_kernel"), min_value=1, max_value=LIM["k"], step=1, default=3),
        "stride": st.column_config.NumberColumn(tr("col_stride"), min_value=1, max_value=LIM["s"], step=1, default=1),
        "padding": st.column_config.TextColumn(tr("col_padding"), default="valid", help=tr("col_padding_help")),
        "dilation": st.column_config.NumberColumn(tr("col_dilation"), min_value=1, max_value=LIM["d"], step=1, default=1),
    },
)
layers = None
try:
    layers = cs.layers_from_rows(edited.to_dict("records"))
    ss[K["stack"]] = cs.stack_text(layers)
except cs.LayerError as e:
    st.error(tr(f"stack_err_{e.kind}", row=e.row, column=tr(f"col_{e.column}"), text=e.text, lo=e.lo, hi=e.hi))
except ValueError:
    st.error(tr("stack_too_many", n=LIM["layers"]))

if layers is not None:
    stack_input = (ss[K["snh"]], ss[K["snw"]])
    result = cs.run_stack(stack_input, layers)
    if not layers:
        st.info(tr("stack_empty"))
    table = []
    for n, (shape, pad, lyr) in enumerate(zip(result.shapes, result.pads, layers), start=1):
        (pt_, pb_), (pl_, pr_) = pad
        table.append({tr("col_layer_no"): n, tr("col_kernel"): lyr.kernel, tr("col_stride"): lyr.stride,
                      tr("col_padding"): f"{lyr.padding} ({pt_}+{pb_}, {pl_}+{pr_})", tr("col_dilation"): lyr.dilation,
                      tr("col_out"): shape_text(shape.output_shape), tr("col_rf"): shape_text(shape.receptive_field)})
    if table:
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key="padding.stack_table")
    if result.shapes:
        last = result.shapes[-1]
        st.success(tr("stack_summary", n=len(result.shapes), inp=shape_text(stack_input),
                      out=shape_text(last.output_shape), rf=shape_text(last.receptive_field)))
        st.plotly_chart(figs.stack_figure(stack_input, result, labels), key="padding.stack_fig", width="stretch")
    if result.failure:
        f = result.failure
        st.error(tr("stack_fail", layer=f.layer, inp=shape_text(f.input_shape), padded=shape_text(f.padded_shape),
                    kernel=shape_text(f.kernel)))

state.sync(PAGE, PARAMS)
