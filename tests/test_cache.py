"""The compiled cache: a hit for the same bytes, never a stale or broken entry."""

from __future__ import annotations

import pytest

from game.engine import compiler
from game.engine.compiler import compile_file
from game.engine.saves import format_transcript, transcript

from .conftest import DATA


@pytest.fixture
def src(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_bytes((DATA / "spec_example.yaml").read_bytes())
    return f


def _no_compiling(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("compiled again although the cache holds this file")
    monkeypatch.setattr(compiler, "compile_text", refuse)


def test_unchanged_file_comes_from_the_cache(tmp_path, src, principles, monkeypatch):
    cache = tmp_path / "cache"
    first, diags = compile_file(src, principles, cache)
    assert first is not None and len(list(cache.glob("*.pickle"))) == 1
    _no_compiling(monkeypatch)
    again, diags2 = compile_file(src, principles, cache)
    assert [d.format() for d in diags2] == [d.format() for d in diags]
    same = [format_transcript(transcript(s, [1, 1])[1]) for s in (first, again)]
    assert same[0] == same[1]


def test_an_edited_file_is_compiled_again(tmp_path, src, principles):
    cache = tmp_path / "cache"
    compile_file(src, principles, cache)
    text = src.read_text(encoding="utf-8")
    src.write_text(text.replace("Velkommen", "Goddag", 1), encoding="utf-8")
    edited, _ = compile_file(src, principles, cache)
    assert "Goddag" in format_transcript(transcript(edited, [])[1])
    assert len(list(cache.glob("*.pickle"))) == 2


def test_other_principles_or_engine_are_other_entries(tmp_path, src, principles, monkeypatch):
    cache = tmp_path / "cache"
    compile_file(src, principles, cache)
    fewer = {k: v for k, v in principles.items() if k != "hope"}
    compile_file(src, fewer, cache)
    monkeypatch.setattr(compiler, "_FINGERPRINT", "another-engine")
    compile_file(src, principles, cache)
    assert len(list(cache.glob("*.pickle"))) == 3


def test_a_damaged_entry_is_ignored_and_rebuilt(tmp_path, src, principles):
    cache = tmp_path / "cache"
    compile_file(src, principles, cache)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle at all")
    scenario, diags = compile_file(src, principles, cache)
    assert scenario is not None and not [d for d in diags if d.is_error]
    assert entry.read_bytes()[:2] == b"\x80\x05" and len(entry.read_bytes()) > 100


def test_a_file_that_is_not_text_is_reported_not_cached(tmp_path, principles):
    cache = tmp_path / "cache"
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"title: caf\xe9\n")
    scenario, diags = compile_file(bad, principles, cache)
    assert scenario is None and [d.code for d in diags] == ["MT003"]
    assert not cache.exists() or not list(cache.glob("*.pickle"))
