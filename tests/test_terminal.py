"""The terminal front-end, driven with scripted input like a screen-reader user would type."""

from __future__ import annotations

from types import SimpleNamespace

from game.terminal import play_terminal

from .conftest import DATA


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
