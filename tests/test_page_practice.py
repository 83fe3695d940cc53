"""AppTest: the practice page (a set of ten from ``?set=``) and a teaching page's "Your turn"."""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from convlab.exercises import KINDS, cell_label, practice_set, your_turn_exercise
from convlab.fmt import quoted
from tests.conftest import open_page
from convlab.text import t
from tests.plotly_util import chart, figures

SET = 42
EXERCISES = practice_set(SET)


def key(n: int, round_: int = 0, set_: int = SET) -> str:
    return f"practice.q.{round_}.{set_}.{n}"


def give(at, ex, k: str, right: bool = True):
    """Answer exercise ``ex`` drawn under key ``k`` (rightly or with a near miss), then check."""
    a = ex.answer
    if a.widget == "cells":
        cells = sorted(a.expected) if right else sorted({(r, 0) for r, _ in a.expected})
        if not right and set(cells) == a.expected:
            cells = cells[1:] or [(0, 1)]
        for r in range(a.grid[0]):
            at.button_group(key=f"{k}.cells.{r}").set_value([cell_label(rr, c) for rr, c in cells if rr == r])
    elif a.widget == "choice":
        at.radio(key=f"{k}.answer").set_value(a.expected if right else next(o for o in a.options if o != a.expected))
    elif isinstance(a.expected, tuple):
        h, w = a.expected
        at.text_input(key=f"{k}.answer").input(f"({h}, {w})" if right else f"{h + 1}×{w}")
    else:
        at.text_input(key=f"{k}.answer").input(repr(float(a.expected)) if right else repr(float(a.expected) * 3 + 7))
    at.button(key=f"{k}.check").click().run()
    assert not at.exception, at.exception


