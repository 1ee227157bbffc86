"""``meeting-trainer new``: a valid starter scenario (and test plan) to write from.

The starter is a small but complete meeting in Danish, written for the
player's role (citizen, staff or peer) and set in the chosen family of
meeting. It has three decisions, a variable that one choice sets and a later
``if`` reads, a mood change, two endings and feedback in the project's tone,
and YAML comments in Danish that explain each part. It passes
``meeting-trainer check`` with no errors and no warnings (including the smells
in :mod:`game.authoring.smells`), which the tests check for every role and family.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..engine.fields import SCENARIO_ID
from ..engine.model import FAMILIES, ROLES

FAMILY_WORDS = {
    "authority": "møde med en myndighed, fx jobcentret",
    "statement": "møde, hvor det personlige statement bruges",
    "facilitation": "møde, hvor nogen hjælper borgeren med at blive hørt",
    "colleagues": "møde med kolleger og deres reaktioner",
}
ROLE_WORDS = {
    "citizen": "spilleren er borger",
    "staff": "spilleren er medarbejder",
    "peer": "spilleren er peer-medarbejder",
}
DEFAULT_TITLES = {
    "authority": "Et møde om min plan",
    "statement": "Mit statement på mødet",
    "facilitation": "Et møde, hvor borgeren bliver hørt",
    "colleagues": "Et møde med kollegerne",
}

# Phrases for the setting. (family, role) overrides (family, None).
_SETTING = {
    ("authority", None): dict(
        place="Et mødelokale på jobcentret. Der står kaffe på bordet.",
        about="planen for de næste måneder", proposal="et kursus på fuld tid fra mandag",
        lead="Sagsbehandler"),
    ("statement", None): dict(
        place="Et lyst mødelokale. Der ligger et personligt statement på bordet.",
        about="det personlige statement og det, der er vigtigt",
        proposal="at vi læser sagen først og tager statementet til sidst", lead="Mødeleder"),
    ("facilitation", None): dict(
        place="Et møde med flere fagfolk om bordet. Der er sat tid af til borgerens ord.",
        about="hvem der kan hjælpe med hvad", proposal="at fagfolkene taler først",
        lead="Facilitator"),
    ("colleagues", None): dict(
        place="Et teammøde i personalestuen. Der står kaffe på bordet.",
        about="hvordan vi arbejder sammen", proposal="at vi gør, som vi plejer",
        lead="Teamleder"),
    ("colleagues", "citizen"): dict(
        place="Et møde i frokoststuen på din praktikplads.",
        about="hvordan det går på arbejdet", proposal="at du tager flere timer fra næste uge",
        lead="Leder"),
}


def setting(family: str, role: str) -> dict:
    return dict(_SETTING.get((family, role)) or _SETTING[(family, None)])


def second_character(family: str, role: str) -> tuple[str, str, str]:
    """(id, name, title) of the second person in the meeting."""
    if role == "citizen":
        return ("ali", "Ali", "Din mentor" if family == "colleagues" else "Din bisidder")
    return ("kim", "Kim", "Kollega" if family == "colleagues" else "Borger")


_HEAD = """\
# yaml-language-server: $schema=@SCHEMA@
# ^ Linjen herover får VS Code (med Red Hats YAML-udvidelse) til at hjælpe dig:
#   den foreslår feltnavne og streger fejl under, mens du skriver.
#
# Et nyt scenarie til Mødetræner. Alt efter '#' er en kommentar: spillet læser det ikke.
# Ret teksterne, så de passer til dit møde. Kør så:
#   meeting-trainer check @FILE@
# Vejledningen står i docs/authoring.md, og alle felter er forklaret i docs/format.md.

# Formatets version. Skal være 1.
format: 1
# Scenariets id: små bogstaver, tal og '-'. Filen hedder det samme.
id: @ID@
# Sproget, teksten er skrevet på.
lang: da
title: @TITLE@
# Mødets slags: authority | statement | facilitation | colleagues
family: @FAMILY@
# Hvem spilleren er: citizen (borger) | staff (medarbejder) | peer (peer-medarbejder)
role: @ROLE@
summary: "@SUMMARY@"
content_note: "@NOTE@"
# Sværhedsgrad: 1 støttende … 3 presset. Spilleren kan selv vælge.
difficulty: 1
# Cirka spilletid i minutter.
minutes: 5

