"""Reports: HTML that parses and holds the key content, JSON equal to `run --json`,
CSV that Danish Excel reads, and bad session files handled without a traceback."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from game.cli import main
from game.reports.csv_report import cell, number
from game.reports.source import salvage_json

from .conftest import DATA, ROOT

SPEC = str(DATA / "spec_example.yaml")
REHAB = str(ROOT / "scenarios" / "rehab-first-meeting.yaml")


class Page(HTMLParser):
    """Collects text, tags and attributes; fails on unbalanced sections."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.stack: list[str] = []
        self.style = ""
        self._in_style = False

    VOID = {"meta", "br", "rect", "input", "img", "link"}

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        elif data.strip():
            self.text.append(data.strip())

    @property
    def all_text(self) -> str:
        return " ".join(self.text)


def _session(tmp_path, scenario, choose, name="s.json", extra=()):
    out = tmp_path / name
    assert main(["run", scenario, "--choose", choose, "--session-out", str(out), *extra]) == 0
    return out


def _report(capsys, *args):
    capsys.readouterr()
    code = main(["report", *map(str, args)])
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err
    return code, cap.out, cap.err


def _parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    assert p.stack == [], p.stack
    return p


# -- HTML ---------------------------------------------------------------------------------
def test_html_report_citizen_danish(tmp_path, capsys):
    f = _session(tmp_path, REHAB, "3,1,4,3,1,4,2,2")
    out = tmp_path / "r.html"
    code, _, err = _report(capsys, f, "-o", out)
    assert code == 0 and "Rapporten er skrevet til" in err
    html = out.read_text(encoding="utf-8")
    page = _parse(html)
    text = page.all_text
    assert page.tags[0] == "html" and ("html", "lang", "da") in page.attrs
    assert "Første møde i rehabiliteringsteamet" in text
    for must in ("Hvordan har du det nu?", "Jeg vil gerne lande lidt først", "Det gav plads",
                 "Et sted at øve videre", "En anden mulighed kunne være",
                 "Sådan gik det med principperne", "Mødet, linje for linje",
                 "Du valgte", "Dit valg styrker", "Sådan sluttede mødet",
                 "Dine ord er med i indstillingen", "Til eftertanke", "Sådan regnes det ud"):
        assert must in text, must
    # self-contained: no scripts, no external resources
    assert "script" not in page.tags
    for tag, k, v in page.attrs:
        assert k not in ("src", "href") or not (v or "").startswith(("http", "//")), (tag, k, v)
    assert "@import" not in page.style and "url(" not in page.style
    assert "@media print" in page.style
    # the profile chart is an inline SVG with words and no numbers for a citizen
    assert "svg" in page.tags and page.tags.count("rect") >= 18
    assert "stærkt" in text and "· 100" not in html and "0–100" not in text


def test_html_report_staff_english_shows_numbers(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "3,2")
    code, html, err = _report(capsys, f, "--lang", "en", "--audience", "staff",
                              "--scenario", SPEC)
    assert code == 0 and err == ""
    page = _parse(html)
    text = page.all_text
    assert ("html", "lang", "en") in page.attrs
    assert "How are you feeling now?" in text and "Moments worth another look" in text
    assert "a place to practise · 0" in text            # own_voice and empowerment: X = L
    assert "0–100" in text and "Overall" in text


