"""The training page's run model and driver, without Streamlit or TensorFlow:
records are made up, the clock is a fake one."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as hst
from hypothesis.extra import numpy as hnp

from convcore import seed, training
from convlab.figures import training as figs
from convlab.text import t
from convlab.training import (MAX_DRAWS, MAX_EPOCHS, MAX_WORK, Run, drive, lr_bound, over_budget,
                              problem_defaults, work)
from convlab.urlstate import matrix_text

CONFIG = dict(problem="seed", lr=0.03, epochs=10, seed=0, optimizer="sgd", layer="keras", bias=False)


@dataclass
class Rec:
    epoch: int
    loss: float
    kernel: np.ndarray
    bias: float | None = None
    diverged: bool = False


def records(n, *, start=4.0, factor=0.5, kernel=(1.0, -1.0), diverge_at=None):
    for e in range(1, n + 1):
        yield Rec(e, start * factor ** (e - 1), np.array([kernel]), diverged=e == diverge_at)


class Clock:
    """A clock that moves only when asked (sleeping moves it too)."""

    def __init__(self, step=0.0):
        self.now, self.step, self.slept = 0.0, step, 0.0

    def __call__(self):
        self.now += self.step
        return self.now

    def sleep(self, s):
        self.slept += s
        self.now += s


def run_with(n_records, config=None, clock=None, **kw):
    run = Run.start(dict(CONFIG, **(config or {})), seed.EDGE_K, 1 / 30)
    draws = []
    clock = clock or Clock()
    drive(run, n_records, lambda r, n: draws.append((n, r.epochs[-1])), clock=clock, sleep=clock.sleep, **kw)
    return run, draws, clock


def test_a_finished_run_is_done_and_draws_its_last_epoch():
    run, draws, _ = run_with(records(10), live_seconds=0)
    assert run.status == "done" and run.epochs == list(range(1, 11))
    assert draws[-1] == (len(draws), 10)
    assert run.verdict()[0] == "done"


def test_a_long_run_redraws_at_most_max_draws_times_and_always_at_the_end():
    run, draws, _ = run_with(records(500), dict(epochs=500), clock=Clock(step=1.0), live_seconds=0)
    assert 1 < len(draws) <= MAX_DRAWS + 1 and draws[-1][1] == 500
    assert [n for n, _ in draws] == list(range(1, len(draws) + 1))  # a distinct number per draw


def test_short_runs_are_paced_to_be_watched():
    _, draws, clock = run_with(records(10), clock=Clock(), live_seconds=1.5)
    # instant epochs: each of the ten is shown, 0.15 s apart
    assert clock.slept == pytest.approx(1.5) and [e for _, e in draws] == list(range(1, 11))
    _, _, clock = run_with(records(10), clock=Clock(), live_seconds=0)
    assert clock.slept == 0


def test_a_diverging_run_stops_there_and_names_the_bound():
    run, draws, _ = run_with(records(10, factor=10.0, diverge_at=4), live_seconds=0)
    assert run.status == "diverged" and run.epochs == [1, 2, 3, 4] and draws[-1][1] == 4
    kind, numbers = run.verdict()
    assert kind == "diverged" and numbers["bound"] == pytest.approx(1 / 30) and numbers["epoch"] == 4


def test_a_slow_clock_never_stops_a_run():
    # A busy server: every reading of the clock a minute later. The run still goes to its last epoch,
    # and its result is what it would be on an idle machine.
    for live in (0, 1.5):
        run, draws, _ = run_with(records(10), clock=Clock(step=60.0), live_seconds=live)
        assert run.status == "done" and run.epochs == list(range(1, 11)) and draws[-1][1] == 10
        assert run.verdict()[0] == "done"
    fast, _, _ = run_with(records(10), clock=Clock(), live_seconds=0)
    assert (fast.losses, fast.kernels) == (run.losses, run.kernels)


def test_the_work_is_bounded_before_a_run_starts():
    # every built-in problem may run the most epochs the page offers; a large custom target may not
    for name in ("seed", "sobel"):
        assert over_budget(training.problem(name), MAX_EPOCHS) is None
    big = training.problem("custom", np.ones((5, 5)))
    too_much = over_budget(big, MAX_EPOCHS)
    assert too_much == dict(work=500 * 144 * 25, epochs=500, cells=144, weights=25, limit=MAX_WORK, max_epochs=277)
    assert work(big, too_much["max_epochs"]) <= MAX_WORK < work(big, too_much["max_epochs"] + 1)
    assert over_budget(big, too_much["max_epochs"]) is None
    # the message names the limit and what to change, in both languages
    en, zh = (t("training.too_much", lang, **too_much) for lang in ("en", "zh"))
    assert "1,000,000" in en and "277 epochs" in en and "1,800,000" in en
    assert "1,000,000" in zh and "277" in zh


def test_a_run_read_back_while_running_was_interrupted():
    run = Run.start(CONFIG, seed.EDGE_K, 1 / 30)
    for rec in records(3):
        run.add(rec)
    assert run.verdict() == ("interrupted", dict(epoch=3, epochs=10))


def test_verdicts_done_not_yet_grew_and_adam_s_divergence():
    run, _, _ = run_with(records(10, kernel=(0.5, -0.5)), live_seconds=0)
    assert run.verdict()[0] == "not_yet" and run.verdict()[1]["err"] == pytest.approx(0.5)
    run, _, _ = run_with(records(10, factor=1.1), dict(lr=0.05), live_seconds=0)
    assert run.verdict()[0] == "grew"
    adam = Run.start(dict(CONFIG, optimizer="adam"), seed.EDGE_K, None)
    adam.add(Rec(1, 1e9, np.array([[1e5, 0]]), diverged=True))
    adam.status = "diverged"
    assert adam.verdict()[0] == "diverged_other"


def test_log_and_csv_follow_the_history():
    run, _, _ = run_with(records(10), live_seconds=0)
    every, rows = run.log()
    assert every == 2 and [e for e, _, _ in rows] == [2, 4, 6, 8, 10]
    assert [b for _, _, b in rows] == [training.SEED_LOG[e] for e in (2, 4, 6, 8, 10)]
    csv = run.csv().splitlines()
    assert csv[0] == "epoch,loss,k[0][0],k[0][1]" and len(csv) == 11
    sobel = Run.start(dict(CONFIG, problem="sobel"), training.SOBEL_X, 0.002)
    sobel.add(Rec(1, 1.0, training.SOBEL_X))
    assert sobel.book is None
    cols = sobel.log_columns("en")
    assert len(cols) == 2  # no chapter column for a problem the chapter did not run


def test_bias_runs_keep_their_bias():
    run = Run.start(dict(CONFIG, bias=True), seed.EDGE_K, 1 / 30)
    run.add(Rec(1, 1.0, np.array([[1.0, -1.0]]), bias=0.25))
    assert run.biases == [0.25] and run.csv().splitlines()[0].endswith(",bias")


def test_lr_bound_per_optimizer():
    X = seed.edge_image()
    sgd, plain = lr_bound(X, (1, 2), "sgd", False)
    assert sgd == plain == pytest.approx(1 / 30)
    momentum, _ = lr_bound(X, (1, 2), "momentum", False)
    assert momentum == pytest.approx(training.stable_lr_bound(X, (1, 2), momentum=training.MOMENTUM))
    assert lr_bound(X, (1, 2), "adam", False)[0] is None


def test_problem_defaults():
    assert problem_defaults("seed") == (0.03, 10)
    lr, epochs = problem_defaults("sobel")
    p = training.problem("sobel")
    assert epochs == 150 and lr == training.suggested_lr(p.X, p.K.shape)
    assert problem_defaults("custom", "0,1;2,3")[1] == 150
    assert problem_defaults("custom", "0,x") is None
    # what the learner hit: Sobel filled in 0.0023 against the bias's bound 0.001728, custom 0.0045 against 0.002463
    assert problem_defaults("sobel", "", "sgd", True) == (0.0016, 150)
    assert problem_defaults("custom", "0,1;2,3", "sgd", True) == (0.0022, 150)
    # the chapter's problem keeps its 0.03 and 10 epochs only with the chapter's settings
    assert problem_defaults("seed", "", "momentum", False) == (0.03, 50)
    assert problem_defaults("seed", "", "sgd", True) == (0.014, 50)
    assert problem_defaults("seed", "", "adam", False) == (training.ADAM_LR, 50)


def shown(x: float) -> float:
    """A bound as the page shows it ({bound:.4g})."""
    return float(f"{x:.4g}")


@given(
    name=hst.sampled_from(training.PROBLEMS),
    K=hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5),
                 elements=hst.integers(-9, 9).map(float)),
    optimizer=hst.sampled_from(training.OPTIMIZERS), bias=hst.booleans(),
)
def test_the_filled_in_lr_sits_below_the_bound_the_page_shows(name, K, optimizer, bias):
    """Both values the page fills in (on a problem change, and the "use lr = ..."
    button) are below the bound it shows, for every problem and option; Adam
    (no bound shown) gets its one rate."""
    lr, epochs = problem_defaults(name, matrix_text(K), optimizer, bias)
    p = training.problem(name, K if name == "custom" else None)
    bound, plain = lr_bound(p.X, p.K.shape, optimizer, bias)
    button = training.suggested_lr(p.X, p.K.shape, bias, optimizer)
    assert lr > 0 and epochs in (10, 50, 150)
    if bound is None:
        assert optimizer == "adam" and lr == button == training.ADAM_LR
    else:
        assert lr < shown(bound) and button < shown(bound)
        assert lr < shown(plain)  # momentum too: switching it off keeps the rate stable


CHAPTER_RUN = dict(CONFIG, seed=7, layer="own", epochs=40)  # the chapter's settings: any seed, layer, epochs


@pytest.mark.parametrize("change", [dict(lr=0.05), dict(lr=0.02), dict(optimizer="momentum"), dict(optimizer="adam"),
                                    dict(bias=True), dict(problem="sobel"), dict(problem="custom")])
def test_the_chapters_log_only_for_a_run_with_the_chapters_settings(change):
    chapter = Run.start(CHAPTER_RUN, seed.EDGE_K, 1 / 30)
    other = Run.start(dict(CHAPTER_RUN, **change), seed.EDGE_K, 1 / 30)
    for run in (chapter, other):
        for rec in records(10):
            run.add(rec)
    assert chapter.book == training.SEED_LOG and other.book is None
    assert chapter.log_title("en") == "The chapter's log (every 5 epochs)"
    assert other.log_title("en") == "This run's log (every 5 epochs)"
    assert other.log_title("zh") == "本次运行的日志（每 5 个迭代周期）"
    assert len(chapter.log_columns("en")) == 3 and len(other.log_columns("en")) == 2
    assert [b for _, _, b in other.log()[1]] == [None, None]
    # the chapter's loss markers (lr 0.03) are drawn only over a run with its settings
    assert len(figs.run_figures(chapter, "en")[0].data) == 2
    assert len(figs.run_figures(other, "en")[0].data) == 1


def legend_of(fig) -> tuple[dict, list[str]]:
    spec = json.loads(fig.to_json())
    names = [d["name"] for d in spec["data"] if d.get("showlegend", True)]
    return spec["layout"], names


@pytest.mark.parametrize("kernel_shape, bias", [((3, 3), False), ((3, 3), True), ((5, 5), True), ((1, 2), False)])
def test_legends_sit_under_the_plot_and_show_every_weight(kernel_shape, bias):
    K = np.arange(math.prod(kernel_shape), dtype=float).reshape(kernel_shape)
    run = Run.start(dict(CONFIG, problem="custom", bias=bias), K, 0.002)
    run.add(Rec(1, 1.0, K, bias=0.0 if bias else None))
    loss, weights = figs.run_figures(run, "en")
    layout, names = legend_of(weights)
    assert names == figs.weight_names(kernel_shape, bias)
    # a horizontal band at the bottom of the figure, below the axis: it covers no curve
    legend = layout["legend"]
    assert legend["orientation"] == "h" and legend["yref"] == "container" and legend["y"] == 0
    assert legend["yanchor"] == "bottom" and layout["showlegend"] is True
    # every entry shows: the figure grows a row for every 3 entries (a phone's width), no scrolling legend
    rows = math.ceil(len(names) / figs.PHONE_ROW)
    assert layout["height"] == figs.HEIGHT + figs.LEGEND_ROW * (rows - 1)
    chapter = Run.start(CONFIG, seed.EDGE_K, 1 / 30)
    chapter.add(Rec(1, 1.0, seed.EDGE_K))
    layout, names = legend_of(figs.run_figures(chapter, "en")[0])
    assert names == ["loss", "the chapter's printout"]
    assert layout["legend"]["orientation"] == "h" and layout["legend"]["yref"] == "container"


def test_wide_kernels_write_two_decimals_in_their_narrow_cells():
    learned = np.array([[1.0021, -0.0353, -0.8817, -0.107, 1.787]] * 5)
    trace = figs.kernel_heatmap(learned, "learned").data[0]
    assert trace.texttemplate == "%{z:.2~f}" and trace.textfont.size == 12  # "-0.04", not "-0.0353"
    assert figs.kernel_heatmap(learned * 1e4, "diverged").data[0].texttemplate == "%{z:.2~g}"  # "1e+04"
    assert figs.kernel_heatmap(training.SOBEL_X, "K").data[0].texttemplate == "%{z:.4~g}"  # 3x3: wide cells


# A fresh process, as a server starts: the training page's first view starts the import in the
# background; Train, pressed meanwhile, waits for it rather than importing a second time.
PRELOAD = """
import json, sys, threading
from convlab import training as lab
from convcore.training import load_tensorflow
before = "tensorflow" in sys.modules
thread = lab.preload_tensorflow()
again = lab.preload_tensorflow()
ready_at_once = lab.tensorflow_ready()
tf = load_tensorflow()  # as Train does, while the background import runs
complete = hasattr(tf, 'nn') and hasattr(tf, 'keras')
thread.join()
print(json.dumps(dict(before=before, started=thread is not None, again=again is None, ready_at_once=ready_at_once,
                      name=tf.__name__, complete=complete, ready=lab.tensorflow_ready(),
                      later=lab.preload_tensorflow() is None, threads=threading.active_count())))
"""


def test_tensorflow_is_imported_once_in_the_background_and_train_waits_for_it():
    import subprocess
    import sys

    from tests.conftest import ROOT
    out = subprocess.run([sys.executable, "-c", PRELOAD], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    r = json.loads(out.stdout.strip().splitlines()[-1])
    # load_tensorflow returned the whole module: it waited for the background import to end
    assert r == dict(before=False, started=True, again=True, ready_at_once=False, name="tensorflow",
                     complete=True, ready=True, later=True, threads=r["threads"])
