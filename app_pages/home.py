"""Home: what ConvLab is, one card per page, how to run it."""
import streamlit as st

from convlab.text import t
from convlab import state
from convlab.nav import PAGES

lang = state.lang()
st.title(t("app.title", lang))
st.subheader(t("app.tagline", lang))
st.markdown(t("home.intro", lang))

st.header(t("home.pages", lang))
for n, page in enumerate(PAGES):
    if n % 2 == 0:  # a row of two: on a phone the rows stack, so the cards keep the menu's order
        cols = st.columns(2)
    with cols[n % 2].container(border=True):
        st.page_link(page.script, label=t(page.title, lang), icon=page.icon)
        st.caption(t("home.follows", lang, section=t(page.section, lang)))
        st.write(t(page.blurb, lang))

st.header(t("home.run_title", lang))
st.code(
    "python3 -m venv .venv && . .venv/bin/activate\n"
    "pip install -r requirements.txt && streamlit run app.py",
    language="bash",
)
state.sync("home", {})
