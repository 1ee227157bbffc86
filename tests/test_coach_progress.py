"""Stored sessions: atomic, private, listed safely, pooled across sessions, deleted fully."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from game import paths
from game.coach import progress
from game.coach.progress import (Listing, StoredSession, delete_all, list_sessions,
                                 pooled_profile, session_record, sessions_dir, store_session)
from game.engine.saves import from_dict, to_dict

from .coach_scenarios import play
from .conftest import ROOT

WHEN = datetime(2025, 3, 4, 10, 30, 15, tzinfo=timezone.utc)


def test_store_writes_to_dict_plus_metadata_privately(spec_example, principles):
    s, _ = play(spec_example, [2, 1])
    path = store_session(s, audience="staff", finished_at=WHEN, principles=principles)
    home = Path(os.environ["MEETING_TRAINER_HOME"])
    assert path.parent == home / "data" / "sessions" == sessions_dir()
    assert path.name.startswith("20250304T103015Z-rehab-first-meeting-")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    data = json.loads(path.read_text(encoding="utf-8"))
    base = to_dict(s)
    assert {k: data[k] for k in base} == base
    assert data["finished_at"] == "2025-03-04T10:30:15Z"
    assert data["audience"] == "staff" and data["scenario_title"] == spec_example.title
    assert data["scores"] == s.scores(tuple(principles)).as_numbers()
    assert data["index"] == pytest.approx(100 * 5 / 7)
    assert data["raw"]["index"] == {"chosen": 1, "low": -4, "high": 3}
    # the stored file resumes as the same session
    again = from_dict(spec_example, data)
    assert again.path == s.path and again.scores() == s.scores()


def test_listing_skips_damaged_files_and_never_touches_them(spec_example, principles):
    s, _ = play(spec_example, [1, 1])
    good = store_session(s, finished_at=WHEN, principles=principles)
    folder = sessions_dir()
    bad = {
        "0-truncated.json": b'{"kind": "meeting-trainer-session", "scen',
        "1-not-a-session.json": b'{"hello": 1}',
        "2-binary.json": b"\x00\xff\xfe",
        "3-list.json": b"[1, 2, 3]",
    }
    for name, raw in bad.items():
        (folder / name).write_bytes(raw)
    (folder / ".half-written.json.tmp").write_bytes(b'{"kind"')
    (folder / "notes.txt").write_text("not mine", encoding="utf-8")
    listing = list_sessions()
    assert [x.path for x in listing.sessions] == [good]
    assert sorted(x.path.name for x in listing.skipped) == sorted(bad)
    for name, raw in bad.items():
        assert (folder / name).read_bytes() == raw                # untouched
    notes = listing.notes("da")
    assert any("0-truncated.json" in n and "sprunget over" in n for n in notes)


def test_listing_orders_by_finish_time(spec_example, principles):
    s, _ = play(spec_example, [1, 1])
    late = store_session(s, finished_at=datetime(2025, 5, 1, tzinfo=timezone.utc))
    early = store_session(s, finished_at=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert [x.path for x in list_sessions().sessions] == [early, late]


def test_crash_mid_write_keeps_the_old_files(spec_example, principles, monkeypatch):
    s, _ = play(spec_example, [1, 1])
    first = store_session(s, finished_at=WHEN, principles=principles)
    before = {p.name: p.read_bytes() for p in sessions_dir().iterdir()}

    def boom(src, dst):
        raise OSError("disk pulled out")

    s2, _ = play(spec_example, [3, 2])
    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            store_session(s2, principles=principles)
    after = {p.name: p.read_bytes() for p in sessions_dir().iterdir()}
    assert after == before                                 # no new file, no leftover temp file
    assert [x.path for x in list_sessions().sessions] == [first]


def test_process_killed_mid_write_leaves_history_intact(spec_example, principles, tmp_path):
    s, _ = play(spec_example, [1, 1])
    first = store_session(s, finished_at=WHEN, principles=principles)
    original = first.read_bytes()
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from game.engine.principles import load_principles
        from game.engine.compiler import load_scenario
        from game.engine.session import Session
        from game.coach.progress import store_session
        P = load_principles({str(ROOT / "scenarios" / "principles.yaml")!r})
        sc = load_scenario({str(ROOT / "tests" / "data" / "spec_example.yaml")!r}, P)
        s = Session(sc); s.choose(3); s.choose(2)
        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)
        os.fsync = stall
        store_session(s)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()
    assert first.read_bytes() == original
    leftovers = [p for p in sessions_dir().iterdir() if p.name.endswith(".tmp")]
    assert leftovers                                      # the killed write left its temp file
    listing = list_sessions()
    assert [x.path for x in listing.sessions] == [first] and listing.skipped == []


# -- pooling across sessions -----------------------------------------------------------
def _fake(path, x, lo, hi, value="auto"):
    if value == "auto":
        value = 100.0 * (x - lo) / (hi - lo)
    data = {"kind": "meeting-trainer-session", "scenario": "s", "choices": [],
            "scores": {"own_voice": value}, "index": None,
            "raw": {"principles": {"own_voice": {"chosen": x, "low": lo, "high": hi,
                                                 "informative": 2}},
                    "index": {"chosen": 0, "low": 0, "high": 0}}}
    return StoredSession(Path(path), data)


def test_pooling_sums_points_and_spans_never_averages(principles):
    listing = Listing([_fake("a", 3, 0, 4),          # 75 %
                       _fake("b", 1, 0, 8),          # 12.5 %
                       _fake("c", 5, 0, 5, None)])   # not in play: adds no evidence
    prof = pooled_profile(listing, principles, "da")
    row = {r.id: r for r in prof.rows}["own_voice"]
    # Σ(X − L) / Σ(U − L) = (3 + 1) / (4 + 8) — not the mean of 75 and 12.5 (43.75)
    assert row.value == pytest.approx(100 * 4 / 12)
    assert (row.sessions, row.decisions, row.chosen, row.low, row.high) == (2, 4, 4, 0, 12)
    assert row.word == "et sted at øve"
    assert row.evidence == "2 møder, 4 beslutningspunkter"
    assert {r.id: r for r in prof.rows}["hope"].value is None
    assert prof.index is None and prof.sessions == 3


def test_pooling_real_sessions(spec_example, principles):
    for numbers in ([1, 1], [1, 2], [3, 2], [2, 1]):
        s, _ = play(spec_example, numbers)
        store_session(s, principles=principles)
    prof = pooled_profile(principles=principles)
    ov = {r.id: r for r in prof.rows}["own_voice"]
    # own_voice in play in [1,1] (2,-2,2), [1,2] (1,-2,2), [3,2] (-2,-2,2); not in [2,1]
    assert (ov.sessions, ov.chosen, ov.low, ov.high) == (3, 1, -6, 6)
    assert ov.value == pytest.approx(100 * 7 / 12)
    # index in every session: X 8+3-4+1, L -4-4-4-4, U 8+8+8+3
    assert prof.index == pytest.approx(100 * (8 + 16) / (27 + 16))
    assert prof.index_sessions == 4


def test_records_without_numbers_are_recomputed_or_skipped(spec_example, principles):
    s, _ = play(spec_example, [1, 1])
    bare = StoredSession(Path("bare.json"), to_dict(s))       # e.g. written by an older version
    prof = pooled_profile(Listing([bare]), principles)
    assert prof.sessions == 0 and [x.reason for x in prof.skipped] == ["no_scores"]
    prof = pooled_profile(Listing([bare]), principles, scenarios={spec_example.id: spec_example})
    assert prof.sessions == 1
    assert {r.id: r for r in prof.rows}["own_voice"].value == 100.0


# -- deleting everything ----------------------------------------------------------------
def test_delete_all_leaves_nothing_behind(spec_example, principles):
    s, _ = play(spec_example, [1, 1])
    store_session(s, principles=principles)
    store_session(s, principles=principles)
    data = paths.user_data_dir()
    (data / "autosave-terminal.json").write_text("{}", encoding="utf-8")
    (data / "statement.json").write_text('{"intro": "Jeg hedder Sam."}', encoding="utf-8")
    (data / "sessions" / "broken.json").write_text("{", encoding="utf-8")
    (paths.user_config_dir() / "settings.json").write_text("{}", encoding="utf-8")
    cache = paths.cache_dir()
    cache.mkdir(parents=True)
    (cache / "x.pickle").write_bytes(b"x")
    locked = data / "sessions" / "readonly.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0o400)
    home = Path(os.environ["MEETING_TRAINER_HOME"])
    result = delete_all()
    assert result.complete and result.removed_files == 8
    assert not home.exists() or not any(home.rglob("*"))
    assert list_sessions().sessions == []


def test_delete_all_with_nothing_stored():
    assert delete_all().complete


def test_session_record_is_json(spec_example, principles):
    s, _ = play(spec_example, [1])
    rec = session_record(s, principles=principles)
    assert json.loads(json.dumps(rec)) == rec
    assert rec["ended"] is False and rec["raw"]["decisions"] == 1
    assert progress.is_session_data(rec)