# Personerne i mødet. Id'et (fx mette) bruger du, når personen siger noget.
# mood er personens humør fra -3 til 3 (0, hvis du ikke skriver noget).
characters:
  mette: {name: "Mette", title: "@LEAD@"}
  @SID@: {name: "@SNAME@", title: "@STITLE@"}

# Variabler husker, hvad spilleren har gjort. Navne skrives med a-z, tal og '_'.
# Et valg kan sætte en variabel (set:), og et senere valg kan vises kun,
# når den er sand (if:).
variables:
  @VAR@: false

# Den første knude (et trin i mødet).
start: velkomst

nodes:

  # ---------- Beslutning 1 ----------
  # En knude med 'choices:' er en beslutning. Spilleren ser valgene i den rækkefølge,
  # de står her. Læg ikke altid det bedste valg først.
  velkomst:
    # say: det, der bliver sagt, i rækkefølge. Tekst uden navn er fortælling.
    say:
      - "@PLACE@"
      - mette: "Velkommen. I dag skal vi tale om @ABOUT@."
      - @SID@: "@SECOND_HELLO@"
    choices:
"""

_MIDDLE = """\

  # En knude med 'next:' går videre af sig selv.
  forslag:
    say:
      - mette: "Jeg foreslår @PROPOSAL@."
      - "Mette ser på dig og venter."
    next: valg

  # ---------- Beslutning 2 ----------
  valg:
    choices:
"""

_LAST = """\

  # ---------- Beslutning 3 ----------
  opsamling:
    say:
      - mette: "Så er vi ved at være færdige. Er der mere, før vi slutter?"
    choices:
"""

_ENDS = """\

  # ---------- Slutninger ----------
  # En knude med 'end:' slutter mødet. title er slutningens overskrift.
  god_slutning:
    say:
      - mette: "Tak for i dag. Det skriver vi ind."
      - @SID@: "@SECOND_BYE@"
    end:
      title: "@GOOD_END@"
      text: "Næste gang starter I der, hvor I slap."

  åben_slutning:
    say:
      - mette: "Tak for i dag. Vi ses igen om en måned."
    end: {title: "@OPEN_END@"}
"""

_CHOICE_HELP = """\
      # Hvert valg har en tekst og et 'next:' (hvor mødet går hen bagefter).
      # score giver point for principperne fra -2 til 2 (se scenarios/principles.yaml).
      # feedback vises efter valget: hvad du gjorde, hvordan det lander, og hvad du også
      # kan prøve. Skriv venligt og i du-form.
"""

_IF_HELP = """\
      # Dette valg vises kun, når variablen @VAR@ er sand (se 'if:').
