"""Cross-correlation, step by step: the window walks over the padded input."""
import streamlit as st

import convcore
from convcore import seed
from convlab import state, stepper, widgets, yourturn
from convlab.figures.stepper import frame_steps, output_picker, reads_figure, walk_figure, walk_labels
from convlab.fmt import window_sum
from convlab.text import t
from convlab.urlstate import Choice, Int, Matrix, matrix_text

PAGE = "stepper"
PARAMS = {
    "X": Matrix(matrix_text(seed.CORR_X)),
    "K": Matrix(matrix_text(seed.CORR_K), max_rows=7, max_cols=7),
    "op": Choice("corr", ("corr", "conv")),
    "pad": Choice("explicit", ("explicit", "valid", "same", "full")),
    "pad_mode": Choice("zeros", convcore.PAD_MODES),
    "ph": Int(0, 0, 5), "pw": Int(0, 0, 5),
    "sh": Int(1, 1, 6), "sw": Int(1, 1, 6),
    "dh": Int(1, 1, 4), "dw": Int(1, 1, 4),
    "i": Int(0, 0, 99), "j": Int(0, 0, 99),
}
VERIFIED = "_stepper.verified"  # the last TensorFlow check (session only)


def apply_preset(name):
    preset = stepper.PRESETS[name]
    widgets.set_matrix(PAGE, "X", preset.X)
    widgets.set_matrix(PAGE, "K", preset.K)
    st.session_state.update({state.key(PAGE, p): v for p, v in preset.values().items()})


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.stepper", lang))
st.markdown(t("stepper.intro", lang))

st.caption(t("stepper.presets", lang))
for col, name in zip(st.columns(len(stepper.PRESETS)), stepper.PRESETS):
    col.button(t(f"stepper.preset_{name}", lang), key=state.key(PAGE, f"preset_{name}"), on_click=apply_preset,
               args=(name,), width="stretch")

left, right = st.columns([5, 3], gap="large")
with left:  # X over K: the chapter's 6×8 image shows whole, its columns numbered
    X = widgets.matrix_editor(PAGE, "X", t("stepper.X", lang), lang)
    K = widgets.matrix_editor(PAGE, "K", t("stepper.K", lang), lang, max_size=PARAMS["K"].max_rows)
with right:
    op = widgets.choice(PAGE, PARAMS, "op", t("stepper.op", lang), widget="radio",
                        format_func=lambda o: t(f"stepper.op_{o}", lang))
    pad = widgets.choice(PAGE, PARAMS, "pad", t("stepper.padding", lang),
                         format_func=lambda p: t(f"stepper.pad_{p}", lang))
    pad_mode = widgets.choice(PAGE, PARAMS, "pad_mode", t("stepper.pad_mode", lang), help=t("stepper.pad_mode_help", lang),
                              format_func=lambda m: t(f"stepper.pm_{m}", lang))
    c1, c2 = st.columns(2)
    with c1:  # rows
        ph = widgets.number(PAGE, PARAMS, "ph", t("stepper.ph", lang), disabled=pad != "explicit")
        sh = widgets.number(PAGE, PARAMS, "sh", t("stepper.sh", lang))
        dh = widgets.number(PAGE, PARAMS, "dh", t("stepper.dh", lang))
    with c2:  # columns
        pw = widgets.number(PAGE, PARAMS, "pw", t("stepper.pw", lang), disabled=pad != "explicit")
        sw = widgets.number(PAGE, PARAMS, "sw", t("stepper.sw", lang))
        dw = widgets.number(PAGE, PARAMS, "dw", t("stepper.dw", lang))

padding, stride, dilation = stepper.geometry(pad, (ph, pw), (sh, sw), (dh, dw))
flip = op == "conv"

shape = None
if X is None or K is None:
    st.info(t("stepper.fix_inputs", lang))
