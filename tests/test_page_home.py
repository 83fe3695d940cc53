"""AppTest: the entry point, the home page, and every page opening in both languages."""
from __future__ import annotations


import pytest
from streamlit.testing.v1 import AppTest

from convlab.nav import PAGES

from tests.conftest import APP


def test_home_shows_a_card_per_page_and_how_to_run():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "ConvLab"
    links = [el for el in at.get("page_link")]
    assert len(links) == len(PAGES)
    assert any("streamlit run app.py" in c.proto.code_text for c in at.get("code"))


def test_language_picker_switches_every_string_and_the_url():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.selectbox(key="lang").set_value("zh").run()
    assert not at.exception
    assert "ConvLab 让你" in at.markdown[0].value
    assert at.query_params["lang"] == "zh"
    # (AppTest drops the sidebar block after the navigation's titles change;
    # the browser test switches the language back and forth through the picker)


def test_a_bad_language_in_the_link_falls_back_to_english():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "klingon"
    at.run()
    assert not at.exception and at.selectbox(key="lang").value == "en"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("script", [p.script for p in PAGES])
def test_every_page_opens_without_exception(script, lang):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.switch_page(script).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
