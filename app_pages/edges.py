"""Edge detection playground: the seed's picture and kernel [1, −1], presets, your own picture."""
import functools

import streamlit as st

from convcore import PAD_MODES, kernels
from convlab import edges, images, state, widgets, yourturn
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
    "pad_mode": Choice("zeros", PAD_MODES),
    "abs": Bool(False),
}
UPLOAD = state.key(PAGE, "upload")  # the uploaded file: session only, never in the URL
CAMERA, CAMERA_ON = state.key(PAGE, "camera"), state.key(PAGE, "camera_on")  # the camera's photo, likewise


def edit_copy(K) -> None:
    widgets.set_matrix(PAGE, "custom", K)
    st.session_state[state.key(PAGE, "kernel")] = kernels.CUSTOM


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.edges", lang))
st.markdown(t("edges.intro", lang))

camera = st.session_state.get(CAMERA) if st.session_state.get(CAMERA_ON) else None
picture, source = edges.choose_picture(st.session_state, st.session_state.get(UPLOAD), camera)  # the latest
decoded, upload_error = edges.decode_once(st.session_state, picture)
c_img, c_ker, c_out = st.columns(3, gap="medium")

with c_img:
    st.subheader(t("edges.image_header", lang))
    image = widgets.choice(PAGE, PARAMS, "image", t("edges.image", lang), disabled=decoded is not None,
                           format_func=lambda n: t(f"edges.img.{n}", lang))
    size = widgets.slider(PAGE, PARAMS, "size", t("edges.size", lang), help=t("edges.size_help", lang),
                          disabled=decoded is not None or image == "seed")
    transpose = widgets.flag(PAGE, PARAMS, "transpose", t("edges.transpose", lang),
                             help=t("edges.transpose_help", lang))
    st.file_uploader(t("edges.upload", lang), type=list(images.EXTENSIONS), key=UPLOAD,
                     help=t("edges.upload_help", lang, max_side=images.MAX_SIDE),
                     on_change=edges.remember_source, args=(st.session_state, "upload"))
    if st.toggle(t("edges.camera_on", lang), key=CAMERA_ON, help=t("edges.camera_on_help", lang,
                                                                    max_side=images.MAX_SIDE)):
        st.camera_input(t("edges.camera", lang), key=CAMERA, label_visibility="collapsed", resolution="480p",
                        on_change=edges.remember_source, args=(st.session_state, "camera"))
    if decoded is not None:
        st.caption(edges.picture_caption(decoded, picture, source, lang))
        if decoded.downscaled:
            h0, w0 = decoded.original_size
            st.info(t("edges.upload_downscaled", lang, h0=h0, w0=w0, max_side=images.MAX_SIDE))
        if decoded.animated:
            st.caption(t("edges.upload_animated", lang))
    elif upload_error is not None:
        st.error(edges.upload_error_message(upload_error, edges.picture_name(picture, source, lang), lang))
        st.caption(t("edges.upload_fallback", lang))

with c_ker:
    st.subheader(t("edges.kernel_header", lang))
    name = widgets.choice(PAGE, PARAMS, "kernel", t("edges.kernel", lang),
                          format_func=lambda n: edges.preset_label(n, lang))
    st.caption(t(f"edges.kdesc.{name}", lang))
    if name == kernels.CUSTOM:
        K = widgets.matrix_editor(PAGE, "custom", t("edges.custom_label", lang), lang, max_size=edges.MAX_CUSTOM)
    else:
        K = kernels.preset(name)
        st.button(t("edges.edit_custom", lang), on_click=edit_copy, args=(K,), key=state.key(PAGE, "edit"))
    kt = widgets.flag(PAGE, PARAMS, "kt", t("edges.kt", lang), help=t("edges.kt_help", lang))

with c_out:
    st.subheader(t("edges.output_header", lang))
    padding = widgets.choice(PAGE, PARAMS, "padding", t("edges.padding", lang), widget="radio",
                             format_func=lambda p: t(f"edges.pad.{p}", lang))
    pad_mode = widgets.choice(PAGE, PARAMS, "pad_mode", t("edges.pad_mode", lang), disabled=padding != "same",
                              help=t("edges.pad_mode_help", lang), format_func=lambda m: t(f"edges.pm.{m}", lang))
    absolute = widgets.flag(PAGE, PARAMS, "abs", t("edges.abs", lang), help=t("edges.abs_help", lang))

