"""Exercises of the pages beyond the chapter: a transposed convolution's output
shape, one cell of a pooling, the parameters of a grouped (or depthwise, or
depthwise-separable) layer.

Answers are :mod:`convcore`'s (``conv_transpose2d``, ``pool2d``,
``layer_cost``); the worked solutions are the pages' own (the shape formula
of :mod:`convlab.transposed`, the window sum of :mod:`convlab.pooling`); each
link opens its page with the exercise's settings (the page's ``PARAMS``).
"""
from __future__ import annotations

import numpy as np

import convcore

from .. import groups, pooling
from .. import transposed as tc
from ..urlstate import matrix_text
from .core import Exercise, Grid, Latex, NumberAnswer, ShapeAnswer, Text, register, target
from .parse import shape_text

__all__ = ["TRANSPOSED_PAGE", "POOLING_PAGE", "GROUPS_PAGE", "transpose_shape_exercise", "pooled_cell_exercise",
           "group_params_exercise"]

TRANSPOSED_PAGE = "app_pages/transposed.py"
POOLING_PAGE = "app_pages/pooling.py"
GROUPS_PAGE = "app_pages/groups.py"


def _pair(v) -> str:
    return f"({v[0]}, {v[1]})"


def _span(lo: int, hi: int) -> str:
    """Rows (columns) ``lo..hi`` as the solution writes them: ``2`` or ``0–2``."""
    return str(lo) if lo == hi else f"{lo}–{hi}"


# ------------------------------------------------------------ transposed convolution

def _transpose_config(rng):
    """A legal configuration of the transposed-convolution page: input and kernel
    shapes, stride, padding (``"valid"``, ``"same"`` or a crop per axis) and
    output_padding (None, or one per axis below the stride)."""
    while True:
        square = rng.random() < 0.5

        def axis():
            return int(rng.integers(2, 7)), int(rng.choice((1, 2, 2, 3, 3, 4, 5))), int(rng.integers(1, 4))

        (ih, kh, sh) = axis()
        (iw, kw, sw) = (ih, kh, sh) if square else axis()
        kind = str(rng.choice(("valid", "same", "crop"), p=(0.4, 0.3, 0.3)))
        if kind == "crop":
            if min(kh, kw) < 2:
                continue
            ph, pw = int(rng.integers(1, kh)), int(rng.integers(1, kw))
            padding = (ph, ph) if square else (ph, pw)
        else:
            padding = kind
        op = None
        if max(sh, sw) > 1 and rng.random() < 0.35:
            op = (int(rng.integers(0, sh)), int(rng.integers(0, sw)))
        args = dict(stride=(sh, sw), padding=padding, output_padding=op)
        if tc.config_problem((ih, iw), (kh, kw), **args) is None:
            return (ih, iw), (kh, kw), args


@register("transpose_shape", page="transposed")
def transpose_shape_exercise(rng):
    """The output shape of a transposed convolution: Keras' rules for 'valid' and
    'same', a crop p from each side (PyTorch's padding), output_padding sometimes."""
    X_shape, K_shape, args = _transpose_config(rng)
    X = rng.integers(0, 4, size=X_shape).astype(float)
    K = rng.integers(-1, 3, size=K_shape).astype(float)
    shape = convcore.conv_transpose2d(X, K, **args).shape
    stride, padding, op = args["stride"], args["padding"], args["output_padding"]
    kind = padding if isinstance(padding, str) else "crop"
    pad_text = Text("practice.tpad_crop", {"p": _pair(padding)}) if kind == "crop" else Text(f"practice.tpad_{kind}")
    setup = {"n": shape_text(X_shape), "k": shape_text(K_shape), "s": _pair(stride), "padding": pad_text,
             "op": _pair(op) if op is not None else Text("practice.top_none")}

    solution = [Text(f"practice.sol_tshape_{kind}" + ("_op" if kind != "crop" and op is not None else ""))]
    # the page's lines for each axis, rule then numbers (the general formula, too wide for a phone, is said above)
    solution += [Latex(line) for line in tc.formula_latex(X_shape, K_shape, stride, padding, op)[1:]]
    for ax, n, k, s, o in zip(("rows", "cols"), X_shape, K_shape, stride, shape):
        if padding == "valid" and op is None and s > k:  # Keras' 'valid' rule: max(k, s) in place of k
            solution.append(Text(f"practice.sol_tshape_keras_{ax}", {"s": s, "k": k, "n1": n - 1, "o": o,
                                                                     "short": (n - 1) * s + k, "gap": s - k}))
    solution.append(Text("practice.sol_tshape_result", {"shape": shape_text(shape)}))

    values = dict(X=matrix_text(X), K=matrix_text(K), sh=stride[0], sw=stride[1], pad=kind)
    if kind == "crop":
        values.update(ph=padding[0], pw=padding[1])
    if op is not None:
        values.update(op=True, oph=op[0], opw=op[1])
    return Exercise(
        prompt=(Text("practice.q_tshape_setup", setup),),
        question=Text("practice.q_shape"),
        answer=ShapeAnswer(shape),
        hint=Text("practice.hint_tshape"),
        solution=tuple(solution),
        target=target(TRANSPOSED_PAGE, tc.PARAMS, **values),
    )


