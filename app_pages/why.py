"""Why convolution: from fully connected layers to convolutions, and multiple channels."""
import streamlit as st

from convcore import why
from convlab import state, widgets
from convlab.why import MAX_KERNEL, MAX_SIDE, channels_code, params_code, pixel_arithmetic
from convlab.figures import why as figs
from convlab.text import t
from convlab.urlstate import Bool, Choice, Int


PAGE = "why"
N_L, N_C = why.LOCALITY_SIZE, why.CHANNEL_SIZE
PARAMS = {
    "h": Int(1000, 1, MAX_SIDE), "w": Int(1000, 1, MAX_SIDE), "same": Bool(True),
    "h2": Int(1000, 1, MAX_SIDE), "w2": Int(1000, 1, MAX_SIDE), "k": Int(21, 1, MAX_KERNEL),
    "pattern": Choice("cross", tuple(why.PATTERNS)),
    "dy": Int(3, 0, why.max_offset()), "dx": Int(4, 0, why.max_offset()),
    "delta": Int(2, 0, 5), "i": Int(5, 0, N_L - 1), "j": Int(4, 0, N_L - 1),
    "O": Int(2, 1, 2), "ck": Int(2, 1, 3), "mi": Int(1, 0, N_C - 1), "mj": Int(2, 0, N_C - 1),
}
K = {name: state.key(PAGE, name) for name in PARAMS}


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.why", lang))
st.markdown(t("why.intro", lang))

# --- 1. parameter counts -------------------------------------------------------
st.header(t("why.params_header", lang))
st.markdown(t("why.params_intro", lang))
st.latex(r"[\mathbf{H}]_{i,j} = [\mathbf{U}]_{i,j} + \sum_k \sum_l [\mathsf{W}]_{i,j,k,l}[\mathbf{X}]_{k,l}"
         r"\quad\longrightarrow\quad [\mathbf{H}]_{i,j} = u + \sum_{a=-\Delta}^{\Delta}\sum_{b=-\Delta}^{\Delta}"
         r"[\mathbf{V}]_{a,b}[\mathbf{X}]_{i+a,j+b}")
c1, c2, c3 = st.columns(3)
c1.number_input(t("why.h", lang), 1, MAX_SIDE, key=K["h"])
c2.number_input(t("why.w", lang), 1, MAX_SIDE, key=K["w"])
c3.number_input(t("why.k", lang), 1, MAX_KERNEL, key=K["k"])
c1, c2, c3 = st.columns(3)
c1.toggle(t("why.same", lang), key=K["same"])
same = st.session_state[K["same"]]
if not same:
    c2.number_input(t("why.h2", lang), 1, MAX_SIDE, key=K["h2"])
    c3.number_input(t("why.w2", lang), 1, MAX_SIDE, key=K["w2"])
h, w, k = st.session_state[K["h"]], st.session_state[K["w"]], st.session_state[K["k"]]
hidden = (None, None) if same else (st.session_state[K["h2"]], st.session_state[K["w2"]])
try:
    counts = why.param_counts(h, w, k, *hidden)
except ValueError:
    m = min(h, w)
    st.error(t("why.kernel_too_big", lang, k=k, h=h, w=w, m=m))
    counts = None
seed = why.param_counts(**why.SEED_CLAIM)
seed_text = t("why.seed_claim", lang, dense_w=f"{seed.dense.weights:,}", dense_b=f"{seed.dense.biases:,}",
              tb=f"{seed.dense.float32_bytes / 1e12:.1f}", conv_w=f"{seed.conv.weights:,}")
if counts is None:
    st.info(seed_text, icon=":material/menu_book:")
else:
    st.markdown(figs.params_table(counts, lang))
    left, right = st.columns([3, 2])
    left.plotly_chart(figs.params_bar(counts, lang), key="why.params_chart", width="stretch")
    with right:
        st.markdown(t("why.ratio", lang, dense=f"{counts.dense.total:,}", conv=f"{counts.conv.total:,}",
                      ratio=f"{counts.ratio:,}"))
        st.info(seed_text, icon=":material/menu_book:")
    widgets.code_expander(lang, *params_code(h, w, k, *hidden))

# --- 2. translation invariance ---------------------------------------------------
st.header(t("why.trans_header", lang))
st.markdown(t("why.trans_intro", lang))
c1, c2, c3 = st.columns(3)
c1.selectbox(t("why.pattern", lang), list(why.PATTERNS), format_func=lambda p: t(f"why.pattern_{p}", lang),
             key=K["pattern"])
