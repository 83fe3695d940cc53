"""The padding-and-stride page in a real browser: the default (the chapter's
stride figure), a Keras preset, the layer stack, and Chinese."""
import pytest
from playwright.sync_api import expect

from .conftest import new_tab, assert_no_exception, screenshot, wait_idle, wait_url

pytestmark = pytest.mark.browser


def test_padding_preset_shows_shape(page, app_url):
    page.goto(f"{app_url}/padding_stride")
    wait_idle(page)
    page.get_by_text("→ output shape").first.wait_for()
    expect(page.locator(".stMarkdown", has_text="→ output shape").first).to_contain_text("2 × 2")
    expect(page.locator(".st-key-padding-grid")).to_have_count(1)
    assert_no_exception(page)
    screenshot(page, "padding_default")

    page.locator(".st-key-padding-preset-keras4 button").first.click()
    wait_idle(page)
    shape = page.locator(".stMarkdown", has_text="→ output shape").first
    expect(shape).to_contain_text("Input 8 × 8")
    expect(shape).to_contain_text("2 × 1")
    wait_url(page, "mode=valid", "sw=4", "kw=5")  # the state is in the URL
    assert_no_exception(page)
    screenshot(page, "padding_keras4")

    page.locator(".st-key-padding-preset-keras3 button").first.click()
    wait_idle(page)
    expect(page.locator(".stMarkdown", has_text="→ output shape").first).to_contain_text("4 × 4")
    assert_no_exception(page)


def test_padding_link_and_chinese(page, app_url):
    page.goto(f"{app_url}/padding_stride?lang=zh&tie=1&mode=same&nh=8&nw=8&kh=3&kw=3&sh=2&sw=2&dh=2&dw=2")
    wait_idle(page)
    page.get_by_text("输出形状 ").first.wait_for()
    expect(page.locator(".stMarkdown", has_text="输入 8 × 8").first).to_contain_text("4 × 4")
    assert_no_exception(page)
    screenshot(page, "padding_zh_dilated")


def test_padding_kernel_too_big_keeps_page(page, app_url):
    page.goto(f"{app_url}/padding_stride?mode=valid&nh=3&nw=3&kh=5")
    wait_idle(page)
    page.get_by_text("does not fit the padded input in height").wait_for()
    expect(page.locator(".st-key-padding-stack_fig")).to_have_count(1)  # the rest still works
    assert_no_exception(page)
    screenshot(page, "padding_no_fit")


# ------------------------------------------------------------ a phone's width

from urllib.parse import parse_qsl  # noqa: E402

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from convlab import padding as cs  # noqa: E402

PHONE = {"width": 390, "height": 1800}

# What does not fit a phone: the page wider than the screen; a formula drawn past
# its block (KaTeX clips it); a cell of the Keras table off the screen or scrolled
# away; a data grid with columns out of sight; anything else past the screen's
# edge that is not inside a box that scrolls (code). KaTeX's hidden MathML aside.
MISFITS = """() => {
    const vw = document.documentElement.clientWidth, bad = [];
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main) return ['no page yet'];
    const name = el => (el.innerText || el.textContent || el.tagName).trim().slice(0, 50);
    if (document.documentElement.scrollWidth > vw + 1) bad.push('page ' + document.documentElement.scrollWidth);
    for (const d of main.querySelectorAll('.katex-display')) {
        const box = d.getBoundingClientRect();
        for (const b of d.querySelectorAll('.katex-html .base')) {
            const r = b.getBoundingClientRect();
            if (r.left < Math.max(box.left, 0) - 1 || r.right > Math.min(box.right, vw) + 1)
                bad.push('formula ' + Math.round(r.left) + '..' + Math.round(r.right) + ' in ' + Math.round(box.left)
                         + '..' + Math.round(box.right) + ': ' + (d.querySelector('annotation') || d).textContent.slice(0, 60));
        }
    }
    const keras = main.querySelector('.st-key-padding-keras_table');
    if (!keras) bad.push('no Keras table');
    else {
        const cells = keras.querySelectorAll('th, td');
        if (!cells.length) bad.push('Keras table not drawn');
        for (const c of cells) {
            const r = c.getBoundingClientRect();
            if (r.left < -1 || r.right > vw + 1) bad.push('Keras cell ' + Math.round(r.right) + ': ' + name(c));
        }
        for (const el of keras.querySelectorAll('*'))
            if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
                bad.push('Keras table scrolls: ' + el.className);
    }
    for (const s of main.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller'))
        if (s.scrollWidth > s.clientWidth + 1) bad.push('grid with hidden columns ' + s.scrollWidth + ' > ' + s.clientWidth);
    for (const el of main.querySelectorAll('*')) {
        if (el.closest('.katex-mathml')) continue;
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || (r.left >= -1 && r.right <= vw + 1)) continue;
        let a = el.parentElement, scrolls = false;
        for (; a && a !== main; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll') { scrolls = true; break; }
        }
        if (!scrolls) bad.push('wide ' + el.tagName + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ': ' + name(el));
    }
    return bad.slice(0, 12);
}"""


