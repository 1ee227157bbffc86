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


# -- the coaching, as the window shows it -----------------------------------------------------
def _stored_sessions():
    from game import paths
    folder = paths.user_data_dir() / "sessions"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_feedback_after_a_weaker_choice_says_try_also():
    code, text = _run(["", "3", "1"])
    assert code == 0
    after = text[text.index("Dit valg (1–3)"):text.index("Jonas: Så starter vi")]
    assert "Du valgte: »(Sig ingenting)«" in after
    assert "Tilbagemelding: Det er helt okay at have brug for tid." in after
    assert "Dit valg kan give mindre plads til: Selvbestemmelse og Egne ord." in after
    assert "Prøv også: »Må jeg starte med at læse mit personlige statement op?«" in after
    assert "Det giver mere plads til Selvbestemmelse, Egne ord og Mening." in after


def test_a_good_choice_names_what_it_strengthened_and_no_try_also():
    code, text = _run(["", "1", "1"])
    first = text[text.index("Du valgte: »Må jeg"):text.index("Mette: Tak.")]
    assert "Dit valg styrker: " in first and "Prøv også" not in first


def test_the_debrief_at_the_end_checks_in_then_shows_strengths():
    code, text = _run(["", "3", "1", "2"])
    assert code == 0
    end = text[text.index("Mødet er slut: Dine ønsker står i planen"):]
    assert "Hvordan har du det nu?" in end
    for line in ("1. Jeg har det okay", "2. Lidt blandet", "3. Det var hårdt",
                 "4. Jeg vil gerne lande lidt først"):
        assert line in end.splitlines()
    assert "Tak, fordi du siger det." in end
    assert "Rørte mødet ved noget svært" in end
    debrief = end[end.index("Efter mødet"):]
    assert "Det gav plads" in debrief.splitlines()
    assert "- Valg 2" in debrief and "Du valgte: »Hvilke muligheder er der — også at vente" in debrief
    assert "Et sted at øve videre" in debrief.splitlines()
    assert "Sådan gik det med principperne" in debrief.splitlines()
    assert "Hvad vil du gerne have med fra i dag til dit næste rigtige møde?" in debrief
    assert "af 100" not in debrief                        # a citizen: words only
    assert "Sådan sluttede mødet" not in debrief           # the ending was just shown
    assert all(len(line) <= 80 for line in debrief.splitlines())


def test_the_grounding_answer_gives_the_grounding_text():
    code, text = _run(["", "1", "1", "4", ""])
    end = text[text.index("Hvordan har du det nu?"):]
    assert "Sæt fødderne i gulvet" in end and "Tryk Enter, når du er klar" in end
    assert end.index("Sæt fødderne") < end.index("Rørte mødet") < end.index("Efter mødet")
    assert "Tak, fordi du siger det." not in end


def test_the_check_in_can_be_skipped_and_asks_again_on_a_wrong_key():
    code, text = _run(["", "1", "1", "9", ""])
    assert "Skriv et tal fra 1 til 4." in text
    assert "Efter mødet" in text and "Tak, fordi du siger det." not in text


def test_input_ending_at_the_check_in_still_shows_the_debrief():
    code, text = _run(["", "1", "1"])
    assert code == 0
    assert "Skriv et tal fra 1 til 4, eller tryk Enter" in text
    assert "Rørte mødet ved noget svært" in text and "Det gav plads" in text


def test_a_finished_session_is_stored_and_the_autosave_removed():
    import json

    from game import paths
    from game.terminal import AUTOSAVE
    assert _stored_sessions() == []
    code, text = _run(["", "3", "p"])                     # leaving early stores nothing
    assert _stored_sessions() == [] and (paths.user_data_dir() / AUTOSAVE).exists()
    code, text = _run(["j", "1", "1"])
    assert code == 0
    stored = _stored_sessions()
    assert len(stored) == 1
    data = json.loads(stored[0].read_text(encoding="utf-8"))
    assert data["kind"] == "meeting-trainer-session" and data["audience"] == "citizen"
    assert [c["node"] for c in data["choices"]] == ["opening", "plans"]
    assert data["scores"]["own_voice"] is not None
    assert not (paths.user_data_dir() / AUTOSAVE).exists()


