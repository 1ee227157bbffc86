"""Build the scenario model from a YAML node tree, reporting every problem.

The loader walks PyYAML's composed nodes (never constructed objects), so each
value keeps its line and column. Structural problems — unknown, missing and
mistyped fields, bad ids, values out of range, expression syntax — become
diagnostics here; cross-references and flow are checked in :mod:`.checks`.
"""

from __future__ import annotations

import re

import yaml

from . import yamlsrc
from .diagnostics import Diagnostic, did_you_mean
from .expr import Expr, ExprError, parse_cached as parse_expr
from .fields import OBJECTS, TAGS, Field
from .model import Character, Choice, Ending, Line, Node, Scenario
from .positions import Spans, text_start  # noqa: F401  (text_start: used by the test plans)
from .text import Template, parse_template

MapNode = yaml.MappingNode
SeqNode = yaml.SequenceNode
ScalarNode = yaml.ScalarNode
_TYPE_WORDS = {MapNode: "a map", SeqNode: "a list", ScalarNode: "a single value"}
_patterns: dict[str, re.Pattern] = {}


def _rx(pattern: str) -> re.Pattern:
    rx = _patterns.get(pattern)
    if rx is None:
        rx = _patterns[pattern] = re.compile(pattern)
    return rx


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the decimal number {value}"
    return f"'{value}'" if len(str(value)) < 40 else "a text"


