"""Exercises of the padding-and-stride page: an output shape, a receptive field.

Every answer is :mod:`convcore`'s (``output_shape``, ``layer_stack``); the
worked solution is the page's own formula (:mod:`convlab.padding`), and the
link opens that page with the exercise's settings (its declared ``PARAMS``).
"""
from __future__ import annotations

import convcore

from .. import padding as pad
from .core import Exercise, Latex, ShapeAnswer, Table, Text, register, target
from .parse import shape_text

__all__ = ["PADDING_PAGE", "output_shape_exercise", "receptive_field_exercise"]

PADDING_PAGE = "app_pages/padding_stride.py"
_MODES = ("explicit", "valid", "same", "full")
_WORDS = {"@h@": Text("padding.word_h"), "@w@": Text("padding.word_w"), "@out@": Text("padding.word_out")}


def _shape_values(rng, mode: str) -> dict:
    """The padding page's widget values for one random configuration of ``mode``."""
    square = rng.random() < 0.4
    dilated = rng.random() < 0.2  # never with a stride above 1: TensorFlow refuses the two together

    def axis():
        n, k = int(rng.integers(5, 17)), int(rng.integers(1, 6))
        s = 1 if dilated else int(rng.integers(1, 4))
        d = int(rng.integers(1, 3)) if dilated else 1
        p = int(rng.integers(0, 3))
        return n, k, s, d, p, p + int(rng.random() < 0.2)  # sometimes one more row/column after

    h = axis()
    w = h if square else axis()
    (nh, kh, sh, dh, pt, pb), (nw, kw, sw, dw, pl, pr) = h, w
    if square:
        pb = pl = pr = pt
    if mode != "explicit":
        pt = pb = pl = pr = 0
    return dict(tie=square, mode=mode, nh=nh, nw=nw, kh=kh, kw=kw, sh=sh, sw=sw, dh=dh, dw=dw,
                pt=pt, pb=pb, pl=pl, pr=pr)


def _padding_text(values: dict) -> Text:
    if values["mode"] != "explicit":
        return Text(f"practice.pad_{values['mode']}")
    return Text("practice.pad_sides", {"pads": f"({values['pt']}, {values['pb']}, {values['pl']}, {values['pr']})"})


@register("output_shape", page="padding")
def output_shape_exercise(rng):
    """The output shape for (n, k, p, s, d) per axis; 'same' always with an odd total padding on an axis."""
    mode = str(rng.choice(_MODES, p=(0.35, 0.2, 0.3, 0.15)))
    while True:
        values = _shape_values(rng, mode)
        cfg = pad.config(values)
        if cfg.fits and (mode != "same" or cfg.h.p % 2 or cfg.w.p % 2):
            break
    shape = convcore.output_shape(*cfg.args)
    setup = {"n": shape_text(cfg.input_shape), "k": shape_text(cfg.kernel_shape), "padding": _padding_text(values),
             "s": f"({cfg.stride[0]}, {cfg.stride[1]})", "d": f"({cfg.dilation[0]}, {cfg.dilation[1]})"}
    solution = [Latex(line, _WORDS) for line in pad.formula_lines(cfg, tuple(_WORDS))]
    if mode == "same":
        solution = [Text("practice.sol_same"), Latex(pad.same_latex(cfg)), *solution]
    return Exercise(
        prompt=(Text("practice.q_shape_setup", setup),),
        question=Text("practice.q_shape"),
        answer=ShapeAnswer(shape),
        hint=Text("practice.hint_shape"),
        solution=tuple(solution),
        target=target(PADDING_PAGE, pad.PARAMS, **values),
    )


@register("receptive_field", page="padding")
def receptive_field_exercise(rng):
    """The receptive field of one output cell after a stack of 2–4 square layers."""
    while True:
        n = int(rng.choice((32, 48, 64)))
        layers = []
        for _ in range(int(rng.integers(2, 5))):
            k = int(rng.choice((2, 3, 3, 5)))
            s = 2 if rng.random() < 0.35 else 1
            d = 2 if s == 1 and rng.random() < 0.2 else 1
            layers.append(pad.Layer(k, s, "same" if rng.random() < 0.4 else "valid", d))
        try:
            shapes = convcore.layer_stack((n, n), [layer.as_dict() for layer in layers])
        except ValueError:  # a layer does not fit what reaches it
            continue
        break
    rf = shapes[-1].receptive_field

    columns = tuple(Text(f"padding.col_{c}") for c in ("layer_no", "kernel", "stride", "padding", "dilation"))
    rows = tuple((str(m), shape_text((ly.kernel, ly.kernel)), str(ly.stride), str(ly.padding), str(ly.dilation))
                 for m, ly in enumerate(layers, start=1))
    steps, r, j = [Text("practice.sol_rf_start")], 1, 1
    for m, (ly, shape) in enumerate(zip(layers, shapes), start=1):
        r1, j1 = shape.receptive_field[0], shape.jump[0]
        steps.append(Text("practice.sol_rf_layer", dict(n=m, k=ly.kernel, d=ly.dilation, s=ly.stride, r=r, j=j,
                                                          r1=r1, j1=j1)))
        r, j = r1, j1
    steps.append(Text("practice.sol_rf_result", {"rf": shape_text(rf)}))
    return Exercise(
        prompt=(Text("practice.q_rf_setup", {"n": shape_text((n, n))}), Table(columns, rows)),
        question=Text("practice.q_rf"),
        answer=ShapeAnswer(rf),
        hint=Text("practice.hint_rf"),
        solution=tuple(steps),
        target=target(PADDING_PAGE, pad.PARAMS, snh=n, snw=n, stack=pad.stack_text(layers)),
    )

