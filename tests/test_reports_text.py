"""The debrief as plain text (game/reports/text.py) and ``report --format text``:
every section the window shows, in the debrief's language, numbers only when shown,
no line longer than 80 columns, nothing a screen reader would stumble over."""

from __future__ import annotations

from game.cli import main
from game.coach.debrief import build_debrief
from game.engine.compiler import load_scenario
from game.reports.text import render_debrief

from .conftest import DATA, ROOT

REHAB = ROOT / "scenarios" / "rehab-first-meeting.yaml"
DOCTOR = ROOT / "scenarios" / "doctor-vs-wish.yaml"      # a staff role: skills summary
REHAB_PATH = "1,1,1,1,1,1,2,1"      # two strengths, a growth focus, key moments
DOCTOR_PATH = "1,1,1,1,1,1,1,1,1"



def flat(text: str) -> str:
    """Whitespace (and so the wrapping) folded away, to look for whole sentences."""
    return " ".join(text.split())


def _played(path, numbers, principles, lang=None, practice=False):
    from game.catalog import Shown
    shown = Shown(load_scenario(path, principles), lang)
    s = shown.session(1, principle_ids=tuple(principles), practice=practice)
    for n in numbers.split(","):
        s.choose(int(n))
    return s


def _lines_ok(text: str, width: int = 80) -> None:
    for line in text.splitlines():
        assert len(line) <= width, line
        assert line == line.rstrip(), repr(line)
        assert not any("\u2500" <= ch <= "\u259f" for ch in line), line   # no box drawing
        assert "|" not in line and not line.startswith(("=", "*", "#")), line
    assert "\t" not in text and "\x1b" not in text
    assert "\n\n\n" not in text                 # one blank line between blocks, never more


def _every_section(d, text: str) -> None:
    """Everything the window's debrief shows is in the text, in words."""
    f = flat(text)
    c = d.checkin
    for x in (c.question, *c.options, c.grounding_option, c.grounding, c.support):
        assert flat(x) in f, x
    assert flat(d.opening) in f
    assert d.strengths and d.growth is not None and d.key_moments, "a path with every section"
    for s in d.strengths:
        assert flat(s.text) in f and flat(s.why) in f
    g = d.growth
    for x in (g.text, g.alternative_text, g.why, g.encouragement):
        assert flat(x) in f, x
    for k in d.key_moments:
        assert flat(k.text) in f and flat(k.best_text) in f
    for r in d.profile:
        assert flat(f"{r.name}: {r.word}") in f, r.name
    assert flat(d.profile_note) in f
    assert flat(d.ending.sentence) in f and flat(d.ending.text) in f
    assert d.moods and all(flat(m.sentence) in f for m in d.moods)
    for x in (d.role_note, d.reflection, d.replay):
        assert flat(x) in f, x
    # strengths are tied to their moments: "- Valg 3", what was said just before, the line
    word = "Valg" if d.lang == "da" else "Choice"
    for st in d.strengths:
        m = st.moment
        at = text.index(f"- {word} {m.order}\n")
        assert flat(text[at:]).startswith(flat(f"- {word} {m.order} {m.said_by}")), m.order
        assert flat(text[at:]).split(flat(m.said), 1)[1].lstrip("«” ").startswith(flat(st.text))


def test_citizen_danish_every_section_and_no_numbers(principles):
    s = _played(REHAB, REHAB_PATH, principles)
    d = build_debrief(s, principles, "da", "citizen")
    text = render_debrief(d)
    _lines_ok(text)
    _every_section(d, text)
    for heading in ("Efter mødet", "Hvordan har du det nu?", "Det gav plads",
                    "Et sted at øve videre", "Sådan gik det med principperne",
                    "Øjeblikke at se på igen", "Sådan sluttede mødet",
                    "Sådan så det ud til at lande hos de andre", "Til eftertanke"):
        assert heading in text.splitlines(), heading      # a heading on its own line
    assert "- Jeg vil gerne lande lidt først" in text     # lists start with "- "
    # words, never numbers, for a citizen
    assert "af 100" not in text and "Samlet" not in text
    for r in d.profile:
        if r.value is not None:
            assert f"{r.value:.0f} " not in flat(text).split(r.name, 1)[1][:40]
    assert "Samtalefærdigheder" not in text               # skills are for staff and peers


def test_staff_shows_numbers_and_skills(principles):
    s = _played(DOCTOR, DOCTOR_PATH, principles)
    d = build_debrief(s, principles, "da", "staff")
    assert d.show_numbers and d.skills is not None
    text = render_debrief(d)
    _lines_ok(text)
    _every_section(d, text)
    f = flat(text)
    for r in d.profile:
        if r.value is not None:
            assert f"{r.name}: {r.word} ({r.value:.0f} af 100, " in f, r.name
        else:
            assert f"{r.name}: ikke i spil" in f
    assert f"Samlet: {d.index_word} ({d.index:.0f} af 100, " in f
    sk = d.skills
    assert sk.heading in text.splitlines()
    for x in (sk.disclaimer, sk.rq_text, sk.cr_text, sk.adherence_text, sk.option5_text):
        assert flat(x) in f, x
    assert all(f"{o.label}: {o.level_word}" in f for o in sk.option5)
    # the window's own "show numbers" setting can hide them for staff too
    quiet = render_debrief(build_debrief(s, principles, "da", "staff", show_numbers=False))
    assert "af 100" not in quiet and "Samtalefærdigheder" in quiet


