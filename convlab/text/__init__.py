"""Every visible string of the app, in English and 中文.

Each module in this package holds one page's strings as ``STRINGS = {key:
{"en": ..., "zh": ...}}``, keys prefixed with the page's name; they are merged
here. The Chinese uses the seed's terms: 互相关运算, 卷积核, 填充, 步幅,
平移不变性, 局部性.
"""
from __future__ import annotations

import importlib
import pkgutil

LANGS = {"en": "English", "zh": "中文"}


def _load() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        strings = importlib.import_module(f"{__name__}.{info.name}").STRINGS
        clash = catalog.keys() & strings.keys()
        if clash:
            raise RuntimeError(f"text keys defined twice: {sorted(clash)}")
        catalog.update(strings)
    return catalog


CATALOG = _load()


def t(key: str, lang: str = "en", **fmt) -> str:
    """The string ``key`` in ``lang`` (falls back to English), formatted with ``fmt``."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**fmt) if fmt else text
