"""The sub-packages of offload/ show a small public face (house rule: each capability its
own sub-package, its ``__init__`` re-exporting its private modules). The explorer's, the
report's and the testing helpers' faces import each name on first use: what they promise
is checked here, and that touching them costs no more than the modules a caller needs."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAZY = ("offload.explore", "offload.report", "offload.testing")
FACES = (*LAZY, "offload.exec", "offload.fuzz", "offload.plugins")


def _modules(code: str) -> set[str]:
    p = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                        "print(json.dumps(sorted(sys.modules)))"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return set(json.loads(p.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("name", FACES)
def test_every_public_name_resolves_from_a_private_module(name: str) -> None:
    face = importlib.import_module(name)
    assert face.__doc__, name
    assert len(set(face.__all__)) == len(face.__all__), name
    for public in face.__all__:
        obj = getattr(face, public)
        if isinstance(obj, type) or callable(obj):
            assert obj.__module__.startswith(name + "._"), (public, obj.__module__)


@pytest.mark.parametrize("name", LAZY)
def test_lazy_face_agrees_with_its_type_checking_imports(name: str) -> None:
    """``_HOME`` (what ``__getattr__`` imports), ``__all__`` and the ``TYPE_CHECKING``
    imports (what tools see) name the same things in the same modules."""
    face = importlib.import_module(name)
    assert set(face._HOME) == set(face.__all__)
    tree = ast.parse(Path(face.__file__).read_text())
    seen: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom) and imp.module
                for alias in imp.names:
                    seen[alias.asname or alias.name] = imp.module.rsplit(".", 1)[1]
    assert seen == face._HOME
    with pytest.raises(AttributeError):
        face.no_such_name  # noqa: B018


@pytest.mark.parametrize("name", LAZY)
def test_importing_a_lazy_face_imports_none_of_its_modules(name: str) -> None:
    mods = _modules(f"import {name}")
    assert not [m for m in mods if m.startswith(name + ".")]


def test_run_commands_needs_neither_the_explorer_cli_nor_its_pool() -> None:
    """What ``offload run --report`` and ``offload exec`` take from the explorer."""
    mods = _modules("from offload.explore import ExploreConfig, run_commands")
    for heavy in ("rich", "multiprocessing", "distributed", "offload.explore._cli",
                  "offload.explore._engine", "offload.report._html"):
        assert heavy not in mods, heavy


def test_offload_api_needs_no_hypothesis() -> None:
    mods = _modules("import offload.api")
    assert "hypothesis" not in mods
    assert "offload.testing._machine" not in mods


def test_no_flat_module_is_left_behind() -> None:
    flat = sorted(p.name for p in (ROOT / "offload").glob("*.py")
                  if p.stem.split("_")[0] in ("explore", "report", "testing")
                  or p.stem == "pytest_plugin")
    assert flat == []
