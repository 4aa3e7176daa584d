"""One code fingerprint keys both the point store and the compile cache: it covers every module
the model and the summaries import, so an edit to any of them can never reuse old numbers."""

import ast
import shutil
from pathlib import Path

import pytest

from sim.engine import fingerprint
from sim.engine.fingerprint import PACKAGE, code_fingerprint, number_files

ROOTS = ("sim.engine.model", "sim.results.summary", "sim.montecarlo.points", "sim.montecarlo.chunks",
         "sim.jobs.settings")
"""What makes a stored point's numbers: the simulation, its summary and the sweep's running."""


def module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (PACKAGE.joinpath(*parts).with_suffix(".py"),
                      PACKAGE.joinpath(*parts, "__init__.py")):
        if parts and candidate.is_file():
            return candidate
    return PACKAGE / "__init__.py" if not parts else None


def imported_closure(roots: tuple[str, ...]) -> set[Path]:
    """Every file of the package that the roots import, directly or not (read from the source,
    so whatever is imported inside a function counts too)."""
    seen: set[Path] = set()
    todo = [module_file(r) for r in roots]
    while todo:
        path = todo.pop()
        if path is None or path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                     if isinstance(node, ast.ImportFrom) and node.module else [])
            todo += [module_file(n) for n in names if n.split(".")[0] == "sim"]
    return seen


CLOSURE = sorted(imported_closure(ROOTS))


def test_nothing_the_numbers_depend_on_is_left_out():
    assert len(CLOSURE) > 20
    left_out = set(CLOSURE) - set(number_files())
    assert not left_out


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    package = tmp_path / "sim"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PACKAGE", package)
    return package


@pytest.mark.parametrize("module", [p.relative_to(PACKAGE).as_posix() for p in CLOSURE])
def test_editing_any_module_the_model_imports_changes_the_fingerprint(copy, module):
    before = code_fingerprint()
    assert before == code_fingerprint()  # deterministic
    path = copy / module
    path.write_text(path.read_text() + "\n# an edit\n")
    assert code_fingerprint() != before


def test_a_new_module_is_covered_from_the_start(copy):
    before = code_fingerprint()
    (copy / "rules" / "newly_added.py").write_text("X = 1\n")
    assert code_fingerprint() != before


def test_editing_a_report_does_not_discard_the_point_store(copy):
    before = code_fingerprint()
    page = copy / "report" / "build.py"
    page.write_text(page.read_text() + "\n# a wording change\n")
    assert code_fingerprint() == before


def test_an_edited_constant_in_the_draws_gives_every_point_a_new_key(copy):
    """The review's case: a constant in draws.py was edited and the sweep reused old points."""
    from sim.jobs.settings import load_settings
    from sim.jobs.study import build_points
    from tests.conftest import composed

    args = ["runs=10", "+sweep.design=grid", "+sweep.parameters={seed: [1, 2]}"]
    keys = [p.key for p in build_points(load_settings(composed(*args)), args)[2]]
    draws = copy / "engine" / "draws.py"
    draws.write_text(draws.read_text() + "\nEDITED = 2.0\n")
    again = [p.key for p in build_points(load_settings(composed(*args)), args)[2]]
    assert len(set(keys)) == 2 and not set(keys) & set(again)
