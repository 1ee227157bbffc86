"""Interface text for the window front-end (keys ``ui.``): Danish first, English second."""

STRINGS: dict[str, dict[str, str]] = {
    # start
    "ui.start.welcome": {
        "da": "Her kan du øve et møde, før det sker. Du vælger selv, hvad du siger, og ser, "
              "hvordan de andre tager imod det. Der er ingen point at tabe, og du kan altid holde pause.",
        "en": "Here you can rehearse a meeting before it happens. You choose what to say and see "
              "how the others take it. There is nothing to lose, and you can always take a break."},
    "ui.start.continue": {"da": "Fortsæt, hvor du slap", "en": "Continue where you left off"},
    "ui.start.continue_hint": {"da": "{title}", "en": "{title}"},
    "ui.start.choose": {"da": "Vælg et møde", "en": "Choose a meeting"},
    "ui.start.statement": {"da": "Mit personlige statement", "en": "My personal statement"},
    "ui.start.settings": {"da": "Indstillinger", "en": "Settings"},
    "ui.start.quit": {"da": "Luk programmet", "en": "Close the program"},
    "ui.start.language": {"da": "In English", "en": "På dansk"},
    "ui.notice.title": {"da": "Godt at vide", "en": "Good to know"},
    "ui.notice.ok": {"da": "Forstået", "en": "Got it"},
    "ui.notice.font_missing": {
        "da": "En skrifttype manglede ({files}). Teksten vises med en anden skrift.",
        "en": "A font was missing ({files}). Text is shown in another font."},
    "ui.notice.settings_reset": {
        "da": "Dine indstillinger kunne ikke læses, så spillet bruger standardindstillingerne.",
        "en": "Your settings could not be read, so the game uses the default settings."},
    "ui.notice.settings_partly": {
        "da": "Nogle af dine indstillinger kunne ikke læses. De andre er bevaret.",
        "en": "Some of your settings could not be read. The others are kept."},
    "ui.notice.save_unreadable": {
        "da": "Dit gemte møde kunne ikke læses. Du kan starte et nyt.",
        "en": "Your saved meeting could not be read. You can start a new one."},
    "ui.notice.save_unknown": {
        "da": "Dit gemte møde hører til et scenarie, som ikke findes længere.",
        "en": "Your saved meeting belongs to a scenario that no longer exists."},
    "ui.notice.broken": {
        "da": "{n} scenariefil(er) kunne ikke bruges og er sprunget over: {files}",
        "en": "{n} scenario file(s) could not be used and were skipped: {files}"},
    "ui.notice.no_scenarios": {
        "da": "Der er ingen møder at vælge imellem lige nu.",
        "en": "There are no meetings to choose from right now."},
    "ui.notice.statement_unreadable": {
        "da": "Dit statement kunne ikke læses. Feltet er tomt, og den gamle fil er gemt som en kopi.",
        "en": "Your statement could not be read. The fields are empty and the old file was kept as a copy."},
    "ui.notice.no_glyph": {
        "da": "Nogle tegn (fx emoji) kan ikke vises og står som en prik. Din tekst er gemt, som du skrev den.",
        "en": "Some characters (such as emoji) cannot be shown and appear as a dot. Your text is saved as you wrote it."},
    "ui.notice.saved": {"da": "Gemt. Du kan fortsætte, når du vil.",
                        "en": "Saved. You can continue whenever you like."},
    "ui.notice.save_failed": {"da": "Det lykkedes ikke at gemme. Mødet er stadig åbent.",
                              "en": "Saving did not work. The meeting is still open."},
    # header
    "ui.pause": {"da": "Pause", "en": "Pause"},
    "ui.back": {"da": "Tilbage", "en": "Back"},
    # library
    "ui.library.title": {"da": "Vælg et møde", "en": "Choose a meeting"},
    "ui.library.intro": {"da": "Vælg det møde, du vil øve. Du kan filtrere efter, hvem du er i mødet.",
                         "en": "Choose the meeting you want to practise. You can filter by who you are in the meeting."},
    "ui.library.role": {"da": "Du er", "en": "You are"},
    "ui.library.family": {"da": "Slags møde", "en": "Kind of meeting"},
    "ui.library.all": {"da": "Alle", "en": "All"},
    "ui.library.none": {"da": "Ingen møder passer til filtrene. Vælg »Alle« for at se dem alle.",
                        "en": "No meetings match the filters. Choose “All” to see them all."},
    "ui.library.meta": {"da": "{family} · du er {role} · {minutes}",
                        "en": "{family} · you are {role} · {minutes}"},
    "ui.library.minutes": {"da": "ca. {n} min.", "en": "about {n} min"},
    "ui.library.suggested": {"da": "Foreslået sværhed: {d}", "en": "Suggested difficulty: {d}"},
    "ui.library.pick": {"da": "Vælg dette møde", "en": "Choose this meeting"},
    "ui.library.note": {"da": "Om indholdet", "en": "About the content"},
    "ui.library.read_more": {"da": "Læs mere om indholdet", "en": "Read more about the content"},
    "ui.library.read_less": {"da": "Skjul indholdsnoten", "en": "Hide the content note"},
    # briefing
    "ui.brief.difficulty": {"da": "Hvor svært skal det være?", "en": "How hard should it be?"},
    "ui.brief.d1": {"da": "1 · Støttende", "en": "1 · Supportive"},
    "ui.brief.d2": {"da": "2 · Mellem", "en": "2 · In between"},
    "ui.brief.d3": {"da": "3 · Presset", "en": "3 · Under pressure"},
    "ui.brief.start": {"da": "Start mødet", "en": "Start the meeting"},
    "ui.brief.skip": {"da": "Spring over, vælg et andet møde", "en": "Skip, choose another meeting"},
    "ui.brief.statement_used": {"da": "Dit personlige statement er med i mødet.",
                                "en": "Your personal statement is part of the meeting."},
    "ui.brief.statement_none": {"da": "Du har ikke skrevet et statement. Det er helt frivilligt.",
                                "en": "You have not written a statement. It is entirely optional."},
    "ui.brief.practice": {"da": "Øvetilstand: du kan gå et skridt tilbage og prøve et andet svar.",
                          "en": "Practice mode: you can step back and try another answer."},
    # meeting
    "ui.meeting.continue": {"da": "Fortsæt", "en": "Continue"},
    "ui.meeting.your_turn": {"da": "Hvad vil du sige eller gøre?", "en": "What do you want to say or do?"},
    "ui.meeting.speaking": {"da": "taler", "en": "speaking"},
    "ui.meeting.narration": {"da": "Fortæller", "en": "Narrator"},
    "ui.meeting.line_of": {"da": "Replik {i} af {n}", "en": "Line {i} of {n}"},
    "ui.meeting.keys": {"da": "Tast 1–{n}, eller pil op/ned og Enter.", "en": "Press 1–{n}, or arrow up/down and Enter."},
    "ui.meeting.reread": {"da": "Læs igen fra start", "en": "Read again from the start"},
    "ui.meeting.finish": {"da": "Se, hvordan det gik", "en": "See how it went"},
    "ui.meeting.ended": {"da": "Mødet er slut", "en": "The meeting has ended"},
    "ui.expr.tense": {"da": "anspændt", "en": "tense"},
    "ui.expr.guarded": {"da": "på vagt", "en": "guarded"},
    "ui.expr.neutral": {"da": "rolig", "en": "calm"},
    "ui.expr.open": {"da": "åben", "en": "open"},
    "ui.expr.warm": {"da": "varm", "en": "warm"},
    # feedback card
    "ui.feedback.title": {"da": "Om dit valg", "en": "About your choice"},
    "ui.feedback.you_chose": {"da": "Du valgte: {text}", "en": "You chose: {text}"},
    "ui.feedback.none": {"da": "Der er ingen kommentar til dette valg. Mødet går videre.",
                         "en": "There is no comment on this choice. The meeting goes on."},
    "ui.feedback.continue": {"da": "Fortsæt mødet", "en": "Continue the meeting"},
    "ui.feedback.undo": {"da": "Gå tilbage og prøv et andet svar", "en": "Go back and try another answer"},
    "ui.feedback.later": {"da": "Du får tilbagemeldingerne samlet, når mødet er slut.",
                          "en": "You get the feedback together when the meeting is over."},
    # pause
    "ui.pausemenu.title": {"da": "Pause", "en": "Paused"},
    "ui.pausemenu.text": {"da": "Mødet venter på dig. Der er ingen tid, der løber.",
                          "en": "The meeting is waiting for you. No time is running."},
    "ui.pausemenu.resume": {"da": "Tilbage til mødet", "en": "Back to the meeting"},
    "ui.pausemenu.settings": {"da": "Indstillinger", "en": "Settings"},
    "ui.pausemenu.break": {"da": "Hold en pause med ro", "en": "Take a quiet break"},
    "ui.pausemenu.leave": {"da": "Gem og gå", "en": "Save and leave"},
    "ui.break.title": {"da": "Et øjeblik med ro", "en": "A quiet moment"},
    "ui.break.text": {
        "da": "Du behøver ikke gøre noget nu. Hvis du vil, kan du trække vejret roligt ind, "
              "holde det et øjeblik og puste langsomt ud. Gentag, så længe det føles godt.",
        "en": "You do not need to do anything now. If you like, breathe in calmly, hold it "
              "for a moment and breathe out slowly. Repeat for as long as it feels good."},
    "ui.break.in": {"da": "Træk vejret ind …", "en": "Breathe in …"},
    "ui.break.out": {"da": "… og pust langsomt ud", "en": "… and breathe out slowly"},
    "ui.break.support": {
        "da": "Hvis mødet har vakt noget svært, så tal med en, du har tillid til. "
              "Du kan altid stoppe her og komme tilbage en anden dag.",
        "en": "If the meeting stirred up something difficult, talk to someone you trust. "
              "You can always stop here and come back another day."},
    "ui.break.back": {"da": "Jeg er klar, tilbage til mødet", "en": "I am ready, back to the meeting"},
    # debrief
    "ui.debrief.title": {"da": "Sådan gik det", "en": "How it went"},
    "ui.debrief.mirror": {
        "da": "Det her er et spejl til at øve med, ikke en bedømmelse af dig.",
        "en": "This is a mirror to practise with, not a judgement of you."},
    "ui.debrief.profile": {"da": "Principperne i dit møde", "en": "The principles in your meeting"},
    "ui.debrief.went_well": {"da": "Det gik godt", "en": "What went well"},
    "ui.debrief.practise": {"da": "Det kan du øve videre på", "en": "What you can practise further"},
    "ui.debrief.strong_in": {"da": "Dine valg gav plads til {names}.", "en": "Your choices made room for {names}."},
    "ui.debrief.practise_in": {"da": "Næste gang kan du øve {names}.", "en": "Next time you can practise {names}."},
    "ui.debrief.replay": {"da": "Gennemgå dine valg", "en": "Go through your choices"},
    "ui.debrief.replay_hide": {"da": "Skjul gennemgangen", "en": "Hide the walk-through"},
    "ui.debrief.choice_n": {"da": "Valg {n}: {text}", "en": "Choice {n}: {text}"},
    "ui.debrief.key_moments": {"da": "Øjeblikke at se på igen", "en": "Moments to look at again"},
    "ui.debrief.skills": {"da": "Samtalefærdigheder", "en": "Conversation skills"},
    "ui.debrief.reflect": {"da": "Til eftertanke", "en": "To reflect on"},
    "ui.debrief.checkin_thanks": {"da": "Tak, fordi du siger det. Tag den tid, du har brug for.",
                                  "en": "Thank you for saying so. Take the time you need."},
    "ui.debrief.again": {"da": "Prøv en anden vej", "en": "Try another path"},
    "ui.debrief.library": {"da": "Vælg et andet møde", "en": "Choose another meeting"},
    "ui.debrief.home": {"da": "Til forsiden", "en": "To the start page"},
    "ui.debrief.no_profile": {"da": "Der var for få valg til at tegne et billede af principperne.",
                              "en": "There were too few choices to draw a picture of the principles."},
    # settings
    "ui.settings.title": {"da": "Indstillinger", "en": "Settings"},
    "ui.settings.saved_note": {"da": "Ændringer gemmes med det samme på denne computer.",
                               "en": "Changes are saved at once on this computer."},
    "ui.settings.text_size": {"da": "Tekststørrelse", "en": "Text size"},
    "ui.settings.theme": {"da": "Farver", "en": "Colours"},
    "ui.settings.theme_default": {"da": "Rolige farver", "en": "Calm colours"},
    "ui.settings.theme_hc": {"da": "Høj kontrast", "en": "High contrast"},
    "ui.settings.motion": {"da": "Bevægelse", "en": "Motion"},
    "ui.settings.motion_on": {"da": "Tekst vises gradvist", "en": "Text appears gradually"},
    "ui.settings.motion_off": {"da": "Mindre bevægelse", "en": "Reduced motion"},
    "ui.settings.speed": {"da": "Teksthastighed", "en": "Text speed"},
    "ui.settings.speed.slow": {"da": "Langsom", "en": "Slow"},
    "ui.settings.speed.medium": {"da": "Mellem", "en": "Medium"},
    "ui.settings.speed.fast": {"da": "Hurtig", "en": "Fast"},
    "ui.settings.speed.instant": {"da": "Med det samme", "en": "At once"},
    "ui.settings.language": {"da": "Sprog", "en": "Language"},
    "ui.settings.numbers": {"da": "Tal i tilbagemeldingen", "en": "Numbers in the feedback"},
    "ui.settings.numbers_off": {"da": "Kun ord", "en": "Words only"},
    "ui.settings.numbers_on": {"da": "Ord og tal", "en": "Words and numbers"},
    "ui.settings.feedback": {"da": "Tilbagemelding", "en": "Feedback"},
    "ui.settings.feedback_each": {"da": "Efter hvert valg", "en": "After each choice"},
    "ui.settings.feedback_end": {"da": "Samlet til sidst", "en": "All at the end"},
    "ui.settings.read_aloud": {"da": "Læs højt", "en": "Read aloud"},
    "ui.settings.off": {"da": "Fra", "en": "Off"},
    "ui.settings.on": {"da": "Til", "en": "On"},
    "ui.settings.tts_missing": {
        "da": "Oplæsning kræver programmet espeak-ng, som ikke er installeret på denne computer.",
        "en": "Reading aloud needs the program espeak-ng, which is not installed on this computer."},
    "ui.settings.tts_no_danish": {
        "da": "espeak-ng er installeret, men uden dansk stemme. Teksten læses med en anden stemme.",
        "en": "espeak-ng is installed, but without a Danish voice. Text is read with another voice."},
    "ui.settings.tts_ok": {"da": "Oplæsning med espeak-ng ({voice}).", "en": "Reading aloud with espeak-ng ({voice})."},
    "ui.settings.window": {"da": "Vindue", "en": "Window"},
    "ui.settings.windowed": {"da": "I et vindue", "en": "In a window"},
    "ui.settings.fullscreen": {"da": "Fuld skærm (F11)", "en": "Full screen (F11)"},
    "ui.settings.keys": {
        "da": "Tastatur: Tab og pilene flytter, Enter vælger, 1–4 vælger et svar, Esc er pause, "
              "F11 er fuld skærm, Ctrl + og Ctrl − ændrer tekststørrelsen.",
        "en": "Keyboard: Tab and the arrows move, Enter selects, 1–4 picks an answer, Esc pauses, "
              "F11 is full screen, Ctrl + and Ctrl − change the text size."},
    # statement
    "ui.statement.title": {"da": "Mit personlige statement", "en": "My personal statement"},
    "ui.statement.intro": {
        "da": "Et personligt statement er en side med dine egne ord, som du kan tage med til et møde. "
              "Skriv så lidt eller så meget, du vil. Det bliver kun gemt på denne computer.",
        "en": "A personal statement is one page in your own words that you can bring to a meeting. "
              "Write as little or as much as you like. It is only saved on this computer."},
    "ui.statement.intro.label": {"da": "Sådan præsenterer jeg mig selv", "en": "How I introduce myself"},
    "ui.statement.intro.example": {"da": "Fx: Jeg hedder Sam. Jeg har arbejdet i et køkken i mange år, og jeg er god til faste rutiner.",
                                   "en": "E.g. My name is Sam. I worked in a kitchen for many years, and I am good with fixed routines."},
    "ui.statement.important.label": {"da": "Det er vigtigt for mig", "en": "What matters to me"},
    "ui.statement.important.example": {"da": "Fx: At have faste dage, og at mine morgener er rolige.",
                                       "en": "E.g. Having fixed days, and calm mornings."},
    "ui.statement.help.label": {"da": "Det vil jeg gerne have hjælp til", "en": "What I would like help with"},
    "ui.statement.help.example": {"da": "Fx: At finde et sted, hvor jeg kan starte med få timer.",
                                  "en": "E.g. Finding a place where I can start with a few hours."},
    "ui.statement.so_that.label": {"da": "Så jeg kan …", "en": "So that I can …"},
    "ui.statement.so_that.example": {"da": "Fx: … komme tilbage til et arbejde, hvor jeg trives.",
                                     "en": "E.g. … get back to work where I thrive."},
    "ui.statement.saved": {"da": "Gemt på denne computer.", "en": "Saved on this computer."},
    "ui.statement.export": {"da": "Gem som side til udskrift (HTML)", "en": "Save as a printable page (HTML)"},
    "ui.statement.exported": {"da": "Gemt som {path}. Åbn filen i en browser for at udskrive den.",
                              "en": "Saved as {path}. Open the file in a browser to print it."},
    "ui.statement.long": {"da": "Dit statement er langt. Et statement fylder helst én side, men alt er gemt.",
                          "en": "Your statement is long. A statement is best kept to one page, but everything is saved."},
    "ui.statement.done": {"da": "Færdig", "en": "Done"},
    "ui.statement.html_title": {"da": "Mit personlige statement", "en": "My personal statement"},
    # misc
    "ui.no_display": {
        "da": "Der er ingen skærm at vise vinduet på her. Spillet starter i tekst-udgaven i stedet "
              "(den virker også med skærmlæser).",
        "en": "There is no screen to show the window on here. The game starts in the text version "
              "instead (it also works with screen readers)."},
    "ui.not_ce": {
        "da": "Vinduet kræver pygame-ce (ikke den gamle pygame). Spillet starter i tekst-udgaven.",
        "en": "The window needs pygame-ce (not the old pygame). The game starts in the text version."},
    "ui.window_title": {"da": "Mødetræner — en øvebane, ikke en prøve",
                        "en": "Meeting trainer — a practice ground, not a test"},
}
