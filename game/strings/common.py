"""Interface text shared by every front-end and the reports."""

STRINGS: dict[str, dict[str, str]] = {
    "app.name": {"da": "Mødetræner", "en": "Meeting trainer"},
    "app.tagline": {"da": "En øvebane, ikke en prøve.", "en": "A practice ground, not a test."},
    "term.intro": {
        "da": "Her kan du øve et svært møde, før det sker. Du kan prøve dig frem i dit eget "
              "tempo, og du kan altid holde pause.",
        "en": "Here you can rehearse a hard meeting before it happens. Try things out at your "
              "own pace; you can always take a break.",
    },
    "term.keys": {
        "da": "Skriv tallet for dit valg og tryk Enter. Skriv p for at gemme og gå, "
              "h for hjælp.",
        "en": "Type the number of your choice and press Enter. Type p to save and leave, "
              "h for help.",
    },
    "term.library": {"da": "Vælg et møde:", "en": "Choose a meeting:"},
    "term.pick": {"da": "Dit valg (1–{n}): ", "en": "Your choice (1–{n}): "},
    "term.not_a_choice": {"da": "Skriv et tal fra 1 til {n}.", "en": "Type a number from 1 to {n}."},
    "term.saved": {"da": "Gemt. Næste gang kan du fortsætte, hvor du slap.",
                   "en": "Saved. Next time you can continue where you left off."},
    "term.resume": {"da": "Du har et gemt møde: {title}. Vil du fortsætte? (j/n) ",
                    "en": "You have a saved meeting: {title}. Continue? (y/n) "},
    "term.yes": {"da": "j", "en": "y"},
    "term.content_note": {"da": "Om indholdet: {note}", "en": "About the content: {note}"},
    "term.start_or_skip": {"da": "Tryk Enter for at starte, eller s for at springe over. ",
                           "en": "Press Enter to start, or s to skip. "},
    "term.difficulty": {"da": "Sværhedsgrad 1 (støttende), 2 eller 3 (presset)? [{d}] ",
                        "en": "Difficulty 1 (supportive), 2 or 3 (pressured)? [{d}] "},
    "term.ended": {"da": "Mødet er slut: {title}", "en": "The meeting has ended: {title}"},
    "term.feedback": {"da": "Tilbagemelding: {text}", "en": "Feedback: {text}"},
    "term.profile": {"da": "Sådan gik det med principperne:", "en": "How it went with the principles:"},
    "term.help": {
        "da": "Tal: vælg. p: gem og gå. r: læs linjerne igen. h: denne hjælp.",
        "en": "Number: choose. p: save and leave. r: read the lines again. h: this help.",
    },
    "term.no_scenarios": {"da": "Der er ingen møder at vælge imellem.",
                          "en": "There are no meetings to choose from."},
    "term.broken": {"da": "{n} scenariefil(er) kunne ikke bruges og er sprunget over.",
                    "en": "{n} scenario file(s) could not be used and were skipped."},
    "band.strong": {"da": "stærkt", "en": "strong"},
    "band.on_the_way": {"da": "godt på vej", "en": "well on the way"},
    "band.to_practise": {"da": "et sted at øve", "en": "a place to practise"},
    "band.not_in_play": {"da": "ikke i spil", "en": "not in play"},
    "role.citizen": {"da": "borger", "en": "citizen"},
    "role.staff": {"da": "medarbejder", "en": "staff"},
    "role.peer": {"da": "peer", "en": "peer worker"},
    "family.authority": {"da": "Myndighedsmøde", "en": "Authority meeting"},
    "family.statement": {"da": "Personligt statement", "en": "Personal statement"},
    "family.facilitation": {"da": "Inddragelsesfacilitering", "en": "Inclusion facilitation"},
    "family.colleagues": {"da": "Kollegaers reaktion", "en": "Colleague reactions"},
}
