"""What a learner sees, on a phone (390×844) and a laptop (1280×900), in both
languages, on every page: nothing wider than the screen, no figure titles or
legends on top of each other, no exception, no console error of the app's own.
Screenshots go to artifacts/layout/<page>_<lang>_<width>.png (CI keeps them)."""
from __future__ import annotations

import pytest

from convlab.nav import PAGES as NAV

from .conftest import ARTIFACTS, assert_no_exception, wait_idle

pytestmark = pytest.mark.browser

PAGES = ["home"] + [p.script.removeprefix("app_pages/").removesuffix(".py") for p in NAV]
VIEWPORTS = [(390, 844), (1280, 900)]
# Chromium's own complaints on a closed network are not the app's.
FOREIGN = ("Failed to load resource", "net::ERR_", "favicon", "Permissions-Policy", "WebGL", "GroupMarkerNotSet")

# Boxes of every plotly figure's title and legend, and of the elements wider than the page.
MEASURE = """() => {
  const vw = document.documentElement.clientWidth;
  const boxes = [];
  document.querySelectorAll('.js-plotly-plot').forEach((fig, n) => {
    fig.querySelectorAll('.gtitle, .legend, .annotation-text-g').forEach(el => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) boxes.push({fig: n, kind: el.getAttribute('class'),
        text: (el.textContent || '').slice(0, 40), x: r.left, y: r.top, w: r.width, h: r.height});
    });
  });
  const main = document.querySelector('[data-testid="stMain"]');
  const wide = [];
  document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && r.width > 0) wide.push((el.getAttribute('class') || '').slice(0, 80) + ' ' + Math.round(r.right));
  });
  return {vw, docWidth: document.documentElement.scrollWidth,
          mainWidth: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0, boxes, wide};
}"""


def overlapping(boxes) -> list[tuple[str, str]]:
    """Pairs of titles/legends whose boxes intersect by more than a few pixels."""
    out = []
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 3 and dy > 3:
                out.append((f"{a['kind']} '{a['text']}'", f"{b['kind']} '{b['text']}'"))
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width,height", VIEWPORTS, ids=["phone", "laptop"])
def test_pages_fit_the_screen_without_overlaps(browser, app_url, width, height, lang):
    problems = []
    for slug in PAGES:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{app_url}/{'' if slug == 'home' else slug}?lang={lang}")
        wait_idle(page)
        page.wait_for_timeout(1500)  # plotly draws after the script's run
        assert_no_exception(page)
        m = page.evaluate(MEASURE)
        if m["docWidth"] > m["vw"] + 1 or m["mainWidth"] > m["mainClient"] + 1:
            problems.append(f"{slug}: page {m['docWidth']} / main {m['mainWidth']} px wide on a {m['vw']} px screen")
        if m["wide"]:
            problems.append(f"{slug}: elements past the right edge: {m['wide'][:3]}")
        if pairs := overlapping(m["boxes"]):
            problems.append(f"{slug}: overlapping {pairs[:3]}")
        own = [e for e in errors if not any(f in e for f in FOREIGN)]
        if own:
            problems.append(f"{slug}: console errors {own[:3]}")
        (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": width, "height": 5000})  # Streamlit scrolls inside its own container
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "layout" / f"{slug}_{lang}_{width}.png"), full_page=True)
        context.close()
    assert not problems, "\n".join(problems)


def test_the_editor_toolbar_leaves_the_size_buttons_free(page, app_url):
    page.goto(f"{app_url}/stepper")
    wait_idle(page)
    editor = page.locator('[data-testid="stDataFrame"]').first
    editor.scroll_into_view_if_needed()
    editor.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').first
    toolbar.wait_for()
    plus = page.locator(".st-key-stepper-X-cols button").last
    a, b = toolbar.bounding_box(), plus.bounding_box()
    assert a["y"] >= b["y"] + b["height"] or a["x"] >= b["x"] + b["width"], (a, b)
