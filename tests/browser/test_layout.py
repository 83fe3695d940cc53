"""What a learner sees, on a phone (390×844) and a laptop (1280×900), in both
languages, on every page: nothing wider than the screen, no figure titles or
legends on top of each other, no exception, no console error of the app's own.
Screenshots go to artifacts/layout/<page>_<lang>_<width>.png (CI keeps them)."""
from __future__ import annotations

import pytest

from convlab.nav import PAGES as NAV

from .conftest import ARTIFACTS, assert_no_exception, new_tab, wait_charts, wait_idle

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


def problems_at(page, slug: str, errors: list[str]) -> list[str]:
    """What is wrong with the page as it is drawn now: too wide, past the edge, overlapping, console errors."""
    wait_charts(page)
    assert_no_exception(page)
    m, problems = page.evaluate(MEASURE), []
    where = f"{slug} at {m['vw']} px"
    if m["docWidth"] > m["vw"] + 1 or m["mainWidth"] > m["mainClient"] + 1:
        problems.append(f"{where}: page {m['docWidth']} / main {m['mainWidth']} px wide")
    if m["wide"]:
        problems.append(f"{where}: elements past the right edge: {m['wide'][:3]}")
    if pairs := overlapping(m["boxes"]):
        problems.append(f"{where}: overlapping {pairs[:3]}")
    if own := [e for e in errors if not any(f in e for f in FOREIGN)]:
        problems.append(f"{where}: console errors {own[:3]}")
    return problems


def full_screenshot(page, name: str, width: int) -> None:
    """The whole page: Streamlit scrolls inside its own container, so a tall window shows it all."""
    (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 5000})
    wait_charts(page)
    page.wait_for_timeout(1500)  # charts that were below the fold paint only once they come into view
    page.screenshot(path=str(ARTIFACTS / "layout" / f"{name}_{width}.png"), full_page=True)


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pages_fit_the_screen_without_overlaps(shared_context, app_url, slug, lang):
    """Opened on a phone (the sidebar closed, as a phone opens it), then the same page widened to a
    laptop's 1280 px, where Streamlit opens the sidebar: one load for both sizes."""
    (phone_w, phone_h), (laptop_w, laptop_h) = VIEWPORTS
    page = new_tab(shared_context, phone_w, phone_h)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{app_url}/{'' if slug == 'home' else slug}?lang={lang}")
    wait_idle(page)
    problems = problems_at(page, slug, errors)
    full_screenshot(page, f"{slug}_{lang}", phone_w)
    page.set_viewport_size({"width": laptop_w, "height": laptop_h})
    page.locator('[data-testid="stSidebarCollapseButton"]').wait_for(state="attached")  # widened, Streamlit opens the menu
    problems += problems_at(page, slug, errors)
    full_screenshot(page, f"{slug}_{lang}", laptop_w)
    page.close()
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
