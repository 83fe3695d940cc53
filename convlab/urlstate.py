"""Page state as text: URL query parameters and matrix cells.

A page declares its parameters once (``Int``, ``Float``, ``Choice``,
``Bool``, ``Matrix``); the same declaration parses a link's value (a bad one
raises ``ValueError`` with the reason) and writes the value back into the
URL, losslessly: every value a page accepts comes back from its link.
Matrices travel as ``"0,1,2;3,4,5"`` (rows split by ``;``), each cell that
is a number written in one canonical form (so a cell typed with a decimal
comma, ``1,5``, travels as ``1.5`` and never splits into two cells).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

__all__ = [
    "ParamError",
    "Param",
    "Int",
    "Float",
    "Choice",
    "Bool",
    "Matrix",
    "CellError",
    "parse_cells",
    "matrix_text",
    "text_cells",
    "resize_cells",
]


MAX_CELL = 1e6  # larger values overflow sums of products in float32 and blank the heatmaps


class CellError(ValueError):
    """A matrix cell that is not a number: ``kind`` is ``"blank"``,
    ``"not_a_number"``, ``"comma"`` (a comma that is not one decimal comma,
    e.g. ``1,000``), ``"not_finite"`` or ``"too_large"`` (beyond
    ``MAX_CELL``); ``row``/``col`` are 1-based."""

    def __init__(self, kind: str, row: int, col: int, text: str):
        self.kind, self.row, self.col, self.text = kind, row, col, text
        what = {"blank": "is empty", "not_a_number": f"{text!r} is not a number",
                "comma": f"{text!r} is ambiguous or not a number (decimals take a point, thousands no separator)",
                "not_finite": f"{text!r} is not a finite number",
                "too_large": f"{text!r} is too large (at most {MAX_CELL:g} either way)"}[kind]
        super().__init__(f"row {row}, column {col} {what}; type a number such as 2, -1 or 0.5")


# One decimal comma, as many locales write 1.5: digits on both sides, never exactly three after it
# (1,000 reads as a thousand in others: ambiguous, so refused).
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,(\d{1,2}|\d{4,})")


def _cell_value(cell, row: int, col: int) -> float:
    """A cell as a number: a number as it is; text stripped, with "−" read as a
    minus sign and one decimal comma (``1,5``; also the full-width ``，``) as a point.

    >>> _cell_value(" 0,25 ", 1, 1), _cell_value("−1，5", 1, 1), _cell_value("1e3", 1, 1)
    (0.25, -1.5, 1000.0)
    >>> _cell_value("1,000", 1, 1)
    Traceback (most recent call last):
    ...
    convlab.urlstate.CellError: row 1, column 1 '1,000' is ambiguous or not a number (decimals take a point, thousands no separator); type a number such as 2, -1 or 0.5
    """
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        raise CellError("blank", row, col, "")
    if isinstance(cell, (int, float, np.integer, np.floating)) and not isinstance(cell, bool):
        value = float(cell)
    else:
        text = str(cell).strip().replace("−", "-").replace("，", ",")
        if not text:
            raise CellError("blank", row, col, "")
        if "," in text:
            if not _DECIMAL_COMMA.fullmatch(text):
                raise CellError("comma", row, col, str(cell))
            text = text.replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise CellError("not_a_number", row, col, str(cell)) from None
    if not math.isfinite(value):
        raise CellError("not_finite", row, col, str(cell))
    if abs(value) > MAX_CELL:
        raise CellError("too_large", row, col, str(cell))
    return value


def parse_cells(cells: Sequence[Sequence[Any]]) -> np.ndarray:
    """Rows of cells (numbers or text) as a float64 matrix.

    Raises :class:`CellError` for the first cell (row-major) that is blank,
    not a number, or not finite; ``ValueError`` for an empty matrix.

    >>> parse_cells([["0", "1"], [" 2 ", 3]]).tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    """
    rows = [list(r) for r in cells]
    if not rows or not rows[0]:
        raise ValueError("the matrix is empty; give it at least one row and one column")
    if len({len(r) for r in rows}) != 1:
        raise ValueError("every row of the matrix needs the same number of values")
    return np.array(
        [[_cell_value(c, i + 1, j + 1) for j, c in enumerate(r)] for i, r in enumerate(rows)],
        dtype=np.float64,
    )


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))


def _cell_text(cell) -> str:
    """One cell as URL text: a number in its canonical form (lossless); a cell
    that is not one as typed, but with the separators ``,`` and ``;`` made
    ``?`` so that it stays one cell and still not a number."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, (int, float, np.number)) and not isinstance(cell, bool):
        return _num(cell)
    try:
        return _num(_cell_value(cell, 1, 1))
    except CellError:
        return re.sub(r"[,;]", "?", str(cell).strip())