def test_english_with_the_scenario_in_english(principles):
    from game.engine.translations import read_table
    rows = {r.id: (r.source, r.text) for r in read_table(
        ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv").rows}
    s = _played(REHAB, REHAB_PATH, principles, lang="en")
    d = build_debrief(s, principles, "en", "citizen")
    text = render_debrief(d)
    _lines_ok(text)
    _every_section(d, text)
    for heading in ("After the meeting", "How are you feeling now?", "What made room",
                    "One thing to practise", "How it went with the principles",
                    "How the meeting ended", "To reflect on"):
        assert heading in text.splitlines(), heading
    f = flat(text)
    assert "Choice " in f and " said: “" in f and "out of 100" not in f
    da, en = rows["velkomst.introduce_myself"]
    assert en in f and da not in f                          # the chosen line, translated
    assert "Hvordan har du det" not in text and "Du valgte" not in text


def test_options_for_the_terminal_and_unwrapped(principles):
    s = _played(REHAB, REHAB_PATH, principles)
    d = build_debrief(s, principles, "da", "citizen")
    text = render_debrief(d, checkin=False, ending=False, feedback=True, width=None)
    assert d.checkin.question not in text and "Sådan sluttede mødet" not in text
    assert "Tilbagemelding ved hvert valg" in text.splitlines()
    for i, fb in enumerate((x for x in d.feedback if not x.undone), 1):
        assert f"- Valg {i}: »{fb.chosen}«" in text
        assert all(line in text for line in fb.lines())    # not wrapped: whole lines
    narrow = render_debrief(d, width=50)
    _lines_ok(narrow, 50)
    assert flat(narrow) == flat(render_debrief(d))


def test_practice_note_and_steps_back(principles):
    s = _played(DATA / "spec_example.yaml", "3", principles, practice=True)
    s.undo()
    s.choose(1)
    s.choose(1)
    d = build_debrief(s, principles, "da", "citizen")
    text = render_debrief(d, feedback=True)
    assert d.practice_note and flat(d.practice_note) in flat(text)
    assert "Prøvet og trukket tilbage: »(Sig ingenting)«" in flat(text)


def test_stopped_early(principles):
    s = _played(DATA / "spec_example.yaml", "1", principles)
    d = build_debrief(s, principles, "da", "citizen")
    text = render_debrief(d)
    assert "Du stoppede, før mødet var slut" in flat(text)
    _lines_ok(text)


# -- meeting-trainer report --format text ------------------------------------------------
def _report(tmp_path, capsys, scenario, choose, *extra):
    f = tmp_path / "s.json"
    assert main(["run", str(scenario), "--choose", choose, "--session-out", str(f)]) == 0
    capsys.readouterr()
    code = main(["report", str(f), "--format", "text", *extra])
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err
    return code, cap.out, cap.err


def test_report_format_text_danish(tmp_path, capsys):
    code, out, err = _report(tmp_path, capsys, REHAB, REHAB_PATH)
    assert code == 0 and err == ""
    _lines_ok(out)
    lines = out.splitlines()
    assert lines[:2] == ["Mødetræner – rapport", "Første møde i rehabiliteringsteamet"]
    assert "Rapport til: borger" in lines
    for heading in ("Hvordan har du det nu?", "Det gav plads", "Et sted at øve videre",
                    "Sådan gik det med principperne", "Sådan sluttede mødet",
                    "Tilbagemelding ved hvert valg", "Til eftertanke", "Sådan regnes det ud"):
        assert heading in lines, heading
    assert "Mødet sluttede: " in out and "af 100" not in out
    assert "<" not in out.replace("»", "")                 # no markup


def test_report_format_text_english_staff(tmp_path, capsys):
    code, out, err = _report(tmp_path, capsys, REHAB, REHAB_PATH, "--lang", "en",
                             "--audience", "staff")
    assert code == 0 and err == ""
    _lines_ok(out)
    assert out.startswith("Meeting trainer – report\nFirst meeting with the rehabilitation team\n")
    assert "out of 100" in out and "Overall: " in out
    assert "Feedback at each choice" in out.splitlines()
    assert "Første møde" not in out and "Du valgte" not in out


def test_report_format_text_without_the_scenario(tmp_path, capsys, spec_example, principles):
    from .test_reports import orphan_session
    f = orphan_session(spec_example, principles)
    capsys.readouterr()
    code = main(["report", str(f), "--format", "text"])
    cap = capsys.readouterr()
    assert code == 0 and "gone-meeting" in cap.err
    out = cap.out
    _lines_ok(out)
    assert "Bemærk" in out.splitlines() and "Gemte point fra dengang" in out.splitlines()
    assert "- Egne ord: stærkt" in out
    assert "Valg 1: »Må jeg starte med at læse mit personlige statement op?«" in flat(out)


def test_the_command_offers_text(capsys):
    from game.cli import build_parser
    assert build_parser().parse_args(["report", "x.json", "--format", "text"]).format == "text"
    try:
        main(["report", "--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "{html,json,csv,text}" in out and "plain text for a terminal" in flat(out)
