"""Fuzzing the pages (issue 14, item 6): Hypothesis opens each page through
AppTest with random links (text, huge, negative and non-finite numbers,
Unicode digits, repeated keys, Markdown/HTML/LaTeX, 10 kB values) and drives
it with random widget sequences (numbers, sliders, choices, buttons, matrix
cells). Every run must end without an exception; every value of a link is
either taken (as the page's own parse takes it) or answered with a warning
naming it; and nothing that came from outside renders as markup: it shows
only inside code spans. Then the cheap part: every page parameter's
parse -> format round trip, and matrices through a real URL, with many
examples.

TensorFlow stays unloaded: the buttons that import it (Train, the checks
against TensorFlow and Keras) are left out of the widget sequences; their
pages' tests press them."""
from __future__ import annotations

import ast
import functools
import math
import urllib.parse

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from convlab.fmt import quoted
from convlab.urlstate import Bool, CellError, Choice, Float, Int, Matrix, matrix_text, parse_cells, text_cells
from tests.conftest import ROOT, open_page
from tests.test_links import MARKERS, outside_code_spans

PAGES = ("why", "stepper", "padding_stride", "edges", "training")
STATE_PAGE = {"padding_stride": "padding"}  # a page's state prefix, where it differs from its script's name
HEAVY_BUTTONS = {"stepper.verify", "padding.keras_check", "training.train"}  # they load TensorFlow
# Examples per page, each a random link and then a random widget sequence: >= 200 of each in all, the
# whole file within about a minute on one core (the "why" page's runs cost the most).
EXAMPLES = {"why": 25, "stepper": 45, "padding_stride": 45, "edges": 45, "training": 45}
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)

# Markup that must never render from outside text (all of it only inside code spans).
INJECTIONS = [
    "[link](https://example.com/phish)", "![x](https://example.com/x.png)", "$$\\frac{1}{0}$$", "<b>x</b>",
    "<img src=x onerror=alert(1)>", "`", "``", "a`b", "```js", "x`` `[y](https://example.com)`", "$x$ [z](https://example.com)",
    ":red[x] :material/home:", "**bold** _i_", "# head", "> quote", "1. list", "| a | b |", "\\", "<script>x</script>",
]
NUMBERS = ["0", "-0", "1", "-1", "+5", " 7 ", "1e3", "1e6", "-1e6", "1e309", "-1e309", "1_000", "0x10", "٣", "１２",
           "𝟙", "½", "nan", "NaN", "inf", "-inf", "Infinity", "1,5", "1,000", "−2", "1，5", "", " ", "9" * 60,
           "-" + "9" * 30, "3.0", "2.5", "1e-7", "true", "yes"]
HUGE = ["9" * 10_000, "a" * 10_000, "[x](https://example.com/" + "a" * 10_000 + ")", "1," * 5000 + "1"]


# --- helpers -------------------------------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def scan_components_once():
    """Each new AppTest scans every installed package for Streamlit components (~100 ms): once is enough."""
    from streamlit.components.v2 import manifest_scanner

    with pytest.MonkeyPatch.context() as m:
        m.setattr(manifest_scanner, "scan_component_manifests",
                  functools.lru_cache(maxsize=None)(manifest_scanner.scan_component_manifests))
        yield


@functools.cache
def page_params(page: str) -> dict:
    """The page's declared parameters, read from its script: its imports and constants up to the first run."""
    tree = ast.parse((ROOT / "app_pages" / f"{page}.py").read_text(encoding="utf-8"))
    head = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.With, ast.If, ast.For)) or "state.lang" in ast.unparse(node):
            break
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign)):
            head.append(node)
    namespace: dict = {}
    exec(compile(ast.Module(head, type_ignores=[]), f"{page}.py", "exec"), namespace)  # noqa: S102
    return namespace["PARAMS"]


MESSAGE_KINDS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")


def assert_sound(at, context) -> None:
    """No exception, and no outside markup anywhere but in code spans."""
    assert not at.exception, (context, [e.value for e in at.exception])
    for kind in MESSAGE_KINDS:
        for el in getattr(at, kind):
            body = outside_code_spans(str(el.value))
            leaked = [m for m in MARKERS if m in body]
            assert not leaked, (context, kind, leaked, str(el.value)[:300])


def link_warnings(at) -> list[str]:
    return [w.value for w in at.warning if w.icon == "🔗"]


# --- strategies ----------------------------------------------------------------------

SAFE_TEXT = hst.text(hst.characters(blacklist_categories=("Cs",)), max_size=30)


