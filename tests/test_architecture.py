"""The house rules, checked: convcore is the mathematics (numpy only), convlab
is the app (only its named glue modules import Streamlit), pages stay short,
tests find the app from their own checkout, every text key is used."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import convlab
from convlab.text import CATALOG

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("plotly", "PIL", "streamlit", "tensorflow", "pandas", "scipy", "keras")


def imports_of(path: Path) -> set[str]:
    """Top-level names of every module a file imports (at any depth of the file)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_importing_convcore_and_its_lessons_loads_numpy_only():
    code = (
        "import sys; import convcore, convcore.why, convcore.kernels, convcore.training, convcore.seed; "
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sorted((ROOT / "convcore").rglob("*.py")), ids=lambda p: p.name)
def test_convcore_imports_no_app_and_no_ui_library(path):
    # TensorFlow only inside convcore.training's functions (lazily), never at the top.
    found = imports_of(path) & {"convlab", "plotly", "PIL", "streamlit", "pandas", "scipy"}
    assert not found, f"{path.name} imports {sorted(found)}"
    top = {n.names[0].name.split(".")[0] for n in ast.parse(path.read_text()).body if isinstance(n, ast.Import)}
    assert "tensorflow" not in top


def test_only_the_named_glue_modules_of_convlab_import_streamlit():
    importing = {module_name(p) for p in (ROOT / "convlab").rglob("*.py") if "streamlit" in imports_of(p)}
    assert importing == set(convlab.STREAMLIT_MODULES)
    for name in convlab.STREAMLIT_MODULES:
        assert name.split(".")[-1] in convlab.__doc__  # named in the package's docstring


def test_importing_convlab_logic_does_not_load_streamlit_or_tensorflow():
    glue = set(convlab.STREAMLIT_MODULES)
    modules = sorted(module_name(p) for p in (ROOT / "convlab").rglob("*.py") if module_name(p) not in glue)
    code = f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; " \
           "print([m for m in ('streamlit', 'tensorflow') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sorted((ROOT / "app_pages").glob("*.py")), ids=lambda p: p.name)
def test_page_scripts_stay_short(path):
    # ~150 lines: a page reads like a description of its UI; logic lives in convlab.
    assert len(path.read_text().splitlines()) <= 155


def test_no_pages_folder():
    # A pages/ folder puts Streamlit in its old multipage mode for a fresh server's first deep link.
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("path", sorted((ROOT / "tests").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_tests_find_the_app_from_their_own_file(path):
    text = path.read_text()
    assert str(ROOT) not in text and not re.search(r"[\"']/(work|home|root|tmp)/[^\"']*app\.py", text)


def _sources() -> str:
    files = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"),
             *(p for p in (ROOT / "convlab").rglob("*.py") if "text" not in p.parts)]
    return "\n".join(p.read_text() for p in files)


def test_every_text_key_is_used():
    src = _sources()
    # keys built at run time: t(f"training.problem_{v}") uses every "training.problem_*" key
    prefixes = set(re.findall(r"f[\"']([a-z_]+\.[a-z_.]*?)\{", src))
    unused = [k for k in CATALOG if f'"{k}"' not in src and f"'{k}'" not in src
              and not any(k.startswith(p) for p in prefixes)]
    assert not unused, f"text keys nothing shows: {unused}"


def test_every_literal_text_key_exists():
    src = _sources()
    used = set(re.findall(r"\bt\(\s*[\"']([a-z_]+\.[a-z0-9_.]+)[\"']", src))
    assert not used - CATALOG.keys(), sorted(used - CATALOG.keys())
