"""Exercises of the edge, why and training pages: which preset made an output,
parameter counts, whether a learning rate converges.

Answers come from :mod:`convcore` (``corr2d`` with ``convcore.kernels``
presets, ``convcore.why.param_counts``, ``convcore.training.stable_lr_bound``).
"""
from __future__ import annotations

import functools

import numpy as np

import convcore
from convcore import kernels, training
from convcore.why import param_counts

from .. import images
from .. import edges
from ..fmt import num, window_sum
from ..why import sci
from .core import ChoiceAnswer, Exercise, count_text, Grid, NumberAnswer, Text, register, target
from .parse import shape_text

__all__ = ["which_kernel_exercise", "param_count_exercise", "lr_verdict_exercise", "KERNEL_POOL", "PICTURES"]

KERNEL_POOL = tuple(kernels.PRESETS)  # every preset, the chapter's [1, -1] included
PICTURES = ("seed", "stripes", "checkerboard", "disc", "step")  # built-in pictures, 8 x 8 (the seed's 6 x 8)
PICTURE_SIZE = 8  # the smallest the edge page offers
kernel_text = functools.lru_cache(maxsize=None)(edges.kernel_text)  # a preset written out, as the edge page does


@functools.lru_cache(maxsize=None)
def _picture(name: str, transpose: bool):
    """A built-in picture (transposed or not), its output under every preset, and
    for each preset the presets that give the same output (few pictures: cached)."""
    X = np.array(images.synthetic(name, PICTURE_SIZE), dtype=float)
    X = X.T if transpose else X
    outputs = {k: convcore.corr2d(X, kernels.preset(k)) for k in KERNEL_POOL}
    alike = {a: {b for b, B in outputs.items() if A.shape == B.shape and np.allclose(A, B)}
             for a, A in outputs.items()}
    return X, outputs, alike


def _telling_cell(Y, others) -> tuple[int, int]:
    """The output cell that tells the answer from the most other options (the strongest response among them)."""
    same_shape = [Z for Z in others if Z.shape == Y.shape]
    differ = sum((~np.isclose(Z, Y)).astype(int) for Z in same_shape) if same_shape else np.zeros(Y.shape, int)
    score = differ * (1 + np.abs(Y).max()) + np.abs(Y)
    return tuple(int(v) for v in np.unravel_index(np.argmax(score), Y.shape))


@register("which_kernel", page="edges")
def which_kernel_exercise(rng):
    """Which of four presets cross-correlated this picture into this output ('valid' padding)."""
    while True:
        picture, transpose = str(rng.choice(PICTURES)), bool(rng.random() < 0.4)
        X, outputs, alike = _picture(picture, transpose)
        answer = str(rng.choice(KERNEL_POOL))
        Y = outputs[answer]
        if not np.abs(Y).max() > 1e-9:  # an all-zero output tells the presets apart poorly
            continue
        others = [str(n) for n in rng.permutation(KERNEL_POOL) if n not in alike[answer]][:3]
        if len(others) == 3:
            break
    options = tuple(str(n) for n in rng.permutation([answer, *others]))
    K = kernels.preset(answer)
    i, j = _telling_cell(Y, [outputs[n] for n in others])
    solution = [Text("practice.sol_kernel", {"name": Text(f"edges.k.{answer}"), "K": kernel_text(answer)}),
                Text("stepper.cell_sum", {"i": i, "j": j, "sum": window_sum(convcore.window_at(X, K, i, j), K)})]
    for name in others:
        Z = outputs[name]
        if Z.shape != Y.shape:
            solution.append(Text("practice.sol_other_shape", {"name": Text(f"edges.k.{name}"), "shape": shape_text(Z.shape)}))
        else:
            solution.append(Text("practice.sol_other_value", {"name": Text(f"edges.k.{name}"), "i": i, "j": j,
                                                              "v": num(Z[i, j])}))
    return Exercise(
        prompt=(Grid.of(Text("practice.grid_picture"), X), Grid.of(Text("practice.grid_output"), Y),
                Text("practice.q_kernel_setup")),
        question=Text("practice.q_kernel"),
        answer=ChoiceAnswer(answer, options, tuple(Text("practice.kernel_option", {
            "name": Text(f"edges.k.{n}"), "K": kernel_text(n)}) for n in options)),
        hint=Text("practice.hint_kernel"),
        solution=tuple(solution),
        target=target("app_pages/edges.py", image=picture, size=PICTURE_SIZE, transpose=transpose, kernel=answer,
                      padding="valid"),
    )