def valid_value(p) -> hst.SearchStrategy[str]:
    """Values a parameter may take (formatted as a link writes them), and near misses."""
    if isinstance(p, Bool):
        return hst.sampled_from(["0", "1", "true", "false"])
    if isinstance(p, Choice):
        return hst.sampled_from([str(c) for c in p.choices])
    if isinstance(p, Int):
        return hst.integers(p.lo - 3, min(p.hi, p.lo + 40) + 3).map(str) | hst.integers(p.lo, p.hi).map(str)
    if isinstance(p, Float):
        return hst.floats(p.lo, p.hi).map(p.format) | hst.floats(-1e9, 1e9).map(str)
    if isinstance(p, Matrix):
        cell = hst.sampled_from(NUMBERS) | hst.integers(-9, 9).map(str) | hst.sampled_from(INJECTIONS)
        return hst.integers(1, 4).flatmap(lambda r: hst.integers(1, 4).flatmap(lambda c: hst.lists(
            hst.lists(cell, min_size=c, max_size=c).map(",".join), min_size=r, max_size=r).map(";".join)))
    return hst.just(p.format(p.default)) | SAFE_TEXT  # a page's own parameter type (the layer stack)


def nasty_value() -> hst.SearchStrategy[str]:
    return hst.sampled_from(INJECTIONS) | hst.sampled_from(NUMBERS) | hst.sampled_from(HUGE) | SAFE_TEXT


def link(page: str) -> hst.SearchStrategy[dict]:
    params = page_params(page)

    def value(name):
        one = valid_value(params[name]) | nasty_value()
        return one | hst.lists(one, min_size=2, max_size=3)  # a key repeated: the last one counts

    entries = hst.sampled_from(sorted(params)).flatmap(lambda n: hst.tuples(hst.just(n), value(n)))
    return hst.lists(entries, min_size=1, max_size=6).map(dict)


# --- random widget sequences -------------------------------------------------------------

CELLS = hst.sampled_from(INJECTIONS) | hst.sampled_from(NUMBERS) | hst.integers(-9, 9).map(str) | SAFE_TEXT


def candidates(params, key_name: str, options: list[str], fmt) -> list:
    """Raw values whose label is among the widget's ``options`` (its format_func applied)."""
    p = params.get(key_name)
    if key_name == "lang":  # the sidebar's language picker (app.py)
        from convlab.text import LANGS

        raw = list(LANGS)
    else:
        raw = list(p.choices) if hasattr(p, "choices") else (range(p.lo, p.hi + 1) if isinstance(p, Int) else [])
    found = [v for v in raw if str(fmt(v)) in options]
    return found or [o for o in options]


def actions(at, page: str):
    """The moves a learner could make now: (description, function of Hypothesis' data)."""
    params, prefix = page_params(page), STATE_PAGE.get(page, page)
    moves = []
    for w in list(at.number_input) + list(at.slider):
        if w.key and not w.proto.disabled:
            lo, hi = w.proto.min, w.proto.max
            if isinstance(w.value, int):
                moves.append((w.key, lambda d, w=w, lo=lo, hi=hi: w.set_value(d.draw(hst.integers(int(lo), int(hi))))))
            else:
                moves.append((w.key, lambda d, w=w, lo=lo, hi=hi: w.set_value(d.draw(hst.floats(lo, hi)))))
    for w in list(at.selectbox) + list(at.radio):
        if w.key and not w.proto.disabled and w.options:
            name = w.key.removeprefix(prefix + ".")
            values = candidates(params, name, list(w.options), w.format_func)
            moves.append((w.key, lambda d, w=w, values=values: w.set_value(d.draw(hst.sampled_from(values)))))
    for w in list(at.checkbox) + list(at.toggle):
        if w.key and not w.proto.disabled:
            moves.append((w.key, lambda d, w=w: w.set_value(d.draw(hst.booleans()))))
    for w in at.button:
        if w.key and not w.proto.disabled and w.key not in HEAVY_BUTTONS:
            moves.append((w.key, lambda d, w=w: w.click()))
    for w in at.data_editor:
        if w.key and ".editor." in w.key:  # typing into a cell: the likeliest way in for outside text
            moves += [(w.key, lambda d, w=w: edit_cell(at, w.key, d))] * 6
    return moves


def edit_cell(at, key: str, data) -> None:
    """Type random text into one cell of a matrix (or layer) editor, as a browser sends the edit; the
    layer table (rows added and deleted by the learner) may also get a row or lose one."""
    base = at.session_state[f"_base.{key.split('.editor.')[0]}"]
    edits = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    if key.startswith("padding.stack"):
        from convlab.padding import STACK_COLUMNS, parse_stack

        rows, columns = len(parse_stack(base)), list(STACK_COLUMNS)
        how = data.draw(hst.sampled_from(["edit", "add", "delete"] if rows else ["add"]), label="how")
        if how == "add":
            edits["added_rows"] = [{c: data.draw(CELLS) for c in data.draw(hst.lists(hst.sampled_from(columns)))}]
        elif how == "delete":
            edits["deleted_rows"] = [data.draw(hst.integers(0, rows - 1))]
        if how != "edit":
            at.session_state[key] = edits
            return
    else:
        cells = text_cells(base)
        rows, columns = len(cells), [str(j) for j in range(len(cells[0]))]
    r, c = data.draw(hst.integers(0, rows - 1)), data.draw(hst.sampled_from(columns))
    edits["edited_rows"] = {r: {c: data.draw(CELLS)}}
    at.session_state[key] = edits


