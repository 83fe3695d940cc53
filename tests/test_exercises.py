"""The exercises: generated from seeds, valid, graded from convcore, linked to the view that answers them.

Each kind is drawn from thousands of seeds: its link's values are what the
target page itself declares and writes, the answer is recomputed here from
the link alone (naive loops and the chapter's formulas, not the generator's
code), the grader takes that answer as a learner types it and refuses near
misses (a shape off by one, neighbouring cells, another preset, the other
verdict). Then one exercise of each variant opens its page (AppTest).
"""
from __future__ import annotations

import ast
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from convcore import kernels, training
from convlab import images
from convlab.exercises import (KINDS, AnswerError, Grid, Latex, Table, Text, cell_label, generate, kinds_for,
                               parse_number, parse_shape, practice_set)
from convlab.exercises.parse import parse_cell_labels
from convlab.padding import parse_stack
from convlab.text import LANGS
from convlab.urlstate import parse_cells, text_cells
from tests.conftest import ROOT, open_page

SEEDS = range(1500)


@lru_cache(maxsize=None)
def page_declaration(script: str) -> tuple[str, dict]:
    """A page script's ``PAGE`` and ``PARAMS``, read from the script itself: its
    top-level imports and assignments run until both are defined (nothing is drawn)."""
    namespace: dict = {}
    for node in ast.parse((ROOT / script).read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign)):
            exec(compile(ast.Module([node], []), script, "exec"), namespace)
        if "PAGE" in namespace and "PARAMS" in namespace:
            return namespace["PAGE"], namespace["PARAMS"]
    raise AssertionError(f"{script} declares no PAGE and PARAMS")


def link_values(ex) -> dict:
    """The exercise's link parsed by the target page's own declarations; each
    value is written exactly as the page would write it back."""
    _, params = page_declaration(ex.target.script)
    values = {}
    for name, text in ex.target.params:
        value = params[name].parse(text)
        assert params[name].format(value) == text, (name, text)
        values[name] = value
    return values


def typed(ex):
    """The right answer as a learner gives it."""
    a = ex.answer
    if a.widget == "cells":
        return [cell_label(r, c) for r, c in sorted(a.expected)]
    if a.widget == "choice":
        return a.expected
    if isinstance(a.expected, tuple):
        return f"{a.expected[0]}x{a.expected[1]}"
    return repr(float(a.expected))


def near_misses(ex) -> list:
    """Answers a grader must refuse."""
    a = ex.answer
    if a.widget == "choice":
        return [o for o in a.options if o != a.expected]
    if a.widget == "cells":
        shifted = {(r, c + 1) for r, c in a.expected}
        fewer = sorted(a.expected)[1:]
        return [[cell_label(r, c) for r, c in sorted(shifted)]] + ([[cell_label(r, c) for r, c in fewer]] if fewer else [])
    if isinstance(a.expected, tuple):
        h, w = a.expected
        return [f"{h + 1}x{w}", f"{h}x{w + 1}", f"{h - 1} × {w}", f"({w + 1}, {h})" if h == w else f"{w}x{h}"]
    v = float(a.expected)
    step = max(1.0, 2 * a.rel_tol * abs(v))
    return [repr(v + step), repr(v - step)]


# ---------------------------------------------------- oracles: the answer from the link alone

def _axis(n, k, s, d, mode, before=0, after=0):
    k_eff = (k - 1) * d + 1
    if mode == "same":
        out = math.ceil(n / s)
        return out, max((out - 1) * s + k_eff - n, 0)
    p = {"valid": 0, "full": 2 * (k_eff - 1), "explicit": before + after}[mode]
    return (n - k_eff + p + s) // s, p


def oracle_output_shape(v, ex):
    tie = v["tie"]
    w = {a: v[b] for a, b in (("nw", "nh"), ("kw", "kh"), ("sw", "sh"), ("dw", "dh"))} if tie else v
    sides = (v["pt"],) * 4 if tie else (v["pt"], v["pb"], v["pl"], v["pr"])
    (H, ph), (W, pw) = (_axis(v["nh"], v["kh"], v["sh"], v["dh"], v["mode"], *sides[:2]),
                        _axis(w["nw"], w["kw"], w["sw"], w["dw"], v["mode"], *sides[2:]))
    if v["mode"] == "same":
        assert ph % 2 or pw % 2  # TensorFlow's uneven split is part of every 'same' question
    if v["mode"] != "explicit":
        assert sides == (0, 0, 0, 0)
    assert not (max(v["sh"], v["sw"]) > 1 and max(v["dh"], v["dw"]) > 1)  # TensorFlow refuses the two together
    return (H, W)


