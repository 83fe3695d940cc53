"""What comes from a link is shown as text (a code span): never a link, an image or a formula,
and never longer than a glance."""
from __future__ import annotations

import pytest

from convlab.fmt import quoted
from tests.conftest import open_page

INJECTIONS = {
    "dy": "[link](https://example.com/phish)",
    "dx": "![x](https://example.com/x.png)",
    "i": "$$\\frac{1}{0}$$",
    "j": "<b>bold</b>:material/home:",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_link_values_show_escaped_and_short(lang):
    at = open_page("why", INJECTIONS, lang)
    warnings = [w.value for w in at.warning if w.icon == "🔗"]  # the link warnings
    assert len(warnings) == len(INJECTIONS)
    for name, raw in INJECTIONS.items():
        shown = next(w for w in warnings if f"“{name}”" in w)
        assert quoted(raw) in shown and raw not in shown.replace(quoted(raw), "")  # only inside a code span


def test_a_long_value_is_cut_to_forty_characters():
    at = open_page("why", {"dy": "9" * 500})
    (warning,) = [w.value for w in at.warning if w.icon == "🔗"]
    assert "9" * 39 + "…" in warning and "9" * 41 not in warning


@pytest.mark.parametrize("text", ["a*b_c", "`code`", "# head", "x|y", "~~s~~", "\\", "a\nb", "``x`", " lead"])
def test_quoted_is_one_code_span_holding_the_text(text):
    q = quoted(text)
    fence = q[: len(q) - len(q.lstrip("`"))]
    inner = q[len(fence): len(q) - len(fence)]
    assert q.endswith(fence) and "\n" not in q
    assert fence not in inner  # nothing inside can close the span early
    assert inner.strip(" ") == " ".join(text.split()).strip(" ") or inner == " ".join(text.split())
