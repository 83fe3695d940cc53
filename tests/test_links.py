"""What comes from a link is shown as text: never a link, an image or a formula,
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
        assert quoted(raw) in shown and raw not in shown  # every markup character escaped


def test_a_long_value_is_cut_to_forty_characters():
    at = open_page("why", {"dy": "9" * 500})
    (warning,) = [w.value for w in at.warning if w.icon == "🔗"]
    assert "9" * 39 + "…" in warning and "9" * 41 not in warning


@pytest.mark.parametrize("text", ["a*b_c", "`code`", "# head", "1. item", "x|y", "~~s~~", "\\", "a\nb"])
def test_quoted_escapes_every_markdown_character(text):
    q = quoted(text)
    assert "\n" not in q
    for ch in "*_`#|~[]()$<>!":
        assert q.count(ch) == q.count("\\" + ch)  # each one escaped
