"""Learning a kernel (学习卷积核): the chapter's training loop with TensorFlow, live."""
import math
import time

import numpy as np
import pandas as pd
import streamlit as st

from convcore import training
from convlab import training as lab
from convlab.figures import training as figs
from convlab.text import t
from convlab.urlstate import Bool, Choice, Float, Int, Matrix, parse_cells, text_cells
from convlab import state, widgets

PAGE = "training"
PARAMS = {
    "problem": Choice("seed", training.PROBLEMS),
    "target": Matrix("0,1;2,3", max_rows=5, max_cols=5),
    "lr": Float(0.03, 1e-6, 10.0),
    "epochs": Int(10, 1, lab.MAX_EPOCHS),
    "seed": Int(0, 0, 1_000_000),
    "optimizer": Choice("sgd", training.OPTIMIZERS),
    "layer": Choice("keras", training.LAYERS),
    "bias": Bool(False),
}
RUN = "_training.run"  # the last run's history, appended epoch by epoch
MAX_SECONDS = 30  # a run stops after this long
LIVE_SECONDS = 1.5  # short runs are paced to last about this long, so they can be watched
MAX_DRAWS = 60  # redraws per run (long runs redraw every few epochs)
CLOSE = 0.05  # learned within this of the true kernel (relative to its largest weight) counts as done
MIN_GAP = 0.1  # seconds between redraws, so the browser keeps up


@st.cache_resource(show_spinner=False)
def _tensorflow():
    return training.load_tensorflow()  # the module, loaded once per process


def _problem(name, target):
    return training.problem(name, target if name == "custom" else None)


def _on_problem_change():
    """A new problem starts from its own sensible learning rate and epochs."""
    name = st.session_state["training.problem"]
    if name == "seed":
        st.session_state["training.lr"], st.session_state["training.epochs"] = 0.03, 10
        return
    try:
        target = parse_cells(text_cells(st.session_state["training.target"])) if name == "custom" else None
        p = _problem(name, target)
    except ValueError:
        return
    st.session_state["training.lr"] = training.suggested_lr(p.X, p.K.shape)
    st.session_state["training.epochs"] = 150


def _set_lr(lr):
    st.session_state["training.lr"] = lr


def _request_training():
    st.session_state["_training.requested"] = True


lang = state.lang()
state.init(PAGE, PARAMS)
busy = st.session_state.pop("_training.requested", False)  # Train was pressed: this run trains
st.title(t("page.training", lang))
st.markdown(t("training.intro", lang))

left, right = st.columns([1, 2], gap="large")
with left:
    st.subheader(t("training.settings", lang))
    name = st.radio(t("training.problem", lang), training.PROBLEMS, key="training.problem", disabled=busy,
                    format_func=lambda v: t(f"training.problem_{v}", lang), on_change=_on_problem_change)
    target = None
    if name == "custom":
        target = widgets.matrix_editor(PAGE, "target", t("training.target", lang), lang, max_size=5, disabled=busy)
    prob = None
    if name != "custom" or target is not None:
        try:
            prob = _problem(name, target)
        except ValueError as e:
            st.error(t("training.bad_problem", lang, reason=e))
    lr = st.number_input(t("training.lr", lang), min_value=1e-6, max_value=10.0, step=0.001, format="%.4g",
                         key="training.lr", disabled=busy, help=t("training.lr_help", lang))
    optimizer = st.session_state["training.optimizer"]
    bias = st.session_state["training.bias"]
    bound = plain = None
    if prob is not None:
        plain = training.stable_lr_bound(prob.X, prob.K.shape, bias)
        if optimizer == "adam":
            st.caption(t("training.bound_adam", lang, plain=plain))
        elif optimizer == "momentum":
            bound = training.stable_lr_bound(prob.X, prob.K.shape, bias, training.MOMENTUM)
            st.caption(t("training.bound_momentum", lang, m=training.MOMENTUM, bound=bound, plain=plain))
        else:
            bound = plain
            st.caption(t("training.bound", lang, bound=bound))
        if bound is not None and lr > bound:
            st.warning(t("training.lr_above", lang, lr=lr, bound=bound))
            safe = training.suggested_lr(prob.X, prob.K.shape, bias)
            st.button(t("training.use_lr", lang, lr=safe), key="training.use_lr", disabled=busy,
                      on_click=_set_lr, args=(safe,))
    epochs = st.number_input(t("training.epochs", lang, max=lab.MAX_EPOCHS), 1, lab.MAX_EPOCHS,
                             step=1, key="training.epochs", disabled=busy)
    seed = st.number_input(t("training.seed", lang), 0, 1_000_000, step=1, key="training.seed", disabled=busy)
    st.selectbox(t("training.optimizer", lang), training.OPTIMIZERS, key="training.optimizer", disabled=busy,
                 format_func=lambda v: t(f"training.opt_{v}", lang))
    layer = st.radio(t("training.layer", lang), training.LAYERS, key="training.layer", disabled=busy,
                     format_func=lambda v: t(f"training.layer_{v}", lang))
    st.checkbox(t("training.bias", lang), key="training.bias", disabled=busy)
    st.button(t("training.train", lang), key="training.train", type="primary", icon=":material/play_arrow:",
              disabled=busy or prob is None, on_click=_request_training, width="stretch")

