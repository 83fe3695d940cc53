"""Learning a kernel (学习卷积核): the chapter's training loop with TensorFlow, live."""
import pandas as pd
import streamlit as st

from convcore import training
from convlab import state, widgets, yourturn
from convlab import training as lab
from convlab.figures import training as figs
from convlab.text import t
from convlab.urlstate import Bool, Choice, Float, Int, Matrix

PAGE = "training"
PARAMS = {
    "problem": Choice("seed", training.PROBLEMS), "target": Matrix("0,1;2,3", max_rows=5, max_cols=5),
    "lr": Float(0.03, 1e-6, 10.0), "epochs": Int(10, 1, lab.MAX_EPOCHS), "seed": Int(0, 0, 1_000_000),
    "optimizer": Choice("sgd", training.OPTIMIZERS), "layer": Choice("keras", training.LAYERS), "bias": Bool(False),
}
RUN = "_training.run"  # the last run (a lab.Run), appended epoch by epoch


@st.cache_resource(show_spinner=False)
def _tensorflow():
    return training.load_tensorflow()  # the module, loaded once per process


def _on_problem_change():
    """A new problem starts from a learning rate below its bound for the chosen optimizer and bias."""
    s = st.session_state
    defaults = lab.problem_defaults(s["training.problem"], s["training.target"], s["training.optimizer"], s["training.bias"])
    if defaults:
        s["training.lr"], s["training.epochs"] = defaults


lang = state.lang()
state.init(PAGE, PARAMS)
lab.preload_tensorflow()  # in the background, from the first view: ready by the time Train is pressed
busy = st.session_state.pop("_training.requested", False)  # Train was pressed: this run trains
st.title(t("page.training", lang))
st.markdown(t("training.intro", lang))

left, right = st.columns([1, 2], gap="large")
with left:
    st.subheader(t("training.settings", lang))
    name = widgets.choice(PAGE, PARAMS, "problem", t("training.problem", lang), widget="radio", disabled=busy,
                          format_func=lambda v: t(f"training.problem_{v}", lang), on_change=_on_problem_change)
    target = widgets.matrix_editor(PAGE, "target", t("training.target", lang), lang, max_size=5,
                                   disabled=busy) if name == "custom" else None
    prob = None
    if name != "custom" or target is not None:
        try:
            prob = training.problem(name, target)  # target: None unless custom
        except ValueError as e:
            st.error(t("training.bad_problem", lang, reason=e))
    lr = widgets.number(PAGE, PARAMS, "lr", t("training.lr", lang), step=0.001, format="%.4g", disabled=busy,
                        help=t("training.lr_help", lang))
    optimizer, bias = st.session_state["training.optimizer"], st.session_state["training.bias"]
    bound = None
    if prob is not None:
        bound, plain = lab.lr_bound(prob.X, prob.K.shape, optimizer, bias)
        caption = {"adam": "training.bound_adam", "momentum": "training.bound_momentum"}.get(optimizer, "training.bound")
        st.caption(t(caption, lang, plain=plain, bound=bound, m=training.MOMENTUM, adam=training.ADAM_LR))
        if bound is not None and lr > bound:
            st.warning(t("training.lr_above", lang, lr=lr, bound=bound))
            safe = training.suggested_lr(prob.X, prob.K.shape, bias, optimizer)
            st.button(t("training.use_lr", lang, lr=safe), key="training.use_lr", disabled=busy,
                      on_click=st.session_state.update, args=({"training.lr": safe},))
    epochs = widgets.number(PAGE, PARAMS, "epochs", t("training.epochs", lang, max=lab.MAX_EPOCHS), step=1,
                            disabled=busy)
    if too_much := prob is not None and lab.over_budget(prob, epochs):  # bounded before it runs, never timed
        st.warning(t("training.too_much", lang, **too_much))
    seed = widgets.number(PAGE, PARAMS, "seed", t("training.seed", lang), step=1, disabled=busy)
    widgets.choice(PAGE, PARAMS, "optimizer", t("training.optimizer", lang), disabled=busy, format_func=lambda v: t(f"training.opt_{v}", lang))
    layer = widgets.choice(PAGE, PARAMS, "layer", t("training.layer", lang), widget="radio", disabled=busy,
                           format_func=lambda v: t(f"training.layer_{v}", lang))
    widgets.flag(PAGE, PARAMS, "bias", t("training.bias", lang), disabled=busy)
    st.button(t("training.train", lang), key="training.train", type="primary", width="stretch",
              disabled=busy or prob is None or bool(too_much), icon="spinner" if busy else ":material/play_arrow:",
              on_click=st.session_state.update, args=({"_training.requested": True},))
    progress_slot = st.empty()  # right below Train, where the learner has just clicked (phones too)

