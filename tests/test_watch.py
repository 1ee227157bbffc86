"""Live preview: ``Watcher`` reloads, keeps the last good version, replays choices;
``play_watch_terminal`` survives half-written YAML."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.authoring.watch import Watcher
from game.authoring.watch_terminal import play_watch_terminal
from game.engine.saves import to_dict

from .conftest import ROOT

TUTORIAL = ROOT / "scenarios" / "tutorial-short-followup.yaml"


@pytest.fixture
def path(tmp_path) -> Path:
    p = tmp_path / "scenarios" / "tutorial-short-followup.yaml"
    p.parent.mkdir()
    shutil.copy(ROOT / "scenarios" / "principles.yaml", p.parent)
    shutil.copy(TUTORIAL, p)
    return p


def save(p: Path, text: str) -> None:
    """Write like an editor does, and make sure the modification time moves on."""
    before = p.stat().st_mtime_ns if p.exists() else 0
    p.write_text(text, encoding="utf-8")
    st = p.stat()
    if st.st_mtime_ns <= before:
        os.utime(p, ns=(st.st_atime_ns, before + 1_000_000))


def played(w: Watcher, numbers):
    s = w.new_session()
    for n in numbers:
        s.choose(n)
    return s


def test_first_load_and_no_change(path):
    w = Watcher(path)
    assert w.ok and w.scenario is not None and w.scenario.id == "tutorial-short-followup"
    assert w.version == 1 and w.errors == []
    assert w.poll() is False
    assert w.poll() is False


def test_same_content_saved_again_is_not_a_change(path):
    w = Watcher(path)
    save(path, path.read_text(encoding="utf-8"))
    assert w.poll() is False and w.version == 1


def test_half_written_yaml_reports_errors_and_keeps_the_last_good_version(path):
    w = Watcher(path)
    good = w.scenario
    session = played(w, [3])
    text = path.read_text(encoding="utf-8")
    save(path, text[: len(text) // 2] + "\n      - text: \"Halv")      # saved mid-sentence
    assert w.poll() is True
    assert not w.ok and w.errors
    e = w.errors[0]
    assert e.file == str(path) and e.line > 1 and e.code.startswith("MT")
    assert w.scenario is good                                            # still playable
    session.choose(1)
    assert session.node.id == "gemme"


def test_structural_errors_also_keep_the_last_good_version(path):
    w = Watcher(path)
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("next: gemme\n", "next: gemmme\n", 1))
    assert w.poll() and not w.ok
    assert [d.code for d in w.errors] == ["MT301"] and "did you mean 'gemme'" in w.errors[0].message
    assert w.scenario is not None and w.version == 1


def test_fix_reloads_and_replays_to_the_same_point(path):
    w = Watcher(path)
    text = path.read_text(encoding="utf-8")
    session = played(w, [3, 1])
    assert session.node.id == "gemme"
    save(path, text[:300])
    assert w.poll() and not w.ok
    save(path, text)
    assert w.poll() and w.ok and w.version == 2
    r = w.replay(session)
    assert r.complete and (r.kept, r.total) == (2, 2) and r.node == "gemme"
    assert r.session.scenario is w.scenario
    assert [st.node for st in r.session.history] == ["forslaget", "skrive_ind"]
    assert r.message() == "Genindlæst. Dine 2 valg blev spillet igen."


def test_editing_a_line_keeps_the_position_and_shows_the_new_text(path):
    w = Watcher(path)
    session = played(w, [3, 1])
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("Nu står der {hours} timer om ugen i din plan.",
                            "Nu står der {hours} timer om ugen i planen."))
    assert w.poll() and w.ok
    r = w.replay(session)
    assert r.complete and r.node == "gemme" and r.by_place == 0
    assert "Nu står der 10 timer om ugen i planen." in [ln.text for ln in r.session.lines]
    assert r.session.variables == session.variables and r.session.moods == session.moods


def test_editing_the_chosen_text_replays_by_similar_text(path):
    w = Watcher(path)
    session = played(w, [1, 1])          # two choices without an id
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("Okay. Det er vel fint nok.", "Okay. Det er vist fint nok.")
                   .replace("Skriv bare det, du synes er bedst.",
                            "Skriv bare det, som du synes er bedst."))
    assert w.poll() and w.ok
    r = w.replay(session)
    assert r.complete and r.by_place == 2 and r.node == "gemme"
    assert "fundet ud fra en lignende tekst" in r.message()


def test_a_removed_choice_stops_the_replay_and_says_where(path):
    w = Watcher(path)
    session = played(w, [3, 1])
    text = path.read_text(encoding="utf-8")
    # the internship choice in skrive_ind is gone
    start = text.index("      - id: choose_internship")
    end = text.index("      - text: \"Skriv bare det")
    save(path, text[:start] + text[end:])
    assert w.poll() and w.ok
    r = w.replay(session)
    assert not r.complete and (r.kept, r.total) == (1, 2) and r.node == "skrive_ind"
    assert "1 af dine 2 valg" in r.message() and "»skrive_ind«" in r.message()
    assert "1 of your 2 choices" in r.message("en")


def test_replay_from_a_save_dict_and_a_changed_id(path):
    w = Watcher(path)
    data = to_dict(played(w, [2]))
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("id: tutorial-short-followup", "id: tutorial-renamed"))
    assert w.poll() and w.ok
    r = w.replay(data)
    assert r.complete and r.session.scenario.id == "tutorial-renamed" and r.node == "skrive_ind"


def test_difficulty_and_statement_survive_the_replay(path):
    w = Watcher(path)
    s = w.new_session(difficulty=3, statement={"important": "ro"})
    s.choose(2)
    save(path, path.read_text(encoding="utf-8") + "\n# en kommentar\n")
    assert w.poll() and w.ok
    r = w.replay(s)
    assert r.session.difficulty == 3 and r.session.statement["important"] == "ro"
    assert r.node == "skrive_ind" and r.session.moods["susanne"] == -1


def test_deleted_file_is_an_error_not_a_crash(path):
    w = Watcher(path)
    path.unlink()
    assert w.poll() and not w.ok and w.errors[0].code == "MT001"
    assert w.scenario is not None
    shutil.copy(TUTORIAL, path)
    assert w.poll() and w.ok


def test_change_within_the_same_second_and_size_is_seen(path):
    """Coarse file times: same size, same mtime — the content hash still notices."""
    w = Watcher(path)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    new = text.replace("kande kaffe", "kande kakao")
    assert len(new.encode()) == len(text.encode())
    path.write_text(new, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert w.poll() is True and w.ok
    assert "kande kakao" in w.new_session().lines[0].text


def test_starting_with_a_broken_file(path):
    text = path.read_text(encoding="utf-8")
    save(path, "format: 1\nid: [\n")
    w = Watcher(path)
    assert w.scenario is None and not w.ok and w.errors[0].code == "MT101"
    save(path, text)
    assert w.poll() and w.ok and w.version == 1


def test_not_utf8_is_reported(path):
    w = Watcher(path)
    path.write_bytes(b"format: 1\nid: \xff\n")
    assert w.poll() and w.errors[0].code == "MT003"


# ---------------------------------------------------------------- the terminal preview

class Script:
    """Answers the prompts in turn; an answer may be a function (an edit) returning the answer."""

    def __init__(self, *steps):
        self.steps = list(steps)
        self.prompts = []

    def __call__(self, prompt):
        self.prompts.append(prompt)
        if not self.steps:
            raise EOFError
        step = self.steps.pop(0)
        return step() if callable(step) else step


def test_terminal_preview_survives_half_written_yaml_and_reloads(path):
    text = path.read_text(encoding="utf-8")
    out: list[str] = []

    def half():
        save(path, text[: len(text) // 2] + "\n  broken: [\n")
        return "1"          # chosen on the last good version

    def fixed():
        save(path, text.replace("Jeg har Min Plan åben her.", "Jeg har planen åben her."))
        return ""

    script = Script("3", half, fixed, "1", "q")
    assert play_watch_terminal(path, script, out.append) == 0
    joined = "\n".join(out)
    assert "Forhåndsvisning af" in out[0]
    assert "Den gemte fil har fejl. Du spiller videre på den sidste gode udgave." in joined
    assert any(": MT101 error: " in line for line in out)
    assert "Genindlæst. Dine 2 valg blev spillet igen." in joined
    assert "Slut: Du ved, hvordan planen kan ændres" in joined
    assert joined.rstrip().endswith("Forhåndsvisningen er slut.")
    assert "Traceback" not in joined


def test_terminal_preview_after_a_reload_asks_again(path):
    """Numbers may mean something else after a reload, so the answer given then is not used."""
    text = path.read_text(encoding="utf-8")
    out: list[str] = []

    def edit():
        save(path, text.replace("Okay. Det er vel fint nok.", "Okay. Det er fint."))
        return "1"

    script = Script(edit, "q")
    assert play_watch_terminal(path, script, out.append) == 0
    joined = "\n".join(out)
    assert "Genindlæst." in joined and "1. Okay. Det er fint." in joined
    assert "(Det er forståeligt at sige ja" not in joined     # choice 1 was not taken


def test_terminal_preview_of_a_broken_file_waits_for_a_fix(path):
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("start: forslaget", "start: forslag"))
    out: list[str] = []

    def fix():
        save(path, text)
        return ""

    script = Script("", fix, "q")
    assert play_watch_terminal(path, script, out.append) == 0
    joined = "\n".join(out)
    assert "Filen kan ikke spilles endnu." in joined
    assert "MT301 error: start: there is no node 'forslag'" in joined
    assert "Kort opfølgning om Min Plan" in joined       # then it started


def test_terminal_preview_keys_and_english(path):
    out: list[str] = []
    script = Script("9", "r", "g", "q")
    assert play_watch_terminal(path, script, out.append, lang="en") == 0
    joined = "\n".join(out)
    assert "Type a number from 1 to 3" in joined and "From the start." in joined
    assert joined.count("Et lille mødelokale på jobcentret.") == 3   # start, repeat, again


def test_terminal_preview_missing_file(tmp_path):
    out: list[str] = []
    assert play_watch_terminal(tmp_path / "nej.yaml", Script(), out.append) == 2
    assert "findes ikke" in out[0]


# ---------------------------------------------------------------- previews in English

def _with_english(path: Path) -> Path:
    """Put the bundled English file of the tutorial beside the copy (in its library's locales/)."""
    csv = path.parent / "locales" / "en" / "tutorial-short-followup.csv"
    csv.parent.mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "locales" / "en" / csv.name, csv)
    return csv


