"""Pooling: the window's maximum or average, step by step; the output's shape; and
pooling against a one-pixel shift of the chapter's edge image."""
import streamlit as st

import convcore
from convlab import padding as pad_logic
from convlab import pooling, state, stepper, widgets, yourturn
from convlab.figures import pooling as figs
from convlab.figures.stepper import output_picker
from convlab.figures.why import MODEBAR_CONFIG
from convlab.pooling import PARAMS
from convlab.text import t

PAGE = "pooling"


def tr(key: str, **fmt) -> str:
    return t(f"pooling.{key}", lang, **fmt)


def apply_preset(name):
    preset = pooling.PRESETS[name]
    widgets.set_matrix(PAGE, "X", preset.X)
    st.session_state.update({state.key(PAGE, p): v for p, v in preset.values().items()})


@state.fragment(PAGE, PARAMS)
def shift_section(size, stride, pad, mode, ph, pw, sh, sw):
    """A section of its own: moving the slider reruns it alone, not the walk above."""
    d = widgets.slider(PAGE, PARAMS, "shift", tr("shift"), help=tr("shift_help"))
    demo = pooling.shift_demo(d, size, stride, pad, mode)
    titles = (tr("fig_image"), tr("fig_conv"), tr("fig_pooled", mode=tr(f"fig_{mode}"), p_h=ph, p_w=pw,
                                                     s=sh if sh == sw else f"({sh}, {sw})"))
    for n, (col, fig) in enumerate(zip(st.columns(3), figs.shift_figures(demo, titles, lang))):
        col.plotly_chart(fig, key=state.key(PAGE, f"shift_chart{n}"), width="stretch", config=MODEBAR_CONFIG)
    level, key, values = pooling.shift_verdict(demo)
    if d:
        st.markdown(tr("shift_counts", **values))
    getattr(st, level)(t(key, lang, **values))  # st.info / st.success / st.warning


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.pooling", lang))
st.markdown(tr("intro"))

st.caption(tr("presets"))
for col, name in zip(st.columns(len(pooling.PRESETS)), pooling.PRESETS):
    col.button(tr(f"preset_{name}"), key=state.key(PAGE, f"preset_{name}"), on_click=apply_preset, args=(name,),
               width="stretch")

left, right = st.columns([5, 4], gap="large")
with left:
    X = widgets.matrix_editor(PAGE, "X", tr("X"), lang)
with right:
    mode = widgets.choice(PAGE, PARAMS, "mode", tr("mode"), widget="radio", horizontal=True,
                          format_func=lambda m: tr(f"mode_{m}"))
    pad = widgets.choice(PAGE, PARAMS, "pad", tr("pad"), format_func=lambda p: tr(f"pad_{p}"))
    c1, c2 = st.columns(2)
    ph = widgets.number(PAGE, PARAMS, "ph", tr("ph"), container=c1)  # the window's size on the left,
    pw = widgets.number(PAGE, PARAMS, "pw", tr("pw"), container=c1)
    sh = widgets.number(PAGE, PARAMS, "sh", tr("sh"), container=c2)  # its stride on the right
    sw = widgets.number(PAGE, PARAMS, "sw", tr("sw"), container=c2)
size, stride = pooling.geometry(ph, pw, sh, sw)

problem = None if X is None or pad == "same" else pooling.config_problem(X.shape, size)
if X is None:
    st.info(tr("fix_inputs"))
elif problem:  # said in the page's words, with the sizes
    st.error(t(problem[0], lang, **problem[1]))
else:
    Y = convcore.pool2d(X, size, stride=stride, padding=pad, mode=mode)
    H, W = Y.shape
    i, j = stepper.clamp_cell(state.get(PAGE, "i"), state.get(PAGE, "j"), Y.shape)  # picked for a larger output?
    st.session_state.update({state.key(PAGE, "i"): i, state.key(PAGE, "j"): j})
    pads = convcore.pad_amounts(X.shape, size, pad, stride)
    st.caption(tr("shape", n_h=X.shape[0], n_w=X.shape[1], p_h=ph, p_w=pw, s=stride, pads=(*pads[0], *pads[1]),
                  H=H, W=W))

    st.subheader(tr("walk"))
    st.caption(tr(f"walk_help_{mode}"))
    st.plotly_chart(figs.walk_figure(X, size, stride, pad, mode, step=i * W + j, labels=figs.walk_labels(lang)),
                    key=state.key(PAGE, "walk_chart"), width="stretch")

    st.subheader(tr("pick"))
    st.caption(t("stepper.pick_help", lang))
    step = pooling.walk(X, size, stride, pad, mode)[i * W + j]
    out_col, ctl_col = st.columns([2, 3])
    with ctl_col:
        c1, c2 = st.columns(2)
        i = c1.selectbox(t("stepper.row", lang), range(H), key=state.key(PAGE, "i"))
        j = c2.selectbox(t("stepper.col", lang), range(W), key=state.key(PAGE, "j"))
        st.markdown(f"#### {pooling.step_text(step, mode)}")
        if step.winner is not None:
            st.caption(tr("cell_winner", r=step.winner[0], c=step.winner[1]))
        if note := pooling.step_note(step, mode):
            st.info(tr(f"cell_{note[0].rsplit('.', 1)[1]}", **note[1]))
    with out_col:
        st.plotly_chart(output_picker(Y, cell=(i, j), title=t("stepper.lbl_output_click", lang)),
                        key=state.key(PAGE, "pick_chart"), on_select=widgets.pick_cell_callback(PAGE),
                        selection_mode="points", width="stretch")

    st.subheader(tr("shape_header"))
    h_plan, w_plan = convcore.axis_plans(X.shape, size, pad, stride)
    words = (t("padding.word_h", lang), t("padding.word_w", lang), t("padding.word_out", lang))
    for line in pad_logic.formula_latex(h_plan, w_plan, words):
        st.latex(line)
    st.caption(tr("shape_note"))

    st.subheader(tr("result"))
    st.dataframe(Y, key=state.key(PAGE, "result_table"))
    st.download_button(tr("download"), stepper.csv_text(Y), file_name="convlab_pooled.csv", mime="text/csv",
                       key=state.key(PAGE, "download"), on_click="ignore")  # no rerun: the file is kept
    widgets.code_expander(lang, lambda: pooling.code(X, size, stride, pad, mode), key=state.key(PAGE, "code"))

st.header(tr("shift_header"))
st.markdown(tr("shift_intro"))
shift_section(size, stride, pad, mode, ph, pw, sh, sw)

yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