config = dict(problem=name, lr=float(lr), epochs=int(epochs), seed=int(seed), optimizer=optimizer,
              layer=layer, bias=bool(bias))


def _figures(run):
    """The loss and weights figures of a run (so far)."""
    c = run["config"]
    marks = training.SEED_LOG if c["problem"] == "seed" else None
    loss = figs.loss_figure(run["epochs"], run["losses"], c["epochs"], title=t("training.loss_title", lang),
                            x_title=t("training.epoch_axis", lang), y_title=t("training.loss_axis", lang),
                            marks=marks, marks_name=t("training.book", lang))
    weights = figs.weights_figure(run["epochs"], run["kernels"], run["true"], c["epochs"],
                                  title=t("training.weights_title", lang), x_title=t("training.epoch_axis", lang),
                                  y_title=t("training.weight_axis", lang), true_name=t("training.true", lang),
                                  biases=run["biases"])
    return loss, weights


def _draw(run, suffix=""):
    c, last = run["config"], run["epochs"][-1]
    progress_slot.progress(last / c["epochs"], text=t("training.progress", lang, epoch=last, epochs=c["epochs"],
                                                      loss=run["losses"][-1]))
    loss_fig, weights_fig = _figures(run)
    loss_slot.plotly_chart(loss_fig, key=f"training.loss{suffix}", width="stretch")
    weights_slot.plotly_chart(weights_fig, key=f"training.weights{suffix}", width="stretch")


def _status(run):
    """The run's outcome: diverged (naming the bound), stopped, interrupted, grew, or done."""
    c, last, loss = run["config"], run["epochs"][-1], run["losses"][-1]
    if run["status"] == "diverged":
        if run["bound"] is not None:
            st.error(t("training.diverged", lang, epoch=last, loss=loss, lr=c["lr"], bound=run["bound"]),
                     icon=":material/trending_up:")
        else:
            st.error(t("training.diverged_other", lang, epoch=last, loss=loss, lr=c["lr"]))
    elif run["status"] == "timeout":
        st.warning(t("training.timeout", lang, seconds=MAX_SECONDS, epoch=last, epochs=c["epochs"]))
    elif run["status"] == "running":  # a rerun (a widget, the language) interrupted it
        st.warning(t("training.interrupted", lang, epoch=last, epochs=c["epochs"]))
    elif run["bound"] is not None and c["lr"] > run["bound"] and loss > run["losses"][0]:
        st.warning(t("training.grew", lang, first=run["losses"][0], last=loss, lr=c["lr"], bound=run["bound"]))
    else:
        K_true = np.array(run["true"])
        err = float(np.abs(np.array(run["kernels"][-1]) - K_true).max())
        if err <= CLOSE * max(1.0, float(np.abs(K_true).max())):
            st.success(t("training.done", lang, epochs=last, loss=loss, err=err))
        else:
            st.info(t("training.not_yet", lang, epochs=last, loss=loss, err=err))


def _results(run):
    """Learned and true kernels side by side, the chapter's log, downloads."""
    c = run["config"]
    K_true, K_learned = np.array(run["true"]), np.array(run["kernels"][-1])
    k1, k2, k3 = st.columns([1, 1, 1.2], gap="medium")
    # one colour scale for both, unless a diverged run would wash the true kernel out
    scale = None if run["status"] == "diverged" else float(max(np.abs(K_true).max(), np.abs(K_learned).max())) or 1.0
    k1.plotly_chart(figs.kernel_heatmap(K_learned, t("training.learned_kernel", lang), scale),
                    key="training.learned", width="stretch")
    if run["biases"]:
        k1.caption(t("training.learned_bias", lang, b=run["biases"][-1]))
    k2.plotly_chart(figs.kernel_heatmap(K_true, t("training.true_kernel", lang), scale),
                    key="training.true", width="stretch")
    with k3:
        every = lab.log_every(c["epochs"])
        st.markdown(f"**{t('training.log_title', lang, every=every)}**")
        log = lab.seed_log(run["losses"], every)
        if log:
            table = pd.DataFrame({t("training.col_epoch", lang): [e for e, _ in log],
                                  t("training.col_loss", lang): [f"{l:.3f}" for _, l in log]})
            if c["problem"] == "seed":
                table[t("training.col_book", lang)] = [
                    f"{training.SEED_LOG[e]:.3f}" if e in training.SEED_LOG else "" for e, _ in log]
            st.table(table, hide_index=True)
            st.code("\n".join(f"epoch {e}, loss {l:.3f}" for e, l in log), language=None)
            if c["problem"] == "seed":
                st.caption(t("training.log_note", lang, seed=c["seed"]))
        st.download_button(t("training.download_history", lang), key="training.dl_csv", on_click="ignore",
                           data=lab.history_csv(run["epochs"], run["losses"], run["kernels"], run["biases"]),
                           file_name="training_history.csv", mime="text/csv", icon=":material/download:")
        st.download_button(t("training.download_kernel", lang), key="training.dl_npy", on_click="ignore",
                           data=lab.kernel_npy(K_learned), file_name="learned_kernel.npy",
                           mime="application/octet-stream", icon=":material/download:")