"""


@dataclass(frozen=True)
class C:
    text: str
    score: str
    feedback: str
    next: str
    extra: tuple[str, ...] = ()       # extra lines such as 'mood: {…}', 'set: {…}', 'if: …'


def _role_content(role: str, sid: str, var: str) -> dict:
    if role == "citizen":
        return dict(
            summary="Du skal til et møde, hvor der bliver talt om dig og din hverdag. "
                    "Ali er med som din støtte.",
            note="Mødet handler om arbejde og hverdag. Du kan holde pause, når du vil.",
            second_hello="Jeg sidder her ved siden af dig.",
            second_bye="Det gik godt. Du sagde det med dine egne ord.",
            good_end="Dine ord er med i planen", open_end="Planen blev skrevet uden dine ord",
            d1=[C("(Du nikker og venter.)", "{own_voice: -1, empowerment: -1}",
                  "Det er helt forståeligt at vente, når mange taler. Men så starter mødet "
                  "uden dig. Prøv også: Bed om at sige noget først.", "forslag"),
                C("Må jeg først sige, hvad der er vigtigt for mig?", "{own_voice: 2, meaning: 1}",
                  "Du bad om at tale først. Så hører de dig, før de hører papirerne. Dine "
                  "egne ord sætter retningen.", "forslag",
                  ("mood: {mette: 1}", f"set: {{{var}: true}}")),
                C("Hvem bestemmer, hvad der skal ske bagefter?", "{transparency: 2}",
                  "Du spurgte, hvem der bestemmer. Så ved du, hvor du står. Prøv også at "
                  "sige, hvad der er vigtigt for dig.", "forslag")],
            d2=[C("Hvilke andre muligheder er der?", "{shared_decision: 2, empowerment: 1}",
                  "Du spurgte til andre muligheder. Så bliver det klart, at der er et valg. "
                  "Og du får noget at vælge imellem.", "opsamling"),
                C("Okay. Det lyder vel fint, hvis I mener, at det er det bedste.",
                  "{shared_decision: -1, own_voice: -1}",
                  "Det er forståeligt at sige ja, når et forslag lyder færdigt. Men så ved de "
                  "ikke, hvad du selv tænker. Prøv også: Spørg, om der er andre veje.",
                  "opsamling"),
                C("Ali, vil du sige noget om det?", "{connectedness: 2}",
                  "Du bad din støtte om hjælp. Det giver ro at have en ved sin side. Og du "
                  "bestemmer stadig selv.", "opsamling", (f"mood: {{{sid}: 1}}",))],
            d3=[C("Nej, jeg har ikke flere spørgsmål. I må bare skrive det, I synes er bedst.",
                  "{own_voice: -1, shared_decision: -1}",
                  "Det er helt okay at være træt efter et møde. Men så kommer dine ønsker "
                  "ikke med. Prøv også: Spørg, om planen kan ændres.", "åben_slutning"),
                C("Kan planen ændres senere, hvis den ikke passer?", "{transparency: 2, hope: 1}",
                  "Du spurgte, om planen kan ændres. Så ved du, at intet er låst fast. Det "
                  "giver ro og håb.", "god_slutning"),
                C("Vil I skrive det, der er vigtigt for mig, ind?", "{own_voice: 2, meaning: 2}",
                  "Du bad om at få dine egne ord med. Så kan alle se, hvad planen skal bygge "
                  "på. Det gør den til din plan.", "god_slutning", (f'if: "{var}"',))],
        )
    if role == "staff":
        return dict(
            summary="Du er medarbejder og skal holde et møde sammen med Mette. Kim er med.",
            note="Mødet handler om arbejde og hverdag.",
            second_hello="Jeg er lidt spændt på i dag.",
            second_bye="Tak. Jeg følte mig hørt i dag.",
            good_end="Planen bygger på Kims ord", open_end="Mødet sluttede uden Kims ord",
            d1=[C("Lad os starte med papirerne, så vi når det hele.",
                  "{own_voice: -1, empowerment: -1}",
                  "Du ville nå det hele, og tiden er ofte knap. Men så starter mødet i "
                  "papirerne og ikke hos Kim. Prøv også: Spørg Kim først.", "forslag"),
                C("Kim, hvad er vigtigst for dig, at vi når i dag?", "{own_voice: 2, meaning: 1}",
                  "Du spurgte Kim først. Så bliver det Kims mål, der styrer mødet. Det viser, "
                  "at du lytter.", "forslag", (f"mood: {{{sid}: 1}}", f"set: {{{var}: true}}")),
                C("Jeg vil gerne sige, hvem der bestemmer hvad i dag.", "{transparency: 2}",
                  "Du gjorde det klart, hvem der bestemmer. Det giver ro. Prøv også at spørge, "
                  "hvad Kim gerne vil nå.", "forslag")],
            d2=[C("Hvilke muligheder ser du selv, Kim? Også at vente?",
                  "{shared_decision: 2, empowerment: 1}",
                  "Du bad Kim om at se på mulighederne, også at vente. Så bliver valget "
                  "fælles. Det er lettere at holde fast i.", "opsamling"),
                C("Det lyder som en god plan. Så skriver jeg det ind i papirerne nu.",
                  "{shared_decision: -1, empowerment: -1}",
                  "Du ville gerne komme videre. Men så blev valget truffet uden Kim. Prøv "
                  "også: Spørg, hvad Kim selv tænker.", "opsamling"),
                C("Hvad har hjulpet dig før, Kim?", "{strengths: 2}",
                  "Du spurgte til det, der har hjulpet før. Så bygger planen på Kims styrker.",
                  "opsamling")],
            d3=[C("Så er vi færdige for i dag. Tak for nu.", "{own_voice: -1, shared_decision: -1}",
                  "Du rundede mødet af. Det er fint at holde tiden. Men Kim fik ikke sagt det "
                  "sidste. Prøv også: Aftal, hvornår I ser på planen igen.", "åben_slutning"),
                C("Kan vi aftale, hvornår vi ser på det igen?", "{shared_decision: 1, transparency: 1}",
                  "Du aftalte, hvornår I ser på planen igen. Så ved Kim, at den kan ændres.",
                  "god_slutning"),
                C("Skal vi skrive det, der er vigtigt for dig, med dine egne ord?",
                  "{own_voice: 2, meaning: 2}",
                  "Du tilbød at skrive med Kims egne ord. Så bliver planen Kims egen. Og alle "
                  "kan se, hvad den skal bygge på.", "god_slutning", (f'if: "{var}"',))],
        )
    return dict(   # peer
        summary="Du er peer-medarbejder og er med på et møde. Du har selv levet med psykisk "
                "sårbarhed. Kim er med.",
        note="Mødet handler om psykisk sårbarhed, arbejde og hverdag.",
        second_hello="Jeg ved ikke helt, hvad jeg skal sige.",
        second_bye="Tak. Det hjalp, at du var her.",
        good_end="Kim gik fra mødet med håb", open_end="Mødet sluttede uden en aftale",
        d1=[C("Jeg har selv siddet, hvor du sidder. Du må tage den tid, du har brug for.",
              "{hope: 2, connectedness: 1}",
              "Du delte lidt af din egen erfaring. Det kan give Kim håb og ro. Du viste, at "
              "man ikke står alene.", "forslag",
              (f"mood: {{{sid}: 1}}", f"set: {{{var}: true}}")),
            C("Mette, du må gerne starte.", "{own_voice: -1, empowerment: -1}",
              "Du gav ordet til Mette. Det er fint at lade mødelederen lede. Men så blev Kim "
              "ikke spurgt. Prøv også: Spørg Kim, hvem der skal starte.", "forslag"),
            C("Kim, vil du selv starte, eller skal jeg?", "{empowerment: 2}",
              "Du lod Kim vælge. Det giver Kim kontrol over mødet fra starten.", "forslag")],
        d2=[C("Okay. Det må være det bedste, når I siger det. Så gør vi det.",
              "{own_voice: -1, shared_decision: -1}",
              "Du gik med på forslaget. Det er svært at sige noget andet i et fuldt rum. "
              "Prøv også: Spørg, hvad Kim selv tænker.", "opsamling"),
            C("Kim, hvad tænker du selv om det?", "{shared_decision: 2, own_voice: 1}",
              "Du gav ordet tilbage til Kim. Så bliver det Kims valg. Det er kernen i peer-"
              "arbejdet.", "opsamling"),
            C("Må vi høre om andre muligheder?", "{shared_decision: 1}",
              "Du bad om flere muligheder. Så bliver der noget at vælge imellem.", "opsamling")],
        d3=[C("Så siger vi tak for i dag. Vi ses sikkert igen en anden gang, Kim.", "{hope: -1}",
              "Du sagde pænt farvel. Men der kom ingen aftale om, hvad der sker nu. Prøv også: "
              "Tilbyd at gå med til næste møde.", "åben_slutning"),
            C("Kim, vil du have, at jeg går med til næste møde?", "{connectedness: 2}",
              "Du tilbød at gå med næste gang. Så står Kim ikke alene. Og Kim bestemmer selv.",
              "god_slutning"),
            C("Jeg tror på, at det bliver bedre. Det gjorde det for mig.",
              "{hope: 2, connectedness: 1}",
              "Du delte dit håb. Det kan betyde meget at møde en, der har klaret det. Det "
              "viser, at bedring er mulig.", "god_slutning", (f'if: "{var}"',))],
    )


VARIABLE = {"citizen": "sagde_det_vigtige", "staff": "spurgte_kim", "peer": "delte_erfaring"}


def _choices(items: list[C], help_first: bool, var: str) -> str:
    out = []
    if help_first:
        out.append(_CHOICE_HELP)
    for c in items:
        if any(x.startswith("if:") for x in c.extra):
            out.append(_IF_HELP.replace("@VAR@", var))
        lines = [f"      - text: \"{c.text}\""]
        lines += [f"        {x}" for x in c.extra if x.startswith("if:")]
        lines += [f"        score: {c.score}",
                  f"        feedback: \"{c.feedback}\""]
        lines += [f"        {x}" for x in c.extra if not x.startswith("if:")]
        lines.append(f"        next: {c.next}")
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def scenario_text(sid: str, family: str, role: str, title: str, schema: str, file: str) -> str:
    """The starter scenario's source text."""
    s = setting(family, role)
    second = second_character(family, role)
    var = VARIABLE[role]
    rc = _role_content(role, second[0], var)
    subs = {
        "@SCHEMA@": schema, "@FILE@": file, "@ID@": sid, "@TITLE@": json.dumps(" ".join(title.split()) or DEFAULT_TITLES[family],
                                          ensure_ascii=False),
        "@FAMILY@": family, "@ROLE@": role, "@SUMMARY@": rc["summary"], "@NOTE@": rc["note"],
        "@LEAD@": s["lead"], "@SID@": second[0], "@SNAME@": second[1], "@STITLE@": second[2],
        "@VAR@": var, "@PLACE@": s["place"], "@ABOUT@": s["about"],
        "@PROPOSAL@": s["proposal"], "@SECOND_HELLO@": rc["second_hello"],
        "@SECOND_BYE@": rc["second_bye"], "@GOOD_END@": rc["good_end"],
        "@OPEN_END@": rc["open_end"],
    }
    text = (_HEAD + _choices(rc["d1"], True, var) + _MIDDLE + _choices(rc["d2"], False, var)
            + _LAST + _choices(rc["d3"], False, var) + _ENDS)
    for k, v in subs.items():
        text = text.replace(k, v)
    return text