# ------------------------------------------------------------------------ pooling

def _pool_config(rng):
    """An input, window, stride and padding of the pooling page with an output of 2 cells or more."""
    while True:
        xh, xw = (int(v) for v in rng.integers(3, 7, size=2))
        ph = int(rng.integers(1, 4))
        pw = ph if rng.random() < 0.6 else int(rng.integers(1, 4))
        if ph * pw == 1:
            continue
        sh = int(rng.integers(1, 4))
        sw = sh if rng.random() < 0.6 else int(rng.integers(1, 4))
        pad = "same" if rng.random() < 0.4 else "valid"
        if pad == "valid" and (ph > xh or pw > xw):
            continue
        H, W = convcore.output_shape((xh, xw), (ph, pw), pad, (sh, sw))
        if H * W >= 2:
            low = -5 if rng.random() < 0.3 else 0
            return rng.integers(low, 10, size=(xh, xw)).astype(float), (ph, pw), (sh, sw), pad, (H, W)


@register("pooled_cell", page="pooling")
def pooled_cell_exercise(rng):
    """One output cell of max or average pooling, 'valid' or 'same' (a 'same'
    window most often at the border, where an average divides by the real cells)."""
    while True:
        X, size, stride, pad, (H, W) = _pool_config(rng)
        mode = str(rng.choice(convcore.POOL_MODES))
        steps = pooling.walk(X, size, stride, pad, mode)
        padded = [s for s in steps if s.padding_cells]
        step = padded[int(rng.integers(len(padded)))] if padded and rng.random() < 0.7 else \
            steps[int(rng.integers(len(steps)))]
        if mode == "avg" and step.padding_cells and not sum(step.values):
            continue  # dividing by the whole window would give the same 0: nothing to learn
        break
    i, j = step.index
    value = float(convcore.pool2d(X, size, stride=stride, padding=pad, mode=mode)[i, j])
    (top, bottom), (left, right) = convcore.pad_amounts(X.shape, size, pad, stride)
    rows, cols = sorted({r for r, _ in step.cells}), sorted({c for _, c in step.cells})
    read = np.zeros(X.shape)
    for r, c in step.cells:
        read[r, c] = 1

    solution = [Text("practice.sol_pool_pads", {"pads": f"({top}, {bottom}, {left}, {right})"})] if pad == "same" else []
    where = dict(i=i, j=j, sh=stride[0], sw=stride[1], r=step.origin[0] - top, c=step.origin[1] - left,
                 rows=_span(rows[0], rows[-1]), cols=_span(cols[0], cols[-1]))
    solution.append(Text(f"practice.sol_pool_window_{pad}", dict(where, top=top, left=left)))
    solution.append(Grid.of(Text("practice.grid_window"), read))
    if step.padding_cells:
        solution.append(Text(f"pooling.cell_note_{mode}", {"real": len(step.cells), "window": step.window}))
    arith = pooling.max_text(step.values, value) if mode == "max" else pooling.avg_text(step.values, step.divisor, value)
    solution.append(Text("stepper.cell_sum", {"i": i, "j": j, "sum": arith}))
    if mode == "max":
        solution.append(Text("pooling.cell_winner", {"r": step.winner[0], "c": step.winner[1]}))
    return Exercise(
        prompt=(Grid.of(Text("stepper.X"), X),
                Text("practice.q_pool_setup", {"mode": Text(f"pooling.mode_{mode}"), "p": shape_text(size),
                                               "s": _pair(stride), "padding": Text(f"practice.pad_{pad}")})),
        question=Text("practice.q_value", {"i": i, "j": j}),
        answer=NumberAnswer(value, abs_tol=0.01) if mode == "avg" else NumberAnswer(value),
        hint=Text("practice.hint_pool"),
        solution=tuple(solution),
        target=target(POOLING_PAGE, pooling.PARAMS, X=matrix_text(X), mode=mode, pad=pad, ph=size[0], pw=size[1],
                      sh=stride[0], sw=stride[1], i=i, j=j),
    )