X0 = decoded.pixels if decoded is not None else images.synthetic(image, size)
X, K = edges.Setup(transpose=transpose, kt=kt).oriented(X0, K)  # Xᵀ, Kᵀ when asked
problem = edges.pad_mode_problem(X.shape, K.shape, pad_mode) if K is not None and padding == "same" else None
if problem:  # a picture too small to mirror that much: zero padding meanwhile
    st.warning(t(problem[0], lang, **problem[1]))
setup = edges.Setup(image=image, uploaded=decoded is not None, transpose=transpose, kernel=name, kt=kt,
                    padding=padding, absolute=absolute, pad_mode="zeros" if problem or padding != "same" else pad_mode)

result = None
if K is None:
    st.info(t("edges.custom_invalid", lang))
else:
    try:
        result = edges.detect(X, K, padding, setup.pad_mode, absolute=absolute, preset_name=setup.preset_name)
    except ValueError:
        st.error(t("edges.fit_error", lang, kh=K.shape[0], kw=K.shape[1], h=X.shape[0], w=X.shape[1]))

Y, M = (result.shown, result.magnitude) if result is not None else (None, None)
f = figs.display_factor(*[A.shape for A in (X, Y, M) if A is not None])
height = figs.figure_height(X.shape)
f_img, f_ker, f_out = st.columns(3, gap="medium")
with f_img:
    st.plotly_chart(figs.image_figure(X, t("edges.fig.input", lang, h=X.shape[0], w=X.shape[1]), f, height, lang),
                    key=state.key(PAGE, "fig_input"), width="stretch")
if K is not None:
    with f_ker:
        st.plotly_chart(figs.kernel_figure(K, t("edges.fig.kernel", lang, h=K.shape[0], w=K.shape[1]), height, lang),
                        key=state.key(PAGE, "fig_kernel"), width="stretch")
if result is not None:
    oh, ow = Y.shape
    with f_out:
        title = t("edges.fig.output_abs" if absolute else "edges.fig.output", lang, h=oh, w=ow)
        st.plotly_chart(figs.output_figure(Y, title, f, signed=not absolute, height=height, lang=lang),
                        key=state.key(PAGE, "fig_output"), width="stretch")
    with f_ker:
        st.caption(t("edges.shapes", lang, h=X.shape[0], w=X.shape[1], kh=K.shape[0], kw=K.shape[1],
                     padding=padding, oh=oh, ow=ow))
        if not absolute:
            st.caption(t("edges.colours", lang))
        if padding == "same" and (border := edges.border_stats(X, K, setup.pad_mode)):
            st.caption(edges.border_caption(border, lang))
    with f_out:
        if result.all_zero:
            st.info(edges.zero_message(edges.zero_case(X, K), K, setup, lang))
        elif setup.is_chapter_example:
            st.success(t("edges.seed_note", lang))
        if f > 1:
            st.caption(t("edges.reduced", lang, f=f))
        st.download_button(t("edges.download_png", lang), functools.partial(images.png_bytes, Y),
                           file_name="edges_output.png", mime="image/png", on_click="ignore", icon=":material/image:",
                           key=state.key(PAGE, "png"), help=t("edges.download_png_help", lang))
        st.download_button(t("edges.download_npy", lang), functools.partial(images.npy_bytes, Y),
                           file_name="edges_output.npy", mime="application/octet-stream", on_click="ignore",
                           key=state.key(PAGE, "npy"), help=t("edges.download_npy_help", lang), icon=":material/download:")
    if M is not None:
        g_note, _, g_fig = st.columns(3, gap="medium")
        g_note.markdown(t("edges.magnitude_note", lang))
        with g_fig:
            st.plotly_chart(figs.output_figure(M, t("edges.fig.magnitude", lang, h=M.shape[0], w=M.shape[1]), f,
                                               signed=False, height=height, lang=lang),
                            key=state.key(PAGE, "fig_magnitude"), width="stretch")

if K is not None:
    widgets.code_expander(lang, lambda: setup.code(X0.shape, K), key=state.key(PAGE, "code"))
yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
