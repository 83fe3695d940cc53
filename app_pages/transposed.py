"""Transposed convolution: each input cell stamps X[i, j]·K onto the output, the
stamps add up; the same numbers by zero insertion; the output shape; the
checkerboard artefact."""
import streamlit as st

import convcore
from convlab import state, stepper, widgets, yourturn
from convlab import transposed as tc
from convlab.figures import transposed as figs
from convlab.figures.stepper import frame_steps, output_picker
from convlab.text import t
from convlab.transposed import PARAMS

PAGE = "transposed"
VERIFIED = "_transposed.verified"  # the last TensorFlow check (session only)
ss = st.session_state


def tr(name: str, **fmt) -> str:
    return t(f"transposed.{name}", lang, **fmt)


def key(name: str) -> str:
    return state.key(PAGE, name)


def apply_preset(name):
    preset = tc.PRESETS[name]
    widgets.set_matrix(PAGE, "X", preset.X)
    widgets.set_matrix(PAGE, "K", preset.K)
    ss.update({key(p): v for p, v in preset.values().items()})


@state.fragment(PAGE, PARAMS)
def checkerboard_section():
    """A section of its own: its controls rerun it alone, not the walk above."""
    c1, c2, c3, c4 = st.columns(4)
    k = widgets.number(PAGE, PARAMS, "ck", tr("ck"), container=c1)
    s = widgets.number(PAGE, PARAMS, "cs", tr("cs"), container=c2)
    n = widgets.number(PAGE, PARAMS, "cn", tr("cn"), container=c3)
    kind = widgets.choice(PAGE, PARAMS, "cin", tr("cin"), container=c4, format_func=lambda v: tr(f"cin_{v}"))
    cb = tc.checkerboard(n, k, s, kind)
    titles = (tr("lbl_checker_out", H=cb.Y.shape[0], W=cb.Y.shape[1]), tr("lbl_checker_counts"))
    for col, fig, name in zip(st.columns(2), figs.checker_figures(cb, titles, lang), ("checker_out", "checker_counts")):
        col.plotly_chart(fig, key=key(name), width="stretch")
    st.info(tc.checker_message(cb, lang))


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.transposed", lang))
st.markdown(tr("intro"))

st.caption(tr("presets"))
for col, name in zip(st.columns(len(tc.PRESETS)), tc.PRESETS):
    col.button(tr(f"preset_{name}"), key=key(f"preset_{name}"), on_click=apply_preset, args=(name,), width="stretch")

left, right = st.columns([5, 3], gap="large")
with left:
    X = widgets.matrix_editor(PAGE, "X", tr("X"), lang, max_size=PARAMS["X"].max_rows)
    K = widgets.matrix_editor(PAGE, "K", tr("K"), lang, max_size=PARAMS["K"].max_rows)
with right:
    c1, c2 = st.columns(2)
    widgets.number(PAGE, PARAMS, "sh", tr("sh"), container=c1)
    widgets.number(PAGE, PARAMS, "sw", tr("sw"), container=c2)
    pad = widgets.choice(PAGE, PARAMS, "pad", tr("pad"), widget="radio", format_func=lambda p: tr(f"pad_{p}"))
    c1, c2 = st.columns(2)
    widgets.number(PAGE, PARAMS, "ph", tr("ph"), container=c1, disabled=pad != "crop")
    widgets.number(PAGE, PARAMS, "pw", tr("pw"), container=c2, disabled=pad != "crop")
    op = widgets.flag(PAGE, PARAMS, "op", tr("op"), widget="toggle", help=tr("op_help"))
    c1, c2 = st.columns(2)
    widgets.number(PAGE, PARAMS, "oph", tr("oph"), container=c1, disabled=not op)
    widgets.number(PAGE, PARAMS, "opw", tr("opw"), container=c2, disabled=not op)

stride, padding, output_padding = tc.arguments({name: state.get(PAGE, name) for name in PARAMS})
args = dict(stride=stride, padding=padding, output_padding=output_padding)
problem = None
if X is None or K is None:
    st.info(tr("fix_inputs"))
elif problem := tc.config_problem(X.shape, K.shape, **args):
    st.error(t(problem[0], lang, **problem[1]))  # said in the page's words, with the sizes

