"""Why convolution: from fully connected layers to convolutions, and multiple channels."""
import streamlit as st

from convcore import why
from convlab import state, widgets, yourturn
from convlab.why import (MAX_KERNEL, MAX_SIDE, channels_code, locality_lines, params_code, pixel_arithmetic,
                         ratio_numbers, seed_claim_numbers)
from convlab.figures import why as figs
from convlab.text import t
from convlab.urlstate import Bool, Choice, Int, IntChoice


PAGE = "why"
SECTIONS = ("params", "translation", "locality", "channels")  # one shown at a time: only its figures are built
N_L, N_C = why.LOCALITY_SIZE, why.CHANNEL_SIZE
PARAMS = {
    "h": Int(1000, 1, MAX_SIDE), "w": Int(1000, 1, MAX_SIDE), "same": Bool(True),
    "h2": Int(1000, 1, MAX_SIDE), "w2": Int(1000, 1, MAX_SIDE), "k": Int(21, 1, MAX_KERNEL),
    "pattern": Choice("cross", tuple(why.PATTERNS)),
    "dy": Int(3, 0, why.max_offset()), "dx": Int(4, 0, why.max_offset()),
    "delta": Int(2, 0, 5), "i": Int(5, 0, N_L - 1), "j": Int(4, 0, N_L - 1),
    "O": IntChoice(2, 1, 2), "ck": IntChoice(2, 1, 3), "mi": Int(1, 0, N_C - 1), "mj": Int(2, 0, N_C - 1),
    "sec": Choice("params", SECTIONS),
}


def next_section(sec: str) -> None:
    """A button to the next section, where a reader reaches the end of this one."""
    following = SECTIONS[SECTIONS.index(sec) + 1]
    st.button(t("why.next", lang, section=t(f"why.sec_{following}", lang)), key=state.key(PAGE, "next"),
              icon=":material/arrow_forward:", on_click=st.session_state.update, args=({state.key(PAGE, "sec"): following},))


def charts(name: str, figures, widths=None, align: str = "top") -> None:
    """Figures side by side; on a phone the columns stack, so the figures never squeeze."""
    for n, (col, fig) in enumerate(zip(st.columns(widths or len(figures), vertical_alignment=align), figures)):
        if fig is not None:  # None: an empty column, so that a lone figure keeps its width
            col.plotly_chart(fig, key=state.key(PAGE, f"{name}{n}"), width="stretch", config=figs.MODEBAR_CONFIG)


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.why", lang))
st.markdown(t("why.intro", lang))
sec = widgets.choice(PAGE, PARAMS, "sec", t("why.sections", lang), widget="segmented_control", required=True,
                     format_func=lambda v: t(f"why.sec_{v}", lang), width="stretch")
h, w = state.get(PAGE, "h"), state.get(PAGE, "w")  # the locality section speaks of this image too

if sec == "params":  # 1. parameter counts
    st.header(t("why.params_header", lang))
    st.markdown(t("why.params_intro", lang))
    st.latex(r"\small\begin{gathered}[\mathbf{H}]_{i,j} = [\mathbf{U}]_{i,j} + \sum_k \sum_l [\mathsf{W}]_{i,j,k,l}[\mathbf{X}]_{k,l}"
             r"\\ \big\downarrow \\ [\mathbf{H}]_{i,j} = u + \sum_{a=-\Delta}^{\Delta}\sum_{b=-\Delta}^{\Delta}"
             r"[\mathbf{V}]_{a,b}[\mathbf{X}]_{i+a,j+b}\end{gathered}")  # one formula a line: each fits a phone
    c1, c2, c3 = st.columns(3)
    h = widgets.number(PAGE, PARAMS, "h", t("why.h", lang), container=c1)
    w = widgets.number(PAGE, PARAMS, "w", t("why.w", lang), container=c2)
    k = widgets.number(PAGE, PARAMS, "k", t("why.k", lang), container=c3)
    c1, c2, c3 = st.columns(3)
    same = widgets.flag(PAGE, PARAMS, "same", t("why.same", lang), widget="toggle", container=c1)
    hidden = (None, None)  # the hidden representation as large as the image
    if not same:
        h2 = widgets.number(PAGE, PARAMS, "h2", t("why.h2", lang), container=c2)
        w2 = widgets.number(PAGE, PARAMS, "w2", t("why.w2", lang), container=c3)
        hidden = (h2, w2)
    try:
        counts = why.param_counts(h, w, k, *hidden)
    except ValueError:
        st.error(t("why.kernel_too_big", lang, k=k, h=h, w=w, m=min(h, w)))
        counts = None
    seed_text = t("why.seed_claim", lang, **seed_claim_numbers())
    if counts is None:
        st.info(seed_text, icon=":material/menu_book:")
    else:
        st.table(figs.params_table(counts, lang), hide_index=True)
        left, right = st.columns([3, 2])
        left.plotly_chart(figs.params_bar(counts, lang), key=state.key(PAGE, "params_chart"), width="stretch",
                          config=figs.MODEBAR_CONFIG)
        with right:
            st.markdown(t("why.ratio", lang, **ratio_numbers(counts)))
            st.info(seed_text, icon=":material/menu_book:")
        widgets.code_expander(lang, lambda: params_code(h, w, k, *hidden), key=state.key(PAGE, "code_params"))

