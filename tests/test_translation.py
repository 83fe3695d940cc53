"""Every page in 中文 shows no English: hover texts included (they are easy to forget)."""
from __future__ import annotations

import re

import pytest

from convlab.nav import PAGES
from tests.conftest import open_page
from tests.plotly_util import figures

# Words a Chinese page may show in figures: symbols and names, not English text.
ALLOWED = {"extra", "br"}


def hover_texts(at) -> list[str]:
    out = []
    for fig in figures(at):
        traces = list(fig.get("data", []))
        for frame in fig.get("frames", []):
            traces += frame.get("data", [])
        out += [tr["hovertemplate"] for tr in traces if tr.get("hovertemplate")]
    return out


def english_words(template: str) -> set[str]:
    text = re.sub(r"%\{[^}]*\}", "", template)  # plotly's placeholders
    text = re.sub(r"<extra>.*?</extra>|<[^>]+>", "", text)
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in ALLOWED}


@pytest.mark.parametrize("script", [p.script for p in PAGES])
def test_hover_texts_are_translated(script):
    page = script.removeprefix("app_pages/").removesuffix(".py")
    at = open_page(page, lang="zh", timeout=120)
    if page == "training":  # the live charts exist once a run has been made
        at.button(key="training.train").click().run()
        assert not at.exception
    hovers = hover_texts(at)
    assert hovers, "no figure with a hover on the page"
    leftovers = {h: english_words(h) for h in hovers if english_words(h)}
    assert not leftovers, leftovers
