"""The practice page's logic: a set of ten exercises from one seed (the link's
``?set=``), the set seed read from a link, the score, and which exercise a
teaching page's "Your turn" shows next."""
from __future__ import annotations

import secrets

import numpy as np

from ..urlstate import Int, ParamError
from .core import KINDS, MAX_SEED, Exercise, generate, kinds_for

__all__ = ["SET_SIZE", "MAX_SET", "SET_PARAM", "practice_set", "parse_set", "random_seed", "set_query", "score",
           "your_turn_exercise"]

SET_SIZE = 10
MAX_SET = 999_999  # a set number stays short enough to read out to a class
SET_PARAM = Int(0, 0, MAX_SET)  # ?set=<seed>


def practice_set(seed: int, size: int = SET_SIZE) -> tuple[Exercise, ...]:
    """The ``size`` exercises of set ``seed``, in order: every kind once, the
    rest drawn among the kinds, shuffled; each exercise from its own seed.
    The same seed gives the same set (in every language).

    >>> [e.kind for e in practice_set(42)] == [e.kind for e in practice_set(42)]
    True
    >>> len(practice_set(42)), len({e.kind for e in practice_set(42)}) == len(KINDS)
    (10, True)
    """
    rng = np.random.default_rng(int(seed))
    names = list(KINDS)
    extra = [str(n) for n in rng.choice(names, size=max(0, size - len(names)), replace=size - len(names) > len(names))]
    order = [str(n) for n in rng.permutation(names + extra)][:size]
    seeds = rng.integers(0, MAX_SEED, size=len(order), endpoint=True)
    return tuple(generate(kind, int(s)) for kind, s in zip(order, seeds))


def parse_set(text: str) -> int:
    """A link's ``set`` value as a set seed; raises :class:`convlab.urlstate.ParamError`
    (``not_whole`` or ``range``) for anything else.

    >>> parse_set("42")
    42
    >>> parse_set("1e99")
    Traceback (most recent call last):
    ...
    convlab.urlstate.ParamError: '1e99' is not a whole number.
    """
    if not str(text).strip().isascii():  # int() would read other scripts' digits
        raise ParamError("not_whole", text=text)
    return SET_PARAM.parse(text)


def random_seed(upper: int = MAX_SET) -> int:
    """A fresh seed in ``0..upper`` (a new set, a new "Your turn")."""
    return secrets.randbelow(upper + 1)


def set_query(seed: int, lang: str) -> dict[str, str]:
    """The practice page's URL parameters: the set and, but for English, the language.

    >>> set_query(42, "zh")
    {'set': '42', 'lang': 'zh'}
    """
    return {"set": str(seed), **({"lang": lang} if lang != "en" else {})}


def score(results: dict) -> tuple[int, int]:
    """``(right, answered)`` of a set's results (question number -> correct?).

    >>> score({0: True, 3: False, 4: True})
    (2, 3)
    """
    return sum(1 for ok in results.values() if ok), len(results)


def your_turn_exercise(page: str, n: int, seed: int) -> Exercise:
    """The ``n``-th exercise a teaching page's "Your turn" shows: its kinds in
    turn, each drawn from ``seed``. Raises ``KeyError`` for a page without kinds."""
    kinds = kinds_for(page)
    if not kinds:
        raise KeyError(f"no exercise kinds for page {page!r}")
    return generate(kinds[n % len(kinds)], seed)
