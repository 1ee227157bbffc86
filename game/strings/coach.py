"""Coaching and report text: feedback after a choice, the debrief, skills, reports.

Tone (rubric §4): du-form and klarsprog; start with what worked; describe the
behaviour, not the person; growth language ("kan øves", "endnu"). The words
the rubric avoids are checked by tests/test_coach_tone.py.
"""

STRINGS: dict[str, dict[str, str]] = {
    # -- small words ------------------------------------------------------
    "coach.and": {"da": "og", "en": "and"},
    "coach.quote": {"da": "»{text}«", "en": "“{text}”"},

    # -- after a choice ---------------------------------------------------
    "coach.strengthens": {"da": "Dit valg styrker: {names}.",
                          "en": "Your choice supports: {names}."},
    "coach.may_limit": {"da": "Dit valg kan give mindre plads til: {names}.",
                        "en": "Your choice may leave less room for: {names}."},
    "coach.try_also": {"da": "Prøv også: {text}", "en": "Also try: {text}"},
    "coach.try_also_example": {"da": "Du kunne også sige: {text}",
                               "en": "You could also say: {text}"},
    "coach.try_also_why": {"da": "Det giver mere plads til {names}.",
                           "en": "It leaves more room for {names}."},
    "coach.safety_choice": {
        "da": "At passe på dig selv er altid i orden her. Det tæller aldrig imod dig.",
        "en": "Looking after yourself is always fine here. It never counts against you.",
    },

    # -- debrief ------------------------------------------------------------
    "coach.heading": {"da": "Efter mødet", "en": "After the meeting"},
    "coach.opening": {
        "da": "Du har øvet et svært møde. Her kan du se, hvad der gav plads, "
              "og hvad du kan prøve næste gang. Det er et spejl at øve med, ikke en bedømmelse.",
        "en": "You have rehearsed a hard meeting. Here you can see what made room, "
              "and what you could try next time. It is a mirror to practise with, not an assessment.",
    },
    "coach.checkin.question": {"da": "Hvordan har du det nu?", "en": "How are you feeling now?"},
    "coach.checkin.ok": {"da": "Jeg har det okay", "en": "I'm okay"},
    "coach.checkin.mixed": {"da": "Lidt blandet", "en": "A bit mixed"},
    "coach.checkin.hard": {"da": "Det var hårdt", "en": "That was hard"},
    "coach.checkin.grounding_option": {"da": "Jeg vil gerne lande lidt først",
                                       "en": "I'd like to settle for a moment first"},
    "coach.checkin.grounding": {
        "da": "Sæt fødderne i gulvet, og mærk stolen under dig. Træk vejret roligt ind, "
              "og pust langsomt ud – tre gange. Se dig omkring, og sig tre ting, du kan se. "
              "Du bestemmer selv, hvornår du vil videre.",
        "en": "Put your feet on the floor and feel the chair under you. Breathe in calmly "
              "and breathe out slowly – three times. Look around and name three things you "
              "can see. You decide when to go on.",
    },
    "coach.checkin.support": {
        "da": "Rørte mødet ved noget svært, så tal med en, du stoler på – for eksempel en ven, "
              "din bisidder eller en peer-medarbejder.",
        "en": "If the meeting touched on something hard, talk to someone you trust – for "
              "example a friend, your support person or a peer worker.",
    },
    "coach.strengths.heading": {"da": "Det gav plads", "en": "What made room"},
    "coach.strength.text": {"da": "Du valgte: {text}", "en": "You chose: {text}"},
    "coach.strength.moment": {"da": "Valg {n}", "en": "Choice {n}"},
    "coach.strengths.fallback": {
        "da": "Du gennemførte et øvemøde om noget svært. Det er i sig selv et skridt. "
              "Næste gang kan du prøve et af de andre svar og se, hvordan det lander.",
        "en": "You went through a practice meeting about something hard. That is a step in "
              "itself. Next time you can try one of the other answers and see how it lands.",
    },
    "coach.growth.heading": {"da": "Et sted at øve videre", "en": "One thing to practise"},
    "coach.growth.text": {"da": "Her valgte du: {text}", "en": "Here you chose: {text}"},
    "coach.growth.alternative": {"da": "En anden mulighed kunne være: {text}",
                                 "en": "Another option could be: {text}"},
    "coach.growth.encouragement": {
        "da": "Det kan øves. Mange finder først de ord, når de har prøvet mødet et par gange.",
        "en": "This can be practised. Many people only find those words after trying the "
              "meeting a few times.",
    },
    "coach.growth.none": {
        "da": "Ved hvert valg tog du den mulighed, der gav mest plads. Vil du udfordre dig "
              "selv, kan du prøve en højere sværhedsgrad eller en anden vej gennem mødet.",
        "en": "At every choice you took the option that made the most room. To challenge "
              "yourself, try a higher difficulty or another way through the meeting.",
    },
    "coach.profile.heading": {"da": "Sådan gik det med principperne",
                              "en": "How it went with the principles"},
    "coach.profile.note": {
        "da": "Ordene viser, hvor tæt dine valg var på den mulighed, der gav mest plads ved "
              "hvert valg. »Ikke i spil« betyder, at der ikke var valg nok på din vej til at "
              "sige noget om det princip.",
        "en": "The words show how close your choices were to the option that made the most "
              "room at each choice. “Not in play” means your path had too few choices to say "
              "anything about that principle.",
    },
    "coach.profile.note_numbers": {
        "da": "Tallene går fra 0 til 100: hvor tæt de valgte linjer var på den mulighed, der "
              "gav mest plads, målt mod de valg, der var synlige ved hvert beslutningspunkt. "
              "75 og derover: stærkt. 50–74: godt på vej. Under 50: et sted at øve. "
              "»Ikke i spil«: for få valg på vejen til at sige noget.",
        "en": "Numbers go from 0 to 100: how close the chosen lines were to the option that "
              "made the most room, measured against the choices visible at each decision point. "
              "75 and above: strong. 50–74: well on the way. Below 50: a place to practise. "
              "“Not in play”: too few choices on the path to say anything.",
    },
    "coach.index": {"da": "Samlet", "en": "Overall"},
    "coach.key.heading": {"da": "Øjeblikke at se på igen", "en": "Moments worth another look"},
    "coach.key.chosen": {"da": "Du valgte: {text}", "en": "You chose: {text}"},
    "coach.key.best": {"da": "Mest plads gav: {text}", "en": "The most room came from: {text}"},
    "coach.ending.heading": {"da": "Sådan sluttede mødet", "en": "How the meeting ended"},
    "coach.ending.reached": {"da": "Mødet sluttede: {title}", "en": "The meeting ended: {title}"},
    "coach.ending.stopped": {
        "da": "Du stoppede, før mødet var slut. Det er helt i orden. Det, du nåede "
              "({n} valg), er med her.",
        "en": "You stopped before the meeting was over. That is completely fine. What you "
              "got to ({n} choices) is included here.",
    },
    "coach.role_note.citizen": {
        "da": "I sådan et møde er magten skævt fordelt: Teamet kender systemet, og du kender "
              "dit liv. Begge dele tæller, og du har ret til at spørge, sige fra og have en "
              "bisidder med.",
        "en": "Power is unevenly shared in a meeting like this: the team knows the system, and "
              "you know your life. Both count, and you have the right to ask, to say no and "
              "to bring a support person.",
    },
    "coach.role_note.staff": {
        "da": "Du har tid og lovkrav at tage hensyn til. Små greb – som at starte med "
              "borgerens egne ord – kan ofte passe ind alligevel.",
        "en": "You have time limits and legal requirements to respect. Small moves – like "
              "starting with the citizen's own words – often fit in anyway.",
    },
    "coach.role_note.peer": {
        "da": "Når din rolle støder sammen med kollegernes forventninger, er det ofte "
              "rammerne, der skurer – ikke dig.",
        "en": "When your role clashes with colleagues' expectations, it is often the "
              "structures that chafe – not you.",
    },
    "coach.reflect.heading": {"da": "Til eftertanke", "en": "To reflect on"},
    "coach.reflect.citizen": {
        "da": "Hvad vil du gerne have med fra i dag til dit næste rigtige møde?",
        "en": "What would you like to take from today into your next real meeting?",
    },
    "coach.reflect.staff": {
        "da": "Hvornår i mødet fik borgerens egne ord mest plads – og hvad gjorde du lige dér?",
        "en": "When in the meeting did the citizen's own words get the most room – and what "
              "did you do right then?",
    },
    "coach.reflect.peer": {
        "da": "Hvilke rammer på arbejdspladsen gjorde det lettere eller sværere at stå ved "
              "din rolle – og hvem kan du tage det op med?",
        "en": "Which structures at work made it easier or harder to stand by your role – and "
              "who could you raise that with?",
    },
    "coach.reflect.group": {
        "da": "Til gruppen: Hvilket valg ville I have truffet et andet sted i mødet – og hvorfor?",
        "en": "For the group: which choice would you have made differently in the meeting – "
              "and why?",
    },
    "coach.replay": {
        "da": "Vil du prøve mødet igen? Du kan slå øvetilstand til og gå et skridt tilbage, "
              "når du vil.",
        "en": "Would you like to try the meeting again? You can turn on practice mode and "
              "step back whenever you like.",
    },
    "coach.practice": {
        "da": "Du brugte øvetilstand: Kun dit første forsøg ved hvert valg tæller med i "
              "profilen.",
        "en": "You used practice mode: only your first attempt at each choice counts in the "
              "profile.",
    },
    "coach.practice_steps": {"da": "Du gik {n} skridt tilbage undervejs.",
                             "en": "You stepped back {n} time(s) along the way."},
    "coach.replay_incomplete": {
        "da": "En del af forløbet kunne ikke genskabes, så ikke alt er med her.",
        "en": "Part of the session could not be replayed, so not everything is shown here.",
    },
    "coach.moods.heading": {"da": "Sådan så det ud til at lande hos de andre",
                            "en": "How it seemed to land with the others"},
    "coach.feedback.heading": {"da": "Tilbagemelding ved hvert valg",
                               "en": "Feedback at each choice"},

    # -- mood words --------------------------------------------------------
    "coach.mood.-3": {"da": "anspændt", "en": "tense"},
    "coach.mood.-2": {"da": "på vagt", "en": "guarded"},
    "coach.mood.-1": {"da": "lidt på vagt", "en": "a little guarded"},
    "coach.mood.0": {"da": "neutral", "en": "neutral"},
    "coach.mood.1": {"da": "åben", "en": "open"},
    "coach.mood.2": {"da": "varm", "en": "warm"},
    "coach.mood.3": {"da": "meget varm", "en": "very warm"},
    "coach.mood.change": {"da": "{who}: {start} → {end}", "en": "{who}: {start} → {end}"},
    "coach.mood.warmer": {"da": "{name} blev mere åben undervejs ({start} → {end}).",
                          "en": "{name} opened up along the way ({start} → {end})."},
    "coach.mood.cooler": {"da": "{name} blev mere forbeholden undervejs ({start} → {end}).",
                          "en": "{name} became more reserved along the way ({start} → {end})."},
    "coach.mood.same": {"da": "{name} var {start} hele vejen.",
                        "en": "{name} stayed {start} throughout."},

    # -- skills (staff and peer) ------------------------------------------------
    "coach.skills.heading": {"da": "Samtalefærdigheder – inspireret af MITI 4.2.1 og OPTION-5",
                             "en": "Conversation skills – inspired by MITI 4.2.1 and OPTION-5"},
    "coach.skills.disclaimer": {
        "da": "Det er ikke en MITI- eller OPTION-score. Spillet kender kun de linjer, du "
              "valgte – ikke hvordan de blev sagt.",
        "en": "This is not a MITI or OPTION score. The game only knows the lines you chose – "
              "not how they were said.",
    },
    "coach.skills.rq": {
        "da": "Refleksioner i forhold til spørgsmål: {r} til {q} ({ratio}:1) – {band}. "
              "Tærskler: rimelig 1:1, god 2:1.",
        "en": "Reflections to questions: {r} to {q} ({ratio}:1) – {band}. "
              "Thresholds: fair 1:1, good 2:1.",
    },
    "coach.skills.rq_only_reflections": {
        "da": "Refleksioner i forhold til spørgsmål: {r} refleksioner og ingen spørgsmål – "
              "over tærsklen for god (2:1).",
        "en": "Reflections to questions: {r} reflections and no questions – above the good "
              "threshold (2:1).",
    },
    "coach.skills.rq_none": {
        "da": "Refleksioner i forhold til spørgsmål: ingen af de valgte linjer var "
              "spørgsmål eller refleksioner.",
        "en": "Reflections to questions: none of the chosen lines were questions or "
              "reflections.",
    },
    "coach.skills.cr": {
        "da": "Komplekse refleksioner: {cr} af {r} ({pct} %) – {band}. "
              "Tærskler: rimelig 40 %, god 50 %.",
        "en": "Complex reflections: {cr} of {r} ({pct}%) – {band}. "
              "Thresholds: fair 40%, good 50%.",
    },
    "coach.skills.cr_none": {"da": "Komplekse refleksioner: ingen refleksioner at regne på.",
                             "en": "Complex reflections: no reflections to count."},
    "coach.skills.band.good": {"da": "på niveau med »god«", "en": "at the “good” level"},
    "coach.skills.band.fair": {"da": "på niveau med »rimelig«", "en": "at the “fair” level"},
    "coach.skills.band.below_fair": {"da": "under »rimelig« endnu",
                                     "en": "below “fair” so far"},
    "coach.skills.band.no_data": {"da": "ingen data", "en": "no data"},
    "coach.skills.adherence": {
        "da": "Samarbejdende greb (søge samarbejde, anerkende, fremhæve selvbestemmelse): {a}. "
              "Greb der presser (overtale uden lov, konfrontere): {n}.",
        "en": "Collaborative moves (seeking collaboration, affirming, emphasising autonomy): "
              "{a}. Pressing moves (persuading without permission, confronting): {n}.",
    },
    "coach.skills.option5_shown": {"da": "OPTION-5-punkter vist: {shown} af 5.",
                             "en": "OPTION-5 items shown: {shown} of 5."},
    "coach.skills.item1": {"da": "Gør klart, at der er en beslutning og flere muligheder",
                             "en": "Makes clear that a decision and options exist"},
    "coach.skills.item2": {"da": "Forsikrer om støtte til at overveje",
                             "en": "Reassures of support to deliberate"},
    "coach.skills.item3": {"da": "Forklarer mulighederne, også at vente, og tjekker forståelsen",
                             "en": "Explains the options, including waiting, and checks understanding"},
    "coach.skills.item4": {"da": "Spørger til ønsker", "en": "Elicits preferences"},
    "coach.skills.item5": {"da": "Bruger ønskerne i beslutningen",
                           "en": "Integrates preferences"},
    "coach.skills.level0": {"da": "ikke vist", "en": "not shown"},
    "coach.skills.level1": {"da": "antydet", "en": "minimal"},
    "coach.skills.level2": {"da": "delvist", "en": "moderate"},
    "coach.skills.level3": {"da": "tydeligt", "en": "skilled"},
    "coach.skills.little_data": {
        "da": "Få af de valgte linjer har mærker, så tallene siger endnu ikke meget.",
        "en": "Few of the chosen lines are tagged, so the numbers do not say much yet.",
    },
    "coach.skills.counts": {"da": "Antal", "en": "Counts"},

    # -- progress -------------------------------------------------------------
    "coach.progress.heading": {"da": "Din udvikling over tid", "en": "Your progress over time"},
    "coach.progress.evidence": {"da": "{n} møde(r), {d} beslutningspunkter",
                                "en": "{n} meeting(s), {d} decision points"},
    "coach.progress.skipped": {"da": "Filen {name} kunne ikke læses og er sprunget over: {why}",
                               "en": "The file {name} could not be read and was skipped: {why}"},
    "coach.progress.no_scores": {"da": "der er ingen gemte point i filen",
                                 "en": "the file holds no stored scores"},
    "coach.progress.damaged": {"da": "filen er ikke hel eller ikke en gemt session",
                               "en": "the file is incomplete or not a stored session"},

    # -- reports ----------------------------------------------------------------
    "report.title": {"da": "Mødetræner – rapport", "en": "Meeting trainer – report"},
    "report.scenario": {"da": "Møde", "en": "Meeting"},
    "report.role": {"da": "Din rolle", "en": "Your role"},
    "report.audience": {"da": "Rapport til", "en": "Report for"},
    "report.audience.citizen": {"da": "borger", "en": "citizen"},
    "report.audience.staff": {"da": "medarbejder", "en": "staff"},
    "report.audience.peer": {"da": "peer-medarbejder", "en": "peer worker"},
    "report.audience.facilitator": {"da": "facilitator", "en": "facilitator"},
    "report.date": {"da": "Dato", "en": "Date"},
    "report.difficulty": {"da": "Sværhedsgrad", "en": "Difficulty"},
    "report.practice": {"da": "Øvetilstand", "en": "Practice mode"},
    "report.yes": {"da": "ja", "en": "yes"},
    "report.no": {"da": "nej", "en": "no"},
    "report.transcript": {"da": "Mødet, linje for linje", "en": "The meeting, line by line"},
    "report.you_chose": {"da": "Du valgte", "en": "You chose"},
    "report.options_shown": {"da": "Mulighederne var", "en": "The options were"},
    "report.not_counted": {
        "da": "Tæller ikke med: Dit første forsøg ved dette valg er det, der tæller.",
        "en": "Not counted: your first attempt at this choice is the one that counts.",
    },
    "report.undone": {"da": "Prøvet og trukket tilbage", "en": "Tried and stepped back from"},
    "report.chart_label": {"da": "Profil per princip", "en": "Profile per principle"},
    "report.evidence": {"da": "beslutningspunkter", "en": "decision points"},
    "report.narration": {"da": "Fortæller", "en": "Narrator"},
    "report.footer": {
        "da": "Lavet med Mødetræner. Pointene er et spejl at øve med, ikke en bedømmelse. "
              "Rapporten er gemt på din egen enhed.",
        "en": "Made with Meeting trainer. The scores are a mirror to practise with, not an "
              "assessment. The report is stored on your own device.",
    },
    "report.how_scored": {"da": "Sådan regnes det ud", "en": "How it is worked out"},
    "report.how_scored_text": {
        "da": "Ved hvert valg sammenlignes den linje, du valgte, med de linjer, du kunne "
              "vælge imellem netop dér. Et tidligere valg, der gjorde mødet sværere, tæller "
              "derfor ikke to gange.",
        "en": "At each choice, the line you chose is compared with the lines you could choose "
              "from right there. An earlier choice that made the meeting harder therefore "
              "does not count twice.",
    },
    "report.notice": {"da": "Bemærk", "en": "Please note"},
    "report.limited": {
        "da": "Scenariet kunne ikke findes, så rapporten viser kun det, der står i filen: "
              "de valgte linjer og de gemte point.",
        "en": "The scenario could not be found, so the report only shows what the file holds: "
              "the chosen lines and the stored scores.",
    },
    "report.stored_scores": {"da": "Gemte point fra dengang", "en": "Scores stored at the time"},

    # -- CSV column names (Danish Excel) ------------------------------------------
    "report.csv.row": {"da": "række", "en": "row"},
    "report.csv.row.decision": {"da": "valg", "en": "decision"},
    "report.csv.row.principle": {"da": "princip", "en": "principle"},
    "report.csv.row.index": {"da": "samlet", "en": "overall"},
    "report.csv.session": {"da": "session", "en": "session"},
    "report.csv.scenario": {"da": "scenarie", "en": "scenario"},
    "report.csv.order": {"da": "nr", "en": "no"},
    "report.csv.node": {"da": "sted", "en": "node"},
    "report.csv.number": {"da": "valgt nummer", "en": "chosen number"},
    "report.csv.chosen": {"da": "valgt linje", "en": "chosen line"},
    "report.csv.counted": {"da": "tæller", "en": "counted"},
    "report.csv.strengthens": {"da": "styrker", "en": "supports"},
    "report.csv.may_limit": {"da": "kan give mindre plads til", "en": "may leave less room for"},
    "report.csv.q": {"da": "q valgt", "en": "q chosen"},
    "report.csv.q_best": {"da": "q bedste synlige", "en": "q best visible"},
    "report.csv.gap": {"da": "forskel", "en": "gap"},
    "report.csv.feedback": {"da": "tilbagemelding", "en": "feedback"},
    "report.csv.principle": {"da": "princip", "en": "principle"},
    "report.csv.word": {"da": "ord", "en": "word"},
    "report.csv.value": {"da": "point 0-100", "en": "score 0-100"},
    "report.csv.x": {"da": "X valgt", "en": "X chosen"},
    "report.csv.l": {"da": "L laveste", "en": "L lowest"},
    "report.csv.u": {"da": "U højeste", "en": "U highest"},
    "report.csv.evidence": {"da": "beslutningspunkter", "en": "decision points"},

    # -- report command messages ------------------------------------------------
    "report.err.missing": {"da": "Filen findes ikke: {path}", "en": "No such file: {path}"},
    "report.err.unreadable": {"da": "Filen kan ikke læses: {path} ({why})",
                              "en": "The file cannot be read: {path} ({why})"},
    "report.err.not_json": {
        "da": "{path} er ikke en gemt session (det er ikke JSON). Der er intet at vise.",
        "en": "{path} is not a saved session (it is not JSON). There is nothing to show.",
    },
    "report.err.truncated": {
        "da": "{path} er ikke hel – den er måske blevet afbrudt under gemning. "
              "Rapporten viser det, der kunne læses.",
        "en": "{path} is incomplete – saving may have been interrupted. The report shows "
              "what could be read.",
    },
    "report.err.not_session": {
        "da": "{path} er ikke en gemt session fra Mødetræner. Der er intet at vise.",
        "en": "{path} is not a session saved by Meeting trainer. There is nothing to show.",
    },
    "report.err.newer": {
        "da": "Filen er gemt af en nyere udgave (version {v}). Rapporten viser det, denne "
              "udgave kan læse.",
        "en": "The file was saved by a newer version (version {v}). The report shows what "
              "this version can read.",
    },
    "report.err.older": {
        "da": "Filen er gemt af en ældre udgave. Rapporten viser det, der kan læses.",
        "en": "The file was saved by an older version. The report shows what can be read.",
    },
    "report.err.no_scenario": {
        "da": "Scenariet »{id}« findes ikke længere blandt de indbyggede scenarier. "
              "Angiv filen med --scenario STI for at få hele rapporten.",
        "en": "The scenario “{id}” is no longer among the bundled scenarios. Give the file "
              "with --scenario PATH for the full report.",
    },
    "report.err.wrong_scenario": {
        "da": "Filen hører til scenariet »{saved}«, ikke »{given}«.",
        "en": "The file belongs to the scenario “{saved}”, not “{given}”.",
    },
    "report.err.edited": {
        "da": "Scenariet er ændret, siden mødet blev spillet. Pointene er regnet ud fra den "
              "nye udgave.",
        "en": "The scenario has changed since the meeting was played. The scores are worked "
              "out from the new version.",
    },
    "report.err.nothing": {
        "da": "Der er ingen valg eller point i filen, så der er intet at vise.",
        "en": "The file holds no choices or scores, so there is nothing to show.",
    },
    "report.err.scenario_file": {"da": "Scenariet kan ikke bruges: {path}",
                                 "en": "The scenario cannot be used: {path}"},
    "report.written": {"da": "Rapporten er skrevet til {path}",
                       "en": "The report was written to {path}"},
}
