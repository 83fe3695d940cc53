"""What an exercise is made of, and the registry of exercise kinds.

An :class:`Exercise` is data: the parts of its prompt, the question, an
:class:`Answer` (which parses and grades what the learner gives), a hint, the
worked solution and the :class:`Target` view that answers it. Visible text is
:class:`Text` (a catalog key and its values, rendered in a language later), so
one exercise reads the same, with the same numbers, in every language.

A kind is a function ``make(rng) -> Exercise`` registered under a name with
:func:`register`; :func:`generate` draws one from an integer seed.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Callable
from urllib.parse import urlencode

import numpy as np

from ..fmt import num
from ..text import t
from ..urlstate import matrix_text
from .parse import AnswerError, parse_cell_labels, parse_number, parse_shape, shape_text

__all__ = ["Text", "Grid", "Table", "Latex", "Answer", "NumberAnswer", "ShapeAnswer", "CellsAnswer",
           "ChoiceAnswer", "Check", "Target", "Exercise", "Kind", "KINDS", "register", "generate", "kinds_for",
           "cell_label", "count_text", "render", "target"]


# ------------------------------------------------------------------ text parts

@dataclass(frozen=True)
class Text:
    """A catalog string and its values; a value may itself be a :class:`Text`.

    >>> Text("stepper.cell_sum", {"i": 0, "j": 1, "sum": "1×2 = 2"}).render("en")
    'Y[0, 1] = 1×2 = 2'
    """

    key: str
    values: dict = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return t(self.key, lang, **{k: v.render(lang) if isinstance(v, Text) else v for k, v in self.values.items()})


def render(value, lang: str) -> str:
    """A :class:`Text` rendered in ``lang``; anything else as text."""
    return value.render(lang) if isinstance(value, Text) else str(value)


@dataclass(frozen=True)
class Grid:
    """A small matrix shown as a heatmap with its numbers (a tuple of rows, so exercises compare equal)."""

    title: Text
    rows: tuple

    @classmethod
    def of(cls, title: Text, M) -> "Grid":
        return cls(title, tuple(tuple(float(v) for v in row) for row in np.asarray(M, dtype=float)))

    @property
    def array(self) -> np.ndarray:
        return np.array(self.rows, dtype=float)


@dataclass(frozen=True)
class Table:
    """A table: headers (text) and rows of cell strings."""

    columns: tuple
    rows: tuple


@dataclass(frozen=True)
class Latex:
    r"""A LaTeX block; each token of ``terms`` is replaced by its text, rendered in the language.

    >>> Latex(r"\text{@h@} = 2", {"@h@": Text("padding.word_h")}).render("zh")
    '\\text{高} = 2'
    """

    text: str
    terms: dict = field(default_factory=dict)

    def render(self, lang: str) -> str:
        out = self.text
        for token, term in self.terms.items():
            out = out.replace(token, render(term, lang))
        return out


# ---------------------------------------------------------------------- answers

@dataclass(frozen=True)
class Check:
    """A graded answer: whether it is right and the answer as understood
    (``parsed``: a number, a shape, cells, an option; :meth:`Answer.describe` writes it)."""

    correct: bool
    parsed: object


class Answer:
    """The right answer of an exercise: how the learner gives it (``widget``:
    ``"text"``, ``"cells"`` or ``"choice"``), how it is parsed and graded."""

    widget = "text"
    expected: object  # the right answer, as :meth:`parse` returns it (a field of each kind of answer)
    placeholder: Text | None = None  # an example of how to write it
    tolerance: Text | None = None  # how close counts, said under the question

    def parse(self, raw):  # pragma: no cover - abstract
        raise NotImplementedError

    def correct(self, parsed) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, parsed, lang: str) -> str:  # pragma: no cover - abstract
        """A parsed answer written out (``8 × 8``, ``19``, an option's label in ``lang``)."""
        raise NotImplementedError

    def expected_text(self, lang: str) -> str:
        return self.describe(self.expected, lang)

    def check(self, raw) -> Check:
        """Grade what the learner gave; raises :class:`AnswerError` for input that is no answer."""
        parsed = self.parse(raw)
        return Check(bool(self.correct(parsed)), parsed)


@dataclass(frozen=True)
class NumberAnswer(Answer):
    """A number, right within ``abs_tol`` or within ``rel_tol`` of the value
    (either tolerance, when it is not a rounding error's, is said under the question).

    >>> a = NumberAnswer(1_001_000, rel_tol=0.05)
    >>> a.check("1e6").correct, a.check("1.1e6").correct
    (True, False)
    >>> a = NumberAnswer(13 / 3, abs_tol=0.01)
    >>> a.check("4.33").correct, a.check("13/3").correct, a.check("4.3").correct
    (True, True, False)
    """

    expected: float
    rel_tol: float = 0.0
    abs_tol: float = 1e-6

    @property
    def placeholder(self):
        return Text("practice.placeholder_number")

    @property
    def tolerance(self):
        if self.rel_tol:
            return Text("practice.tolerance_rel", {"pct": num(100 * self.rel_tol)})
        return Text("practice.tolerance_abs", {"tol": num(self.abs_tol)}) if self.abs_tol >= 0.001 else None

    def parse(self, raw):
        return parse_number(raw)

    def correct(self, parsed) -> bool:
        return abs(parsed - self.expected) <= max(self.abs_tol, self.rel_tol * abs(self.expected))

    def describe(self, parsed, lang: str) -> str:
        return count_text(parsed)


@dataclass(frozen=True)
class ShapeAnswer(Answer):
    """Two whole numbers, rows × columns (every usual spelling: ``8x8``, ``8×8``, ``(8, 8)``, ``8,8``, ``8 8``)."""

    expected: tuple

    @property
    def placeholder(self):
        return Text("practice.placeholder_shape")

    def parse(self, raw):
        return parse_shape(raw)

    def correct(self, parsed) -> bool:
        return tuple(parsed) == tuple(self.expected)

    def describe(self, parsed, lang: str) -> str:
        return shape_text(parsed)


def count_text(v) -> str:
    """A number as an answer shows it: large ones whole, with thousands separators.

    >>> count_text(8388640.4), count_text(-6.0), count_text(0.01609)
    ('8,388,640', '-6', '0.01609')
    """
    v = float(v)
    return f"{v:,.0f}" if abs(v) >= 10_000 else num(v)


def cell_label(r: int, c: int) -> str:
    """A cell as the grid of choices labels it.

    >>> cell_label(1, 2)
    '(1, 2)'
    """
    return f"({r}, {c})"


@dataclass(frozen=True)
class CellsAnswer(Answer):
    """A set of cells of a ``grid`` (rows, columns), chosen by their labels (:func:`cell_label`)."""

    expected: frozenset
    grid: tuple

    widget = "cells"

    def parse(self, raw):
        return parse_cell_labels(raw)

    def correct(self, parsed) -> bool:
        return frozenset(parsed) == self.expected

    def describe(self, parsed, lang: str) -> str:
        return ", ".join(cell_label(r, c) for r, c in sorted(parsed))


@dataclass(frozen=True)
class ChoiceAnswer(Answer):
    """One of ``options`` (their labels are ``labels``, text in any language)."""

    expected: str
    options: tuple
    labels: tuple  # one Text per option
    horizontal: bool = False

    widget = "choice"

    def label(self, option, lang: str) -> str:
        return render(self.labels[self.options.index(option)], lang)

    def parse(self, raw):
        if raw is None or raw not in self.options:
            raise AnswerError("no_choice", "")
        return raw

    def correct(self, parsed) -> bool:
        return parsed == self.expected

    def describe(self, parsed, lang: str) -> str:
        return self.label(parsed, lang)


# ----------------------------------------------------------------- the exercise

@dataclass(frozen=True)
class Target:
    """The view that answers an exercise: a page script of the app and its URL parameters (as URL text)."""

    script: str  # e.g. "app_pages/stepper.py"
    params: tuple  # ((name, text), ...) in the page's own declared names and encodings

    @property
    def url_path(self) -> str:
        return self.script.rsplit("/", 1)[-1].removesuffix(".py")

    @property
    def query(self) -> dict[str, str]:
        return dict(self.params)

    def link(self, lang: str = "en") -> str:
        """The view's address relative to the app (``stepper?X=...``; in 中文 with ``lang=zh``).

        >>> Target("app_pages/stepper.py", (("X", "0,1;2,3"), ("i", "1"))).link("zh")
        'stepper?X=0,1;2,3&i=1&lang=zh'
        """
        query = dict(self.params, **({"lang": lang} if lang != "en" else {}))
        return f"{self.url_path}?{urlencode(query, safe=',;*')}"


def target(script: str, params=None, **values) -> Target:
    """A :class:`Target` whose values are formatted as ``params`` (a page's
    declared parameters) write them, else as :mod:`convlab.urlstate` does:
    booleans ``1``/``0``, floats ``%g``, matrices ``0,1;2,3``."""
    def text(name, v):
        if params is not None:
            return params[name].format(v)
        if isinstance(v, (bool, np.bool_)):
            return "1" if v else "0"
        if isinstance(v, np.ndarray):
            return matrix_text(v)
        if isinstance(v, float):
            return f"{v:g}"
        return str(v)

    return Target(script, tuple((name, text(name, v)) for name, v in values.items()))


@dataclass(frozen=True)
class Exercise:
    """One generated exercise. ``prompt``: parts shown before the question
    (:class:`Text`, :class:`Grid`, :class:`Table`, :class:`Latex`);
    ``question``: the line right above the answer; ``solution``: the worked
    solution, parts again; ``target``: the configured view."""

    prompt: tuple
    question: Text
    answer: Answer
    hint: Text
    solution: tuple
    target: Target
    kind: str = ""
    seed: int = 0


# --------------------------------------------------------------------- registry

@dataclass(frozen=True)
class Kind:
    """An exercise kind: its name, the teaching page whose "Your turn" draws it, its generator."""

    name: str
    page: str
    make: Callable[[np.random.Generator], Exercise]


KINDS: dict[str, Kind] = {}


def register(name: str, page: str):
    """Register ``make(rng) -> Exercise`` as kind ``name`` of the page ``page`` (the page's ``PAGE``)."""
    def deco(make):
        if name in KINDS:
            raise RuntimeError(f"exercise kind {name!r} registered twice")
        KINDS[name] = Kind(name, page, make)
        return make
    return deco


MAX_SEED = 2**32 - 1


@functools.lru_cache(maxsize=512)
def generate(kind: str, seed: int) -> Exercise:
    """The exercise of kind ``kind`` drawn from ``seed``: the same seed gives the same exercise.

    Raises ``KeyError`` for an unknown kind and ``ValueError`` for a seed outside ``0..MAX_SEED``.
    """
    if not (isinstance(seed, (int, np.integer)) and 0 <= seed <= MAX_SEED):
        raise ValueError(f"an exercise seed is a whole number from 0 to {MAX_SEED}, not {seed!r}")
    ex = KINDS[kind].make(np.random.default_rng(int(seed)))
    return replace(ex, kind=kind, seed=int(seed))


def kinds_for(page: str) -> tuple[str, ...]:
    """The kinds a teaching page's "Your turn" draws from (registry order)."""
    return tuple(k.name for k in KINDS.values() if k.page == page)

