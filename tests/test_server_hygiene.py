"""What keeps one server fast for a whole class: no file watcher (polling
the app's own files while editing, never a .venv), no forced garbage collection after every run,
and Streamlit's Keras cleanup skipped (issue 14, items 1 and 2)."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import types

import pytest
from streamlit.runtime.scriptrunner import script_runner
from streamlit.watcher.folder_black_list import FolderBlackList

from convlab import state
from tests.conftest import APP, ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_file_watcher_and_the_readme_says_how_to_poll_while_editing():
    # watchdog ("auto", Streamlit's default when it is installed) watches the folder of every file
    # recursively: here the whole checkout with its .venv, which kept an idle server's core busy;
    # polling took ~6% of a core in threads competing with every rerun for the GIL.
    assert CONFIG["server"]["fileWatcherType"] == "none"
    # What the README says polling watches while editing: the app's modules, nothing under a .venv.
    blacklist = FolderBlackList([])
    assert not blacklist.is_blacklisted(str(ROOT / "convlab" / "fmt.py"))
    assert blacklist.is_blacklisted(str(ROOT / ".venv" / "lib" / "python3.11" / "site-packages" / "numpy" / "x.py"))
    assert blacklist.is_blacklisted(pytest.__file__)
    assert "--server.fileWatcherType poll --server.runOnSave true" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_forced_garbage_collection_after_every_run():
    # gc.collect(2) after each run costs ~200 ms once TensorFlow is loaded, in every session.
    assert CONFIG["runner"]["postScriptGC"] is False


def fake_keras(calls: list) -> types.ModuleType:
    keras = types.ModuleType("keras")
    keras.backend = types.SimpleNamespace(clear_session=lambda *a, **k: calls.append("clear_session"))
    return keras


def test_the_cleanup_skips_keras_and_still_closes_matplotlib_figures(monkeypatch):
    calls = []
    monkeypatch.setitem(sys.modules, "keras", fake_keras(calls))
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot",
                        types.SimpleNamespace(close=lambda which: calls.append(f"close {which}")))
    assert state.keep_keras_session()  # this Streamlit has the hook; a version without it fails here
    assert script_runner._clean_problem_modules is state._clean_problem_modules
    script_runner._clean_problem_modules()
    assert calls == ["close all"]


# A fresh process, as a server starts: Keras is imported (a fake one that records clear_session),
# the app runs twice, then Streamlit's own cleanup is called once to show the spy would catch it.
RUNS = f"""
import json, sys, types
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest
shipped = script_runner._clean_problem_modules
calls = []
keras = types.ModuleType("keras")
keras.backend = types.SimpleNamespace(clear_session=lambda *a, **k: calls.append(1))
sys.modules["keras"] = keras
at = AppTest.from_file({APP!r}, default_timeout=60)
at.run(); at.run()
runs_called = len(calls)
installed = script_runner._clean_problem_modules
shipped()
print(json.dumps(dict(runs_called=runs_called, shipped_called=len(calls) - runs_called,
                      installed=installed.__module__ + "." + installed.__name__, errors=len(at.exception))))
"""


def test_the_app_installs_the_patch_and_a_script_run_never_clears_keras():
    out = subprocess.run([sys.executable, "-c", RUNS], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == dict(runs_called=0, shipped_called=1, installed="convlab.state._clean_problem_modules",
                          errors=0)


# A download that reruns the page (on_click="rerun", the default) drops the session's reference to its
# file while the browser fetches it: two other sessions finishing a run meanwhile (a busy server) mark
# and then delete the orphan, and the browser gets "source error 404". on_click="ignore" keeps it.
OWN_PAGES = ("stepper", "edges", "training")


@pytest.mark.parametrize("page", OWN_PAGES)
def test_downloads_do_not_rerun_the_page(page):
    import ast

    tree = ast.parse((ROOT / "app_pages" / f"{page}.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "download_button"]
    assert calls
    for call in calls:
        on_click = {k.arg: k.value for k in call.keywords}.get("on_click")
        assert isinstance(on_click, ast.Constant) and on_click.value == "ignore", f"line {call.lineno}"


def test_the_step_pages_download_is_drawn_without_a_rerun():
    from tests.conftest import open_page

    (button,) = open_page("stepper").get("download_button")
    assert button.proto.ignore_rerun
