"""Shared test configuration: Hypothesis without deadlines, and one way to open a page.

Tests find the app from this file (never from an absolute path): a checkout
anywhere tests itself.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

# Hypothesis' per-example deadline is a timed assertion: on a noisy 2-core CI
# machine a slow example is not a bug, so no test here has one.
settings.register_profile("convlab", deadline=None, print_blob=True)
settings.load_profile("convlab")

# Every new AppTest scans the metadata of every installed distribution for
# Streamlit components (~0.9 s of a ~1 s page open here, ~350 distributions).
# The environment does not change during a test session: scan it once.
from streamlit.components.v2 import manifest_scanner as _manifest_scanner  # noqa: E402

_manifest_scanner.scan_component_manifests = functools.cache(_manifest_scanner.scan_component_manifests)

# Training runs are paced to about 1.5 s so a learner can watch them; tests
# read the final state, so they need not wait.
os.environ.setdefault("CONVLAB_LIVE_SECONDS", "0")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def open_page(page: str | None = None, query: dict | None = None, lang: str | None = None, *, timeout: float = 60):
    """The app opened on ``app_pages/<page>.py`` (home when None) as a link
    opens it: the URL's ``query`` (and ``lang``) are read by the page's first
    and only run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    params = {k: str(v) for k, v in (query or {}).items()}
    if lang:
        params["lang"] = lang
    at.query_params.update(params)
    if page:
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_expander(at, key: str):
    """Open a lazy expander (``widgets.lazy_expander``) as a click does: its state, then a rerun."""
    at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="session")
def page_opener():
    """:func:`open_page`, for tests that prefer a fixture."""
    return open_page