class Loader:
    """Turns one composed YAML document into a :class:`Scenario`."""

    def __init__(self, file: str, text: str | None = None):
        self.file = file
        self.spans = Spans(text)
        self.diags: list[Diagnostic] = []

    # -- reporting ------------------------------------------------------
    def report(self, at: yaml.Node | tuple[int, int], code: str, message: str) -> None:
        line, col = at if isinstance(at, tuple) else yamlsrc.position(at)
        self.diags.append(Diagnostic(self.file, line, col, code, message))

    # -- generic field handling -------------------------------------------
    def fields(self, node: yaml.Node, obj: str, where: str) -> dict[str, tuple]:
        """Check a map against OBJECTS[obj]; return name -> (key node, value node)."""
        if not isinstance(node, MapNode):
            self.report(node, "MT203", f"{where} should be a map of fields, not "
                        f"{self.what(node)}")
            return {}
        spec = OBJECTS[obj]
        found: dict[str, tuple] = {}
        for key, value in self.pairs(node, where):
            if key.value not in spec:
                self.report(key, "MT201", f"unknown field '{key.value}' in {where}"
                            + (did_you_mean(key.value, spec) or
                               f"; allowed: {', '.join(spec)}"))
                continue
            found[key.value] = (key, value)
        for name, f in spec.items():
            if f.required and name not in found:
                self.report(node, "MT202", f"{where} is missing the field '{name}' "
                            f"({f.description[0].lower()}{f.description[1:]})")
        return found

    def pairs(self, node: MapNode, where: str):
        """Key/value pairs of a map, reporting duplicate and non-text keys."""
        seen: dict[str, int] = {}
        for key, value in node.value:
            if problem := yamlsrc.tag_problem(value):
                self.report(value, "MT104", problem)
                continue
            if not isinstance(key, ScalarNode):
                self.report(key, "MT203", f"a key in {where} must be a plain name")
                continue
            name = yamlsrc.nfc(key.value)
            key.value = name
            if name in seen:
                self.report(key, "MT102", f"duplicate key '{name}' in {where}: it is also "
                            f"on line {seen[name]}; each key may appear only once")
                continue
            seen[name] = key.start_mark.line + 1
            yield key, value

    def what(self, node: yaml.Node) -> str:
        if isinstance(node, ScalarNode):
            return _describe(yamlsrc.scalar_value(node))
        return _TYPE_WORDS[type(node)]

    def scalar(self, node: yaml.Node, f: Field, label: str):
        """Type-check a scalar against a field; return the value or None."""
        if not isinstance(node, ScalarNode):
            self.report(node, "MT203", f"{label} should be {self._want(f)}, not {self.what(node)}")
            return None
        if problem := yamlsrc.tag_problem(node):
            self.report(node, "MT104", problem)
            return None
        value = yamlsrc.scalar_value(node)
        t = f.type
        ok = ((t in ("string", "expr") and isinstance(value, str))
              or (t == "integer" and type(value) is int)
              or (t == "boolean" and type(value) is bool)
              or (t == "int_or_bool" and type(value) in (int, bool)))
        if not ok:
            hint = ""
            if t == "string" and value is not None:
                hint = f'; put it in double quotes: "{node.value}"'
            self.report(node, "MT203", f"{label} should be {self._want(f)}, not "
                        f"{_describe(value)}{hint}")
            return None
        if t == "string" and f.pattern and not _rx(f.pattern).match(value):
            self.report(node, "MT204", f"{label} '{value}' is not a valid id: "
                        f"{self._pattern_words(f.pattern)}")
            return None
        if t == "string" and not value.strip() and f.required:
            self.report(node, "MT204", f"{label} is empty; write some text")
            return None
        if f.enum is not None and value not in f.enum:
            code = "MT205" if label == "format" else "MT204"
            choices = ", ".join(str(e) for e in f.enum)
            self.report(node, code, f"{label} is {_describe(value)}; it must be one of: {choices}"
                        + (did_you_mean(str(value), [str(e) for e in f.enum])
                           if isinstance(value, str) else ""))
            return None
        if type(value) is int and ((f.minimum is not None and value < f.minimum)
                                   or (f.maximum is not None and value > f.maximum)):
            self.report(node, "MT208" if "mood" in label else "MT204",
                        f"{label} is {value}; it must be from {f.minimum} to {f.maximum}")
            return None
        return value

    @staticmethod
    def _want(f: Field) -> str:
        return {"string": "text", "expr": "an expression in quotes", "integer": "a whole number",
                "boolean": "true or false", "int_or_bool": "a whole number or true/false",
                "list": "a list", "map": "a map"}.get(f.type, "a map of fields")

    @staticmethod
    def _pattern_words(pattern: str) -> str:
        from . import fields as F
        return {
            F.SCENARIO_ID: "use lowercase letters, digits and '-', e.g. rehab-first-meeting",
            F.CHARACTER_ID: "use lowercase letters, digits and '_', e.g. mette",
            F.VARIABLE: "start with a lowercase letter or '_', then lowercase letters, digits "
                        "or '_' (no æ, ø, å), e.g. asked_who_decides",
            F.NODE_ID: "use letters, digits, '_' and '-', e.g. åbning or plan_2",
        }.get(pattern, f"it must match {pattern}")

    def seq(self, node: yaml.Node, label: str) -> list:
        if not isinstance(node, SeqNode):
            self.report(node, "MT203", f"{label} should be a list (lines starting with '- '), "
                        f"not {self.what(node)}")
            return []
        return node.value

    def key_ok(self, key: ScalarNode, pattern: str, label: str) -> bool:
        if _rx(pattern).match(key.value):
            return True
        self.report(key, "MT204", f"{label} '{key.value}' is not valid: {self._pattern_words(pattern)}")
        return False

    def template(self, node: ScalarNode, value: str) -> Template:
        tpl, problems = parse_template(value)
        if problems:
            start = self.spans.start(node)
            for message, offset in problems:
                self.report(self.spans.at(start, offset), "MT204", message)
        return tpl

    def expression(self, node: ScalarNode, source: str, label: str) -> Expr | None:
        if node.style in ("|", ">"):
            source = source.rstrip("\n")  # the final line break that YAML keeps for 'if: >'
        try:
            return parse_expr(source)
        except ExprError as exc:
            self.report(self.spans.at(self.spans.start(node), exc.column - 1), "MT401",
                        f"{label}: {exc.message}")
            return None

    # -- the scenario ----------------------------------------------------
    def scenario(self, root: yaml.Node) -> Scenario | None:
        if not isinstance(root, MapNode):
            self.report(root, "MT105", f"the file should be a map of fields (format, id, "
                        f"title, …), not {self.what(root)}; see an example scenario")
            return None
        spec = OBJECTS["scenario"]
        top = self.fields(root, "scenario", "the scenario")
        values: dict[str, object] = {}
        where: dict[str, tuple[int, int]] = {}
        for name in ("format", "id", "lang", "title", "family", "role", "summary",
                     "content_note", "difficulty", "minutes", "start"):
            if name in top:
                values[name] = self.scalar(top[name][1], spec[name], name)
                where[name] = self.spans.start(top[name][1])
        if "format" in top and values.get("format") is None:
            return None  # an unknown format version: do not guess at the rest
        characters = self.characters(top["characters"][1]) if "characters" in top else {}
        variables = self.variables(top["variables"][1]) if "variables" in top else {}
        nodes = self.nodes(top["nodes"][1]) if "nodes" in top else {}
        if "nodes" in top:
            where["nodes"] = yamlsrc.position(top["nodes"][0])
        if "characters" in top:
            where["characters"] = yamlsrc.position(top["characters"][0])
        if "variables" in top:
            where["variables"] = yamlsrc.position(top["variables"][0])
        return Scenario(
            id=values.get("id") or "", title=values.get("title") or "",
            lang=values.get("lang") or "da", family=values.get("family") or "",
            role=values.get("role") or "", start=values.get("start") or "",
            nodes=nodes, characters=characters, variables=variables,
            summary=values.get("summary") or "", content_note=values.get("content_note") or "",
            difficulty=values.get("difficulty") or 1, minutes=values.get("minutes"),
            path=self.file, where=where,
        )

    def characters(self, node: yaml.Node) -> dict[str, Character]:
        out: dict[str, Character] = {}
        if not isinstance(node, MapNode):
            self.report(node, "MT203", f"characters should be a map (id: {{name: …}}), "
                        f"not {self.what(node)}")
            return out
        spec = OBJECTS["character"]
        for key, value in self.pairs(node, "characters"):
            if not self.key_ok(key, OBJECTS["scenario"]["characters"].keys, "the character id"):
                continue
            f = self.fields(value, "character", f"character '{key.value}'")
            vals = {n: self.scalar(f[n][1], spec[n], n if n != "mood" else "the initial mood")
                    for n in f}
            out[key.value] = Character(
                id=key.value, name=vals.get("name") or key.value, title=vals.get("title") or "",
                mood=vals.get("mood") or 0, pos=yamlsrc.position(key),
                where={n: yamlsrc.position(f[n][1]) for n in f})
        return out

    def variables(self, node: yaml.Node) -> dict[str, int | bool]:
        out: dict[str, int | bool] = {}
        if not isinstance(node, MapNode):
            self.report(node, "MT203", f"variables should be a map (name: value), "
                        f"not {self.what(node)}")
            return out
        from .model import RESERVED_NAMES
        f = Field("int_or_bool", "")
        self.variable_pos: dict[str, tuple[int, int]] = {}
        for key, value in self.pairs(node, "variables"):
            if not self.key_ok(key, OBJECTS["scenario"]["variables"].keys, "the variable name"):
                continue
            if key.value in RESERVED_NAMES:
                self.report(key, "MT204", f"'{key.value}' is a reserved word; choose another "
                            "variable name")
                continue
            v = self.scalar(value, f, f"the initial value of '{key.value}'")
            if v is not None:
                out[key.value] = v
                self.variable_pos[key.value] = yamlsrc.position(key)
        return out

    def nodes(self, node: yaml.Node) -> dict[str, Node]:
        out: dict[str, Node] = {}
        if not isinstance(node, MapNode):
            self.report(node, "MT203", f"nodes should be a map (node id: fields), "
                        f"not {self.what(node)}")
            return out
        for key, value in self.pairs(node, "nodes"):
            if not self.key_ok(key, OBJECTS["scenario"]["nodes"].keys, "the node id"):
                continue
            out[key.value] = self.node(key.value, key, value)
        return out

    def node(self, nid: str, key: ScalarNode, value: yaml.Node) -> Node:
        spec = OBJECTS["node"]
        n = Node(id=nid, pos=yamlsrc.position(key))
        f = self.fields(value, "node", f"node '{nid}'")
        n.where = {k: yamlsrc.position(f[k][0]) for k in f}
        if "say" in f:
            n.say = self.say(nid, f["say"][1])
        present = [k for k in ("choices", "next", "end") if k in f]
        if len(present) != 1 and isinstance(value, MapNode):
            if present:
                at = f[present[1]][0]
                msg = (f"node '{nid}' has both '{present[0]}' and '{present[1]}'; "
                       "keep exactly one of choices, next, end")
            else:
                at = key
                msg = (f"node '{nid}' has none of choices, next, end; add 'next: <node>' "
                       "to move on, 'choices:' for a decision, or 'end:' to finish")
            self.report(at, "MT206", msg)
        if "next" in f:
            n.next = self.scalar(f["next"][1], spec["next"], f"next in node '{nid}'")
            n.where["next"] = self.spans.start(f["next"][1])
        if "choices" in f:
            items = self.seq(f["choices"][1], f"choices in node '{nid}'")
            if not items and isinstance(f["choices"][1], SeqNode):
                self.report(f["choices"][1], "MT204", f"choices in node '{nid}' is empty; "
                            "add at least one choice, or use 'next:' instead")
            n.choices = [c for i, item in enumerate(items)
                         if (c := self.choice(nid, i, item)) is not None]
            first: dict[str, int] = {}
            for c in n.choices:
                if c.id and c.id in first:
                    self.report(c.where["id"], "MT306", f"duplicate choice id '{c.id}' in node "
                                f"'{nid}': choice {first[c.id]} has the same id; give each "
                                "choice its own id")
                elif c.id:
                    first[c.id] = c.index + 1
        if "end" in f:
            n.end = self.ending(nid, f["end"][1])
        if "shuffle" in f:
            n.shuffle = bool(self.scalar(f["shuffle"][1], spec["shuffle"], "shuffle"))
        return n

    def say(self, nid: str, node: yaml.Node) -> list[Line]:
        lines = []
        for i, item in enumerate(self.seq(node, f"say in node '{nid}'")):
            line_id = f"{nid}.say{i + 1}"
            if isinstance(item, ScalarNode):
                v = self.scalar(item, Field("string", ""), f"line {i + 1} in node '{nid}'")
                if v is not None:
                    at = self.spans.start(item)
                    lines.append(Line(None, self.template(item, v), line_id, at, at))
            elif (isinstance(item, MapNode) and len(item.value) == 1
                  and isinstance(item.value[0][0], ScalarNode)):
                k, v = item.value[0]
                text = self.scalar(v, Field("string", ""), f"the line of '{k.value}' in node '{nid}'")
                if isinstance(k, ScalarNode) and text is not None:
                    lines.append(Line(yamlsrc.nfc(k.value), self.template(v, text), line_id,
                                      self.spans.start(k), self.spans.start(v)))
            else:
                self.report(item, "MT203", f"line {i + 1} in node '{nid}' should be text "
                            "(narration) or one 'character: text' pair")
        return lines

    def choice(self, nid: str, index: int, node: yaml.Node) -> Choice | None:
        spec = OBJECTS["choice"]
        label = f"choice {index + 1} in node '{nid}'"
        f = self.fields(node, "choice", label)
        if not isinstance(node, MapNode):
            return None
        c = Choice(index=index, text=Template("", ("",)), next="", line_id="",
                   pos=yamlsrc.position(node))
        where = c.where
        for name, (k, v) in f.items():
            where[name] = self.spans.start(v) if isinstance(v, ScalarNode) else yamlsrc.position(k)
        if "text" in f and (t := self.scalar(f["text"][1], spec["text"], f"the text of {label}")):
            c.text = self.template(f["text"][1], t)
        if "next" in f:
            c.next = self.scalar(f["next"][1], spec["next"], f"next in {label}") or ""
        if "id" in f:
            c.id = self.scalar(f["id"][1], spec["id"], f"the id of {label}")
        c.line_id = f"{nid}.{c.id}" if c.id else f"{nid}.c{index + 1}"
        if "feedback" in f and (t := self.scalar(f["feedback"][1], spec["feedback"],
                                                 f"the feedback of {label}")):
            c.feedback = self.template(f["feedback"][1], t)
        if "score" in f:
            c.score = self.int_map(f["score"][1], f"score in {label}", "score", where)
        if "mood" in f:
            c.mood = self.int_map(f["mood"][1], f"mood in {label}", "mood", where)
        if "set" in f and isinstance(f["set"][1], MapNode):
            for k, v in self.pairs(f["set"][1], f"set in {label}"):
                where[f"set.{k.value}"] = yamlsrc.position(k)
                if isinstance(v, ScalarNode) and not v.style and isinstance(
                        yamlsrc.scalar_value(v), (bool, int)):
                    src = v.value  # plain true/false/number: a literal expression
                else:
                    src = self.scalar(v, spec["if"], f"the value of '{k.value}' in {label}")
                if src is None:
                    continue
                where[f"set={k.value}"] = self.spans.start(v)
                if (e := self.expression(v, str(src), f"set '{k.value}' in {label}")) is not None:
                    c.set[k.value] = e
        elif "set" in f:
            self.report(f["set"][1], "MT203", f"set in {label} should be a map "
                        "(variable: expression)")
        if "if" in f and (src := self.scalar(f["if"][1], spec["if"], f"if in {label}")) is not None:
            c.condition = self.expression(f["if"][1], src, f"if in {label}")
        if "tags" in f:
            tags = []
            for item in self.seq(f["tags"][1], f"tags in {label}"):
                t = self.scalar(item, Field("string", ""), f"a tag in {label}")
                if t is None:
                    continue
                if t not in TAGS:
                    self.report(item, "MT204", f"unknown tag '{t}'" + (did_you_mean(t, TAGS)
                                or f"; known tags: {', '.join(TAGS)}"))
                    continue
                tags.append(t)
            c.tags = tuple(tags)
        if "safety" in f:
            c.safety = bool(self.scalar(f["safety"][1], spec["safety"], f"safety in {label}"))
        return c

    def int_map(self, node: yaml.Node, label: str, kind: str, where: dict) -> dict[str, int]:
        out: dict[str, int] = {}
        if not isinstance(node, MapNode):
            self.report(node, "MT203", f"{label} should be a map ({'principle' if kind == 'score' else 'character'}: number)")
            return out
        for k, v in self.pairs(node, label):
            where[f"{kind}.{k.value}"] = yamlsrc.position(k)
            value = self.scalar(v, Field("integer", ""), f"{label}: '{k.value}'")
            if value is None:
                continue
            if kind == "score" and not -2 <= value <= 2:
                self.report(v, "MT207", f"{label}: '{k.value}' is {value}; scores go from "
                            "-2 to 2 (2 = exemplary, 1 = partly, -1/-2 = works against it)")
                continue
            out[k.value] = value
        return out

    def ending(self, nid: str, node: yaml.Node) -> Ending | None:
        spec = OBJECTS["end"]
        f = self.fields(node, "end", f"the end of node '{nid}'")
        if not isinstance(node, MapNode):
            return None
        title = (self.scalar(f["title"][1], spec["title"], f"the ending title in node '{nid}'")
                 if "title" in f else None)
        text = (self.scalar(f["text"][1], spec["text"], f"the ending text in node '{nid}'")
                if "text" in f else None)
        return Ending(
            title=self.template(f["title"][1], title) if title else Template(nid, (nid,)),
            text=self.template(f["text"][1], text) if text else None,
            pos=yamlsrc.position(node))