# ---------------------------------------------------------------- writing the files

class ScaffoldError(Exception):
    """Bad input (an invalid id, an existing file): the command turns it into exit 2."""


def valid_id(sid: str) -> bool:
    return bool(re.match(SCENARIO_ID, sid))


def schema_ref(out: Path) -> str:
    """The modeline's path: relative from the new file to schemas/scenario.schema.json."""
    from .. import paths
    schema = (paths.data_root() / "schemas" / "scenario.schema.json").resolve()
    try:
        rel = os.path.relpath(schema, out.resolve().parent)
    except ValueError:   # another drive on Windows
        return schema.as_uri()
    return rel.replace(os.sep, "/")


@dataclass
class Written:
    scenario: Path
    plan: Path | None
    plan_skipped: str | None = None


def write_scenario(sid: str, family: str, role: str, title: str, out: Path,
                   with_plan: bool = True) -> Written:
    """Write the starter scenario to ``out`` (never overwrites) and its test plan beside it."""
    if not valid_id(sid):
        raise ScaffoldError(f"'{sid}' is not a valid scenario id: use lowercase letters, digits "
                            "and '-', e.g. mit-moede")
    if family not in FAMILIES:
        raise ScaffoldError(f"family must be one of {', '.join(FAMILIES)}, not '{family}'")
    if role not in ROLES:
        raise ScaffoldError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    if out.exists():
        raise ScaffoldError(f"{out} already exists; it is not overwritten (choose another id "
                            "or --out)")
    if not out.parent.is_dir():
        raise ScaffoldError(f"the folder {out.parent} does not exist")
    text = scenario_text(sid, family, role, title, schema_ref(out), _shown(out))
    try:
        with out.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise ScaffoldError(f"cannot write {out}: {exc}") from None
    result = Written(out, None)
    if with_plan:
        plan = out.parent / "tests" / f"{sid}.test.yaml"
        if plan.exists():
            result.plan_skipped = f"{plan} already exists; it was left as it is"
        else:
            try:
                plan_text = _plan_text(out, plan)
                plan.parent.mkdir(exist_ok=True)
                with plan.open("x", encoding="utf-8", newline="\n") as fh:
                    fh.write(plan_text)
                result.plan = plan
            except Exception as exc:  # the scenario is written; the plan is a bonus
                result.plan_skipped = f"the test plan could not be written: {exc}"
    return result


def _plan_text(scenario_path: Path, plan: Path) -> str:
    from .. import paths
    from ..engine.compiler import load_scenario
    from ..engine.principles import find_principles_file, load_principles
    from .testplan import starter_plan
    principles = load_principles(find_principles_file(scenario_path,
                                                      default=paths.principles_file()))
    scenario = load_scenario(scenario_path, principles)
    return starter_plan(scenario, principles, _shown(plan))


def _shown(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def default_folder() -> Path:
    """``scenarios/`` in the current folder if there is one, else the bundled folder."""
    here = Path("scenarios")
    if here.is_dir():
        return here
    from .. import paths
    return paths.scenarios_dir()


def free_id(folder: Path, base: str = "mit-scenarie") -> str:
    if not (folder / f"{base}.yaml").exists():
        return base
    n = 2
    while (folder / f"{base}-{n}.yaml").exists():
        n += 1
    return f"{base}-{n}"