def test_feedback_can_wait_for_the_debrief():
    from game.ui import settings as settings_mod
    settings_mod.save(settings_mod.Settings(feedback="end"))
    code, text = _run(["", "3", "1", ""])
    assert code == 0
    end_at = text.index("Mødet er slut")
    during, end = text[:end_at], text[end_at:]
    assert "Du får tilbagemeldingerne samlet, når mødet er slut." in during
    assert "Du valgte: »(Sig ingenting)«" in during
    assert "Tilbagemelding" not in during and "Prøv også" not in during
    lines = end.splitlines()
    assert "Tilbagemelding ved hvert valg" in lines
    assert "- Valg 1: »(Sig ingenting)«" in lines
    assert "  Prøv også: »Må jeg starte med at læse mit personlige statement op?«" in lines
    assert end.index("Tilbagemelding ved hvert valg") < end.index("Til eftertanke")


def test_numbers_follow_the_window_setting():
    from game.ui import settings as settings_mod
    settings_mod.save(settings_mod.Settings(show_numbers=True))
    code, text = _run(["", "1", "1", ""])
    assert "- Egne ord: stærkt (100 af 100, 2 beslutningspunkter)" in text
    assert "- Samlet: stærkt (100 af 100, 2 beslutningspunkter)" in text


def test_the_debrief_in_english():
    tr = _rows()
    code, text = _run(["", "1", "1", "1", "1", "1", "1", "2", "1", "1"], scenario=str(REHAB),
                      lang="en")
    assert code == 0
    # the author already says "Also try", so the alternative is "You could also say"
    assert "Feedback: " + tr["velkomst.c1.feedback"][1] in text
    assert f"You could also say: “{tr['velkomst.introduce_myself'][1]}”" in text
    end = text[text.index("The meeting has ended"):]
    for must in ("How are you feeling now?", "1. I'm okay", "Thank you for saying so.",
                 "After the meeting", "What made room", "One thing to practise",
                 "How it went with the principles", "Moments worth another look",
                 "How it seemed to land with the others", "To reflect on"):
        assert must in end, must
    assert "Hvordan" not in text and "Du valgte" not in text and "Det gav plads" not in text


def test_practice_mode_steps_back_and_scores_the_first_attempt():
    # choose 3 (the passive "(Sig ingenting)"-like option), step back, choose 1, finish
    code, text = _run(["", "b", "3", "b", "1", "1"], practice=True)
    assert code == 0
    assert text.count("Der er ikke noget valg at gå tilbage fra endnu.") == 1
    assert text.count("Du er gået et skridt tilbage. Prøv gerne noget andet.") == 1
    assert "Dine ønsker står i planen" in text
    # the debrief says that only first attempts count
    assert "første" in text.split("Dine ønsker står i planen", 1)[1]


def test_b_is_an_ordinary_wrong_key_outside_practice_mode():
    code, text = _run(["", "b", "1", "1"])
    assert code == 0 and "Skriv et tal fra 1 til 3." in text
    assert "Du er gået et skridt tilbage" not in text


def test_long_lines_wrap_with_a_hanging_indent_only_for_a_person_at_a_terminal():
    from game.terminal import Terminal
    said: list[str] = []
    term = Terminal("da", out=said.append, wrap=40)
    term.say("2. Hvilke andre muligheder er der? Også at vente lidt med at starte?")
    term.say("kort")
    assert said[0].split("\n") == ["2. Hvilke andre muligheder er der? Også",
                                   "   at vente lidt med at starte?"]
    assert said[1] == "kort"
    plain: list[str] = []
    Terminal("da", out=plain.append).say("x " * 60)     # pipes, screen readers: whole lines
    assert "\n" not in plain[0]
