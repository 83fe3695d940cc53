"""Edge detection playground: the seed's picture and kernel [1, −1], presets, your own picture."""
import functools

import streamlit as st

from convcore import kernels
from convlab import edges, images, state, widgets
from convlab.figures import edges as figs
from convlab.text import t
from convlab.urlstate import Bool, Choice, Int, Matrix


PAGE = "edges"
PARAMS = {
    "image": Choice("seed", images.SYNTHETIC),
    "size": Int(64, 8, 512),
    "transpose": Bool(False),
    "kernel": Choice("seed", kernels.PRESET_NAMES),
    "kt": Bool(False),
    "custom": Matrix("1,-1", edges.MAX_CUSTOM, edges.MAX_CUSTOM),
    "padding": Choice("valid", ("valid", "same")),
    "abs": Bool(False),
}
UPLOAD = "edges.upload"  # the uploaded file: session only, never in the URL


def decoded_upload():
    """The current upload as (file, Decoded or None, ImageError or None), decoded once per file."""
    f = st.session_state.get(UPLOAD)
    if f is None:
        return None, None, None
    cached = st.session_state.get("_edges.decoded")
    if not cached or cached[0] != f.file_id:
        try:
            cached = (f.file_id, images.decode_upload(f.getvalue()), None)
        except images.ImageError as e:
            cached = (f.file_id, None, e)
        st.session_state["_edges.decoded"] = cached
    return f, cached[1], cached[2]


def edit_copy(K) -> None:
    widgets.set_matrix(PAGE, "custom", K)
    st.session_state["edges.kernel"] = kernels.CUSTOM


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.edges", lang))
st.markdown(t("edges.intro", lang))

upload, decoded, upload_error = decoded_upload()
c_img, c_ker, c_out = st.columns(3, gap="medium")

with c_img:
    st.subheader(t("edges.image_header", lang))
    st.selectbox(t("edges.image", lang), images.SYNTHETIC, format_func=lambda n: t(f"edges.img.{n}", lang),
                 key="edges.image", disabled=decoded is not None)
    st.slider(t("edges.size", lang), 8, 512, key="edges.size", help=t("edges.size_help", lang),
              disabled=decoded is not None or state.get(PAGE, "image") == "seed")
    st.checkbox(t("edges.transpose", lang), key="edges.transpose", help=t("edges.transpose_help", lang))
    st.file_uploader(t("edges.upload", lang), type=list(images.EXTENSIONS), key=UPLOAD,
                     help=t("edges.upload_help", lang, max_side=images.MAX_SIDE))
    if decoded is not None:
        h, w = decoded.pixels.shape
        st.caption(t("edges.upload_using", lang, name=upload.name, h=h, w=w))
        if decoded.downscaled:
            h0, w0 = decoded.original_size
            st.info(t("edges.upload_downscaled", lang, h0=h0, w0=w0, max_side=images.MAX_SIDE))
        if decoded.animated:
            st.caption(t("edges.upload_animated", lang))
    elif upload_error is not None:
        d = upload_error.details
        kind = "too_large_header" if upload_error.kind == "too_large" and "width" not in d else upload_error.kind
        st.error(t(f"edges.err.{kind}", lang, name=upload.name, size=f"{d.get('width')}×{d.get('height')}",
                   limit=d.get("limit", images.MAX_PIXELS), mode=d.get("mode", "?")))
        st.caption(t("edges.upload_fallback", lang))

with c_ker:
    st.subheader(t("edges.kernel_header", lang))
    name = st.selectbox(
        t("edges.kernel", lang), kernels.PRESET_NAMES, key="edges.kernel",
        format_func=lambda n: t(f"edges.k.{n}", lang) + ("" if n == kernels.CUSTOM else f"  {edges.kernel_text(n)}"),
    )
    st.caption(t(f"edges.kdesc.{name}", lang))
    if name == kernels.CUSTOM:
        K = widgets.matrix_editor(PAGE, "custom", t("edges.custom_label", lang), lang, max_size=edges.MAX_CUSTOM)
    else:
        K = kernels.preset(name)
        st.button(t("edges.edit_custom", lang), on_click=edit_copy, args=(K,), key="edges.edit")
    st.checkbox(t("edges.kt", lang), key="edges.kt", help=t("edges.kt_help", lang))
    if K is not None and state.get(PAGE, "kt"):
        K = K.T

