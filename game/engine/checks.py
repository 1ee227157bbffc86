"""Checks across a loaded scenario: references, expression types and flow.

These run after :mod:`.loader` has built the model. Each finding is a
:class:`Diagnostic` pointing at the exact value an author has to change.
"""

from __future__ import annotations

from collections import deque

from .diagnostics import Diagnostic, did_you_mean
from .expr import Expr, ExprError
from .model import STATEMENT_FIELDS, Scenario
from .positions import Spans
from .text import Template


class Checker:
    def __init__(self, scenario: Scenario, principles: dict | set, variable_pos: dict | None = None,
                 spans: Spans | None = None):
        self.s = scenario
        self.spans = spans or Spans()
        self.principles = principles
        self.variable_pos = variable_pos or {}
        self.diags: list[Diagnostic] = []
        self.types: dict[str, type] = {k: type(v) for k, v in scenario.variables.items()}
        for cid in scenario.characters:
            self.types[f"mood.{cid}"] = int
        self.types["difficulty"] = int
        self.types["statement_written"] = bool
        self.used_variables: set[str] = set()

    def report(self, at: tuple[int, int], code: str, message: str) -> None:
        self.diags.append(Diagnostic(self.s.path, at[0], at[1], code, message))

    def run(self) -> list[Diagnostic]:
        s = self.s
        if s.start and s.start not in s.nodes and s.nodes:
            self.report(s.where.get("start", (1, 1)), "MT301",
                        f"start: there is no node '{s.start}'" + did_you_mean(s.start, s.nodes))
        for node in s.nodes.values():
            for line in node.say:
                if line.speaker is not None and line.speaker not in s.characters:
                    self.report(line.pos, "MT302", f"unknown character '{line.speaker}' in "
                                f"node '{node.id}'" + self._chars_hint(line.speaker))
                self.template(line.text, line.text_pos)
            if node.next is not None and node.next not in s.nodes:
                self.report(node.where.get("next", node.pos), "MT301",
                            f"next in node '{node.id}': there is no node '{node.next}'"
                            + did_you_mean(node.next, s.nodes))
            if node.end is not None:
                self.template(node.end.title, node.end.pos)
            for c in node.choices or ():
                self.choice(node.id, c)
        self.flow()
        return self.diags

    def _chars_hint(self, name: str) -> str:
        return did_you_mean(name, self.s.characters) or (
            "; add it under characters:" if not self.s.characters
            else f"; characters are: {', '.join(self.s.characters)}")

    def choice(self, nid: str, c) -> None:
        s = self.s
        label = f"choice {c.index + 1} in node '{nid}'"
        if c.next and c.next not in s.nodes:
            self.report(c.where.get("next", c.pos), "MT301",
                        f"next in {label}: there is no node '{c.next}'" + did_you_mean(c.next, s.nodes))
        for p in c.score:
            if p not in self.principles:
                self.report(c.where[f"score.{p}"], "MT303", f"unknown principle '{p}' in {label}"
                            + (did_you_mean(p, self.principles)
                               or f"; principles are: {', '.join(self.principles)}"))
        for ch in c.mood:
            if ch not in s.characters:
                self.report(c.where[f"mood.{ch}"], "MT302", f"unknown character '{ch}' in "
                            f"mood of {label}" + self._chars_hint(ch))
        if c.score and c.feedback is None and any(c.score.values()):
            self.report(c.pos, "MT503", f"{label} has a score but no feedback; add "
                        "'feedback:' that says what happened, why, and what else to try")
        if c.condition is not None:
            t = self.expr(c.condition, c.where["if"], f"if in {label}")
            if t is int:
                self.report(c.where["if"], "MT402", f"if in {label} gives a number, but a "
                            "condition must be true or false; compare it, e.g. "
                            f"'{c.condition.source} >= 1'")
        for var, e in c.set.items():
            vpos = c.where[f"set.{var}"]
            if var not in s.variables:
                self.report(vpos, "MT304", f"set in {label}: unknown variable '{var}'"
                            + (did_you_mean(var, s.variables) or "; declare it under variables:"))
                continue
            self.used_variables.add(var)
            t = self.expr(e, c.where[f"set={var}"], f"set '{var}' in {label}")
            want = self.types[var]
            if t is not None and t is not want:
                self.report(c.where[f"set={var}"], "MT402",
                            f"set '{var}' in {label}: '{var}' holds "
                            f"{'true/false' if want is bool else 'a whole number'}, but "
                            f"'{e.source}' gives {'true/false' if t is bool else 'a whole number'}")
        self.template(c.text, c.where.get("text", c.pos))
        if c.feedback is not None:
            self.template(c.feedback, c.where.get("feedback", c.pos))

    def expr(self, e: Expr, at: tuple[int, int], label: str) -> type | None:
        """Check names and types; return the expression's type or None."""
        at_offset = self.spans.at
        bad = False
        for name, ncol in e.name_columns():
            if name.startswith("mood."):
                ch = name[5:]
                if ch not in self.s.characters:
                    self.report(at_offset(at, ncol - 1), "MT302", f"{label}: unknown character "
                                f"'{ch}' in '{name}'" + self._chars_hint(ch))
                    bad = True
            elif name not in self.types:
                self.report(at_offset(at, ncol - 1), "MT304", f"{label}: unknown variable "
                            f"'{name}'" + (did_you_mean(name, [k for k in self.types if "." not in k])
                                           or "; declare it under variables:"))
                bad = True
            else:
                self.used_variables.add(name)
        if bad:
            return None
        try:
            return e.infer_type(self.types)
        except ExprError as exc:
            self.report(at_offset(at, exc.column - 1), "MT402", f"{label}: {exc.message}")
            return None

    def template(self, tpl: Template, start: tuple[int, int]) -> None:
        for name, offset in tpl.placeholders:
            at = self.spans.at(start, offset)
            if name.startswith("statement."):
                if name[10:] in STATEMENT_FIELDS:
                    continue
                hint = ", ".join("{statement.%s}" % f for f in STATEMENT_FIELDS)
                self.report(at, "MT307", f"unknown statement part '{{{name}}}'; use {hint}")
            elif name.startswith("mood."):
                if name[5:] not in self.s.characters:
                    self.report(at, "MT307", f"unknown character in '{{{name}}}'"
                                + self._chars_hint(name[5:]))
            elif name not in self.s.variables:
                self.report(at, "MT307", f"unknown name '{{{name}}}' in the text"
                            + (did_you_mean(name, self.s.variables)
                               or "; use a variable, {mood.<character>} or {statement.intro}"))
            else:
                self.used_variables.add(name)

    def flow(self) -> None:
        s = self.s
        nodes = s.nodes
        succ: dict[str, list[str]] = {}
        for nid, n in nodes.items():
            if n.choices is not None:
                succ[nid] = [c.next for c in n.choices if c.next in nodes]
            elif n.next is not None:
                succ[nid] = [n.next] if n.next in nodes else []
            else:
                succ[nid] = []
        reach: set[str] = set()
        if s.start in nodes:
            reach.add(s.start)
            todo = deque([s.start])
            while todo:
                for m in succ[todo.popleft()]:
                    if m not in reach:
                        reach.add(m)
                        todo.append(m)
            for nid, n in nodes.items():
                if nid not in reach:
                    self.report(n.pos, "MT501", f"node '{nid}' cannot be reached from the "
                                f"start '{s.start}'; point a 'next' at it or remove it")
        pred: dict[str, list[str]] = {nid: [] for nid in nodes}
        for nid, ms in succ.items():
            for m in ms:
                pred[m].append(nid)
        ends = [nid for nid, n in nodes.items() if n.end is not None]
        # nodes with a problem already reported (MT206, MT301, MT203, empty choices) count
        # as leading somewhere, so their predecessors are not reported again as MT502
        reported = [nid for nid, n in nodes.items() if n.end is None and (
            (n.next is None and not n.choices)
            or (n.next is not None and n.next not in nodes)
            or any(c.next not in nodes for c in n.choices or ()))]
        alive = set(ends) | set(reported)
        todo = deque(alive)
        while todo:
            for p in pred[todo.popleft()]:
                if p not in alive:
                    alive.add(p)
                    todo.append(p)
        for nid, n in nodes.items():
            if nid in alive:
                continue
            self.report(n.pos, "MT502", f"no ending can be reached from node '{nid}'"
                        + (" (it loops without a way out)" if succ[nid] else "")
                        + "; add a choice or 'next' that leads towards an 'end:' node")
