"""Predict-then-reveal exercises, generated from a seed and graded from convcore.

A kind is registered once, with the teaching page whose "Your turn" shows it
(:func:`register`); :func:`generate` ``(kind, seed)`` draws an
:class:`Exercise`: the prompt (text, small grids, a table), the question, an
:class:`Answer` that parses and grades what the learner gives (a number, a
shape, cells, a choice), a hint, the worked solution, and the :class:`Target`
view that answers it (a page of the app and its URL parameters). Visible text
is catalog keys (``convlab/text/practice.py``), so an exercise shows the same
numbers in every language. The kinds:

========================  ==============  ===================================
kind                      page            asks
========================  ==============  ===================================
``output_shape``          padding         output shape for n, k, p, s, d
``receptive_field``       padding         receptive field after a layer stack
``cell_value``            stepper         one output cell (corr or true conv)
``cells_read``            stepper         the input cells an output cell reads
``which_kernel``          edges           which preset made this output
``param_count``           why             fully connected vs conv parameters
``lr_verdict``            training        does this learning rate converge
``transpose_shape``       transposed      transposed convolution's shape
``pooled_cell``           pooling         one cell of max / average pooling
``group_params``          groups          grouped / depthwise(-separable) params
========================  ==============  ===================================

A new kind is a function in a module imported below (:mod:`.beyond` holds
short ones)::

    @register("pooled_shape", page="pooling")
    def pooled_shape_exercise(rng):
        n, p, s = (int(v) for v in rng.integers((4, 2, 1), (9, 4, 4)))
        shape = convcore.pool2d(np.zeros((n, n)), p, stride=s).shape
        return Exercise(prompt=(Text("practice.q_pshape_setup", {"n": n, "p": p, "s": s}),),
                        question=Text("practice.q_shape"), answer=ShapeAnswer(shape),
                        hint=Text("practice.hint_pshape"), solution=(...),
                        target=target("app_pages/pooling.py", pooling.PARAMS, ph=p, pw=p, sh=s, sw=s))

plus its strings in the catalog (``practice.kind_<name>`` names it on the
practice page). The practice sets (:mod:`.practice`) mix every registered
kind; a page's "Your turn" (``your_turn(PAGE, lang)``) takes its kinds in turn.
"""
from .core import (KINDS, MAX_SEED, Answer, CellsAnswer, Check, ChoiceAnswer, Exercise, Grid, Kind, Latex,
                   NumberAnswer, ShapeAnswer, Table, Target, Text, cell_label, generate, kinds_for, register, render,
                   target)
from .parse import AnswerError, parse_cell_labels, parse_number, parse_shape
from . import geometry, lessons, windows  # noqa: F401 - registers the kinds
from . import beyond  # noqa: F401 - the pages beyond the chapter, registered after the chapter's kinds
from .practice import (MAX_SET, SET_SIZE, parse_set, practice_set, random_seed, score, set_query,
                       your_turn_exercise)

__all__ = ["KINDS", "MAX_SEED", "Answer", "CellsAnswer", "Check", "ChoiceAnswer", "Exercise", "Grid", "Kind",
           "Latex", "NumberAnswer", "ShapeAnswer", "Table", "Target", "Text", "cell_label", "generate", "kinds_for",
           "register", "render", "target", "AnswerError", "parse_cell_labels", "parse_number", "parse_shape",
           "MAX_SET", "SET_SIZE", "parse_set", "practice_set", "random_seed", "score", "set_query",
           "your_turn_exercise"]
