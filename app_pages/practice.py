"""Practice: a set of ten predict-then-reveal exercises; ``?set=<seed>`` gives a class the same ten."""
from urllib.parse import urlencode

import streamlit as st

from convlab import state, yourturn
from convlab.exercises import SET_SIZE, parse_set, practice_set, random_seed, score, set_query
from convlab.exercises.figures import progress_strip
from convlab.fmt import quoted
from convlab.text import t
from convlab.urlstate import ParamError

PAGE = "practice"
SET, ROUND, CURRENT = "practice.set", "practice.round", "practice.current"  # session only: never in the URL
ss = st.session_state


def question_key(n: int) -> str:
    """The session keys of question ``n`` in this round of this set (a new round starts blank)."""
    return f"practice.q.{ss[ROUND]}.{ss[SET]}.{n}"


def forget_answers() -> None:
    for k in [k for k in ss if k.startswith("practice.q.")]:
        del ss[k]


def start(seed: int) -> None:
    """A set from its first question, no answers (the buttons' callback)."""
    forget_answers()
    ss.update({SET: seed, ROUND: ss.get(ROUND, -1) + 1, CURRENT: 0})


def go(n: int) -> None:
    ss[CURRENT] = n


lang = state.lang()
st.title(t("page.practice", lang))
st.markdown(t("practice.intro", lang))

if SET not in ss:  # the session's first visit: the link's set, else a new one
    raw, seed = st.query_params.get("set", "").strip(), None
    if raw:
        try:
            seed = parse_set(raw)
        except ParamError as e:  # shown as text, never as Markdown
            seed = random_seed()
            fmt = {k: quoted(v) if k == "text" else v for k, v in e.fmt.items()}
            st.warning(t("practice.bad_set", lang, value=quoted(raw), reason=t(f"url.{e.kind}", lang, **fmt), seed=seed),
                       icon="🔗")
    start(random_seed() if seed is None else seed)

exercises = practice_set(ss[SET])
results = {n: r["correct"] for n in range(SET_SIZE) if (r := yourturn.result_of(question_key(n))) is not None}
right, answered = score(results)
n = ss[CURRENT]

wanted = set_query(ss[SET], lang)  # the URL: the set (and the language), never the answers
st.caption(t("practice.share", lang, set=ss[SET]))
st.code(f"{st.context.url or ''}?{urlencode(wanted)}", language=None, wrap_lines=True)

statuses = ["todo" if q not in results else "right" if results[q] else "wrong" for q in range(SET_SIZE)]
st.plotly_chart(progress_strip(statuses, n, lang), key="practice.strip", width="stretch",
                config={"displayModeBar": False})
st.caption(t("practice.progress", lang, n=n + 1, total=SET_SIZE, right=right, answered=answered))

ex = exercises[n]
st.subheader(t("practice.question_title", lang, n=n + 1, kind=t(f"practice.kind_{ex.kind}", lang)), anchor=False)
with st.container(key="practice.question"):
    yourturn.exercise(ex, lang, question_key(n))

back, forward = st.columns(2)
back.button(t("practice.previous", lang), key="practice.previous", on_click=go, args=(n - 1,), disabled=n == 0,
            icon=":material/arrow_back:", width="stretch")
forward.button(t("practice.next", lang), key="practice.next", on_click=go, args=(n + 1,), disabled=n == SET_SIZE - 1,
               icon=":material/arrow_forward:", width="stretch", type="primary" if n in results else "secondary")

if answered == SET_SIZE:
    st.success(t("practice.done", lang, right=right, total=SET_SIZE), icon=":material/emoji_events:")
again, other = st.columns(2)
again.button(t("practice.start_over", lang), key="practice.start_over", on_click=start, args=(ss[SET],),
             icon=":material/replay:", width="stretch")
other.button(t("practice.new_set", lang), key="practice.new_set", on_click=lambda: start(random_seed()),
             icon=":material/casino:", width="stretch")

if dict(st.query_params) != wanted:
    st.query_params.from_dict(wanted)