config = dict(problem=name, lr=float(lr), epochs=int(epochs), seed=int(seed), optimizer=optimizer,
              layer=layer, bias=bool(bias))


def draw(run, n=0):
    """Progress and both live charts (a distinct key per redraw)."""
    c, last = run.config, run.epochs[-1]
    progress_slot.progress(last / c["epochs"], text=t("training.progress", lang, epoch=last, epochs=c["epochs"],
                                                      loss=run.losses[-1]))
    loss_fig, weights_fig = figs.run_figures(run, lang)
    loss_slot.plotly_chart(loss_fig, key=f"training.loss.{n}" if n else "training.loss", width="stretch")
    weights_slot.plotly_chart(weights_fig, key=f"training.weights.{n}" if n else "training.weights", width="stretch")


def results(run):
    """The verdict, learned and true kernels side by side, the chapter-style log, downloads."""
    kind, numbers = run.verdict()
    show = {"diverged": st.error, "diverged_other": st.error, "done": st.success, "not_yet": st.info}.get(kind, st.warning)
    show(t(f"training.{kind}", lang, **numbers), icon=":material/trending_up:" if kind == "diverged" else None)
    k1, k2, k3 = st.columns([1, 1, 1.2], gap="medium")
    learned_fig, true_fig = figs.kernel_pair(run, lang)
    k1.plotly_chart(learned_fig, key="training.learned", width="stretch")
    if run.biases:
        k1.caption(t("training.learned_bias", lang, b=run.biases[-1]))
    k2.plotly_chart(true_fig, key="training.true", width="stretch")
    with k3:
        rows = run.log()[1]
        st.markdown(f"**{run.log_title(lang)}**")
        if rows:
            st.table(pd.DataFrame(run.log_columns(lang)), hide_index=True)
            st.code("\n".join(f"epoch {e}, loss {l:.3f}" for e, l, _ in rows), language=None)
            if run.book:
                st.caption(t("training.log_note", lang, seed=run.config["seed"]))
        st.download_button(t("training.download_history", lang), run.csv(), key="training.dl_csv", on_click="ignore",
                           file_name="training_history.csv", mime="text/csv", icon=":material/download:")
        st.download_button(t("training.download_kernel", lang), lab.kernel_npy(run.kernels[-1]), key="training.dl_npy",
                           on_click="ignore", file_name="learned_kernel.npy", mime="application/octet-stream",
                           icon=":material/download:")


# Every slot is drawn on every run, so a run in progress leaves nothing stale on the page.
with right:
    loss_slot, weights_slot, note_slot = st.empty(), st.empty(), st.empty()
results_slot = st.empty()
run = None if busy else st.session_state.get(RUN)
if run and run.epochs:
    draw(run)
    note_slot.caption(run.summary(lang))
    with results_slot.container():
        results(run)
elif not busy:
    note_slot.info(t("training.press_train", lang))

if prob is not None:
    if data := widgets.lazy_expander(t("training.data", lang), key=state.key(PAGE, "data")):
        for col, fig, key in zip(data.columns([3, 1, 3]), figs.problem_figures(prob, lang), ("x", "k", "y")):
            col.plotly_chart(fig, key=f"training.{key}", width="stretch")
    settings = {k: v for k, v in config.items() if k != "problem"}
    widgets.code_expander(lang, lambda: lab.code(name, prob.K, **settings), key=state.key(PAGE, "code"))
yourturn.your_turn(PAGE, lang)
state.sync(PAGE, PARAMS)

if busy and prob is not None and not too_much:  # last, so nothing of the previous run is left on the page meanwhile
    if not lab.tensorflow_ready():  # a bar at once where the learner clicked: the import may still take seconds
        progress_slot.progress(0, text=t("common.tf_loading", lang))
    try:
        _tensorflow()
    except ImportError as e:
        progress_slot.error(t("common.tf_missing", lang, error=e))
        st.stop()
    st.session_state[RUN] = run = lab.Run.start(config, prob.K, bound)  # kept epoch by epoch
    lab.drive(run, lab.records(prob, config), draw)
    st.rerun()  # draw the results with the controls enabled again
