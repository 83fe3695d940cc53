"""Cross-correlation, step by step: the window walks over the padded input."""
import numpy as np
import streamlit as st

import convcore
from convcore import seed
from convlab.figures.stepper import output_picker, reads_figure, walk_figure
from convlab.text import t
from convlab.urlstate import Choice, Int, Matrix, matrix_text
from convlab import codegen, state, widgets
from convlab.fmt import window_sum

PAGE = "stepper"
PARAMS = {
    "X": Matrix(matrix_text(seed.CORR_X)),
    "K": Matrix(matrix_text(seed.CORR_K), max_rows=7, max_cols=7),
    "op": Choice("corr", ("corr", "conv")),
    "pad": Choice("explicit", ("explicit", "valid", "same", "full")),
    "ph": Int(0, 0, 5), "pw": Int(0, 0, 5),
    "sh": Int(1, 1, 6), "sw": Int(1, 1, 6),
    "dh": Int(1, 1, 4), "dw": Int(1, 1, 4),
    "i": Int(0, 0, 99), "j": Int(0, 0, 99),
}
PRESETS = {  # the chapter's examples: X, K, padding rows/cols, stride
    "seed": (seed.CORR_X, seed.CORR_K, 0, (1, 1)),
    "pad": (seed.CORR_X, seed.CORR_K, 1, (1, 1)),
    "stride": (seed.CORR_X, seed.CORR_K, seed.STRIDE_PADDING, seed.STRIDE),
    "edge": (seed.edge_image(), seed.EDGE_K, 0, (1, 1)),
}


def k(name):
    return state.key(PAGE, name)


def apply_preset(name):
    X, K, p, (sh, sw) = PRESETS[name]
    widgets.set_matrix(PAGE, "X", X)
    widgets.set_matrix(PAGE, "K", K)
    st.session_state.update({k("op"): "corr", k("pad"): "explicit", k("ph"): p, k("pw"): p, k("sh"): sh,
                             k("sw"): sw, k("dh"): 1, k("dw"): 1, k("i"): 0, k("j"): 0})


def pick_cell():
    points = st.session_state[k("pick_chart")].selection.points
    if points:
        st.session_state[k("i")], st.session_state[k("j")] = int(points[0]["y"]), int(points[0]["x"])


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.stepper", lang))
st.markdown(t("stepper.intro", lang))

st.caption(t("stepper.presets", lang))
for col, name in zip(st.columns(4), PRESETS):
    col.button(t(f"stepper.preset_{name}", lang), key=k(f"preset_{name}"), on_click=apply_preset, args=(name,),
               width="stretch")

left, right = st.columns([3, 2], gap="large")
with left:
    cx, ck = st.columns([3, 2])
    with cx:
        X = widgets.matrix_editor(PAGE, "X", t("stepper.X", lang), lang)
    with ck:
        K = widgets.matrix_editor(PAGE, "K", t("stepper.K", lang), lang, max_size=7)
with right:
    st.radio(t("stepper.op", lang), ["corr", "conv"], key=k("op"), format_func=lambda o: t(f"stepper.op_{o}", lang))
    st.selectbox(t("stepper.padding", lang), ["explicit", "valid", "same", "full"], key=k("pad"),
                 format_func=lambda p: t(f"stepper.pad_{p}", lang))
    c1, c2 = st.columns(2)
    explicit = state.get(PAGE, "pad") == "explicit"
    c1.number_input(t("stepper.ph", lang), 0, 5, key=k("ph"), disabled=not explicit)
    c2.number_input(t("stepper.pw", lang), 0, 5, key=k("pw"), disabled=not explicit)
    c1.number_input(t("stepper.sh", lang), 1, 6, key=k("sh"))
    c2.number_input(t("stepper.sw", lang), 1, 6, key=k("sw"))
    c1.number_input(t("stepper.dh", lang), 1, 4, key=k("dh"))
    c2.number_input(t("stepper.dw", lang), 1, 4, key=k("dw"))

g = state.get
padding = (g(PAGE, "ph"), g(PAGE, "pw")) if explicit else g(PAGE, "pad")
stride, dilation = (g(PAGE, "sh"), g(PAGE, "sw")), (g(PAGE, "dh"), g(PAGE, "dw"))
flip = g(PAGE, "op") == "conv"

shape = None
if X is None or K is None:
    st.info(t("stepper.fix_inputs", lang))