with c_out:
    st.subheader(t("edges.output_header", lang))
    padding = st.radio(t("edges.padding", lang), ("valid", "same"), key="edges.padding",
                       format_func=lambda p: t(f"edges.pad.{p}", lang))
    absolute = st.checkbox(t("edges.abs", lang), key="edges.abs", help=t("edges.abs_help", lang))

image_name = state.get(PAGE, "image")
X0 = decoded.pixels if decoded is not None else images.synthetic(image_name, state.get(PAGE, "size"))
transposed = state.get(PAGE, "transpose")
X = X0.T if transposed else X0

result = None
if K is None:
    st.info(t("edges.custom_invalid", lang))
else:
    try:
        result = kernels.detect(X, K, padding, absolute=absolute,
                                preset_name=None if name == kernels.CUSTOM else name)
    except ValueError:
        st.error(t("edges.fit_error", lang, kh=K.shape[0], kw=K.shape[1], h=X.shape[0], w=X.shape[1]))

Y = result.shown if result is not None else None
M = result.magnitude if result is not None else None
f = figs.display_factor(*[A.shape for A in (X, Y, M) if A is not None])
height = figs.figure_height(X.shape)
f_img, f_ker, f_out = st.columns(3, gap="medium")
with f_img:
    st.plotly_chart(figs.image_figure(X, t("edges.fig.input", lang, h=X.shape[0], w=X.shape[1]), f, height),
                    key="edges.fig_input", width="stretch")
if K is not None:
    with f_ker:
        st.plotly_chart(figs.kernel_figure(K, t("edges.fig.kernel", lang, h=K.shape[0], w=K.shape[1]), height),
                        key="edges.fig_kernel", width="stretch")
if result is not None:
    oh, ow = Y.shape
    with f_out:
        title = t("edges.fig.output_abs" if absolute else "edges.fig.output", lang, h=oh, w=ow)
        st.plotly_chart(figs.output_figure(Y, title, f, signed=not absolute, height=height),
                        key="edges.fig_output", width="stretch")
    with f_ker:
        st.caption(t("edges.shapes", lang, h=X.shape[0], w=X.shape[1], kh=K.shape[0], kw=K.shape[1],
                     padding=padding, oh=oh, ow=ow))
        if not absolute:
            st.caption(t("edges.colours", lang))
    with f_out:
        if result.all_zero:
            st.info(t("edges.all_zero", lang))
        elif (decoded is None and image_name == "seed" and name == "seed" and not transposed
              and not state.get(PAGE, "kt") and not absolute):
            st.success(t("edges.seed_note", lang))
        if f > 1:
            st.caption(t("edges.reduced", lang, f=f))
        st.download_button(t("edges.download_png", lang), functools.partial(images.png_bytes, Y),
                           file_name="edges_output.png", mime="image/png", on_click="ignore",
                           key="edges.png", help=t("edges.download_png_help", lang), icon=":material/image:")
        st.download_button(t("edges.download_npy", lang), functools.partial(images.npy_bytes, Y),
                           file_name="edges_output.npy", mime="application/octet-stream", on_click="ignore",
                           key="edges.npy", help=t("edges.download_npy_help", lang), icon=":material/download:")
    if M is not None:
        g_note, _, g_fig = st.columns(3, gap="medium")
        g_note.markdown(t("edges.magnitude_note", lang))
        with g_fig:
            st.plotly_chart(figs.output_figure(M, t("edges.fig.magnitude", lang, h=M.shape[0], w=M.shape[1]), f,
                                               signed=False, height=height),
                            key="edges.fig_magnitude", width="stretch")

if K is not None:
    tf_text, cc_text = edges.code_snippets(
        X0.shape, K, padding, seed_image=decoded is None and image_name == "seed", transpose_image=transposed,
        absolute=absolute, preset_name=None if name == kernels.CUSTOM else name)
    widgets.code_expander(lang, tf_text, cc_text)
state.sync(PAGE, PARAMS)