def latex_blocks(query: str) -> int:
    """How many formulas (st.latex) the page shows for this link."""
    values = {name: p.default for name, p in cs.PARAMS.items()}
    values.update({k: cs.PARAMS[k].parse(v) for k, v in parse_qsl(query) if k in cs.PARAMS})
    cfg = cs.config(values)
    return len(cs.formula_lines(cfg)) + (cfg.mode == "same")


def open_and_draw(page, app_url, query: str) -> None:
    """Open the page on this link and wait until every formula and the data grids are drawn."""
    page.goto(f"{app_url}/padding_stride?{query}")
    wait_idle(page)
    # a loaded machine takes its time to draw a long page: wait for it, do not fail on a clock
    expect(page.locator('[data-testid="stMain"] .katex-display')).to_have_count(latex_blocks(query), timeout=60_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=60_000)
    page.locator(".st-key-padding-stack_fig .js-plotly-plot").wait_for(timeout=60_000)


@pytest.fixture
def phone(shared_context):
    p = new_tab(shared_context, PHONE["width"], PHONE["height"])
    yield p
    p.close()


PHONE_LINKS = [
    "",  # the chapter's stride figure
    "lang=zh&mode=same&nh=8&nw=8&kh=3&kw=3&sh=2&sw=2",  # the chapter's third Keras example: 'same' written out
    "mode=same&nh=512&nw=512&kh=64&kw=64&sh=64&sw=64&dh=16&dw=16",  # the widest numbers 'same' writes out
    "lang=zh&mode=full&nh=512&nw=512&kh=64&kw=64&sh=64&sw=64&dh=16&dw=16",  # Chinese words, dilation, p = 2016
    "mode=valid&nh=3&nw=3&kh=5",  # the kernel does not fit
]


@pytest.mark.parametrize("query", PHONE_LINKS)
def test_padding_fits_a_phone_and_its_formulas_warn_of_nothing(phone, app_url, query):
    logged = []
    phone.on("console", lambda m: logged.append(m))
    open_and_draw(phone, app_url, query)
    try:  # the layout settles after the first paint: ask again until it fits
        phone.wait_for_function(f"() => ({MISFITS})().length === 0", timeout=15_000)
    except PlaywrightTimeout:
        pass
    assert phone.evaluate(MISFITS) == []
    assert_no_exception(phone)
    screenshot(phone, "padding_phone_" + (query.replace("&", "_").replace("=", "")[:40] or "default"))

    # KaTeX logs what it finds LaTeX-incompatible (strict mode 'warn'); every formula is drawn by now.
    # Streamlit's own probe of /padding_stride/_stcore/... on a deep link is none of the page's doing.
    def noise(m):
        return m.text.startswith("Failed to load resource") and "/_stcore/" in m.location.get("url", "")

    assert [f"{m.type}: {m.text}" for m in logged if m.type in ("warning", "error") and not noise(m)] == []