elif sec == "translation":  # 2. translation invariance
    st.header(t("why.trans_header", lang))
    st.markdown(t("why.trans_intro", lang))
    c1, c2, c3 = st.columns(3)
    pattern = widgets.choice(PAGE, PARAMS, "pattern", t("why.pattern", lang),
                             format_func=lambda p: t(f"why.pattern_{p}", lang), container=c1)
    dy = widgets.slider(PAGE, PARAMS, "dy", t("why.dy", lang), container=c2)
    dx = widgets.slider(PAGE, PARAMS, "dx", t("why.dx", lang), container=c3)
    demo = why.translation_demo(pattern, dy, dx)
    charts("translation", figs.translation_figures(demo, lang))
    if (dy, dx) == (0, 0):
        st.info(t("why.trans_zero", lang))
    else:
        a, b = demo.conv_at_centre
        st.success(t("why.trans_conv_result", lang, dy=dy, dx=dx, diff=demo.conv_diff, a=a, b=b))
        a, b = demo.lc_at_centre
        st.warning(t("why.trans_lc_result", lang, dy=dy, dx=dx, diff=demo.lc_diff, a=a, b=b))

elif sec == "locality":  # 3. locality
    st.header(t("why.loc_header", lang))
    st.markdown(t("why.loc_intro", lang))
    c1, c2, c3 = st.columns(3)
    delta = widgets.slider(PAGE, PARAMS, "delta", t("why.delta", lang), container=c1)
    i = widgets.slider(PAGE, PARAMS, "i", t("why.row", lang), container=c2)
    j = widgets.slider(PAGE, PARAMS, "j", t("why.col", lang), container=c3)
    win = why.locality_window((N_L, N_L), i, j, delta)
    left, right = st.columns([1, 1])
    left.plotly_chart(figs.locality_figure(win, lang), key=state.key(PAGE, "loc_chart"), width="stretch",
                      config=figs.MODEBAR_CONFIG)
    for line in locality_lines(win, (h, w), lang):
        right.markdown(line)

else:  # 4. channels, and the 1x1 convolution
    st.header(t("why.ch_header", lang))
    st.markdown(t("why.ch_intro", lang))
    c1, c2 = st.columns(2)
    O = widgets.choice(PAGE, PARAMS, "O", t("why.out_channels", lang), widget="radio", horizontal=True, container=c1)
    ck = widgets.choice(PAGE, PARAMS, "ck", t("why.ch_k", lang), widget="radio", horizontal=True, container=c2)
    ch = why.channel_demo(O, ck)
    C = ch.X.shape[0]
    st.subheader(t("why.ch_inputs", lang))
    charts("ch_inputs", figs.channel_input_figures(ch.X, lang))
    for o in range(O):
        st.subheader(t("why.ch_row", lang, o=o))
        charts(f"ch_row{o}_", figs.channel_row_figures(ch.K, ch.parts, ch.Y, o, lang), align="bottom")
    if ch.sums_match:
        st.markdown(t("why.ch_check", lang, C=C, shape=f"{O}×{ch.Y.shape[1]}×{ch.Y.shape[2]}", O=O, k=ck,
                      n=ch.n_params))
    else:
        st.error(t("why.ch_mismatch", lang))
    widgets.code_expander(lang, lambda: channels_code(O, ck), key=state.key(PAGE, "code_channels"))

    st.subheader(t("why.mix_header", lang))
    st.markdown(t("why.mix_intro", lang))
    c1, c2 = st.columns(2)
    mi = widgets.slider(PAGE, PARAMS, "mi", t("why.mix_row", lang), container=c1)
    mj = widgets.slider(PAGE, PARAMS, "mj", t("why.mix_col", lang), container=c2)
    mix = why.pixel_mix(ch.X, why.mixing_weights(O), mi, mj)
    charts("mix", figs.mixing_figures(mix, lang), widths=[3, 2, 2], align="bottom")
    st.markdown("\n".join(f"- `{t('why.mix_arith', lang, o=o, i=mi, j=mj, arith=pixel_arithmetic(mix, o))}`"
                          for o in range(O)))
    charts("mix_out", figs.mixing_output_figures(mix, lang) + [None] * (2 - O))
    st.header(t("why.summary_header", lang))
    st.markdown(t("why.summary", lang))
if sec != SECTIONS[-1]:
    next_section(sec)
yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