def _train(prob, config, bound):
    """Run learn_kernel, appending to the session's history every epoch and
    redrawing the charts as they grow (every few epochs on long runs)."""
    with right, st.spinner(t("common.tf_loading", lang)):
        try:
            _tensorflow()
        except ImportError as e:
            st.error(t("common.tf_missing", lang, error=e))
            return
    run = dict(config=config, true=prob.K.tolist(), bound=bound, status="running",
               epochs=[], losses=[], kernels=[], biases=[] if config["bias"] else None)
    st.session_state[RUN] = run  # kept epoch by epoch: an interruption loses nothing shown
    total = config["epochs"]
    every = max(1, math.ceil(total / MAX_DRAWS))
    pace = LIVE_SECONDS / math.ceil(total / every)  # short runs are slowed down to be watchable
    start = last_draw = time.monotonic()
    draws = 0
    records = training.learn_kernel(prob.X, prob.Y, prob.K.shape, lr=config["lr"], epochs=total,
                                    seed=config["seed"], optimizer=config["optimizer"], layer=config["layer"],
                                    bias=config["bias"])
    for rec in records:
        run["epochs"].append(rec.epoch)
        run["losses"].append(rec.loss)
        run["kernels"].append(rec.kernel.tolist())
        if config["bias"]:
            run["biases"].append(rec.bias)
        if rec.diverged:
            run["status"] = "diverged"
        elif time.monotonic() - start > MAX_SECONDS and rec.epoch < total:
            run["status"] = "timeout"
        final = rec.epoch == total or run["status"] != "running"
        if final or (rec.epoch % every == 0 and time.monotonic() - last_draw >= MIN_GAP):
            time.sleep(max(0.0, pace - (time.monotonic() - last_draw)))
            last_draw = time.monotonic()
            draws += 1
            _draw(run, suffix=f".{draws}")  # a distinct key per draw
        if final:
            break
    if run["status"] == "running":
        run["status"] = "done"


# Every slot is drawn on every run, so a run in progress leaves nothing stale on the page.
with right:
    progress_slot, loss_slot, weights_slot, note_slot = st.empty(), st.empty(), st.empty(), st.empty()
status_slot, results_slot = st.empty(), st.empty()
run = None if busy else st.session_state.get(RUN)
if run and run["epochs"]:
    _draw(run)
    c = run["config"]
    note_slot.caption(t("training.last_run", lang, problem=t(f"training.problem_{c['problem']}", lang), lr=c["lr"],
                        epochs=c["epochs"], seed=c["seed"], optimizer=t(f"training.opt_{c['optimizer']}", lang),
                        layer=t(f"training.layer_{c['layer']}", lang),
                        bias=t("training.with_bias", lang) if c["bias"] else ""))
    with status_slot.container():
        _status(run)
    with results_slot.container():
        _results(run)
elif not busy:
    note_slot.info(t("training.press_train", lang))

if prob is not None:
    with st.expander(t("training.data", lang)):
        d1, d2, d3 = st.columns([3, 1, 3])
        text = max(prob.X.shape) <= 8
        d1.plotly_chart(figs.heatmap(prob.X, t("training.input", lang), text=text), key="training.x", width="stretch")
        d2.plotly_chart(figs.kernel_heatmap(prob.K, "K"), key="training.k", width="stretch")
        d3.plotly_chart(figs.heatmap(prob.Y, t("training.output", lang), diverging=True, text=text),
                        key="training.y", width="stretch")
    settings = {k: v for k, v in config.items() if k != "problem"}
    widgets.code_expander(lang, lab.tf_code(name, prob.K, **settings),
                          lab.convcore_code(name, prob.K, **settings))
state.sync(PAGE, PARAMS)

if busy and prob is not None:  # last, so nothing of the previous run is left on the page meanwhile
    _train(prob, config, bound)
    st.rerun()  # draw the results with the controls enabled again
