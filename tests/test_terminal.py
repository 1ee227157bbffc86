"""The terminal front-end, driven with scripted input like a screen-reader user would type."""

from __future__ import annotations

from types import SimpleNamespace

from game.terminal import play_terminal

from .conftest import DATA, ROOT


def _args(**kw):
    base = dict(scenario=str(DATA / "spec_example.yaml"), lang="da", difficulty=1, text=True)
    base.update(kw)
    return SimpleNamespace(**base)


def _run(answers, **kw):
    answers = list(answers)
    out: list[str] = []

    def inp(prompt):
        out.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    code = play_terminal(_args(**kw), inp=inp, out=lambda s="": out.append(s))
    return code, "\n".join(out)


def test_plays_to_the_end_with_number_keys():
    code, text = _run(["", "1", "1"])
    assert code == 0
    assert "1. Må jeg starte med at læse mit personlige statement op?" in text
    assert "Tilbagemelding: Du gav mødet din egen start." in text
    assert "Mødet er slut: Dine ønsker står i planen" in text
    assert "Egne ord: stærkt" in text and "Håb: ikke i spil" in text


def test_bad_input_is_explained_not_fatal():
    code, text = _run(["", "9", "x", "1", "2"])
    assert code == 0
    assert text.count("Skriv et tal fra 1 til 3.") == 2


def test_p_saves_and_the_next_start_offers_to_resume():
    code, text = _run(["", "3", "p"])
    assert code == 0 and "Gemt." in text
    code, text = _run(["j", "2"])
    assert "Du har et gemt møde" in text
    assert "Mødet sluttede uden din plan" in text


def test_declining_resume_starts_over():
    _run(["", "3", "p"])
    code, text = _run(["n", "", "1", "1"])
    assert "Dine ønsker står i planen" in text


def test_english():
    code, text = _run(["", "1", "1"], lang="en")
    assert "The meeting has ended" in text and "Own voice: strong" in text


def test_end_of_input_leaves_quietly():
    code, text = _run([""])
    assert code == 0


# -- the scenario's own text in the player's language ---------------------------------------
REHAB = ROOT / "scenarios" / "rehab-first-meeting.yaml"


def _rows():
    from game.engine.translations import read_table
    csv = ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv"
    return {r.id: (r.source, r.text) for r in read_table(csv).rows}


def test_english_scenario_text_from_the_translation_file():
    tr = _rows()
    code, text = _run(["", "3", "p"], scenario=str(REHAB), lang="en")
    assert code == 0
    for key in ("@title", "@summary", "velkomst.say1", "velkomst.say3", "velkomst.c1",
                "velkomst.introduce_myself"):
        da, en = tr[key]
        assert en in text and da not in text, key
    assert "About the content: " + tr["@content_note"][1] in text
    assert "Feedback: " + tr["velkomst.introduce_myself.feedback"][1] in text
    # resuming the save shows the English title and goes on in English
    code, text = _run(["y", "p"], scenario=str(REHAB), lang="en")
    assert f"You have a saved meeting: {tr['@title'][1]}." in text
    assert tr["velkomst.introduce_myself.feedback"][0] not in text


def test_the_saved_language_is_used_without_lang():
    from game.ui import settings as settings_mod
    tr = _rows()
    settings_mod.save(settings_mod.Settings(lang="en"))
    code, text = _run(["", "1", "1"], scenario=str(REHAB), lang=None)
    assert code == 0
    assert "Press Enter to start" in text and tr["velkomst.say1"][1] in text
    code, text = _run(["", "1"], scenario=str(REHAB), lang="da")   # --lang wins
    assert tr["velkomst.say1"][0] in text


def test_library_listing_in_english():
    code, text = _run([], scenario=None, lang="en")
    assert code == 0
    assert "Choose a meeting:" in text
    assert "First meeting with the rehabilitation team (" in text
    assert "Første møde i rehabiliteringsteamet" not in text


def test_a_missing_row_falls_back_to_danish_in_the_terminal(tmp_path):
    import shutil

    from game.authoring import translate as T
    from game.engine.translations import read_table
    tr = _rows()
    lib = tmp_path / "lib"
    (lib / "locales" / "en").mkdir(parents=True)
    shutil.copy(REHAB, lib / REHAB.name)
    shutil.copy(ROOT / "scenarios" / "principles.yaml", lib)
    csv = lib / "locales" / "en" / "rehab-first-meeting.csv"
    table = read_table(ROOT / "scenarios" / "locales" / "en" / csv.name)
    table.rows = [r for r in table.rows if r.id not in ("velkomst.say2", "@title")]
    csv.write_text(T.format_table(table.rows), encoding="utf-8")
    code, text = _run(["", "1"], scenario=str(lib / REHAB.name), lang="en")
    assert tr["@title"][0] in text and tr["@summary"][1] in text
    assert tr["velkomst.say2"][0] in text and tr["velkomst.say1"][1] in text


def test_play_text_watch_uses_the_terminal_preview(tmp_path):
    """``play --text --watch FILE``: half-written YAML is shown as the checker's lines."""
    import os
    import shutil
    lib = tmp_path / "lib"
    lib.mkdir()
    f = lib / "spec_example.yaml"
    shutil.copy(DATA / "spec_example.yaml", f)
    shutil.copy(ROOT / "scenarios" / "principles.yaml", lib)
    good = f.read_text(encoding="utf-8")

    def save(text):
        st = f.stat().st_mtime_ns
        f.write_text(text, encoding="utf-8")
        os.utime(f, ns=(st + 2_000_000_000, st + 2_000_000_000))

    steps = [lambda: save(good[: len(good) // 2] + "\n  x: [\n") or "",
             lambda: save(good) or "", "q"]
    out: list[str] = []

    def inp(prompt):
        out.append(prompt)
        if not steps:
            raise EOFError
        step = steps.pop(0)
        return step() if callable(step) else step

    from game.cli import build_parser
    args = build_parser().parse_args(["play", "--text", "--watch", str(f), "--lang", "da"])
    assert args.func.__name__ == "cmd_play"
    code = play_terminal(args, inp=inp, out=lambda s="": out.append(s))
    text = "\n".join(out)
    assert code == 0
    assert text.startswith("Forhåndsvisning af")
    assert "Den gemte fil har fejl." in text and " error: " in text
    assert "Genindlæst." in text
    assert "Traceback" not in text
