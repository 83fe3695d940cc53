"""Groups and depthwise convolution: which input channels each output channel reads, and what that saves."""
import streamlit as st

from convlab import groups, state, widgets, yourturn
from convlab.figures import groups as figs
from convlab.figures.why import MODEBAR_CONFIG
from convlab.text import t

PAGE = "groups"
PARAMS = groups.PARAMS  # channels, kernel size, groups, image size, the followed output channel


def follow_output():
    """A click on an output channel of the diagram follows it."""
    points = st.session_state[state.key(PAGE, "diagram")].selection.points
    o = groups.picked_output(points, state.get(PAGE, "cin"), state.get(PAGE, "cout"))
    if o is not None:
        st.session_state[state.key(PAGE, "o")] = o


def chart(fig, name: str, config=MODEBAR_CONFIG, **kw) -> None:
    st.plotly_chart(fig, key=state.key(PAGE, name), width="stretch", config=config, **kw)


def groups_label(g: int) -> str:
    if g == 1:
        return t("groups.g_standard", lang, g=g)
    return t("groups.g_depthwise", lang, g=g) if g == cin else str(g)


lang = state.lang()
state.init(PAGE, PARAMS)
st.title(t("page.groups", lang))
st.markdown(t("groups.intro", lang))

c1, c2, c3 = st.columns(3)
cin = widgets.slider(PAGE, PARAMS, "cin", t("groups.cin", lang), container=c1)
cout = widgets.slider(PAGE, PARAMS, "cout", t("groups.cout", lang), container=c2)
k = widgets.slider(PAGE, PARAMS, "k", t("groups.k", lang), container=c3)
legal = groups.legal_groups(cin, cout)
moved = groups.groups_move(state.get(PAGE, "g"), cin, cout)  # a link's value, or channels changed under it
if moved:
    st.session_state[state.key(PAGE, "g")] = moved[0]
    st.warning(t("groups.g_moved", lang, **moved[1]))
g = st.select_slider(t("groups.g", lang), options=legal, key=state.key(PAGE, "g"), format_func=groups_label,
                     disabled=len(legal) == 1)
if len(legal) == 1:
    st.caption(t("groups.only_one", lang, cin=cin, cout=cout))
elif cout % cin:
    st.caption(t("groups.no_depthwise", lang, cin=cin, cout=cout))
o = min(state.get(PAGE, "o"), cout - 1)  # followed for more output channels than there are now?
st.session_state[state.key(PAGE, "o")] = o

# --- 1. which input channels each output channel reads --------------------------------
st.header(t("groups.diagram_header", lang))
left, right = st.columns([3, 2], gap="large")
with left:
    chart(figs.connection_figure(cin, cout, g, o, lang), "diagram", on_select=follow_output, selection_mode="points")
    st.markdown(groups.reads_text(cin, cout, g, k, lang))
with right:
    st.caption(t("groups.diagram_help", lang))
    st.markdown(t("groups.kernel_shape", lang, cout=cout, per_in=cin // g, k=k))

# --- 2. the worked example -------------------------------------------------------------
st.header(t("groups.example_header", lang, o=o))
st.markdown(t("groups.example_intro", lang, cin=cin, g=g))
c1, _ = st.columns([1, 2])
o = c1.selectbox(t("groups.o", lang), range(cout), key=state.key(PAGE, "o"))
ex = groups.example(cin, cout, g)
inputs_fig, kernel_fig, output_fig = figs.example_figures(ex, o, lang)
left, right = st.columns(2, gap="large")
with left:  # what output channel o reads, then what it computes
    chart(inputs_fig, "example_x", figs.NO_MODEBAR)
    chart(kernel_fig, "example_k", figs.NO_MODEBAR)
with right:
    chart(output_fig, "example_y", figs.NO_MODEBAR)
    lines, total = groups.cell_lines(ex, o, lang)
    st.markdown(t("groups.cell_intro", lang, o=o, grp=ex.group_of(o)))
    st.markdown("\n".join(f"- `{line}`" for line in lines) + f"\n\n**`{total}`**")
    others = [c for c in range(cin) if c not in set(ex.inputs[o].tolist())]
    if others:
        st.caption(t("groups.cell_skips", lang, others=", ".join(map(str, others)), o=o))
    else:
        st.caption(t("groups.cell_all", lang, cin=cin))

# --- 3. parameters and multiply-adds -----------------------------------------------------
st.header(t("groups.counts_header", lang))
st.markdown(t("groups.counts_intro", lang))
c1, c2, _ = st.columns(3)
h = widgets.number(PAGE, PARAMS, "h", t("groups.h", lang), container=c1)
w = widgets.number(PAGE, PARAMS, "w", t("groups.w", lang), container=c2)
cost = groups.costs(cin, cout, k, g, h, w)
st.table(groups.counts_table(cost, lang), hide_index=True)
st.markdown(groups.ratio_text(cost, lang))
st.caption(groups.depthwise_note(cost, lang))
st.download_button(t("groups.download", lang), groups.counts_csv(cost), file_name="convlab_groups_counts.csv",
                   mime="text/csv", key=state.key(PAGE, "download"), icon=":material/download:",
                   on_click="ignore")  # no rerun: the file is kept

# --- 4. depthwise-separable ----------------------------------------------------------------
st.header(t("groups.sep_header", lang))
st.markdown(t("groups.sep_intro", lang, k=k, cin=cin, cout=cout))
st.table(groups.separable_table(cost, lang), hide_index=True)
st.latex(groups.separable_latex(cost))
level, verdict = groups.separable_verdict(cost, lang)
getattr(st, level)(verdict)  # st.success / st.warning

widgets.code_expander(lang, lambda: groups.code(cin, cout, k, g, h, w, o), key=state.key(PAGE, "code"))
yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)
