"""What each object in a scenario file may contain: one table, two uses.

The loader checks files against these tables (unknown, missing and mistyped
fields), and :mod:`game.engine.schema` turns the same tables into the JSON
Schema that editors use. Descriptions are shown as hover text in VS Code.
"""

from __future__ import annotations

from dataclasses import dataclass

NODE_ID = r"^[-_0-9A-Za-zÀ-ÖØ-öø-ÿ]+$"
SCENARIO_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CHARACTER_ID = r"^[a-z0-9_]+$"
VARIABLE = r"^[a-z_][a-z0-9_]*$"
PRINCIPLE_ID = r"^[a-z_]+$"


@dataclass(frozen=True)
class Field:
    """One field: ``type`` is string, integer, boolean, int_or_bool, expr,
    list, map, say or the name of another object in :data:`OBJECTS`."""

    type: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple | None = None
    minimum: int | None = None
    maximum: int | None = None
    items: str | None = None        # element type for list/map
    keys: str | None = None         # key pattern for map
    min_items: int | None = None
    extension: bool = False         # not in format v1 itself; added by this project


OBJECTS: dict[str, dict[str, Field]] = {
    "scenario": {
        "format": Field("integer", "The format version. Must be 1.", True, enum=(1,)),
        "id": Field("string", "Unique id across all scenarios: lowercase letters, digits and '-'.",
                    True, pattern=SCENARIO_ID),
        "lang": Field("string", "The language the text is written in, e.g. da.", True,
                      pattern=r"^[a-z]{2}$"),
        "title": Field("string", "The title shown in the scenario library.", True),
        "family": Field("string", "The kind of meeting.", True,
                        enum=("authority", "statement", "facilitation", "colleagues")),
        "role": Field("string", "The player's role.", True, enum=("citizen", "staff", "peer")),
        "summary": Field("string", "One or two sentences shown before the start."),
        "content_note": Field("string", "A neutral content note shown before the start."),
        "difficulty": Field("integer", "Default difficulty: 1 supportive … 3 pressured.",
                            minimum=1, maximum=3),
        "minutes": Field("integer", "Estimated playing time in minutes.", minimum=1,
                         maximum=120, extension=True),
        "characters": Field("map", "The people in the meeting, by id.", True,
                            items="character", keys=CHARACTER_ID),
        "variables": Field("map", "Variables and their initial values (whole numbers or true/false).",
                           items="int_or_bool", keys=VARIABLE),
        "start": Field("string", "The id of the first node.", True, pattern=NODE_ID),
        "nodes": Field("map", "The nodes of the meeting, by id.", True, items="node",
                       keys=NODE_ID),
    },
    "character": {
        "name": Field("string", "The name shown in the game.", True),
        "title": Field("string", "Job title or relation, e.g. Sagsbehandler."),
        "mood": Field("integer", "Initial mood, -3..3 (default 0).", minimum=-3, maximum=3),
    },
    "node": {
        "say": Field("list", "Lines shown in order: a string is narration, "
                     "{character: text} is a spoken line.", items="say"),
        "choices": Field("list", "The player's options at this point.", items="choice",
                         min_items=1),
        "next": Field("string", "The node that follows when there are no choices.",
                      pattern=NODE_ID),
        "end": Field("end", "Ends the meeting here."),
        "shuffle": Field("boolean", "Show the choices in a random (seeded) order.",
                         extension=True),
    },
    "choice": {
        "text": Field("string", "What the player says or does.", True),
        "next": Field("string", "The node that follows this choice.", True, pattern=NODE_ID),
        "id": Field("string", "A stable id for this choice (optional).", pattern=NODE_ID),
        "score": Field("map", "Principle id -> whole number from -2 to 2.", items="score",
                       keys=r"^[a-z_]+$"),
        "feedback": Field("string", "Shown after the choice: what happened, why, and what else to try."),
        "mood": Field("map", "Character id -> change in mood (whole number).", items="integer",
                      keys=CHARACTER_ID),
        "set": Field("map", "Variable -> expression; all computed before any is assigned.",
                     items="expr", keys=VARIABLE),
        "if": Field("expr", "Show this choice only when the expression is true."),
        "tags": Field("list", "Conversation-skill tags, e.g. open_question, complex_reflection.",
                      items="tag", extension=True),
        "safety": Field("boolean", "A safety choice (pause, break, support person, declining): "
                        "never scored below 0.", extension=True),
    },
    "end": {
        "title": Field("string", "The ending's title, shown to the player.", True),
        "text": Field("string", "A closing sentence shown with the title.", extension=True),
    },
}

#: Tags a choice may carry (issue: role-specific summaries).
TAGS = (
    "open_question", "closed_question", "simple_reflection", "complex_reflection",
    "affirm", "seek_collaboration", "emphasise_autonomy", "persuade",
    "persuade_with_permission", "confront", "giving_information",
    "option_1", "option_2", "option_3", "option_4", "option_5",
)
