"""What comes from outside (a link, a matrix cell, an uploaded file's name) is shown as text (a
code span): never a link, an image, HTML or a formula, and never longer than a glance."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from convlab.fmt import quoted
from tests.conftest import open_page

MARKERS = ("](https://example.com", "![", "$$", "<b>", "<img", "<script", ":red[")


def outside_code_spans(md: str) -> str:
    """``md`` with its code spans taken out (CommonMark: a run of n backticks opens a
    span that the next run of exactly n closes; an unclosed run is literal text)."""
    out, i = [], 0
    while i < len(md):
        if md[i] != "`":
            out.append(md[i])
            i += 1
            continue
        j = i
        while j < len(md) and md[j] == "`":
            j += 1
        run, k = md[i:j], j
        while (k := md.find(run, k)) >= 0:
            end = k + len(run)
            if end >= len(md) or md[end] != "`":
                break
            while end < len(md) and md[end] == "`":  # a longer run closes nothing
                end += 1
            k = end
        if k < 0:
            out.append(run)
            i = j
        else:
            out.append(" ")
            i = k + len(run)
    return "".join(out)


def markup_left(at) -> list[str]:
    """Messages of the page with outside markup anywhere but in a code span."""
    bodies = [str(el.value) for kind in ("markdown", "caption", "info", "warning", "error", "success")
              for el in getattr(at, kind)]
    return [b for b in bodies if any(m in outside_code_spans(b) for m in MARKERS)]

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


# Every page, both languages: the links, backticks that try to close the code span, a matrix
# parameter holding markup, and the layer stack.
ATTACKS = ["[link](https://example.com/phish)", "![x](https://example.com/x.png)", "$$\\frac{1}{0}$$",
           "<b>x</b>", "`[a](https://example.com)`", "x```$$y$$```"]
PARAMS = {"why": ("dy", "dx", "i", "j", "pattern", "same"), "stepper": ("X", "K", "ph", "sh", "op", "i"),
          "padding_stride": ("nh", "kh", "mode", "stack", "tie", "sh"),
          "edges": ("size", "image", "custom", "kt", "kernel", "padding"),
          "training": ("lr", "epochs", "target", "problem", "optimizer", "bias")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", sorted(PARAMS))
def test_markup_in_links_shows_as_text_on_every_page(page, lang):
    query = dict(zip(PARAMS[page], ATTACKS))
    at = open_page(page, query, lang)
    warnings = [w.value for w in at.warning if w.icon == "🔗"]
    assert len(warnings) == len(query)
    for name, raw in query.items():
        (shown,) = [w for w in warnings if f"“{name}”" in w]
        assert quoted(raw) in shown
    assert markup_left(at) == []


CELL = "[x](https://example.com/p)"


@pytest.mark.parametrize("page, query, editor, where", [
    ("stepper", {}, "stepper.X.editor.0", {0: {"1": CELL}}),
    ("stepper", {}, "stepper.K.editor.0", {1: {"0": "``![k](https://example.com/k.png)``"}}),
    ("edges", {"kernel": "custom"}, "edges.custom.editor.0", {0: {"0": "$$x$$ " + CELL}}),
    ("training", {"problem": "custom"}, "training.target.editor.0", {1: {"1": "<b>1</b>"}}),
    ("padding_stride", {}, "padding.stack.editor.0", {2: {"padding": CELL}}),
    ("padding_stride", {}, "padding.stack.editor.0", {0: {"kernel": "![k](https://example.com/k.png)"}}),
])
def test_markup_typed_into_a_cell_shows_as_text(page, query, editor, where):
    at = open_page(page, query)
    at.session_state[editor] = {"edited_rows": where, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    (typed,) = [text for row in where.values() for text in row.values()]
    assert any(quoted(typed) in e.value for e in at.error), [e.value for e in at.error]
    assert markup_left(at) == []


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("L", (8, 6), 255).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("name", ["[x](https://example.com/p).png", "![i](https://example.com/i.png).png",
                                  "a```b$$c$$.png", "<img src=x onerror=alert(1)>.png"])
@pytest.mark.parametrize("good", [True, False])
def test_an_uploaded_files_name_shows_as_text(name, good):
    at = open_page("edges")
    at.file_uploader(key="edges.upload").set_value((name, png_bytes() if good else b"%PDF-1.4 not a picture",
                                                    "image/png")).run()
    assert not at.exception
    shown = [c.value for c in at.caption] if good else [e.value for e in at.error]
    assert any(quoted(name) in text for text in shown), shown
    assert markup_left(at) == []
