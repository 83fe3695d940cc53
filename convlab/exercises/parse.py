"""What a learner types, read as an answer: a number, a shape, cells.

Anything that is no answer raises :class:`AnswerError`, whose ``kind`` names
the reason (for a translated message) and whose ``text`` is what was typed
(to be echoed only through :func:`convlab.fmt.quoted`).
"""
from __future__ import annotations

import math
import re
import unicodedata

from ..padding import shape_text

__all__ = ["AnswerError", "parse_number", "parse_shape", "parse_cell_labels", "shape_text", "MAX_TEXT"]

MAX_TEXT = 100  # longer input is no answer of ours


class AnswerError(ValueError):
    """Input that is no answer: ``kind`` is ``"empty"``, ``"not_number"``,
    ``"not_finite"``, ``"not_shape"``, ``"not_whole"``, ``"no_cells"`` or ``"no_choice"``."""

    KINDS = ("empty", "not_number", "not_finite", "not_shape", "not_whole", "no_cells", "no_choice")

    def __init__(self, kind: str, text: str = ""):
        assert kind in self.KINDS, kind
        self.kind, self.text = kind, text
        super().__init__(f"{kind}: {text!r}")


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_POWER = re.compile(r"^(?:([-+]?\d+(?:\.\d*)?|[-+]?\.\d+)[x×*·])?10(?:\^|\*\*)([-+]?\d+)$")
_GROUPED = re.compile(r"^[-+]?\d{1,3}(?:([, '])\d{3})(?:\1\d{3})*(?:\.\d+)?$")
_UNITS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


def _normal(raw) -> str:
    text = "" if raw is None else str(raw)
    # a superscript exponent as the why page writes it (10¹²), before NFKC makes it plain digits
    text = re.sub(r"10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)", lambda m: "10^" + m.group(1).translate(_SUPERSCRIPT), text)
    text = unicodedata.normalize("NFKC", text)  # full-width digits and punctuation
    return text.replace("−", "-").replace("–", "-").strip()


def _typed(raw, too_long: str) -> str:
    """What was typed, normalised; no text, or far too much, is no answer."""
    text = _normal(raw)
    if not text:
        raise AnswerError("empty")
    if len(text) > MAX_TEXT:
        raise AnswerError(too_long, text)
    return text


def parse_number(raw) -> float:
    """A number as a learner may type it: ``19``, ``-2.5``, ``1e12``, ``10^12``,
    ``4.4×10^8``, ``10¹²``, ``1,000,000``, ``1/30``, ``≈ 442``, ``4.41 亿``.

    >>> [parse_number(s) for s in ("19", " -2.5 ", "1e12", "10^12", "4.4 × 10^8", "10¹²", "1,000,000", "1/4")]
    [19.0, -2.5, 1000000000000.0, 1000000000000.0, 440000000.0, 1000000000000.0, 1000000.0, 0.25]
    >>> parse_number("≈ 4.41 亿"), parse_number("１９")
    (441000000.0, 19.0)
    >>> parse_number("8x8")
    Traceback (most recent call last):
    ...
    convlab.exercises.parse.AnswerError: not_number: '8x8'
    """
    text = _typed(raw, "not_number")
    body = re.sub(r"^(≈|~|约|about)\s*", "", text, flags=re.I)
    scale = 1.0
    for unit, factor in _UNITS:
        if body.endswith(unit):
            body, scale = body[: -len(unit)].strip(), factor
            break
    if re.search(r"\d\s+\d", body) and not _GROUPED.match(body):  # "8 8": two numbers, not one
        raise AnswerError("not_number", text)
    compact = re.sub(r"\s+", "", body)
    try:
        if m := _POWER.match(compact):
            value = float(f"{m.group(1) or 1}e{int(m.group(2))}")  # 4.4e8 exactly as typed
        elif _GROUPED.match(body):
            value = float(re.sub(r"[, ']", "", body))
        elif re.fullmatch(r"[-+]?\d+(?:\.\d+)?/\d+(?:\.\d+)?", compact):
            a, b = compact.split("/")
            value = float(a) / float(b)
        else:
            value = float(compact)
    except (ValueError, ZeroDivisionError, OverflowError):
        raise AnswerError("not_number", text) from None
    value *= scale
    if not math.isfinite(value):
        raise AnswerError("not_finite", text)
    return value


_SHAPE_SPLIT = re.compile(r"\s*[x×X*,;]\s*|\s+")


def parse_shape(raw) -> tuple[int, int]:
    """A shape, rows by columns: ``8x8``, ``8×8``, ``(8, 8)``, ``8,8``, ``8 8``, ``[8, 8]``.

    >>> [parse_shape(s) for s in ("8x8", "8×8", "(8, 8)", "8,8", "8 8", " [4 , 2] ", "8 × 8")]
    [(8, 8), (8, 8), (8, 8), (8, 8), (8, 8), (4, 2), (8, 8)]
    >>> parse_shape("8")
    Traceback (most recent call last):
    ...
    convlab.exercises.parse.AnswerError: not_shape: '8'
    """
    text = _typed(raw, "not_shape")
    inner = re.sub(r"^[(\[{]\s*(.*?)\s*[)\]}]$", r"\1", text)
    parts = [p for p in _SHAPE_SPLIT.split(inner) if p]
    if len(parts) != 2 or not all(re.fullmatch(r"\d+(\.\d*)?|\d*\.\d+", p) for p in parts):
        raise AnswerError("not_shape", text)
    values = [float(p) for p in parts]
    if not all(v.is_integer() for v in values):
        raise AnswerError("not_whole", text)
    return int(values[0]), int(values[1])


_LABEL = re.compile(r"^\(\s*(\d+)\s*,\s*(\d+)\s*\)$")


def parse_cell_labels(labels) -> frozenset:
    """Cells chosen by their labels ``(r, c)``; none chosen is no answer.

    >>> sorted(parse_cell_labels(["(0, 1)", "(2, 0)"]))
    [(0, 1), (2, 0)]
    """
    cells = set()
    for label in labels or ():
        m = _LABEL.match(str(label).strip())
        if not m:
            raise AnswerError("no_cells", str(label))
        cells.add((int(m.group(1)), int(m.group(2))))
    if not cells:
        raise AnswerError("no_cells")
    return frozenset(cells)