def test_watcher_in_english_translates_sessions_and_replays(path):
    _with_english(path)
    w = Watcher(path, lang="en")
    s = played(w, [3])
    assert w.shown.scenario.title == "A short follow-up on My Plan"
    assert s.scenario.title == "A short follow-up on My Plan" and s.lang == "en"
    assert s.lines[0].text == "Thank you for saying that. I'd missed it."
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("Jeg har Min Plan åben her.", "Jeg har planen åben her."))
    assert w.poll() and w.ok
    r = w.replay(s)
    assert r.complete and r.session.lang == "en"
    assert r.session.lines[0].text == "Thank you for saying that. I'd missed it."
    # the edited line's translation is stale: still used (a slightly old English line)
    assert all(not any(ch in ln.text for ch in "æøå") for ln in r.session.lines)
    # without a language the preview stays as written
    assert Watcher(path).new_session().lines[0].text.startswith("Et lille mødelokale")


def test_terminal_preview_shows_the_scenario_in_english(path):
    _with_english(path)
    out: list[str] = []
    assert play_watch_terminal(path, Script("3", "q"), out.append, lang="en") == 0
    joined = "\n".join(out)
    assert "A short follow-up on My Plan" in joined
    assert "A small meeting room at the job centre." in joined
    assert "3. Last time I said I want to start with just a few hours." in joined
    assert "(You reminded Susanne of what you said last time." in joined
    assert "Et lille mødelokale" not in joined