def oracle_receptive_field(v, ex):
    r, j = 1, 1
    for layer in parse_stack(v["stack"]):
        r += (layer.kernel - 1) * layer.dilation * j
        j *= layer.stride
    return (r, r)


def _window_cells(v):
    X = parse_cells(text_cells(v["X"]))
    K = parse_cells(text_cells(v["K"]))
    P = np.pad(X, ((v["ph"], v["ph"]), (v["pw"], v["pw"])))
    taps = [(a, b, v["i"] * v["sh"] + a * v["dh"], v["j"] * v["sw"] + b * v["dw"]) for a in range(K.shape[0])
            for b in range(K.shape[1])]
    assert all(r < P.shape[0] and c < P.shape[1] for _, _, r, c in taps)  # the window fits
    return P, K, taps


def oracle_cell_value(v, ex):
    P, K, taps = _window_cells(v)
    if v["op"] == "conv":
        K = K[::-1, ::-1]
    return sum(P[r, c] * K[a, b] for a, b, r, c in taps)


def oracle_cells_read(v, ex):
    assert v["op"] == "corr"
    return frozenset((r, c) for _, _, r, c in _window_cells(v)[2])


def oracle_which_kernel(v, ex):
    X = np.array(images.synthetic(v["image"], v["size"]), dtype=float)
    X = X.T if v["transpose"] else X
    picture, output = (p for p in ex.prompt if isinstance(p, Grid))
    np.testing.assert_array_equal(picture.array, X)
    outputs = {}
    for name in ex.answer.options:  # every window times the kernel, summed
        K = kernels.preset(name)
        outputs[name] = np.einsum("ijab,ab->ij", np.lib.stride_tricks.sliding_window_view(X, K.shape), K)
    np.testing.assert_allclose(outputs[v["kernel"]], output.array, atol=1e-9)
    for name, Y in outputs.items():  # exactly one option gives this output
        assert (name == v["kernel"]) == (Y.shape == output.array.shape and np.allclose(Y, output.array))
    assert v["padding"] == "valid"
    return v["kernel"]


def oracle_param_count(v, ex):
    h2, w2 = (v["h"], v["w"]) if v["same"] else (v["h2"], v["w2"])
    dense, conv = v["h"] * v["w"] * h2 * w2 + h2 * w2, v["k"] ** 2 + 1
    return {"practice.q_params_dense": dense, "practice.q_params_conv": conv,
            "practice.q_params_ratio": dense / conv}[ex.question.key]


def oracle_lr_verdict(v, ex):
    prob = training.problem(v["problem"])
    bound = training.stable_lr_bound(prob.X, prob.K.shape, v["bias"])
    assert not 0.85 < v["lr"] / bound < 1.15  # clearly on one side: a run shows it
    assert v["optimizer"] == "sgd"
    return "diverges" if v["lr"] > bound else "converges"


def with_defaults(ex, v) -> dict:
    """The link's values over the target page's defaults (a link leaves out what it does not set)."""
    _, params = page_declaration(ex.target.script)
    return {**{name: p.default for name, p in params.items()}, **v}