else:
    if flip:
        K = convcore.flip_kernel(K)
        st.info(t("stepper.flipped", lang, K=matrix_text(K).replace(";", "; ")))
    try:
        shape = convcore.output_shape(X.shape, K.shape, padding, stride, dilation)
    except ValueError as e:
        st.error(t("stepper.bad_config", lang, reason=e))

if shape is not None:
    H, W = shape
    # a cell picked for an earlier, larger output is clamped into this one
    st.session_state[k("i")] = min(g(PAGE, "i"), H - 1)
    st.session_state[k("j")] = min(g(PAGE, "j"), W - 1)
    i, j = g(PAGE, "i"), g(PAGE, "j")
    pads = convcore.pad_amounts(X.shape, K.shape, padding, stride, dilation)
    st.caption(t("stepper.shape", lang, n_h=X.shape[0], n_w=X.shape[1], k_h=K.shape[0], k_w=K.shape[1],
                 pads=(*pads[0], *pads[1]), s=stride, d=dilation, H=H, W=W))

    st.subheader(t("stepper.walk", lang))
    labels = {name: t(f"stepper.lbl_{name}", lang) for name in
              ("input", "kernel", "products", "output", "step", "play", "pause")}
    fig = walk_figure(X, K, padding, stride, dilation, step=i * W + j, labels=labels)
    st.plotly_chart(fig, key=k("walk_chart"), width="stretch")

    st.subheader(t("stepper.pick", lang))
    st.caption(t("stepper.pick_help", lang))
    Y = convcore.corr2d(X, K, padding=padding, stride=stride, dilation=dilation)
    in_col, out_col, ctl_col = st.columns([3, 2, 2])
    with ctl_col:
        st.selectbox(t("stepper.row", lang), range(H), key=k("i"))
        st.selectbox(t("stepper.col", lang), range(W), key=k("j"))
        i, j = g(PAGE, "i"), g(PAGE, "j")
        window = convcore.window_at(X, K, i, j, padding=padding, stride=stride, dilation=dilation)
        st.markdown(f"#### {t('stepper.cell_sum', lang, i=i, j=j, sum=window_sum(window, K))}")
        st.caption(t("stepper.cell_reads", lang, cells=", ".join(f"({r}, {c})" for r, c in window.cells(dilation))))
    with in_col:
        st.plotly_chart(reads_figure(X, K, padding, stride, dilation, cell=(i, j), title=labels["input"]),
                        key=k("reads_chart"), width="stretch")
    with out_col:
        st.plotly_chart(output_picker(Y, cell=(i, j), title=t("stepper.lbl_output_click", lang)),
                        key=k("pick_chart"), on_select=pick_cell, selection_mode="points", width="stretch")

    st.subheader(t("stepper.result", lang))
    st.dataframe(Y, key=k("result_table"))
    st.download_button(t("stepper.download", lang), "\n".join(",".join(f"{v:g}" for v in row) for row in Y),
                       file_name="convlab_output.csv", mime="text/csv", key=k("download"))

    config = (matrix_text(X), matrix_text(K), padding, stride, dilation)
    if st.button(t("stepper.verify", lang), key=k("verify")):
        from convlab.tfcheck import tf_corr2d

        try:
            with st.spinner(t("common.tf_loading", lang)):
                ref = tf_corr2d(X, K, padding, stride, dilation)
            st.session_state["_stepper.verified"] = (config, float(np.abs(ref - Y).max()))
        except ImportError as e:
            st.session_state["_stepper.verified"] = (config, t("common.tf_missing", lang, error=e))
        except ValueError as e:
            st.session_state["_stepper.verified"] = (config, t("stepper.verify_unsupported", lang, reason=e))
    verified = st.session_state.get("_stepper.verified")
    if verified and verified[0] == config:
        result = verified[1]
        if isinstance(result, str):
            st.warning(result)
        elif result <= 1e-4 * max(1.0, float(np.abs(Y).max())):
            st.success(t("stepper.verified", lang, H=H, W=W, diff=result))
        else:
            st.error(t("stepper.verify_differs", lang, diff=result))

    widgets.code_expander(lang, codegen.tf_code(X.shape, K.shape, padding, stride, dilation, flip=flip),
                          codegen.convcore_code(padding, stride, dilation, flip=flip))

state.sync(PAGE, PARAMS)
