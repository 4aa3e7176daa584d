"""Compiled code is cached in a folder named after the compiled source: an edit to any rule
gives a fresh folder, so stale machine code can never run."""

import os
import shutil

from sim.engine import compile_cache


def test_the_folder_follows_the_source_of_every_compiled_module(tmp_path, monkeypatch):
    copy = tmp_path / "sim"
    shutil.copytree(compile_cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(compile_cache, "PACKAGE", copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    before = compile_cache.folder()
    assert before == compile_cache.folder()  # deterministic
    assert before.is_dir() and before.is_relative_to(tmp_path / "cache")
    rule = copy / "rules" / "trust.py"
    rule.write_text(rule.read_text().replace("alpha / (alpha + beta)", "alpha / (beta + alpha)"))
    assert compile_cache.folder() != before


def test_a_cache_folder_the_user_chose_is_kept(monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", "/somewhere/chosen")
    compile_cache.configure()
    assert os.environ["NUMBA_CACHE_DIR"] == "/somewhere/chosen"
