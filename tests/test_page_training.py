"""The training page through AppTest: Train, the live charts' final state,
the learned kernel, the chapter's log, divergence, Chinese, URL state."""
from __future__ import annotations

import base64
import json
import os
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import tests.conftest
from convlab.training import Run
from tests import plotly_util

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytest.importorskip("tensorflow")

def open_page(**query) -> AppTest:
    return tests.conftest.open_page("training", query, timeout=120)


def train(at: AppTest) -> AppTest:
    at.button(key="training.train").click().run()
    assert not at.exception
    return at


def values(v) -> np.ndarray:
    return plotly_util.array(v).ravel()


def charts(at: AppTest) -> dict:
    out = {}
    for el in at.get("plotly_chart"):
        key = el.proto.id.split("-")[-1]
        out[key] = json.loads(el.proto.spec)
    return out


def messages(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def test_opens_with_the_bound_and_no_run():
    at = open_page()
    assert any("2/λmax = 0.03333" in c.value for c in at.caption)
    assert any("Press **Train**" in m for m in messages(at, "info"))
    assert at.number_input(key="training.lr").value == pytest.approx(0.03)
    assert at.number_input(key="training.epochs").value == 10


def test_train_reproduces_the_chapter():
    at = train(open_page())
    figs = charts(at)
    loss = figs["training.loss"]
    assert loss["layout"]["yaxis"]["type"] == "log"
    losses = values(loss["data"][0]["y"])
    assert len(losses) == 10 and (np.diff(losses) < 0).all()
    weights = figs["training.weights"]
    lines = [d for d in weights["data"] if d.get("line", {}).get("dash") != "dash"]
    dashed = [d for d in weights["data"] if d.get("line", {}).get("dash") == "dash"]
    assert [d["name"] for d in lines] == ["k[0][0]", "k[0][1]"]
    assert [values(d["y"])[0] for d in dashed] == [1.0, -1.0]
    learned = values(figs["training.learned"]["data"][0]["z"])
    np.testing.assert_allclose(learned, [1, -1], atol=0.15)
    assert any(m.startswith("Done: 10 epochs") for m in messages(at, "success"))
    table = at.table[0].value
    assert list(table.iloc[:, 0]) == [2, 4, 6, 8, 10]
    assert list(table.iloc[:, 2]) == ["4.427", "0.759", "0.134", "0.025", "0.005"]
    assert any(m.value == "**The chapter's log (every 2 epochs)**" for m in at.markdown)
    assert [d["name"] for d in loss["data"]] == ["loss", "the chapter's printout"]
    assert [float(v) for v in table.iloc[:, 1]] == sorted((float(v) for v in table.iloc[:, 1]), reverse=True)
    assert any("epoch 10, loss" in c.value for c in at.code)
    # the controls are enabled again after the run
    assert not at.button(key="training.train").disabled
    assert not at.number_input(key="training.lr").disabled


def test_high_learning_rate_diverges_and_names_the_bound():
    at = open_page(lr="0.1")
    assert any("above the stable bound 0.03333" in m for m in messages(at, "warning"))
    at = train(at)
    errors = messages(at, "error")
    assert len(errors) == 1 and "exploded" in errors[0] and "2/λmax = 0.03333" in errors[0]
    assert not messages(at, "success")


def test_use_suggested_lr_button():
    at = open_page(lr="0.05")
    at.button(key="training.use_lr").click().run()
    assert at.number_input(key="training.lr").value == pytest.approx(0.03)
    assert not messages(at, "warning")


def shown_bound(at: AppTest) -> float:
    """The stable bound the page shows in its caption (2/λmax, or 2(1+m)/λmax with momentum)."""
    found = [re.search(r"λmax = ([0-9.e+-]+)\*\*", c.value) for c in at.caption]
    return float(next(m for m in found if m).group(1))


@pytest.mark.parametrize("problem, optimizer", [("sobel", "sgd"), ("custom", "sgd"), ("sobel", "momentum")])
def test_with_a_bias_choosing_a_problem_fills_in_a_rate_below_the_shown_bound(problem, optimizer):
    # the learner: /training?bias=1, choose Sobel -> lr 0.0023 against the bound 0.001728, exploding at epoch 14
    at = open_page(bias="1", optimizer=optimizer)
    at.radio(key="training.problem").set_value(problem).run()
    lr, bound = at.number_input(key="training.lr").value, shown_bound(at)
    assert 0 < lr < bound, (lr, bound)
    assert not [w for w in messages(at, "warning") if "above the stable bound" in w]
    assert at.number_input(key="training.epochs").value == 150


def test_with_adam_choosing_a_problem_fills_in_adams_rate():
    at = open_page(bias="1", optimizer="adam")
    at.radio(key="training.problem").set_value("sobel").run()
    assert at.number_input(key="training.lr").value == pytest.approx(0.1)
    assert any("Adam" in c.value and "about 0.1 " in c.value for c in at.caption)  # the rule, said on the page


def test_switching_the_bias_on_warns_and_offers_a_rate_below_the_new_bound():
    at = open_page(problem="sobel", lr="0.0023", epochs="150")
    assert not messages(at, "warning")
    at.checkbox(key="training.bias").check().run()
    bound = shown_bound(at)
    assert at.number_input(key="training.lr").value == pytest.approx(0.0023)  # the learner's rate stays theirs
    assert any(f"above the stable bound {bound:.4g}" in w for w in messages(at, "warning"))
    at.button(key="training.use_lr").click().run()
    assert at.number_input(key="training.lr").value < bound
    assert not messages(at, "warning")


def test_sobel_problem_and_own_layer():
    at = open_page()
    at.radio(key="training.problem").set_value("sobel").run()
    lr = at.number_input(key="training.lr").value
    assert 0 < lr < 0.0026 and at.number_input(key="training.epochs").value == 150
    at.radio(key="training.layer").set_value("own").run()
    at = train(at)
    learned = values(charts(at)["training.learned"]["data"][0]["z"])
    sobel = np.array([-1, 0, 1, -2, 0, 2, -1, 0, 1])
    np.testing.assert_allclose(learned, sobel, atol=0.05)
    assert any(m.startswith("Done: 150 epochs") for m in messages(at, "success"))
    # no chapter's log for a problem the chapter did not run
    assert any(m.value.startswith("**This run's log") for m in at.markdown)
    assert not any("The chapter's log" in m.value for m in at.markdown)
    assert at.table[0].value.shape[1] == 2


def test_other_settings_on_the_chapters_problem_get_this_runs_log_and_no_chapter_markers():
    at = train(open_page(lr="0.02", epochs="20"))
    assert any(m.value.startswith("**This run's log (every 2 epochs)") for m in at.markdown)
    assert at.table[0].value.shape[1] == 2
    assert [d.get("name") for d in charts(at)["training.loss"]["data"]] == ["loss"]  # no 0.03 markers
    assert not any("Keras' own random initial kernel" in c.value for c in at.caption)


def test_custom_target_with_bias_and_adam():
    at = open_page(problem="custom", target="0,1;2,3", optimizer="adam", lr="0.05", epochs="100", bias="1")
    assert at.session_state["training.problem"] == "custom"
    assert any("Adam" in c.value for c in at.caption)
    at = train(at)
    figs = charts(at)
    names = [d["name"] for d in figs["training.weights"]["data"] if d.get("showlegend", True)]
    assert names[-1] == "b" and len(names) == 5
    assert any("Learned bias" in c.value for c in at.caption)
    # Adam at lr 0.05 moves each weight by about 0.05 per epoch: 100 epochs do not reach 3
    assert any("still up to" in m for m in messages(at, "info")) and not messages(at, "success")


def test_chinese():
    at = train(open_page(lang="zh"))
    assert at.title[0].value == "学习卷积核"
    assert any("完成" in m for m in messages(at, "success"))
    assert "学习率" == at.number_input(key="training.lr").label
    figs = charts(at)
    assert figs["training.loss"]["layout"]["title"]["text"].startswith("损失")


def test_url_state_is_restored_and_written():
    at = open_page(lr="0.02", epochs="40", seed="7", optimizer="momentum", layer="own")
    assert at.number_input(key="training.lr").value == pytest.approx(0.02)
    assert at.number_input(key="training.epochs").value == 40
    assert at.number_input(key="training.seed").value == 7
    assert at.selectbox(key="training.optimizer").value == "momentum"
    assert at.radio(key="training.layer").value == "own"
    assert any("2(1+0.9)/λmax" in c.value for c in at.caption)
    at.number_input(key="training.epochs").set_value(12).run()
    assert at.query_params["epochs"] == "12" and at.query_params["seed"] == "7"
    assert at.query_params["optimizer"] == "momentum" and "problem" not in at.query_params


def test_bad_url_value_warns_and_falls_back():
    at = open_page(lr="ten", epochs="100000")
    assert at.number_input(key="training.lr").value == pytest.approx(0.03)
    assert at.number_input(key="training.epochs").value == 10
    assert len([w for w in messages(at, "warning") if "not valid" in w]) == 2


def test_code_expander_matches_the_settings():
    at = open_page(lr="0.02", layer="own", optimizer="adam")
    tests.conftest.open_expander(at, "training.code")  # the code is built when its expander opens
    code = [c.value for c in at.code]
    assert any("class Conv2D(tf.keras.layers.Layer)" in c and "lr = 0.02" in c and "Adam" in c for c in code)
    assert any("learn_kernel(p.X, p.Y, (1, 2), lr=0.02" in c for c in code)


def test_an_interrupted_run_keeps_what_it_showed():
    at = open_page()
    # what the session holds after a run that a rerun cut short at epoch 3
    at.session_state["_training.run"] = Run(
        config=dict(problem="seed", lr=0.03, epochs=10, seed=0, optimizer="sgd", layer="keras", bias=False),
        true=[[1.0, -1.0]], bound=1 / 30, status="running", epochs=[1, 2, 3], losses=[5.0, 2.0, 1.0],
        kernels=[[[0.5, -0.5]], [[0.7, -0.7]], [[0.8, -0.8]]], biases=None,
    )
    at.run()
    assert not at.exception
    assert any("interrupted at epoch 3 of 10" in w for w in messages(at, "warning"))
    assert len(values(charts(at)["training.loss"]["data"][0]["y"])) == 3


def test_a_run_too_large_is_refused_before_it_starts_naming_the_limit():
    at = open_page(problem="custom", target=";".join(["1,1,1,1,1"] * 5), epochs=500)
    assert any("1,000,000" in w and "277 epochs" in w for w in messages(at, "warning"))
    assert at.button(key="training.train").disabled
    at.number_input(key="training.epochs").set_value(277).run()
    assert not any("multiply-adds" in w for w in messages(at, "warning"))
    assert not at.button(key="training.train").disabled