def test_html_escapes_scenario_text(tmp_path, capsys, principles):
    src = (DATA / "spec_example.yaml").read_text(encoding="utf-8").replace(
        '"Okay."', '"<b>Okay</b> & <script>x</script>"')
    sc_path = tmp_path / "spec.yaml"
    sc_path.write_text(src, encoding="utf-8")
    (tmp_path / "principles.yaml").write_text(
        (ROOT / "scenarios" / "principles.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    f = _session(tmp_path, str(sc_path), "2,1")
    code, html, _ = _report(capsys, f, "--scenario", sc_path)
    assert code == 0
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "script" not in _parse(html).tags


def test_practice_session_report_shows_attempts(tmp_path, capsys, spec_example, principles):
    from game.coach.progress import store_session
    from game.engine.session import Session
    s = Session(spec_example, practice=True, principle_ids=tuple(principles))
    s.choose(3)
    s.undo()
    s.choose(1)
    s.choose(1)
    f = store_session(s, principles=principles)
    code, html, _ = _report(capsys, f, "--scenario", SPEC)
    text = _parse(html).all_text
    assert code == 0
    assert "Prøvet og trukket tilbage" in text and "(Sig ingenting)" in text
    assert "Kun dit første forsøg ved hvert valg tæller med" in text
    assert "Tæller ikke med" in text


# -- JSON ---------------------------------------------------------------------------------
@pytest.mark.parametrize("scenario, choose", [(SPEC, "1,1"), (SPEC, "2,1"), (SPEC, "3,2"),
                                              (SPEC, "1"), (REHAB, "3,1,4,3,1,4,2,2"),
                                              (REHAB, "1,1,4,3"), (REHAB, "2,2,2,2")])
def test_json_report_matches_run_json(tmp_path, capsys, scenario, choose):
    f = _session(tmp_path, scenario, choose)
    capsys.readouterr()
    assert main(["run", scenario, "--choose", choose, "--json"]) == 0
    run = json.loads(capsys.readouterr().out)
    code, out, _ = _report(capsys, f, "--format", "json", "--scenario", scenario)
    rep = json.loads(out)
    assert code == 0
    assert rep["scores"] == run["scores"] and rep["index"] == run["index"]
    assert rep["ending"] == run["ending"] and rep["path"] == run["path"]
    assert rep["kind"] == "meeting-trainer-report" and rep["debrief"]["scenario"] == run["scenario"]


# -- CSV ----------------------------------------------------------------------------------
def test_csv_reads_back_in_danish_excel_dialect(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "2,1")
    out = tmp_path / "r.csv"
    code, _, _ = _report(capsys, f, "--format", "csv", "--scenario", SPEC, "-o", out)
    assert code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    head = rows[0]
    assert head[:4] == ["række", "session", "scenarie", "nr"]
    assert len({len(r) for r in rows}) == 1
    by = [dict(zip(head, r)) for r in rows[1:]]
    decisions = [r for r in by if r["række"] == "valg"]
    principles = [r for r in by if r["række"] == "princip"]
    overall = [r for r in by if r["række"] == "samlet"]
    assert len(decisions) == 2 and len(principles) == 9 and len(overall) == 1
    assert decisions[0]["valgt linje"] == "Hvem er det, der bestemmer i dag?"
    assert (decisions[0]["q valgt"], decisions[0]["q bedste synlige"],
            decisions[0]["forskel"]) == ("3", "5", "2")
    assert decisions[0]["tæller"] == "ja" and decisions[0]["sted"] == "opening"
    assert decisions[1]["forskel"] == "0"                 # only "Okay." was shown
    ov = {r["princip"]: r for r in principles}["Egne ord"]
    assert ov["ord"] == "ikke i spil" and ov["point 0-100"] == ""
    # own_voice by hand: X = 0 + -1, L = -1 + -1, U = 2 + -1 ('Okay.' was the only line)
    assert (ov["X valgt"], ov["L laveste"], ov["U højeste"]) == ("-1", "-2", "1")
    assert overall[0]["point 0-100"] == "71,4"            # 100 · 5/7, decimal comma
    assert (overall[0]["X valgt"], overall[0]["L laveste"], overall[0]["U højeste"]) == \
        ("1", "-4", "3")


def test_csv_helpers():
    assert number(71.428) == "71,4" and number(71.428, "en") == "71.4"
    assert number(3) == "3" and number(None) == "" and number(-2) == "-2"
    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and cell("-1 point") == "'-1 point"
    assert cell("Linje\nto") == "Linje to" and cell(None) == ""


def test_csv_english_columns(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    code, out, _ = _report(capsys, f, "--format", "csv", "--lang", "en", "--scenario", SPEC)
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert code == 0 and rows[0][:2] == ["row", "session"]
    assert rows[-1][rows[0].index("score 0-100")] == "100.0"


# -- bad input ----------------------------------------------------------------------------
def test_truncated_file_shows_what_could_be_read(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    text = f.read_text(encoding="utf-8")
    cut = text.index('"node": "plans"')                  # cut inside the second choice
    f.write_text(text[:cut + 10], encoding="utf-8")
    code, out, err = _report(capsys, f, "--format", "json", "--scenario", SPEC)
    assert code == 0 and "ikke hel" in err
    rep = json.loads(out)
    assert rep["path"][:3] == ["opening", "statement", "plans"]
    assert any("ikke hel" in n for n in rep["notes"])


def test_salvage_json():
    assert salvage_json('{"a": 1, "b": [1, 2, {"c": "x') == {"a": 1, "b": [1, 2, {}]}
    assert salvage_json('{"a": "tekst med } og ]') == {}
    assert salvage_json("not json") is None


def test_garbage_and_foreign_files_exit_1(tmp_path, capsys):
    for name, content in [("g.json", "¤%&/ not json"), ("l.json", "[1, 2]"),
                          ("o.json", '{"hello": "world"}'),
                          ("r.json", '{"kind": "meeting-trainer-report", "scenario": "x"}')]:
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        code, out, err = _report(capsys, p)
        assert code == 1 and out == "" and err.strip(), name


def test_missing_file_is_usage_error(tmp_path, capsys):
    code, _, err = _report(capsys, tmp_path / "nope.json")
    assert code == 2 and "findes ikke" in err


def test_hand_edited_choices_and_old_version(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    data = json.loads(f.read_text(encoding="utf-8"))
    data["choices"][1]["choice"] = 99
    data["save_version"] = 0
    data["difficulty"] = "svær"
    f.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = _report(capsys, f, "--format", "json", "--scenario", SPEC)
    rep = json.loads(out)
    assert code == 0 and "ældre udgave" in err and "efter 1 af 2 valg" in err
    assert rep["path"] == ["opening", "statement", "plans"] and rep["ending"] is None
    assert rep["debrief"]["ending"]["reached"] is False


def test_newer_version_is_read_with_a_note(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    data = json.loads(f.read_text(encoding="utf-8"))
    data["save_version"] = 7
    f.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _report(capsys, f, "--format", "json", "--scenario", SPEC, "--lang", "en")
    assert code == 0 and "newer version (version 7)" in err


def test_edited_scenario(tmp_path, capsys):
    """The spec example shares its id with the bundled scenario, which reads differently:
    without --scenario the report is made against the bundled (edited) version."""
    f = _session(tmp_path, SPEC, "1,1")
    code, out, err = _report(capsys, f, "--format", "json")
    rep = json.loads(out)
    assert code == 0 and "Scenariet er blevet ændret" in err and "efter 0 af 2 valg" in err
    assert rep["title"] == "Første møde i rehabiliteringsteamet"


def test_edited_scenario_with_all_choices_still_there(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    src = (DATA / "spec_example.yaml").read_text(encoding="utf-8").replace(
        "Velkommen. Vi har læst din sag.", "Velkommen til mødet.")
    edited = tmp_path / "spec.yaml"
    edited.write_text(src, encoding="utf-8")
    code, out, err = _report(capsys, f, "--format", "json", "--scenario", edited)
    assert code == 0 and "Pointene er regnet ud fra den nye udgave" in err
    assert json.loads(out)["ending"] == "good_end"


def orphan_session(spec_example, principles):
    """A stored session whose scenario id ('gone-meeting') no longer exists."""
    from game.coach.progress import store_session
    from game.engine.session import Session
    s = Session(spec_example, principle_ids=tuple(principles))
    s.choose(1)
    s.choose(1)
    f = store_session(s, principles=principles)
    data = json.loads(f.read_text(encoding="utf-8"))
    data["scenario"] = "gone-meeting"
    f.write_text(json.dumps(data), encoding="utf-8")
    return f


def test_scenario_that_no_longer_exists(tmp_path, capsys, spec_example, principles):
    f = orphan_session(spec_example, principles)
    code, html, err = _report(capsys, f)
    assert code == 0 and "gone-meeting" in err and "--scenario" in err
    text = _parse(html).all_text
    assert "Må jeg starte med at læse mit personlige statement op?" in text
    assert "Gemte point fra dengang" in text
    code, out, _ = _report(capsys, f, "--format", "json")
    rep = json.loads(out)
    assert rep["limited"] is True and rep["scores"]["own_voice"] == 100.0
    code, out, _ = _report(capsys, f, "--format", "csv")
    assert code == 0 and out.startswith("\ufeff")
    # nothing at all to show: exit 1
    data = json.loads(f.read_text(encoding="utf-8"))
    data["choices"] = []
    data.pop("scores")
    f.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = _report(capsys, f)
    assert code == 1 and out == "" and "intet at vise" in err


def test_scenario_for_another_session_is_refused(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    data = json.loads(f.read_text(encoding="utf-8"))
    data["scenario"] = "another"
    f.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _report(capsys, f, "--scenario", SPEC)
    assert code == 1 and "hører til scenariet »another«" in err


def test_broken_scenario_file_is_reported(tmp_path, capsys):
    f = _session(tmp_path, SPEC, "1,1")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: [\n", encoding="utf-8")
    code, _, err = _report(capsys, f, "--scenario", bad)
    assert code == 1 and "MT101" in err


# -- every path of the bundled scenarios --------------------------------------------------
def _all_paths(scenario, difficulty, limit=400):
    from game.engine.session import Session
    out = []
    todo = [[]]
    while todo and len(out) < limit:
        numbers = todo.pop()
        s = Session(scenario, difficulty)
        for n in numbers:
            s.choose(n)
        if s.ended:
            out.append((numbers, s))
        else:
            todo.extend(numbers + [k] for k in range(len(s.options()), 0, -1))
    return out


def test_every_path_of_the_bundled_scenarios_reports_cleanly(principles):
    from game.coach.debrief import build_debrief
    from game.coach.tone import banned_words
    from game.engine.compiler import load_scenario
    from game.engine.saves import to_dict
    from game.reports.html import render_html
    from game.reports.model import build_report
    for f in sorted((ROOT / "scenarios").glob("*.yaml")):
        if f.name == "principles.yaml":
            continue
        sc = load_scenario(f, principles)
        for difficulty in (1, 3):
            for numbers, s in _all_paths(sc, difficulty):
                for audience, lang in (("citizen", "da"), ("staff", "en")):
                    d = build_debrief(s, principles, lang, audience)
                    assert len(d.strengths) <= 2 and d.checkin.question
                    for text in (d.growth_none, d.strengths_fallback, d.opening, d.reflection):
                        assert banned_words(text, lang) == []
                    if d.growth is not None:          # never a safety choice
                        g = d.growth.moment
                        node = sc.nodes[g.node]
                        chosen = next(c for c in node.choices
                                      if s.choice_text(c) == g.chosen)
                        assert not chosen.safety, numbers
                rep = build_report(to_dict(s), sc, principles, lang="da")
                assert "<html" in render_html(rep)


# -- the scenario's own text in the report's language -------------------------------------
def _rehab_rows():
    from game.engine.translations import read_table
    csv_path = ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv"
    return {r.id: (r.source, r.text) for r in read_table(csv_path).rows}


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_english_report_shows_the_scenario_in_english(tmp_path, capsys, fmt):
    tr = _rehab_rows()
    f = _session(tmp_path, REHAB, "3,1,4,3,1,4,2,2")
    code, out, err = _report(capsys, f, "--lang", "en", "--format", fmt)
    assert code == 0 and err == ""
    if fmt == "html":
        text = _parse(out).all_text
    elif fmt == "json":
        text = json.dumps(json.loads(out), ensure_ascii=False)
    else:
        text = " ".join(out.split())
    for key in ("@title", "velkomst.introduce_myself"):
        da, en = tr[key]
        assert en in text and da not in text, key
    if fmt != "text":            # the transcript: a line said, and the author's feedback
        for key in ("velkomst.say3", "velkomst.introduce_myself.feedback"):
            da, en = tr[key]
            assert en in text and da not in text, key
    # the same session in Danish keeps the Danish text
    code, out, _ = _report(capsys, f, "--format", fmt)
    da_text = out if fmt != "html" else _parse(out).all_text
    assert tr["velkomst.introduce_myself"][0] in " ".join(da_text.split()).replace('\\"', '"')


def test_english_report_falls_back_to_danish_per_line(tmp_path, capsys):
    import shutil

    from game.authoring import translate as T
    from game.engine.translations import read_table
    tr = _rehab_rows()
    lib = tmp_path / "lib"
    (lib / "locales" / "en").mkdir(parents=True)
    shutil.copy(REHAB, lib / "rehab-first-meeting.yaml")
    shutil.copy(ROOT / "scenarios" / "principles.yaml", lib)
    src = ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv"
    table = read_table(src)
    table.rows = [r for r in table.rows if r.id not in ("velkomst.say3", "@title")]
    (lib / "locales" / "en" / src.name).write_text(T.format_table(table.rows), encoding="utf-8")
    f = _session(tmp_path, REHAB, "3,1,4,3,1,4,2,2")
    code, out, _ = _report(capsys, f, "--lang", "en", "--format", "json", "--scenario",
                           lib / "rehab-first-meeting.yaml")
    rep = json.loads(out)
    said = [e["text"] for e in rep["transcript"] if e["type"] == "line"]
    assert code == 0
    assert rep["title"] == tr["@title"][0]                      # missing row: Danish
    assert tr["velkomst.say3"][0] in said and tr["velkomst.say1"][1] in said
    assert rep["scores"] == json.loads(_report(capsys, f, "--format", "json", "--scenario",
                                               lib / "rehab-first-meeting.yaml")[1])["scores"]
