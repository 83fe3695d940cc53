"""Exercises on a page: one exercise drawn with its answer input, check,
verdict, worked solution and a link to the view that shows it (``exercise``),
and a teaching page's closing "Your turn" (``your_turn``).

State lives in ``st.session_state`` under the key given (a page's own
prefix), never in the URL: a page's link stays its configuration.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .exercises import MAX_SEED, AnswerError, Exercise, Grid, Latex, Table, Text, cell_label, random_seed
from .exercises import your_turn_exercise
from .exercises.figures import grid_figure
from .fmt import quoted
from .nav import PAGES
from .text import t

__all__ = ["exercise", "your_turn", "result_of"]

_PLOT_CONFIG = {"displayModeBar": False}


def result_of(key: str) -> dict | None:
    """The graded answer of the exercise drawn under ``key``: ``{"correct": bool,
    "parsed": the answer as understood, or None when the learner asked for the
    answer}``; None before a check."""
    return st.session_state.get(f"{key}.result")


def _page_title(script: str, lang: str) -> str:
    return next((t(p.title, lang) for p in PAGES if p.script == script), script)


def _parts(parts, lang: str, key: str) -> None:
    """Text, LaTeX and tables in order; consecutive grids side by side (stacked on a phone)."""
    grids: list[tuple[int, Grid]] = []  # (index among the parts: the chart's key, grid)

    def flush():
        if grids:
            widths = [max(3, len(g.rows[0])) for _, g in grids]
            for col, (n, g) in zip(st.columns(widths, gap="medium"), grids):
                col.plotly_chart(grid_figure(g, lang), key=f"{key}.grid{n}", width="stretch", config=_PLOT_CONFIG)
            grids.clear()

    for n, part in enumerate(parts):
        if isinstance(part, Grid):
            grids.append((n, part))
            continue
        flush()
        if isinstance(part, Text):
            st.markdown(part.render(lang))
        elif isinstance(part, Latex):
            st.latex(part.render(lang))
        elif isinstance(part, Table):
            frame = pd.DataFrame(list(part.rows), columns=[c.render(lang) for c in part.columns])
            st.table(frame, hide_index=True)
    flush()


def _raw(ex: Exercise, key: str):
    """What the learner has given so far, as the answer's parser takes it."""
    ss = st.session_state
    if ex.answer.widget == "cells":
        return [label for r in range(ex.answer.grid[0]) for label in (ss.get(f"{key}.cells.{r}") or [])]
    return ss.get(f"{key}.answer")


def _check(ex: Exercise, key: str, give_up: bool = False) -> None:
    ss = st.session_state
    if give_up:
        ss[f"{key}.result"] = {"correct": False, "parsed": None}
        return
    try:
        graded = ex.answer.check(_raw(ex, key))
    except AnswerError as e:
        ss[f"{key}.error"] = (e.kind, e.text)
    else:
        ss[f"{key}.result"] = {"correct": graded.correct, "parsed": graded.parsed}


def _answer_input(ex: Exercise, lang: str, key: str) -> None:
    # Never disabled after the check: a widget whose parameters change starts
    # afresh, and the learner's answer would vanish from it.
    a, question = ex.answer, ex.question.render(lang)
    if a.widget == "choice":
        st.radio(f"**{question}**", a.options, index=None, format_func=lambda o: a.label(o, lang),
                 horizontal=a.horizontal, key=f"{key}.answer")
    elif a.widget == "cells":
        st.markdown(f"**{question}**")
        st.caption(t("practice.choose_cells", lang))
        for r in range(a.grid[0]):
            st.pills(t("practice.row_label", lang, r=r), [cell_label(r, c) for c in range(a.grid[1])],
                     selection_mode="multi", key=f"{key}.cells.{r}", label_visibility="collapsed")
    else:
        st.text_input(f"**{question}**", key=f"{key}.answer", max_chars=100,
                      placeholder=a.placeholder.render(lang) if a.placeholder else None)
    if a.tolerance:
        st.caption(a.tolerance.render(lang))


def exercise(ex: Exercise, lang: str, key: str) -> dict | None:
    """Draw ``ex`` under the session key prefix ``key``: prompt, hint, answer
    input and check (in a form: Enter checks), then the verdict, the worked
    solution and a link that opens the view configured to the exercise.
    Returns the graded answer (see :func:`result_of`), None before a check."""
    _parts(ex.prompt, lang, f"{key}.prompt")
    result = result_of(key)
    with st.form(f"{key}.form", border=False, enter_to_submit=True):
        _answer_input(ex, lang, key)
        c1, c2 = st.columns(2)
        c1.form_submit_button(t("practice.check", lang), type="primary", on_click=_check, args=(ex, key),
                              disabled=result is not None, width="stretch", key=f"{key}.check")
        c2.form_submit_button(t("practice.give_up", lang), on_click=_check, args=(ex, key, True),
                              disabled=result is not None, width="stretch", key=f"{key}.reveal")
    if error := st.session_state.pop(f"{key}.error", None):
        kind, text = error
        st.warning(t(f"practice.err_{kind}", lang, text=quoted(text)), icon=":material/edit:")
    if result is None:
        with st.expander(t("practice.hint", lang), icon=":material/lightbulb:"):
            st.markdown(ex.hint.render(lang))
        return None
    answer = ex.answer.expected_text(lang)
    if result["parsed"] is None:
        st.info(t("practice.gave_up", lang, answer=answer))
    else:  # typed answers are echoed as text; the others are the app's own labels
        given = ex.answer.describe(result["parsed"], lang)
        given = quoted(given, limit=60) if ex.answer.widget == "text" else given
        if result["correct"]:
            st.success(t("practice.right", lang, given=given), icon=":material/check_circle:")
        else:
            st.error(t("practice.wrong", lang, given=given, answer=answer), icon=":material/cancel:")
    with st.container(border=True):
        st.markdown(f"**{t('practice.solution', lang)}**")
        _parts(ex.solution, lang, f"{key}.solution")
        st.link_button(t("practice.open_view", lang, page=_page_title(ex.target.script, lang)), ex.target.link(lang),
                       icon=":material/open_in_new:", key=f"{key}.open")
    return result


def _new_exercise(state_key: str) -> None:
    st.session_state[state_key] = {"n": st.session_state[state_key]["n"] + 1, "seed": random_seed(MAX_SEED)}


@st.fragment
def your_turn(page: str, lang: str) -> None:
    """A teaching page's closing "Your turn": one exercise of the page's kinds
    (``page`` is the page's ``PAGE``), and a button for a new one. Its state is
    ``st.session_state["<page>.yourturn"]`` and keys under ``"<page>.yt."``;
    it writes nothing into the URL. A fragment: checking an answer or drawing
    a new exercise reruns this section only, not the page's figures."""
    state_key = f"{page}.yourturn"
    if state_key not in st.session_state:
        st.session_state[state_key] = {"n": 0, "seed": random_seed(MAX_SEED)}
    n, seed = st.session_state[state_key]["n"], st.session_state[state_key]["seed"]
    st.divider()
    st.header(t("practice.your_turn", lang), anchor=False)
    st.caption(t("practice.your_turn_intro", lang))
    exercise(your_turn_exercise(page, n, seed), lang, f"{page}.yt.{n}.{seed}")
    st.button(t("practice.new_exercise", lang), key=f"{page}.yt.new", on_click=_new_exercise, args=(state_key,),
              icon=":material/refresh:")
