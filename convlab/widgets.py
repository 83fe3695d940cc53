"""Widgets several pages share: an editable matrix and the code expander."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from convlab.fmt import quoted
from convlab.stepper import picked_cell
from convlab.text import t
from convlab.urlstate import CellError, matrix_text, parse_cells, resize_cells, text_cells

from . import state


def _editor_version(k: str) -> int:
    return st.session_state.setdefault(f"_ver.{k}", 0)


def new_editor(k: str) -> None:
    """Start the editor of ``k`` afresh from its value (call from a callback that replaces it)."""
    st.session_state[f"_ver.{k}"] = _editor_version(k) + 1


def versioned_editor(k: str, frame_of, *, height_of=None, **kw):
    """``st.data_editor`` over the value in ``st.session_state[k]``, for every
    editable grid of the app.

    A data editor keeps its edits as deltas on the data it was created with,
    so that data stays fixed for one version of the editor; a value replaced
    from outside (a button, a resize) calls :func:`new_editor`, and the next
    version starts from it. ``frame_of(base)`` builds the DataFrame shown;
    ``height_of(base)`` its height (from the base, never from live edits:
    Streamlit counts the height as part of the editor's identity).
    Returns ``(base, edited DataFrame)``.
    """
    version = _editor_version(k)
    base_key, editor_key = f"_base.{k}", f"{k}.editor.{version}"
    if editor_key not in st.session_state:  # a new editor starts from the current value
        st.session_state[base_key] = st.session_state[k]
    base = st.session_state[base_key]
    if height_of:
        kw["height"] = height_of(base)
    return base, st.data_editor(frame_of(base), key=editor_key, **kw)


def set_matrix(page: str, name: str, M) -> None:
    """Replace a matrix editor's content (call from a button's on_click)."""
    k = state.key(page, name)
    cells = text_cells(matrix_text(M)) if not isinstance(M, str) else text_cells(M)
    st.session_state[k] = matrix_text(cells)
    st.session_state[f"{k}.rows"], st.session_state[f"{k}.cols"] = len(cells), len(cells[0])
    new_editor(k)


def _resize(k: str) -> None:
    cells = resize_cells(text_cells(st.session_state[k]), st.session_state[f"{k}.rows"], st.session_state[f"{k}.cols"])
    st.session_state[k] = matrix_text(cells)
    new_editor(k)


def matrix_editor(
    page: str, name: str, label: str, lang: str, max_size: int = 12, disabled: bool = False
) -> np.ndarray | None:
    """An editable matrix: size controls and a grid of cells.

    The matrix text lives in ``st.session_state["<page>.<name>"]`` (URL
    state). Returns the matrix, or None after showing what to fix.
    """
    k = state.key(page, name)
    cells = text_cells(st.session_state[k])
    st.session_state.setdefault(f"{k}.rows", len(cells))
    st.session_state.setdefault(f"{k}.cols", len(cells[0]))
    st.markdown(f"**{label}**")
    c1, c2 = st.columns(2)
    c1.number_input(t("common.rows", lang), 1, max_size, key=f"{k}.rows", on_change=_resize, args=(k,),
                    disabled=disabled)
    c2.number_input(t("common.cols", lang), 1, max_size, key=f"{k}.cols", on_change=_resize, args=(k,),
                    disabled=disabled)
    # A line between the size inputs and the grid: the grid's hover toolbar
    # rises above it and would cover the columns input's +/- buttons.
    st.caption(t("common.editor_hint", lang))

    def frame(text):
        base = text_cells(text)
        return pd.DataFrame(base, columns=[str(j) for j in range(len(base[0]))], dtype="string")

    # Narrow columns, as wide as the longest number needs, and a height for every row: the chapter's
    # 6x8 image shows whole, without scrolling, in a third of a 1280-px page.
    row_px, index_px = 35, 32  # st.data_editor's row (and header) height; the row numbers' column
    longest = max(len(str(v).strip()) for row in cells for v in row)
    col_px = max(34, 8 * longest + 18)  # room for the longest number
    _, edited = versioned_editor(
        k, frame,
        height_of=lambda text: row_px * (len(text_cells(text)) + 1) + 3,  # header + rows, borders
        hide_index=False,  # rows and columns numbered from 0, as on the heatmaps
        num_rows="fixed",
        disabled=disabled,
        column_config={"_index": st.column_config.Column(width=index_px),
                       **{str(j): st.column_config.TextColumn(str(j), width=col_px) for j in range(len(cells[0]))}},
    )
    new_cells = [[("" if pd.isna(v) else str(v)) for v in row] for row in edited.itertuples(index=False)]
    st.session_state[k] = matrix_text(new_cells)
    try:
        return parse_cells(new_cells)
    except CellError as e:
        # counted from 0, as the heatmaps and Y[i, j] count
        reason = t(f"common.{e.kind}", lang, row=e.row - 1, col=e.col - 1, text=quoted(e.text))  # as typed, as text
        st.error(t("common.cell_error", lang, name=label, reason=reason))
    except ValueError as e:
        st.error(t("common.cell_error", lang, name=label, reason=str(e)))
    return None


# plotly.js rejects an animation's promise with no reason when something newer interrupts it (Pause, a
# step of the slider, a rerun redrawing the figure: a preset pressed while ▶ plays), and its buttons never
# catch that promise: the browser reports "Uncaught (in promise) undefined", a page error. Nothing else in
# the app rejects a promise without a reason; the handler is added once per browser tab.
_QUIET_INTERRUPTED_ANIMATIONS = """<script>
if (!window.convlabQuietAnimations) {
  window.convlabQuietAnimations = true;
  window.addEventListener("unhandledrejection", (e) => { if (e.reason === undefined) e.preventDefault(); });
}
</script>"""


def quiet_interrupted_animations() -> None:
    """Let a plotly animation be interrupted without a page error. app.py calls it in the sidebar on every
    run: there its element arrives first, so the browser loads its code early rather than last on a page."""
    st.html(_QUIET_INTERRUPTED_ANIMATIONS, unsafe_allow_javascript=True, width="content")


def pick_cell_callback(page: str):
    """The output picker's ``on_select`` (a chart keyed ``<page>.pick_chart``):
    the clicked cell becomes the page's ``i``, ``j``."""
    def pick():
        cell = picked_cell(st.session_state[state.key(page, "pick_chart")].selection.points)
        if cell is not None:
            st.session_state[state.key(page, "i")], st.session_state[state.key(page, "j")] = cell
    return pick