def oracle_transpose_shape(v, ex):
    v = with_defaults(ex, v)
    X, K = parse_cells(text_cells(v["X"])), parse_cells(text_cells(v["K"]))
    shape = []
    for i, k, s, p, op in ((X.shape[0], K.shape[0], v["sh"], v["ph"], v["oph"]),
                           (X.shape[1], K.shape[1], v["sw"], v["pw"], v["opw"])):
        op = op if v["op"] else None
        assert op is None or 0 <= op < s  # TensorFlow's rule
        if v["pad"] == "valid":  # Keras: (i - 1)s + max(k, s), or (i - 1)s + k + op
            o = (i - 1) * s + (max(k, s) if op is None else k + op)
            back = (o - k) // s + 1
        elif v["pad"] == "same":  # i s, or (i - 1)s + k mod 2 + op
            o = i * s if op is None else (i - 1) * s + k % 2 + op
            back = -(-o // s)
        else:  # PyTorch's padding p: crop p from each side
            assert 1 <= p <= k - 1
            o = (i - 1) * s + k - 2 * p + (op or 0)
            back = (o + 2 * p - k) // s + 1
        assert o >= 1 and back == i  # the forward convolution of the output gives back the input's size
        shape.append(o)
    if v["pad"] != "crop":
        assert (v["ph"], v["pw"]) == (0, 0)
    return tuple(shape)


def oracle_pooled_cell(v, ex):
    X = parse_cells(text_cells(v["X"]))
    size, stride, cell = (v["ph"], v["pw"]), (v["sh"], v["sw"]), (v["i"], v["j"])
    spans = []
    for n, k, s, o in zip(X.shape, size, stride, cell):
        if v["pad"] == "same":  # TensorFlow: ceil(n / s) outputs, the smaller half of the padding first
            out = -(-n // s)
            before = max((out - 1) * s + k - n, 0) // 2
        else:
            out, before = (n - k) // s + 1, 0
        assert 0 <= o < out
        start = o * s - before
        spans.append(range(max(start, 0), min(start + k, n)))
    values = [X[r, c] for r in spans[0] for c in spans[1]]
    if v["mode"] == "max":
        return float(max(values))
    if len(values) < size[0] * size[1]:  # dividing by the whole window, padding included, is wrong
        assert not ex.answer.check(repr(float(sum(values)) / (size[0] * size[1]))).correct
    return float(sum(values)) / len(values)


def oracle_group_params(v, ex):
    cin, cout, k, g = v["cin"], v["cout"], v["k"], v["g"]
    assert cin % g == 0 and cout % g == 0  # a legal number of groups: the page keeps it
    prompt = ex.prompt[0]
    assert (prompt.values["cin"], prompt.values["cout"], prompt.values["k"]) == (cin, cout, k)
    if prompt.key == "practice.q_sep_setup":  # depthwise k x k without bias, then 1 x 1 with biases
        return cin * k * k + cin * cout + cout
    assert prompt.values["g"] == g and (prompt.values["dw"] != "") == (g == cin) and 1 < g
    return cout * (cin // g) * k * k + cout


ORACLES = {name: globals()[f"oracle_{name}"] for name in KINDS}


def test_every_kind_has_an_oracle_and_a_page():
    assert set(ORACLES) == set(KINDS)
    for kind in KINDS.values():
        assert kind.name in kinds_for(kind.page)


@pytest.mark.parametrize("kind", list(KINDS))
def test_thousands_of_seeds_give_valid_exercises_graded_by_convcore(kind):
    for seed in SEEDS:
        ex = generate(kind, seed)
        assert (ex.kind, ex.seed) == (kind, seed)
        expected = ORACLES[kind](link_values(ex), ex)
        if isinstance(expected, float):
            assert math.isclose(ex.answer.expected, expected, rel_tol=1e-12, abs_tol=1e-9), (seed, expected)
        else:
            assert ex.answer.expected == expected, (seed, ex.answer.expected, expected)
        assert ex.answer.check(typed(ex)).correct, seed
        if seed < 300:  # every string it shows exists in both languages
            for lang in LANGS:
                rendered(ex, lang)
        for wrong in near_misses(ex):
            assert not ex.answer.check(wrong).correct, (seed, wrong)


def test_a_neighbouring_cell_is_wrong_where_it_differs():
    refused = 0
    for seed in range(300):
        ex = generate("cell_value", seed)
        v = link_values(ex)
        for di, dj in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            other = dict(v, i=v["i"] + di, j=v["j"] + dj)
            try:
                value = oracle_cell_value(other, ex)
            except (AssertionError, IndexError):  # outside the output
                continue
            if value != ex.answer.expected and other["i"] >= 0 and other["j"] >= 0:
                assert not ex.answer.check(repr(float(value))).correct
                refused += 1
    assert refused > 300


def test_the_variants_all_occur():
    def seen(kind, of):
        return Counter(of(generate(kind, s)) for s in range(400))

    assert set(seen("output_shape", lambda e: e.target.query["mode"])) == {"explicit", "valid", "same", "full"}
    assert set(seen("cell_value", lambda e: e.target.query["op"])) == {"corr", "conv"}
    assert seen("cells_read", lambda e: e.target.query["dh"] + e.target.query["dw"] != "11")[True] > 20
    assert set(seen("lr_verdict", lambda e: (e.answer.expected, e.target.query["problem"]))) == {
        (v, p) for v in ("converges", "diverges") for p in ("seed", "sobel")}
    assert set(seen("param_count", lambda e: e.question.key)) == {f"practice.q_params_{k}" for k in
                                                                  ("dense", "conv", "ratio")}
    assert len(seen("which_kernel", lambda e: e.answer.expected)) == len(kernels.PRESETS)
    assert set(seen("transpose_shape", lambda e: (e.target.query["pad"], "op" in e.target.query))) == {
        (p, op) for p in ("valid", "same", "crop") for op in (False, True)}
    assert seen("transpose_shape", lambda e: any("keras" in getattr(p, "key", "") for p in e.solution))[True] > 20
    assert set(seen("pooled_cell", lambda e: (e.target.query["mode"], e.target.query["pad"], any(
        getattr(p, "key", "").startswith("pooling.cell_note") for p in e.solution)))) >= {
        (m, "valid", False) for m in ("max", "avg")} | {(m, "same", True) for m in ("max", "avg")}
    assert set(seen("group_params", lambda e: (e.prompt[0].key, e.target.query["g"] == e.target.query["cin"]))) == {
        ("practice.q_group_setup", False), ("practice.q_group_setup", True), ("practice.q_sep_setup", False)}


# ------------------------------------------------------------------------ answer parsing

@pytest.mark.parametrize("text", ["8x8", "8×8", "(8, 8)", "8,8", "8 8", "8 X 8", "[8, 8]", " 8 × 8 ", "８×８",
                                  "(8,8)", "8*8", "8.0 x 8"])
def test_every_spelling_of_a_shape(text):
    assert parse_shape(text) == (8, 8)


@pytest.mark.parametrize("text,kind", [("", "empty"), ("   ", "empty"), (None, "empty"), ("8", "not_shape"),
                                       ("8x8x8", "not_shape"), ("abc", "not_shape"), ("8x", "not_shape"),
                                       ("-8x8", "not_shape"), ("8.5x8", "not_whole"), ("[x](http://e.com)", "not_shape"),
                                       ("8" * 200, "not_shape"), ("1e3x8", "not_shape")])
def test_junk_is_no_shape(text, kind):
    with pytest.raises(AnswerError) as e:
        parse_shape(text)
    assert e.value.kind == kind


@pytest.mark.parametrize("text,value", [("19", 19), ("-6", -6), ("−6", -6), ("19.0", 19), ("1e12", 1e12),
                                        ("10^12", 1e12), ("10**12", 1e12), ("4.4×10^8", 4.4e8), ("4.4 x 10^8", 4.4e8),
                                        ("10¹²", 1e12), ("1,000,000", 1e6), ("1 000 000", 1e6), ("≈ 442", 442),
                                        ("4.41 亿", 4.41e8), ("1 万亿", 1e12), ("1/30", 1 / 30), ("１９", 19)])
def test_numbers_as_a_learner_types_them(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text,kind", [("", "empty"), ("abc", "not_number"), ("8x8", "not_number"),
                                       ("8 8", "not_number"), ("1/0", "not_number"), ("nan", "not_finite"),
                                       ("inf", "not_finite"), ("1e999", "not_finite"), ("19,20", "not_number"),
                                       ("[1](http://e.com)", "not_number"), ("9" * 500, "not_number")])
def test_junk_is_no_number(text, kind):
    with pytest.raises(AnswerError) as e:
        parse_number(text)
    assert e.value.kind == kind


def test_no_cells_and_no_choice_are_no_answer():
    with pytest.raises(AnswerError, match="no_cells"):
        parse_cell_labels([])
    ex = generate("lr_verdict", 0)
    with pytest.raises(AnswerError, match="no_choice"):
        ex.answer.check(None)


# ------------------------------------------------------------------ one set, both languages

def rendered(ex, lang: str) -> list[str]:
    """Every text of an exercise in ``lang`` (a missing catalog key raises)."""
    out = []
    for p in (*ex.prompt, ex.question, ex.hint, *ex.solution):
        if isinstance(p, (Text, Latex)):
            out.append(p.render(lang))
        elif isinstance(p, (Table, Grid)):
            out += [c.render(lang) for c in getattr(p, "columns", (p.title,) if isinstance(p, Grid) else ())]
    a = ex.answer
    out += [a.expected_text(lang)] + [a.label(o, lang) for o in getattr(a, "options", ())]
    out += [x.render(lang) for x in (a.placeholder, a.tolerance) if x is not None]
    return out


def _numbers(parts, lang) -> list[str]:
    out = []
    for p in parts:
        if isinstance(p, (Text, Latex)):
            out += re.findall(r"\d+(?:\.\d+)?", p.render(lang))
        elif isinstance(p, Table):
            out += [c for row in p.rows for c in row]
    return sorted(out)


@pytest.mark.parametrize("seed", [0, 42, 999_999])
def test_a_set_is_the_same_in_both_languages(seed):
    first, again = practice_set(seed), practice_set(seed)
    assert first == again and len(first) == 10
    counts = Counter(e.kind for e in first)
    assert max(counts.values()) <= 2 and set(counts) <= set(KINDS)
    if len(KINDS) <= 10:
        assert set(counts) == set(KINDS)  # every kind in every set
    for ex in first:
        parts = (*ex.prompt, ex.question, *ex.solution)
        assert _numbers(parts, "en") == _numbers(parts, "zh"), ex.kind
        for lang in LANGS:
            ex.hint.render(lang)
            ex.answer.expected_text(lang)
    assert [e.seed for e in practice_set(seed + 1)] != [e.seed for e in first]


# ------------------------------------------------------------- each link opens its view

def _variants(kind, of, n=400):
    """A seed for each variant of a kind (the first seed that shows it)."""
    found = {}
    for s in range(n):
        found.setdefault(of(generate(kind, s)), s)
    return sorted(found.values())


LINKED = sorted({(k, s) for k, of in {
    "output_shape": lambda e: e.target.query["mode"],
    "receptive_field": lambda e: 0,
    "cell_value": lambda e: e.target.query["op"],
    "cells_read": lambda e: e.target.query["dh"] + e.target.query["dw"] != "11",
    "which_kernel": lambda e: e.target.query["image"] == "seed",
    "param_count": lambda e: e.target.query["same"],
    "lr_verdict": lambda e: e.answer.expected,
    "transpose_shape": lambda e: (e.target.query["pad"], "op" in e.target.query),
    "pooled_cell": lambda e: (e.target.query["mode"], e.target.query["pad"]),
    "group_params": lambda e: (e.prompt[0].key, e.target.query["g"] == e.target.query["cin"]),
}.items() for s in _variants(k, of)})


@pytest.mark.parametrize("kind,seed", LINKED)
def test_the_link_opens_the_view_configured_to_the_exercise(kind, seed):
    ex = generate(kind, seed)
    page, params = page_declaration(ex.target.script)
    at = open_page(ex.target.url_path, ex.target.query, timeout=120)
    assert not [w.value for w in at.warning if w.icon == "🔗"] and not at.error  # every value of the link taken
    if kind == "lr_verdict":  # the page says so too
        above = any("above" in w.value for w in at.warning)
        assert above == (ex.answer.expected == "diverges")
    values = link_values(ex)
    for name, value in values.items():  # the page shows the exercise's settings, and its link keeps them
        assert at.session_state[f"{page}.{name}"] == value, name
        assert at.query_params.get(name, params[name].format(params[name].default)) == params[name].format(value)
    shown = " ".join(m.value for m in [*at.markdown, *at.success])
    answer = ex.answer.expected_text("en")
    if kind == "output_shape":
        assert f"output shape **{answer}**" in shown
    elif kind == "receptive_field":
        assert f"sees a **{answer}** patch" in shown
    elif kind == "cell_value":
        assert f"#### {ex.solution[-1].render('en')}" in [m.value for m in at.markdown]
    elif kind == "transpose_shape":  # the page's formula, the same lines, and an output of that shape
        shown_latex = {x.value.strip("$\n") for x in at.get("latex")}
        assert {p.render("en") for p in ex.solution if isinstance(p, Latex)} <= shown_latex
        assert at.dataframe[-1].value.shape == ex.answer.expected
    elif kind == "pooled_cell":
        (line,) = [p.render("en") for p in ex.solution if getattr(p, "key", "") == "stepper.cell_sum"]
        assert f"#### {line}" in [m.value for m in at.markdown]
    elif kind == "group_params":  # the count, bold in the page's table (grouped or separable column)
        assert f"**{ex.answer.expected:,}**" in {c for tb in at.table for c in tb.value.to_numpy().ravel()}


def test_the_link_speaks_the_language():
    ex = generate("cell_value", 1)
    assert ex.target.link("zh").endswith("&lang=zh") and "lang" not in ex.target.link("en")
    at = open_page(ex.target.url_path, dict(ex.target.query), "zh")
    assert at.title[0].value == "互相关运算，一步一步"