# --- random links, then random widget sequences ---------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_random_links_and_widget_sequences_never_fail_or_render_outside_text_as_markup(page):
    """Each example opens the page with a random link (a fresh session, so a failure replays exactly),
    checks what became of each of the link's values, then makes one to three random moves."""
    params = page_params(page)
    prefix = STATE_PAGE.get(page, page)
    adjusted = {"stepper": {"i", "j"}, "padding_stride": {"nw", "kw", "sw", "dw", "pb", "pl", "pr"}}.get(page, set())

    @settings(FUZZ, max_examples=EXAMPLES[page])
    @given(query=link(page), lang=hst.sampled_from(["en", "en", "zh"]), data=hst.data())
    def check(query, lang, data):
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update(query)
        at.query_params["lang"] = lang
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert_sound(at, query)
        warnings = link_warnings(at)
        for name, raw in query.items():
            raw = raw[-1] if isinstance(raw, list) else raw  # st.query_params gives the last value
            about = [w for w in warnings if f"“{name}”" in w]
            try:
                value = params[name].parse(raw)
            except ValueError:  # answered: one warning naming it, showing the value as text
                assert len(about) == 1 and quoted(raw) in about[0], (name, raw, warnings)
            else:  # taken as the page's parameter reads it
                assert not about, (name, raw, about)
                if name not in adjusted:
                    assert at.session_state[f"{prefix}.{name}"] == value, (name, raw)

        done = [query]
        for _ in range(data.draw(hst.integers(1, 2), label="moves")):
            key, move = data.draw(hst.sampled_from(actions(at, page)), label="move")
            move(data)
            done.append(key)
            at.run()
            assert_sound(at, done)

    check()


# --- pure functions, many examples ---------------------------------------------------

ANY_TEXT = nasty_value() | hst.integers().map(str) | hst.floats().map(str)


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=100)
@given(data=hst.data())
def test_every_parameter_gives_back_what_it_took(page, data):
    for name, p in page_params(page).items():
        text = data.draw(valid_value(p) | ANY_TEXT, label=name)
        try:
            value = p.parse(text)
        except ValueError:
            continue
        assert p.parse(p.format(value)) == value, (name, text)


NUMBER_CELLS = (hst.floats(-1e6, 1e6).flatmap(lambda v: hst.sampled_from([repr(v), f"{v:g}", f"{v:.3f}", f" {v} ",
                                                                          repr(v).replace(".", ",")]))
                | hst.integers(-10**6, 10**6).map(str) | hst.sampled_from(NUMBERS) | SAFE_TEXT
                | hst.integers(-99, 99).map(lambda v: f"{v},{abs(v) % 100}"))


@settings(max_examples=300)
@given(hst.integers(1, 6).flatmap(lambda c: hst.lists(hst.lists(NUMBER_CELLS, min_size=c, max_size=c),
                                                      min_size=1, max_size=6)))
def test_an_accepted_matrix_comes_back_from_its_link(cells):
    # a cell typed as 1,5 (a decimal comma) once split into two cells and the link no longer loaded
    try:
        M = parse_cells(cells)
    except (CellError, ValueError):
        return
    text = matrix_text(cells)
    url = urllib.parse.urlencode({"X": text})
    (back,) = urllib.parse.parse_qs(url, keep_blank_values=True)["X"]
    assert back == text
    np.testing.assert_array_equal(parse_cells(text_cells(Matrix("0").parse(back))), M)


def test_a_decimal_comma_is_a_point_and_a_thousands_comma_is_refused():
    assert parse_cells([["1,5", "-0,25", "2，5"]]).tolist() == [[1.5, -0.25, 2.5]]
    assert matrix_text([["1,5", "x,y;z"]]) == "1.5,x?y?z"  # one cell each, in the link too
    for ambiguous in ("1,000", "1,2,3", ",5", "1,"):
        with pytest.raises(CellError) as e:
            parse_cells([[ambiguous]])
        assert e.value.kind == "comma"


@settings(max_examples=500)
@given(hst.text(hst.characters(blacklist_categories=("Cs",)), max_size=80))
def test_quoted_text_is_one_code_span_in_commonmark(text):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark")
    text = text.replace("\x00", "")  # CommonMark (and Streamlit) show NUL as U+FFFD
    shown = " ".join(text.split())
    (paragraph,) = [tok for tok in md.parse(f"The value ({quoted(text, limit=200)}) is not valid.")
                    if tok.type == "inline"]
    kinds = [c.type for c in paragraph.children]
    assert kinds == ["text", "code_inline", "text"] or (not shown and "code_inline" in kinds), kinds
    code = next(c for c in paragraph.children if c.type == "code_inline")
    assert code.content == shown or (not shown and code.content.strip() == "")
    assert outside_code_spans(f"({quoted(text, limit=200)})") == "( )"
