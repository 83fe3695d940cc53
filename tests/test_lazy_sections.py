"""What a page does not show, it does not build: closed code expanders send
no code (the browser then loads no syntax highlighter), and opening one
shows the page's code (AppTest)."""
from __future__ import annotations

import pytest

import tests.conftest

# page script, its code expander's key, a link that shows the expander
CODE = [("stepper", "stepper.code", {}), ("padding_stride", "padding.code", {}), ("edges", "edges.code", {}),
        ("training", "training.code", {}), ("transposed", "transposed.code", {}), ("pooling", "pooling.code", {}),
        ("groups", "groups.code", {}), ("why", "why.code_params", {}), ("why", "why.code_channels", {"sec": "channels"})]


@pytest.mark.parametrize("page, key, query", CODE, ids=[k for _, k, _ in CODE])
def test_a_code_expander_builds_its_code_only_when_opened(page, key, query):
    at = tests.conftest.open_page(page, query)
    assert at.session_state[key] is False  # the expander is there, closed
    assert not [c for c in at.code if c.language == "python"]  # closed: no code sent
    tests.conftest.open_expander(at, key)
    code = [c.value for c in at.code if c.language == "python"]
    assert len(code) == 2 and "import tensorflow as tf" in code[0] and "convcore" in code[1]
    at.run()  # stays open on the next rerun
    assert len([c for c in at.code if c.language == "python"]) == 2


def test_the_training_data_expander_builds_its_figures_only_when_opened():
    at = tests.conftest.open_page("training", timeout=120)
    assert not at.get("plotly_chart")  # before Train: nothing drawn
    tests.conftest.open_expander(at, "training.data")
    assert [el.proto.id for el in at.get("plotly_chart")] and len(at.get("plotly_chart")) == 3