c2.slider(t("why.dy", lang), 0, why.max_offset(), key=K["dy"])
c3.slider(t("why.dx", lang), 0, why.max_offset(), key=K["dx"])
dy, dx = st.session_state[K["dy"]], st.session_state[K["dx"]]
demo = why.translation_demo(st.session_state[K["pattern"]], dy, dx)
st.plotly_chart(figs.translation_figure(demo, lang), key="why.translation", width="stretch")
if (dy, dx) == (0, 0):
    st.info(t("why.trans_zero", lang))
else:
    a, b = demo.conv_at_centre
    st.success(t("why.trans_conv_result", lang, dy=dy, dx=dx, diff=demo.conv_diff, a=a, b=b))
    a, b = demo.lc_at_centre
    st.warning(t("why.trans_lc_result", lang, dy=dy, dx=dx, diff=demo.lc_diff, a=a, b=b))

# --- 3. locality --------------------------------------------------------------------
st.header(t("why.loc_header", lang))
st.markdown(t("why.loc_intro", lang))
c1, c2, c3 = st.columns(3)
c1.slider(t("why.delta", lang), 0, 5, key=K["delta"])
c2.slider(t("why.row", lang), 0, N_L - 1, key=K["i"])
c3.slider(t("why.col", lang), 0, N_L - 1, key=K["j"])
win = why.locality_window((N_L, N_L), st.session_state[K["i"]], st.session_state[K["j"]],
                          st.session_state[K["delta"]])
left, right = st.columns([1, 1])
left.plotly_chart(figs.locality_figure(win, lang), key="why.loc_chart", width="stretch")
with right:
    st.markdown(t("why.loc_result", lang, i=win.pixel[0], j=win.pixel[1], s=win.side, window=win.window,
                  total=win.total, h=N_L, w=N_L, pct=100 * win.window / win.total))
    if win.inside < win.window:
        st.markdown(t("why.loc_border", lang, inside=win.inside, window=win.window, pad=win.window - win.inside))
    st.markdown(t("why.loc_big", lang, h=f"{h:,}", w=f"{w:,}", window=f"{win.window:,}", total=f"{h * w:,}"))

# --- 4. channels --------------------------------------------------------------------
st.header(t("why.ch_header", lang))
st.markdown(t("why.ch_intro", lang))
c1, c2 = st.columns(2)
c1.radio(t("why.out_channels", lang), [1, 2], horizontal=True, key=K["O"])
c2.radio(t("why.ch_k", lang), [1, 2, 3], horizontal=True, key=K["ck"])
O, ck = st.session_state[K["O"]], st.session_state[K["ck"]]
ch = why.channel_demo(O, ck)
C = ch.X.shape[0]
st.subheader(t("why.ch_inputs", lang))
st.plotly_chart(figs.channel_inputs_figure(ch.X, lang), key="why.ch_inputs", width="stretch")
for o in range(O):
    st.subheader(t("why.ch_row", lang, o=o))
    st.plotly_chart(figs.channel_row_figure(ch.K, ch.parts, ch.Y, o, lang), key=f"why.ch_row{o}", width="stretch")
if ch.sums_match:
    st.markdown(t("why.ch_check", lang, C=C, shape=f"{O}×{ch.Y.shape[1]}×{ch.Y.shape[2]}", O=O, k=ck,
                  n=ch.n_params))
else:
    st.error(t("why.ch_mismatch", lang))
widgets.code_expander(lang, *channels_code(O, ck))

st.subheader(t("why.mix_header", lang))
st.markdown(t("why.mix_intro", lang))
c1, c2 = st.columns(2)
c1.slider(t("why.mix_row", lang), 0, N_C - 1, key=K["mi"])
c2.slider(t("why.mix_col", lang), 0, N_C - 1, key=K["mj"])
mi, mj = st.session_state[K["mi"]], st.session_state[K["mj"]]
mix = why.pixel_mix(ch.X, why.mixing_weights(O), mi, mj)
st.plotly_chart(figs.mixing_figure(mix, lang), key="why.mix", width="stretch")
st.markdown("\n".join(f"- `{t('why.mix_arith', lang, o=o, i=mi, j=mj, arith=pixel_arithmetic(mix, o))}`"
                      for o in range(O)))
st.plotly_chart(figs.mixing_output_figure(mix, lang), key="why.mix_out", width="stretch")

st.header(t("why.summary_header", lang))
st.markdown(t("why.summary", lang))
state.sync(PAGE, PARAMS)