else:
    if flip:
        K = convcore.flip_kernel(K)
        st.info(t("stepper.flipped", lang, K=stepper.kernel_text(K)))
    problem = stepper.config_problem(X.shape, K.shape, padding, stride, dilation)
    if problem:  # said in the page's words, with the sizes
        st.error(t(problem[0], lang, **problem[1]))
    else:
        shape = convcore.output_shape(X.shape, K.shape, padding, stride, dilation)
        if problem := stepper.pad_problem(X.shape, K.shape, padding, stride, dilation, pad_mode):
            st.warning(t(problem[0], lang, **problem[1]))  # the page goes on with zero padding
            pad_mode = "zeros"

if shape is not None:
    H, W = shape
    i, j = stepper.clamp_cell(state.get(PAGE, "i"), state.get(PAGE, "j"), shape)  # picked for a larger output?
    st.session_state.update({state.key(PAGE, "i"): i, state.key(PAGE, "j"): j})
    pads = convcore.pad_amounts(X.shape, K.shape, padding, stride, dilation)
    st.caption(t("stepper.shape", lang, n_h=X.shape[0], n_w=X.shape[1], k_h=K.shape[0], k_w=K.shape[1],
                 pads=(*pads[0], *pads[1]), s=stride, d=dilation, H=H, W=W))

    st.subheader(t("stepper.walk", lang))
    labels = walk_labels(lang)
    steps = frame_steps(H * W, i * W + j)
    if len(steps) < H * W:  # a long walk animates the steps around the chosen cell
        st.caption(t("stepper.walk_window", lang, first=steps.start + 1, last=steps.stop, total=H * W))
    st.plotly_chart(walk_figure(X, K, padding, stride, dilation, step=i * W + j, labels=labels,
                                pad_mode=pad_mode),
                    key=state.key(PAGE, "walk_chart"), width="stretch")

    st.subheader(t("stepper.pick", lang))
    st.caption(t("stepper.pick_help", lang))
    Y = convcore.corr2d(X, K, padding=padding, stride=stride, dilation=dilation, pad_mode=pad_mode)
    in_col, out_col, ctl_col = st.columns([3, 2, 2])
    with ctl_col:
        i = st.selectbox(t("stepper.row", lang), range(H), key=state.key(PAGE, "i"))
        j = st.selectbox(t("stepper.col", lang), range(W), key=state.key(PAGE, "j"))
        window = convcore.window_at(X, K, i, j, padding=padding, stride=stride, dilation=dilation, pad_mode=pad_mode)
        st.markdown(f"#### {t('stepper.cell_sum', lang, i=i, j=j, sum=window_sum(window, K))}")
        st.caption(t("stepper.cell_reads", lang, cells=stepper.cells_text(window, dilation)))
    with in_col:
        st.plotly_chart(reads_figure(X, K, padding, stride, dilation, cell=(i, j), title=labels["input"], lang=lang,
                                     pad_mode=pad_mode),
                        key=state.key(PAGE, "reads_chart"), width="stretch")
    with out_col:
        st.plotly_chart(output_picker(Y, cell=(i, j), title=t("stepper.lbl_output_click", lang)),
                        key=state.key(PAGE, "pick_chart"), on_select=widgets.pick_cell_callback(PAGE),
                        selection_mode="points", width="stretch")

    st.subheader(t("stepper.result", lang))
    st.dataframe(Y, key=state.key(PAGE, "result_table"))
    st.download_button(t("stepper.download", lang), stepper.csv_text(Y), file_name="convlab_output.csv",
                       mime="text/csv", key=state.key(PAGE, "download"), on_click="ignore")  # no rerun: file kept

    if st.button(t("stepper.verify", lang), key=state.key(PAGE, "verify")):
        with st.spinner(t("common.tf_loading", lang)):
            st.session_state[VERIFIED] = stepper.tf_check(X, K, padding, stride, dilation, Y, pad_mode)
    config = stepper.check_config(X, K, padding, stride, dilation, pad_mode)
    verdict = stepper.verdict(st.session_state.get(VERIFIED), config, Y)
    if verdict is not None:
        level, key, values = verdict
        getattr(st, level)(t(key, lang, **values))  # st.success / st.error / st.warning

    widgets.code_expander(lang, lambda: stepper.code(X.shape, K.shape, padding, stride, dilation, flip, pad_mode),
                          key=state.key(PAGE, "code"))

yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