def progress(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Question "))


def first_of(widget: str, kind: str | None = None) -> int:
    return next(n for n, ex in enumerate(EXERCISES) if ex.answer.widget == widget and kind in (None, ex.kind))


def go_to(at, n: int):
    for _ in range(n):
        at.button(key="practice.next").click().run()
    return at


def test_the_link_gives_the_set_and_keeps_it_in_the_url():
    at = open_page("practice", {"set": SET})
    assert at.query_params["set"] == str(SET) and not at.warning
    assert at.subheader[0].value == f"Question 1: {t(f'practice.kind_{EXERCISES[0].kind}')}"
    assert progress(at) == "Question 1 of 10 · 0 right of 0 answered"
    assert any(f"?set={SET}" in c.value for c in at.code)


def test_without_a_set_one_is_picked_and_written_for_sharing():
    at = open_page("practice", lang="zh")
    assert re.fullmatch(r"\d{1,6}", at.query_params["set"]) and at.query_params["lang"] == "zh"
    assert at.title[0].value == "练习" and not at.warning


def test_a_right_answer_scores_and_shows_the_worked_solution_and_the_view():
    at = open_page("practice", {"set": SET})
    ex = EXERCISES[0]
    give(at, ex, key(0))
    assert at.success[0].value.startswith("Right: ")
    assert progress(at) == "Question 1 of 10 · 1 right of 1 answered"
    (link,) = at.link_button
    assert link.proto.url == ex.target.link("en") and link.value.startswith("See it on “")
    assert any(m.value == "**Worked solution**" for m in at.markdown)
    strip = chart(at, "practice.strip")
    assert strip["data"][0]["text"][0][0] == "1✓"
    assert dict(at.query_params) == {"set": str(SET)}  # the answers are never in the URL
    assert at.button(key=f"{key(0)}.check").disabled


def test_a_wrong_answer_says_what_the_answer_is():
    for n in (first_of("text"), first_of("cells"), first_of("choice")):
        at = go_to(open_page("practice", {"set": SET}), n)
        ex = EXERCISES[n]
        give(at, ex, key(n), right=False)
        (error,) = at.error
        assert error.value.startswith("Not quite") and f"**{ex.answer.expected_text('en')}**" in error.value
        assert progress(at).endswith("0 right of 1 answered")


def test_showing_the_answer_counts_as_answered_not_right():
    at = open_page("practice", {"set": SET})
    at.button(key=f"{key(0)}.reveal").click().run()
    assert at.info[0].value == f"The answer is **{EXERCISES[0].answer.expected_text('en')}**."
    assert progress(at).endswith("0 right of 1 answered")
    assert chart(at, "practice.strip")["data"][0]["text"][0][0] == "1✗"


@pytest.mark.parametrize("kind,typed,message", [
    ("output_shape", "", "Type or choose an answer first."),
    ("output_shape", "abc", None),
    ("output_shape", "[x](http://e.com)", None),
    ("output_shape", "5", None),
    ("output_shape", "8.5 x 2", None),
    ("param_count", "8x8", None),
    ("param_count", "1e999", None),
    ("param_count", "<b>x</b>", None),
])
def test_bad_answers_get_a_short_message_and_no_score(kind, typed, message):
    n = first_of("text", kind)
    at = go_to(open_page("practice", {"set": SET}), n)
    at.text_input(key=f"{key(n)}.answer").input(typed)
    at.button(key=f"{key(n)}.check").click().run()
    assert not at.exception and not at.error and not at.success
    (warning,) = at.warning
    if message:
        assert warning.value == message
    else:
        assert quoted(typed) in warning.value and typed not in warning.value.replace(quoted(typed), "")
    assert progress(at).endswith("0 right of 0 answered")
    # the answer stays open: a right one now counts
    give(at, EXERCISES[n], key(n))
    assert at.success and progress(at).endswith("1 right of 1 answered")


def test_nothing_chosen_is_no_answer():
    for n in (first_of("cells"), first_of("choice")):
        at = go_to(open_page("practice", {"set": SET}), n)
        at.button(key=f"{key(n)}.check").click().run()
        assert at.warning[0].value in ("Select at least one cell first.", "Choose one of the answers first.")


def test_a_whole_set_right_then_start_over_keeps_the_questions():
    at = open_page("practice", {"set": SET})
    for n, ex in enumerate(EXERCISES):
        assert at.subheader[0].value.startswith(f"Question {n + 1}: ")
        give(at, ex, key(n))
        assert at.success, (n, ex.kind)
        if n < 9:
            at.button(key="practice.next").click().run()
    assert progress(at) == "Question 10 of 10 · 10 right of 10 answered"
    assert any("**10 of 10**" in s.value for s in at.success)
    assert at.button(key="practice.next").disabled
    at.button(key="practice.start_over").click().run()
    assert progress(at) == "Question 1 of 10 · 0 right of 0 answered"
    assert at.query_params["set"] == str(SET)
    give(at, EXERCISES[0], key(0, round_=1))  # the same first question, a fresh answer
    assert at.success


def test_previous_and_next_move_through_the_set():
    at = open_page("practice", {"set": SET})
    assert at.button(key="practice.previous").disabled
    at.button(key="practice.next").click().run()
    at.button(key="practice.next").click().run()
    at.button(key="practice.previous").click().run()
    assert progress(at).startswith("Question 2 of 10")


def test_a_new_set_is_written_to_the_url_and_starts_blank():
    at = open_page("practice", {"set": SET})
    give(at, EXERCISES[0], key(0))
    at.button(key="practice.new_set").click().run()
    new = at.query_params["set"]
    assert re.fullmatch(r"\d{1,6}", new) and progress(at).endswith("0 right of 0 answered")
    assert new == str(SET) or practice_set(int(new)) != EXERCISES


@pytest.mark.parametrize("raw", ["abc", "-1", "1e99", "[x](http://e.com)", "1000000", "4 2", "٤٢", "<b>x</b>"])
def test_a_bad_set_in_the_link_is_said_and_replaced(raw):
    at = open_page("practice", {"set": raw})
    (warning,) = at.warning
    assert warning.icon == "🔗" and quoted(raw) in warning.value
    assert raw not in warning.value.replace(quoted(raw), "")  # shown only as text
    new = at.query_params["set"]
    assert re.fullmatch(r"\d{1,6}", new) and f"set {new} instead" in warning.value


def test_a_bad_set_is_said_in_chinese():
    at = open_page("practice", {"set": "abc"}, "zh")
    assert "题组" in at.warning[0].value and "不是整数" in at.warning[0].value


def test_an_empty_set_is_no_set():
    at = open_page("practice", {"set": ""})
    assert not at.warning and re.fullmatch(r"\d{1,6}", at.query_params["set"])


def test_the_set_reads_the_same_in_chinese():
    en, zh = open_page("practice", {"set": SET}), open_page("practice", {"set": SET}, "zh")
    assert zh.subheader[0].value.startswith("第 1 题：")
    grids = [[f["data"][0]["z"] for f in figures(at)] for at in (en, zh)]
    assert grids[0] == grids[1] and len(grids[0]) >= 1  # the progress strip, and the question's grids
    numbers = [sorted(re.findall(r"\d+", " ".join(m.value for m in at.markdown[1:]))) for at in (en, zh)]
    assert numbers[0] == numbers[1]


# ------------------------------------------------------------------------------ "Your turn"

def your_turn_app(page: str, lang: str = "en") -> AppTest:
    """A script that draws only a page's "Your turn" (the teaching pages add it at their end)."""
    def script(page, lang):
        from convlab.yourturn import your_turn
        your_turn(page, lang)

    return AppTest.from_function(script, kwargs=dict(page=page, lang=lang), default_timeout=60).run()


@pytest.mark.parametrize("page", sorted({k.page for k in KINDS.values()}))
def test_your_turn_draws_the_pages_kinds_and_a_new_one_on_demand(page):
    at = your_turn_app(page)
    assert not at.exception and at.header[0].value == "Your turn"
    state = at.session_state[f"{page}.yourturn"]
    assert state["n"] == 0
    prefix = f"{page}.yt.0.{state['seed']}"
    assert at.button(key=f"{prefix}.check")
    at.button(key=f"{prefix}.reveal").click().run()
    assert at.info and at.link_button  # the answer, its solution and the configured view
    at.button(key=f"{page}.yt.new").click().run()
    assert at.session_state[f"{page}.yourturn"]["n"] == 1 and not at.info
    assert dict(at.query_params) == {}  # nothing of it goes into the page's link
    assert all(k.startswith(f"{page}.") or k.startswith("$$") for k in at.session_state._state.filtered_state)


def answer_your_turn(at, page: str, right: bool = True, lang: str = "en"):
    """Answer the exercise a teaching page's "Your turn" shows (rightly or with a
    near miss) and check: the verdict, the worked solution and the link to the
    configured view are shown, the page's URL is untouched. Returns the exercise."""
    before = dict(at.query_params)
    state = at.session_state[f"{page}.yourturn"]
    ex = your_turn_exercise(page, state["n"], state["seed"])
    give(at, ex, f"{page}.yt.{state['n']}.{state['seed']}", right)
    answer = ex.answer.expected_text(lang)
    if right:  # a typed answer is echoed as the app understood it
        given = quoted(answer, limit=60) if ex.answer.widget == "text" else answer
        assert t("practice.right", lang, given=given) in [s.value for s in at.success]
    else:
        assert any(f"**{answer}**" in e.value for e in at.error)
    assert any(m.value == f"**{t('practice.solution', lang)}**" for m in at.markdown)
    assert at.link_button[-1].proto.url == ex.target.link(lang)
    assert dict(at.query_params) == before  # nothing of the exercise goes into the page's link
    return ex


def your_turn_round(at, page: str) -> set[str]:
    """A page's "Your turn" at the end of the page: a right answer, then a new
    exercise answered wrongly. Returns the kinds drawn."""
    assert at.header[-1].value == "Your turn"
    first = answer_your_turn(at, page)
    at.button(key=f"{page}.yt.new").click().run()
    assert at.session_state[f"{page}.yourturn"]["n"] == 1 and not any(s.value.startswith("Right") for s in at.success)
    second = answer_your_turn(at, page, right=False)
    return {first.kind, second.kind}


@pytest.mark.parametrize("script,page", [("why", "why"), ("stepper", "stepper"), ("padding_stride", "padding"),
                                         ("edges", "edges"), ("training", "training")])
def test_each_chapter_page_ends_with_its_own_your_turn(script, page):
    at = open_page(script)
    kinds = your_turn_round(at, page)
    assert kinds <= {k.name for k in KINDS.values() if k.page == page}
    assert not at.exception
