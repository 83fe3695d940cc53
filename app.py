"""ConvLab: the entry point. Page config, language, navigation."""
import streamlit as st

from convlab.text import LANGS, t
from convlab import state, widgets
from convlab.nav import PAGES

st.set_page_config(page_title="ConvLab", page_icon="🔲", layout="wide")

lang = state.lang()
with st.sidebar:
    st.selectbox(t("app.language", lang), list(LANGS), format_func=LANGS.get, key="lang")
    lang = state.lang()
    st.caption(t("app.sidebar_about", lang))
    widgets.quiet_interrupted_animations()  # every page: the animated walks may be interrupted

home = st.Page("app_pages/home.py", title=t("page.home", lang), icon=":material/home:", default=True)
pages = [st.Page(p.script, title=t(p.title, lang), icon=p.icon) for p in PAGES]
st.navigation([home, *pages]).run()
