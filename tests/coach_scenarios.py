"""Small scenarios for the coaching tests, with the numbers worked out by hand.

TIES: a straight line of decision points a → b → c → d → e → s → end, each
choice leading on to the next point. q = the sum of a choice's scores.

    a: 1 "A1" own_voice 2 (q 2)   2 "A2" hope 2 (q 2)   3 "A3" own_voice -1 (q -1)
    b: 1 "B1" own_voice 2 (q 2)   2 "B2" hope -1 (q -1)
    c: 1 "C1" connectedness 2 (q 2)   2 "C2" connectedness -2 (q -2)
    d: 1 "D1" own_voice 1 (q 1)   2 "D2" own_voice 2, hope 1 (q 3)
    e: 1 "E1" hope -1 (q -1)      2 "E2" (no score, q 0)
    s: 1 "S1" transparency 1, safety (q 1)   2 "S2" own_voice 2, meaning 2 (q 4)

SKILLS: a staff scenario whose chosen lines carry MITI/OPTION-style tags.
"""

from __future__ import annotations

from pathlib import Path

TIES = """\
format: 1
id: coach-ties
lang: da
title: Lige stillinger
family: facilitation
role: staff
characters:
  ane: {name: Ane, title: Borger}
start: a
nodes:
  a:
    say:
      - ane: "Hej."
    choices:
      - {text: "A1", score: {own_voice: 2}, feedback: "fa1", next: b}
      - {text: "A2", score: {hope: 2}, feedback: "fa2", next: b}
      - {text: "A3", score: {own_voice: -1}, feedback: "fa3", mood: {ane: -1}, next: b}
  b:
    choices:
      - {text: "B1", score: {own_voice: 2}, feedback: "fb1", mood: {ane: 2}, next: c}
      - {text: "B2", score: {hope: -1}, feedback: "fb2", next: c}
  c:
    choices:
      - {text: "C1", score: {connectedness: 2}, feedback: "fc1", next: d}
      - {text: "C2", score: {connectedness: -2}, feedback: "fc2", next: d}
  d:
    choices:
      - {text: "D1", score: {own_voice: 1}, feedback: "fd1", next: e}
      - {text: "D2", score: {own_voice: 2, hope: 1}, feedback: "fd2", next: e}
  e:
    choices:
      - {text: "E1", score: {hope: -1}, feedback: "fe1", next: s}
      - {text: "E2", feedback: "fe2", next: s}
  s:
    choices:
      - {text: "S1", score: {transparency: 1}, safety: true, feedback: "fs1", next: slut}
      - {text: "S2", score: {own_voice: 2, meaning: 2}, feedback: "fs2", next: slut}
  slut:
    end: {title: "Slut"}
"""

SKILLS = """\
format: 1
id: coach-skills
lang: da
title: Samtaleteknik
family: facilitation
role: staff
characters:
  sara: {name: Sara, title: Borger}
start: one
nodes:
  one:
    choices:
      - {text: "Hvad er vigtigt for dig?", tags: [open_question, option_4],
         score: {own_voice: 1}, next: two}
      - {text: "Vi starter med attesten.", tags: [giving_information], score: {own_voice: -1},
         next: two}
  two:
    choices:
      - {text: "Et almindeligt liv, hvor dyr betyder noget.",
         tags: [complex_reflection, option_5], score: {meaning: 2, own_voice: 2}, next: three}
      - {text: "Er det realistisk?", tags: [confront, closed_question], score: {hope: -2},
         next: three}
  three:
    choices:
      - {text: "Du har tænkt grundigt over det.", tags: [affirm, simple_reflection],
         score: {strengths: 2}, next: four}
      - {text: "Du skal tage et kursus.", tags: [persuade], score: {empowerment: -2}, next: four}
  four:
    choices:
      - {text: "Der er flere veje, også at vente.", tags: [complex_reflection, option_1],
         score: {shared_decision: 1}, next: five}
      - {text: "Så skriver vi det.", tags: [persuade], score: {shared_decision: -2}, next: five}
  five:
    choices:
      - {text: "Hvad tænker du?", tags: [open_question, option_3], next: slut}
      - {text: "Okay.", next: slut}
  slut:
    end: {title: "Slut"}
"""


def load(text: str, principles, folder: Path, name: str = "scenario.yaml"):
    """Write ``text`` to a file and load it (so checks can read the source)."""
    from game.engine.compiler import load_scenario
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_scenario(path, principles)


def play(scenario, numbers, **kw):
    from game.engine.session import Session
    s = Session(scenario, **kw)
    steps = [s.choose(n) for n in numbers]
    return s, steps
