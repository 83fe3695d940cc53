"""Read plotly figures back from AppTest elements: the one decoder every test uses
(plotly 6+ sends arrays as base64 'bdata')."""
from __future__ import annotations

import base64
import json

import numpy as np


def array(value) -> np.ndarray:
    """A plotly array (plain list, with None for gaps, or base64 typed array) as numpy floats."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape:
            data = data.reshape([int(n) for n in str(shape).split(",")])
        return data.astype(float)
    return np.array(value, dtype=float) if value is not None else np.array([])


def figures(at) -> list[dict]:
    """Every plotly chart on the page as a figure dict."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def chart(at, key: str) -> dict | None:
    """The plotly chart whose Streamlit key ends with ``key`` (None if absent)."""
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(key):
            return json.loads(el.proto.spec)
    return None


def charts(at, prefix: str) -> dict[str, dict]:
    """Plotly charts whose keys start with ``prefix``, by the rest of their key."""
    out = {}
    for el in at.get("plotly_chart"):
        if prefix in el.proto.id:
            out[el.proto.id.rsplit(prefix, 1)[-1]] = json.loads(el.proto.spec)
    return out