_SIDES = (28, 32, 64, 96, 100, 128, 224, 256, 512, 1000)


def _count(n: int) -> str:
    """A count with thousands separators, and its power of ten when large: ``1,000,000 (10⁶)``."""
    text = f"{n:,}"
    return text if n < 10**6 else f"{text} ({sci(n)})"


@register("param_count", page="why")
def param_count_exercise(rng):
    """Parameters of a fully connected layer, of a conv layer, or their ratio (within 5 % where large)."""
    h = int(rng.choice(_SIDES))
    w = h if rng.random() < 0.6 else int(rng.choice(_SIDES))
    same = bool(rng.random() < 0.7)
    h2, w2 = (h, w) if same else (int(rng.choice((1, 10, 16, 32, 100))), int(rng.choice((10, 16, 32, 100, 1000))))
    k = int(rng.choice((3, 5, 7, 9, 11, 21)))
    c = param_counts(h, w, k, h2, w2)
    ask = str(rng.choice(("dense", "ratio", "conv"), p=(0.45, 0.35, 0.2)))
    answer = {"dense": NumberAnswer(c.dense.total, rel_tol=0.05), "conv": NumberAnswer(c.conv.total),
              "ratio": NumberAnswer(c.dense.total / c.conv.total, rel_tol=0.05)}[ask]
    n_in, n_hidden = h * w, h2 * w2
    solution = (
        Text("practice.sol_dense", {"n_in": f"{n_in:,}", "n_hidden": f"{n_hidden:,}", "total": _count(c.dense.total)}),
        Text("practice.sol_conv", {"k": k, "total": _count(c.conv.total)}),
        Text("practice.sol_ratio", {"dense": _count(c.dense.total), "conv": c.conv.total,
                                    "ratio": count_text(c.dense.total / c.conv.total)}),
    )
    links = dict(h=h, w=w, k=k, same=same) if same else dict(h=h, w=w, k=k, same=same, h2=h2, w2=w2)
    return Exercise(
        prompt=(Text("practice.q_params_setup", {"image": shape_text((h, w)), "hidden": shape_text((h2, w2)),
                                                 "k": shape_text((k, k))}),),
        question=Text(f"practice.q_params_{ask}"),
        answer=answer,
        hint=Text("practice.hint_params"),
        solution=solution,
        target=target("app_pages/why.py", **links),
    )


LR_FACTORS = {"converges": (0.3, 0.5, 0.7, 0.8), "diverges": (1.25, 1.5, 2.0, 3.0)}  # times the bound
LR_EPOCHS = 30  # the linked run: long enough for a rate above the bound to blow up


@functools.lru_cache(maxsize=None)
def _lr_bound(name: str, bias: bool) -> float:
    prob = training.problem(name)
    return training.stable_lr_bound(prob.X, prob.K.shape, bias)


@register("lr_verdict", page="training")
def lr_verdict_exercise(rng):
    """Does plain gradient descent with this learning rate converge on this problem (the bound 2/λmax)?"""
    name = "seed" if rng.random() < 0.7 else "sobel"
    bias = bool(rng.random() < 0.3)
    bound = _lr_bound(name, bias)
    factors = LR_FACTORS[str(rng.choice(tuple(LR_FACTORS)))]
    lr = float(f"{bound * float(rng.choice(factors)):.2g}")  # two significant digits, as a learner types it
    verdict = "diverges" if lr > bound else "converges"
    options = tuple(LR_FACTORS)
    return Exercise(
        prompt=(Text("practice.q_lr_setup", {"problem": Text(f"training.problem_{name}"),
                                             "bias": Text("practice.with_bias" if bias else "practice.no_bias"),
                                             "lr": num(lr)}),),
        question=Text("practice.q_lr"),
        answer=ChoiceAnswer(verdict, options, tuple(Text(f"practice.{o}") for o in options), horizontal=True),
        hint=Text("practice.hint_lr"),
        solution=(Text("practice.sol_lr", {"lam": num(2 / bound), "bound": num(bound), "lr": num(lr),
                                           "verdict": Text(f"practice.sol_lr_{verdict}")}),),
        target=target("app_pages/training.py", problem=name, lr=lr, epochs=LR_EPOCHS, optimizer="sgd", bias=bias),
    )