if X is not None and K is not None and not problem:
    plan = convcore.transpose_plan(X.shape, K.shape, **args)
    Y = convcore.conv_transpose2d(X, K, **args)
    H, W = Y.shape
    i, j = stepper.clamp_cell(state.get(PAGE, "i"), state.get(PAGE, "j"), Y.shape)  # picked for a larger output?
    ss.update({key("i"): i, key("j"): j})

    st.subheader(tr("shape_title"))
    for line in tc.formula_latex(X.shape, K.shape, stride, padding, output_padding):
        st.latex(line)
    st.caption(tr("shape_caption"))
    if axes := tc.keras_valid_axes(K.shape, stride, padding, output_padding):
        st.caption(tr("keras_valid", axes=", ".join(axes)))
    if cropped := any(sum(side) for side in plan.crop):
        st.caption(tr("crop_caption", **tc.crop_values(plan)))

    st.subheader(tr("walk_title"))
    if widgets.flag(PAGE, PARAMS, "zeros", tr("zeros"), widget="toggle"):
        st.markdown(tr("zeros_explain", **tc.zero_values(X.shape, K, stride, padding, output_padding)))
        if len(steps := frame_steps(H * W, i * W + j)) < H * W:  # a long walk animates the steps around the cell
            st.caption(t("stepper.walk_window", lang, first=steps.start + 1, last=steps.stop, total=H * W))
        st.plotly_chart(figs.zeros_walk(X, K, **args, step=i * W + j, lang=lang), key=key("zeros_chart"),
                        width="stretch")
        level, name, values = tc.zeros_verdict(X, K, Y, **args)
        getattr(st, level)(tr(name, **values))  # st.success / st.error
    else:
        st.caption(tr("scatter_help") + (" " + tr("crop_help") if cropped else ""))
        st.plotly_chart(figs.scatter_walk(X, K, **args, labels=figs.walk_labels(lang)), key=key("walk_chart"),
                        width="stretch")

    st.subheader(tr("pick_title"))
    st.caption(tr("pick_help"))
    x_col, k_col, out_col, ctl_col = st.columns([2, 2, 3, 3])
    with ctl_col:
        i = st.selectbox(tr("row"), range(H), key=key("i"))
        j = st.selectbox(tr("col"), range(W), key=key("j"))
        terms = tc.terms(X, K, (i, j), **args)
        if total := tc.cell_sum(terms, Y[i, j]):
            st.markdown(f"#### {tr('cell_sum', i=i, j=j, sum=total)}")
            st.caption(tr("cell_terms", terms=tc.terms_text(terms)))
        else:
            st.markdown(f"#### {tr('cell_none', i=i, j=j)}")
        st.caption(tr("cell_corr", sum=tc.corr_sum(X, K, (i, j), **args)))
    x_col.plotly_chart(figs.reads_figure(X, [(s.i, s.j) for s in terms], tr("lbl_reads_X"), lang),
                       key=key("reads_X"), width="stretch")
    k_col.plotly_chart(figs.reads_figure(K, [(s.a, s.b) for s in terms], tr("lbl_reads_K"), lang),
                       key=key("reads_K"), width="stretch")
    out_col.plotly_chart(output_picker(Y, cell=(i, j), title=tr("lbl_output_click")), key=key("pick_chart"),
                         on_select=widgets.pick_cell_callback(PAGE), selection_mode="points", width="stretch")

    st.subheader(tr("result"))
    st.dataframe(Y, key=key("result_table"))
    st.download_button(tr("download"), stepper.csv_text(Y), file_name="convlab_transposed.csv", mime="text/csv",
                       key=key("download"), on_click="ignore")  # no rerun: the file is kept
    if st.button(tr("verify"), key=key("verify")):
        with st.spinner(t("common.tf_loading", lang)):
            ss[VERIFIED] = tc.tf_check(X, K, stride, padding, output_padding, Y)
    if verdict := tc.verdict(ss.get(VERIFIED), tc.check_config(X, K, stride, padding, output_padding), Y):
        getattr(st, verdict[0])(t(verdict[1], lang, **verdict[2]))  # st.success / st.error / st.warning
    widgets.code_expander(lang, lambda: tc.code(X, K, stride, padding, output_padding), key=key("code"))

st.subheader(tr("checker_title"))
st.caption(tr("checker_intro"))
checkerboard_section()

yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