def matrix_text(M) -> str:
    """A matrix (or rows of cells) as URL text: ``"0,1;2,3"``; every cell that
    :func:`parse_cells` accepts comes back from :func:`text_cells` as the same number.

    >>> matrix_text([[0, 1.5], ["2,5", " 1e3 "], ["x;y", ""]])
    '0,1.5;2.5,1000;x?y,'
    """
    return ";".join(",".join(_cell_text(v) for v in row) for row in np.asarray(M, dtype=object).tolist())


def text_cells(text: str) -> list[list[str]]:
    """URL text back into rows of cell strings (not yet parsed)."""
    return [[c.strip() for c in row.split(",")] for row in text.split(";")]


def resize_cells(cells: Sequence[Sequence[str]], rows: int, cols: int, fill: str = "0") -> list[list[str]]:
    """Crop or extend rows of cells to ``rows x cols``, new cells ``fill``."""
    out = [list(r[:cols]) + [fill] * (cols - len(r[:cols])) for r in list(cells)[:rows]]
    out += [[fill] * cols for _ in range(rows - len(out))]
    return out


class ParamError(ValueError):
    """A link's value that does not fit its parameter: ``kind`` names the
    reason (for translation), ``fmt`` holds its numbers."""

    MESSAGES = {
        "not_whole": "{text!r} is not a whole number.",
        "not_number": "{text!r} is not a number.",
        "range": "it must be between {lo} and {hi}.",
        "choice": "it must be one of {choices}.",
        "bool": "it must be 1 or 0.",
        "matrix_size": "it may have at most {rows} rows and {cols} columns.",
        "matrix_cells": "it needs rows of equal length holding numbers between -1000000 and 1000000.",
        "stack": "it needs layers written kernel,stride,padding,dilation (e.g. 5,1,valid,1), at most {layers} of them.",
    }

    def __init__(self, kind: str, **fmt):
        self.kind, self.fmt = kind, fmt
        super().__init__(self.MESSAGES[kind].format(**fmt))


@dataclass(frozen=True)
class Param:
    default: Any

    def parse(self, text: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True)
class Int(Param):
    lo: int = 0
    hi: int = 100

    def parse(self, text: str) -> int:
        try:
            value = int(text)
        except (TypeError, ValueError):
            raise ParamError("not_whole", text=text) from None
        if not self.lo <= value <= self.hi:
            raise ParamError("range", lo=self.lo, hi=self.hi)
        return value


@dataclass(frozen=True)
class IntChoice(Int):
    """A whole-number parameter offered as its few values (a row of radio
    buttons): an :class:`Int` whose ``choices`` are ``lo..hi``.

    >>> IntChoice(2, 1, 3).choices, IntChoice(2, 1, 3).parse("3")
    ((1, 2, 3), 3)
    """

    @property
    def choices(self) -> tuple[int, ...]:
        return tuple(range(self.lo, self.hi + 1))


@dataclass(frozen=True)
class Float(Param):
    lo: float = 0.0
    hi: float = 1.0

    def parse(self, text: str) -> float:
        try:
            value = float(text)
        except (TypeError, ValueError):
            raise ParamError("not_number", text=text) from None
        if not (math.isfinite(value) and self.lo <= value <= self.hi):
            raise ParamError("range", lo=f"{self.lo:g}", hi=f"{self.hi:g}")
        return value

    def format(self, value: float) -> str:
        """Short when that is exact (``0.03``), else every digit: a link gives back the same value.

        >>> Float(0.03).format(0.03), Float(0.03).format(0.0123456789)
        ('0.03', '0.0123456789')
        """
        short = f"{value:g}"
        return short if float(short) == value else repr(float(value))


@dataclass(frozen=True)
class Choice(Param):
    choices: tuple = ()

    def parse(self, text: str) -> str:
        if text not in self.choices:
            raise ParamError("choice", choices=", ".join(map(str, self.choices)))
        return text


@dataclass(frozen=True)
class Bool(Param):
    def parse(self, text: str) -> bool:
        if text in ("1", "true"):
            return True
        if text in ("0", "false"):
            return False
        raise ParamError("bool")

    def format(self, value: bool) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Matrix(Param):
    """A matrix as URL text; ``default`` is that text."""

    max_rows: int = 12
    max_cols: int = 12

    def parse(self, text: str) -> str:
        cells = text_cells(text)
        if len(cells) > self.max_rows or max(len(r) for r in cells) > self.max_cols:
            raise ParamError("matrix_size", rows=self.max_rows, cols=self.max_cols)
        try:
            parse_cells(cells)
        except ValueError:
            raise ParamError("matrix_cells") from None
        return matrix_text(cells)
