"""Each page's widget state, mirrored in the URL so a link reproduces it.

Widgets are keyed ``"<page>.<name>"``. Before the widgets are drawn,
``init`` fills their session state: from the link on the session's first
visit to the page (bad values fall back to the default, with a warning),
else from what the user last had on that page, else the default. After the
widgets, ``sync`` saves the values and writes the non-default ones into the
URL.

Importing this module (the app does, on every run) also installs
:func:`keep_keras_session`, once per process.
"""
from __future__ import annotations

import functools
import sys

import streamlit as st
from streamlit.runtime.scriptrunner import script_runner

from convlab.fmt import quoted
from convlab.text import LANGS, t
from convlab.urlstate import Param, ParamError


def _clean_problem_modules() -> None:
    """Streamlit's cleanup after every script run, without its Keras part.

    Streamlit's ``script_runner._clean_problem_modules`` calls
    ``keras.backend.clear_session()`` after every run of every session once
    Keras is imported (here: after anyone trains, or checks against
    TensorFlow). Keras 3 frees memory there with a full ``gc.collect()``:
    ~170 ms of CPU per rerun on this app (TensorFlow holds ~360,000 Python
    objects), and it resets Keras' global state while another session may be
    training. Training builds its layers afresh on every run
    (:mod:`convcore.training`) and keeps none in Keras' global state, so the
    reset buys nothing. The matplotlib part (closing every figure) is kept as
    Streamlit has it.
    """
    if "matplotlib.pyplot" in sys.modules:
        try:
            sys.modules["matplotlib.pyplot"].close("all")
        except Exception:  # as Streamlit's: a cleanup never stops the app
            pass


def keep_keras_session() -> bool:
    """Install :func:`_clean_problem_modules` in place of Streamlit's (idempotent).

    Returns whether it is installed: False when this Streamlit has no such
    function (a test names the version that changed it)."""
    if not hasattr(script_runner, "_clean_problem_modules"):
        return False
    script_runner._clean_problem_modules = _clean_problem_modules
    return True


keep_keras_session()


def lang() -> str:
    """The chosen language; the first run of a session reads it from the URL."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = st.query_params.get("lang", "en") if st.query_params.get("lang") in LANGS else "en"
    return st.session_state["lang"]


def key(page: str, name: str) -> str:
    return f"{page}.{name}"


def init(page: str, params: dict[str, Param]) -> None:
    saved = st.session_state.get(f"_saved.{page}")
    from_url = saved is None  # first visit in this session: the link decides
    if saved and st.session_state.get(f"_lang.{page}", lang()) != lang():
        # The language changed: radios and selectboxes send back the label they
        # showed, which matches no option in the new language. What the page
        # had wins (set before the widgets exist, it overrides the browser's).
        for name, value in saved.items():
            st.session_state[key(page, name)] = value
    warnings = []
    for name, p in params.items():
        k = key(page, name)
        if k in st.session_state:
            continue
        value = p.default
        if from_url and name in st.query_params:
            raw = st.query_params[name]
            try:
                value = p.parse(raw)
            except ValueError as e:
                # What came from the link is shown as text, never as Markdown, HTML or LaTeX.
                if isinstance(e, ParamError):
                    reason = t(f"url.{e.kind}", lang(), **{k: quoted(v) if k == "text" else v for k, v in e.fmt.items()})
                else:  # a page's own parameter types give their reason in English only
                    reason = quoted(str(e).rstrip(".") + ".", limit=200)
                warnings.append(t("common.url_warning", lang(), name=name, value=quoted(raw), reason=reason))
        elif saved and name in saved:
            value = saved[name]
        st.session_state[k] = value
    if warnings:
        st.session_state[f"_warnings.{page}"] = warnings
    st.session_state.setdefault(f"_saved.{page}", {})
    for w in st.session_state.pop(f"_warnings.{page}", []):
        st.warning(w, icon="🔗")


def get(page: str, name: str):
    return st.session_state[key(page, name)]


def sync(page: str, params: dict[str, Param]) -> None:
    # A widget not drawn in this run (a section not shown) loses its session
    # state after the run; its last value is kept here, and init restores it.
    values = {name: v for name, v in st.session_state.get(f"_saved.{page}", {}).items() if name in params}
    values.update({name: st.session_state[key(page, name)] for name in params if key(page, name) in st.session_state})
    st.session_state[f"_saved.{page}"] = values
    st.session_state[f"_lang.{page}"] = lang()
    wanted = {name: params[name].format(v) for name, v in values.items() if v != params[name].default}
    if lang() != "en":
        wanted["lang"] = lang()
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def fragment(page: str, params: dict[str, Param]):
    """``@st.fragment`` for a page section whose widgets own some of the page's
    parameters: its controls rerun the section alone, and the section then
    writes the link (:func:`sync`), which the page's own last line does not
    see on a fragment's rerun."""
    def wrap(section):
        @st.fragment
        @functools.wraps(section)
        def run(*args, **kwargs):
            section(*args, **kwargs)
            sync(page, params)
        return run
    return wrap
