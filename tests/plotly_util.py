"""Read plotly figures back from AppTest elements (plotly 6+ sends arrays as base64)."""
from __future__ import annotations

import base64
import json

import numpy as np


def array(value) -> np.ndarray:
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        if shape:
            data = data.reshape([int(n) for n in str(shape).split(",")])
        return data
    return np.asarray(value)


def figures(at) -> list[dict]:
    """Every plotly chart on the page as a figure dict."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def chart(at, key: str) -> dict:
    """The plotly chart whose Streamlit key is ``key``."""
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(key) or key in el.proto.id:
            return json.loads(el.proto.spec)
    raise KeyError(f"no plotly chart with key {key!r}")
