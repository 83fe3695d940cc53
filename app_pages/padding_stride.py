"""Padding and stride: the output-shape formula with the numbers filled in, the
padded grid with every window position, the chapter's Keras examples checked
against Keras, and a layer-stack calculator with receptive fields."""
import pandas as pd
import streamlit as st

from convlab import padding as cs, state, widgets, yourturn
from convlab.figures import padding as figs
from convlab.padding import PARAMS, shape_text
from convlab.text import t

PAGE = "padding"
KERAS, KERAS_MISSING = "_padding.keras", "_padding.keras_missing"  # Keras' answers, TensorFlow's absence
TIED = "_padding.tied"  # the last run's tie: tying (not editing a tied control) is what copies values

lang = state.lang()
state.init(PAGE, PARAMS)
ss = st.session_state


def tr(key: str, **fmt) -> str:
    return t(f"padding.{key}", lang, **fmt)


def key(name: str) -> str:
    return state.key(PAGE, name)


def assign(values: dict, new_stack: bool = False) -> None:
    """Set these controls (the buttons' callback); a new stack starts a new layer editor."""
    ss.update({key(name): value for name, value in values.items()})
    if new_stack:
        widgets.new_editor(key("stack"))


def check_keras(cases) -> None:
    with st.spinner(t("common.tf_loading", lang)):
        if missing := cs.check_keras(cases, ss.setdefault(KERAS, {})):
            ss[KERAS_MISSING] = missing


st.title(t("page.padding", lang))
st.caption(tr("intro"))

st.markdown(f"**{tr('presets')}**")
for col, preset in zip(st.columns(3) + st.columns(3), cs.PRESETS):
    col.button(tr(f"preset_{preset.name}"), key=key(f"preset.{preset.name}"), on_click=assign, args=(preset.state(),),
               width="stretch", help=tr("preset_help", shape=shape_text(preset.expected)))

values = {name: state.get(PAGE, name) for name in PARAMS}  # what the controls below show
left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader(tr("controls"))
    tie = widgets.flag(PAGE, PARAMS, "tie", tr("tie"), help=tr("tie_help"))
    if not ss.get(TIED) and (notice := cs.tie_notice(values, lang)):
        st.info(notice, icon=":material/link:")  # tying never changes a value silently
    ss[TIED] = tie
    mode = widgets.choice(PAGE, PARAMS, "mode", tr("mode"), widget=st.radio, horizontal=True,
                          format_func=lambda m: tr(f"mode_{m}"), help=tr("mode_help"))
    axes = cs.axis_controls(tie, mode)
    for col, (heading, controls) in zip(st.columns(len(axes)), axes):
        with col:
            if heading:
                st.markdown(f"**{tr(heading)}**")
            for name, label, help_key in controls:
                widgets.number(PAGE, PARAMS, name, tr(label), step=1, help=tr(help_key) if help_key else None)

assign(cs.tied_width(values))  # tied: the width's controls (not drawn) follow the height
try:
    cfg = cs.config(values)
except ValueError as e:  # only reachable through a hand-made state; widgets bound everything
    st.error(tr("bad_config", reason=str(e)))
    st.stop()

with right:
    st.subheader(tr("result"))
    if cfg.fits:
        st.markdown(tr("output_shape", shape=shape_text(cfg.out_shape), inp=shape_text(cfg.input_shape)))
    for axis, numbers in cs.misfits(cfg):
        st.error(tr(f"no_fit_{axis}", **numbers))
    for line in cs.formula_lines(cfg, (tr("word_h"), tr("word_w"), tr("word_out"))):
        st.latex(line)
    st.caption(" ".join(tr(note) for note in cs.formula_notes(cfg)))
    if mode == "same":
        st.latex(cs.same_latex(cfg))
    if mode in ("same", "full"):
        st.caption(tr(f"{mode}_note"))
    if cfg.tf_refuses:
        st.warning(tr("tf_stride_dilation"))

st.subheader(tr("grid_title"))
labels = figs.labels(lang)
if figs.drawable(cfg.h, cfg.w):
    grid_col, out_col = st.columns([3, 2])
    grid_title = tr("grid_fig_title", shape=shape_text(cfg.padded_shape))
    grid_col.plotly_chart(figs.grid_figure(cfg.h, cfg.w, labels, grid_title), key=key("grid"), width="stretch")
    if cfg.fits:
        out_title = tr("out_fig_title", shape=shape_text(cfg.out_shape))
        out_col.plotly_chart(figs.output_figure(*cfg.out_shape, labels, out_title), key=key("output"), width="stretch")
    st.caption(tr("grid_caption"))
else:
    st.info(tr("too_big", shape=shape_text(cfg.padded_shape), limit=figs.MAX_DRAW))

if seed_lines := cs.seed_lines(cfg):
    with st.container(border=True):
        st.markdown(tr("seed_values"))
        st.text("\n".join(seed_lines))  # plain monospace: st.code would load a syntax highlighter
widgets.code_expander(lang, lambda: cs.code_snippets(*cfg.args), key=state.key(PAGE, "code"))

st.subheader(tr("keras_title"))
st.caption(tr("keras_intro"))
cases, results = cs.keras_cases(cfg), ss.get(KERAS, {})
st.container(key=key("keras_table")).table(pd.DataFrame(cs.keras_table(cases, results, lang)), hide_index=True)
for refusal in cs.keras_refusals(cases, results, lang):
    st.caption(refusal)
st.button(tr("keras_button"), key=key("keras_check"), on_click=check_keras, args=(cases,), icon=":material/fact_check:")
if KERAS_MISSING in ss:
    st.warning(t("common.tf_missing", lang, error=ss[KERAS_MISSING]))
if verdict := cs.keras_message(cases, results, lang):  # only of rows answered for exactly these settings
    getattr(st, verdict[0])(verdict[1])
if cfg.fits and not cfg.keras_takes:
    st.caption(tr("keras_only_valid_same"))

st.subheader(tr("stack_title"))
st.caption(tr("stack_intro"))
stack_input = (state.get(PAGE, "snh"), state.get(PAGE, "snw"))  # the input size of the layer stack
for col, (name, settings) in zip(st.columns(3), cs.stack_buttons(stack_input).items()):
    col.button(tr(name), key=key(name), on_click=assign, args=(settings, True), width="stretch")
for col, (name, label) in zip(st.columns(2), (("snh", "stack_nh"), ("snw", "stack_nw"))):
    widgets.number(PAGE, PARAMS, name, tr(label), step=1, container=col)

columns = {name: getattr(st.column_config, kind)(**options) for name, (kind, options) in cs.layer_columns(lang).items()}
_, edited = widgets.versioned_editor(key("stack"), lambda text: cs.stack_frame(cs.parse_stack(text)),
                                     height_of=lambda text: cs.editor_height(len(cs.parse_stack(text))),
                                     num_rows="dynamic", width="stretch", column_config=columns)
try:
    layers = cs.layers_from_rows(edited.to_dict("records"))
except ValueError as e:
    st.error(cs.stack_error_text(e, lang))
else:
    ss[key("stack")] = cs.stack_text(layers)
    result = cs.run_stack(stack_input, layers)
    if not layers:
        st.info(tr("stack_empty"))
    if table := cs.stack_table(result, layers, lang):
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key=key("stack_table"))
    if summary := cs.stack_summary(stack_input, result, lang):
        st.success(summary)
        st.plotly_chart(figs.stack_figure(stack_input, result, labels), key=key("stack_fig"), width="stretch")
    if result.failure:
        st.error(cs.stack_failure_text(result.failure, lang))

yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