def lazy_expander(label: str, *, key: str):
    """An expander whose content is built only while it is open: the open
    one, or None (closed). Closed, it costs the run nothing and the browser
    nothing; opening it reruns the page. ``key`` keeps it open across reruns."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def code_expander(lang: str, code, *, key: str) -> None:
    """The calls that compute exactly what the page shows: ``code()`` returns
    ``(tf_code, convcore_code)``, built only when the expander is open (closed,
    the browser loads no syntax highlighter: 1.5 MB of JavaScript on a first
    visit)."""
    if box := lazy_expander(t("common.code", lang), key=key):
        tf_code, convcore_code = code()
        box.caption(t("common.code_tf", lang))
        box.code(tf_code, language="python")
        box.caption(t("common.code_convcore", lang))
        box.code(convcore_code, language="python")


# Widgets bound to a page parameter: bounds, choices and key come from its
# declaration (the Param), so a page states each of them once. ``container``
# (a column, the sidebar) places the widget; ``widget`` names another kind
# ("radio", "toggle", "segmented_control").

def _make(container, widget, default):
    if callable(widget):
        return widget
    return getattr(container or st, widget or default)


def number(page: str, params: dict, name: str, label: str, *, container=None, **kw):
    """``st.number_input`` bounded by the parameter's ``lo``/``hi``."""
    p = params[name]
    return (container or st).number_input(label, min_value=p.lo, max_value=p.hi, key=state.key(page, name), **kw)


def slider(page: str, params: dict, name: str, label: str, *, container=None, **kw):
    """``st.slider`` over the parameter's ``lo``..``hi``."""
    p = params[name]
    return (container or st).slider(label, p.lo, p.hi, key=state.key(page, name), **kw)


def choice(page: str, params: dict, name: str, label: str, *, container=None, widget=None, **kw):
    """A selectbox (or ``widget="radio"``) over the parameter's choices."""
    return _make(container, widget, "selectbox")(label, params[name].choices, key=state.key(page, name), **kw)


def flag(page: str, params: dict, name: str, label: str, *, container=None, widget=None, **kw):
    """A checkbox (or ``widget="toggle"``) for a Bool parameter."""
    return _make(container, widget, "checkbox")(label, key=state.key(page, name), **kw)
