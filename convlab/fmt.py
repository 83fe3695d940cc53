"""How the app writes numbers and sums for a learner: one formatter for every page.

(URL text uses :func:`convlab.urlstate.matrix_text`, which must be lossless,
not this.)
"""
from __future__ import annotations

import re

import numpy as np

__all__ = ["num", "arithmetic", "window_sum", "quoted"]


def num(v, *, minus: str = "-") -> str:
    """``v`` as a learner reads it: whole numbers without ``.0``, else 4 significant digits.

    ``minus="−"`` writes the typographic minus sign used in labels.

    >>> num(19.0), num(-0.25), num(1 / 3), num(-2, minus="−")
    ('19', '-0.25', '0.3333', '−2')
    """
    v = float(v)
    text = str(int(v)) if v.is_integer() and abs(v) < 1e15 else f"{v:.4g}"
    return text.replace("-", minus) if minus != "-" else text


def arithmetic(values, weights, total) -> str:
    """A weighted sum written out, e.g. ``0×0 + 1×1 + 3×2 + 4×3 = 19``
    (negative factors in parentheses).

    >>> arithmetic([0, 1, 3, 4], [0, 1, 2, 3], 19)
    '0×0 + 1×1 + 3×2 + 4×3 = 19'
    >>> arithmetic([1, -2], [2, 1], 0)
    '1×2 + (-2)×1 = 0'
    """
    def term(v):
        return f"({num(v)})" if v < 0 else num(v)

    values, weights = np.ravel(values), np.ravel(weights)
    return " + ".join(f"{term(x)}×{term(k)}" for x, k in zip(values, weights)) + f" = {num(total)}"


def window_sum(window, K) -> str:
    """The sum of one window of :func:`convcore.windows` written out.

    >>> import convcore
    >>> window_sum(convcore.window_at([[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[0, 1], [2, 3]], 0, 0), [[0, 1], [2, 3]])
    '0×0 + 1×1 + 3×2 + 4×3 = 19'
    """
    return arithmetic(window.patch, K, window.value)


def quoted(value, limit: int = 40) -> str:
    """Text from outside (a link, a cell, a file name) made safe to show inside
    a Markdown message: at most ``limit`` characters (then "…"), on one line,
    as a code span, so it shows as typed and never as a link (not even an
    autolinked address), an image, HTML or a formula.

    >>> print(quoted("[link](https://example.com/phish)"))
    `[link](https://example.com/phish)`
    >>> print(quoted("x" * 60))
    `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…`
    >>> print(quoted("a`b"))
    `` a`b ``
    >>> print(quoted(""))  # an empty value: an empty code span, not two literal backticks
    ` `
    """
    text = " ".join(str(value).split())
    if not text:
        return "` `"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if "`" in text or text.startswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