# ------------------------------------------------------------ grouped convolution

_C_IN = (2, 3, 4, 6, 8, 12, 16)
_C_OUT = (2, 4, 6, 8, 12, 16)


@register("group_params", page="groups")
def group_params_exercise(rng):
    """Parameters (weights and biases) of a grouped layer, a depthwise one
    (groups = C_in) or a depthwise-separable pair."""
    ask = str(rng.choice(("grouped", "depthwise", "separable"), p=(0.5, 0.3, 0.2)))
    k = int(rng.choice((1, 3, 3, 5, 7) if ask == "grouped" else (3, 3, 5, 7)))
    while True:
        c_in = int(rng.choice(_C_IN if ask != "depthwise" else _C_IN[:5]))
        if ask == "depthwise":
            g, c_out = c_in, c_in * int(rng.choice((1, 2)))
            if c_out > groups.MAX_CHANNELS:
                continue
        else:
            c_out = int(rng.choice(_C_OUT))
            legal = groups.legal_groups(c_in, c_out)
            inner = [d for d in legal if 1 < d < c_in]  # neither standard nor depthwise
            if ask == "separable":
                g = 1
            elif not inner:
                continue
            else:
                g = int(rng.choice(inner))
        break
    std = convcore.layer_cost(c_in, c_out, k)
    if ask == "separable":
        dw = convcore.layer_cost(c_in, c_in, k, groups=c_in, bias=False)
        pw = convcore.layer_cost(c_in, c_out, 1)
        params = dw.params + pw.params
        prompt = Text("practice.q_sep_setup", {"cin": c_in, "cout": c_out, "k": k})
        solution = (Text("practice.sol_sep_dw", {"cin": c_in, "k": k, "dw": f"{dw.params:,}"}),
                    Text("practice.sol_sep_pw", {"cin": c_in, "cout": c_out, "pw": f"{pw.params:,}"}),
                    Text("practice.sol_sep_total", {"dw": f"{dw.params:,}", "pw": f"{pw.params:,}",
                                                    "params": f"{params:,}", "k": k, "std": f"{std.params:,}"}))
    else:
        cost = convcore.layer_cost(c_in, c_out, k, groups=g)
        params, per = cost.params, c_in // g
        prompt = Text("practice.q_group_setup", {"cin": c_in, "cout": c_out, "k": k, "g": g,
                                                 "dw": Text("practice.group_depthwise") if g == c_in else ""})
        solution = (Text("practice.sol_group_reads", {"g": g, "cin": c_in, "per": per, "k": k, "kw": per * k * k}),
                    Text("practice.sol_group_weights", {"cout": c_out, "kw": per * k * k,
                                                        "weights": f"{cost.weights:,}"}),
                    Text("practice.sol_group_total", {"weights": f"{cost.weights:,}", "cout": cost.biases,
                                                      "params": f"{params:,}", "std": f"{std.params:,}"}))
    return Exercise(
        prompt=(prompt,),
        question=Text("practice.q_group"),
        answer=NumberAnswer(params),
        hint=Text("practice.hint_group"),
        solution=solution,
        target=target(GROUPS_PAGE, groups.PARAMS, cin=c_in, cout=c_out, k=k, g=g),
    )
