"""``meeting-trainer graph``: the scenario as a picture (DOT, Mermaid or a self-contained HTML page).

Nodes are coloured *and* shaped by kind, so the kinds can be told apart in
black and white and by colour-blind readers (Okabe–Ito colours):

* decision — a rounded rectangle, blue;
* line (moves on by ``next``) — a pill, grey;
* ending — an octagon with a double outline, orange.

Each choice is an edge labelled ``number: total (principle +x, …)``. The
number is the choice's position in the file; when conditions hide earlier
choices, the player sees a lower number (the legend says so). A choice with
``if`` is drawn dashed, with its condition. Edges are blue when the choice's
total (q) is above 0, orange-red when below, grey at 0 — the sign is in the
label too, so colour is never the only cue.

The HTML view is laid out here (:func:`layout`): longest-path layering from
the start (loops are cut by reversing back edges), one extra layer between
node layers for edge labels, dummy points for edges that span several layers,
barycentre sweeps to reduce crossings, and a simple averaging pass for the
x positions. See :mod:`.graph_html` for the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.model import Scenario

DECISION_FILL, DECISION_LINE = "#dcebf7", "#0072B2"
LINE_FILL, LINE_LINE = "#ecece8", "#6b6b6b"
ENDING_FILL, ENDING_LINE = "#fbe5c4", "#b27300"
EDGE_GOOD, EDGE_BAD, EDGE_ZERO = "#0072B2", "#D55E00", "#7a7a7a"

MERMAID_LEGEND = ("n: q (scores) = choice n in file order; dashed = has an if; "
                  "lower numbers on screen when conditions hide choices")
LEGEND_NUMBERING = ("Edge numbers are the choice's place in the file. When a condition hides "
                    "an earlier choice, the player sees the later ones with lower numbers.")


@dataclass
class GNode:
    id: str
    kind: str              # decision | line | ending
    line: int
    title: str = ""        # ending title
    start: bool = False
    reachable: bool = True  # from the start, following every choice


@dataclass
class GEdge:
    src: str
    dst: str
    number: int | None     # choice number in file order (None for `next`)
    q: int = 0
    parts: list[tuple[str, int]] = field(default_factory=list)   # (principle name, score)
    condition: str | None = None

    @property
    def short(self) -> str:
        """'2: +4' — the number and the total."""
        if self.number is None:
            return ""
        return f"{self.number}: {_signed(self.q)}"

    def detail(self, max_parts: int = 2) -> str:
        """'(Egne ord +2, Selvbestemmelse +2)', at most ``max_parts`` principles, largest first."""
        if not self.parts:
            return ""
        parts = sorted(self.parts, key=lambda p: (-abs(p[1]), p[0]))
        shown = [f"{n} {_signed(v)}" for n, v in parts[:max_parts]]
        if len(parts) > max_parts:
            shown.append(f"+{len(parts) - max_parts} more")
        return "(" + ", ".join(shown) + ")"

    def label(self, max_parts: int = 2) -> str:
        text = self.short
        d = self.detail(max_parts)
        if d:
            text += " " + d
        if self.condition:
            text += f" if {self.condition}"
        return text

    @property
    def colour(self) -> str:
        if self.number is None:
            return EDGE_ZERO
        return EDGE_GOOD if self.q > 0 else EDGE_BAD if self.q < 0 else EDGE_ZERO


def _signed(v: int) -> str:
    return f"+{v}" if v > 0 else str(v)


def build(scenario: Scenario, principles) -> tuple[list[GNode], list[GEdge]]:
    """Nodes (file order) and edges (file order) of a scenario."""
    ids = tuple(principles)
    names = {}
    for pid in ids:
        p = principles[pid] if isinstance(principles, dict) else None
        names[pid] = p.label("da") if p is not None and hasattr(p, "label") else pid
    nodes, edges = [], []
    for nid, n in scenario.nodes.items():
        title = n.end.title.source if n.end is not None else ""
        nodes.append(GNode(nid, n.kind, n.pos[0], title, nid == scenario.start))
        if n.choices is not None:
            for c in n.choices:
                parts = [(names.get(d, d), v) for d, v in c.score.items() if v]
                edges.append(GEdge(nid, c.next, c.index + 1, sum(c.score.get(d, 0) for d in ids),
                                   parts, c.condition.source if c.condition is not None else None))
        elif n.next is not None:
            edges.append(GEdge(nid, n.next, None))
    known = {n.id for n in nodes}
    edges = [e for e in edges if e.dst in known]
    reach = {scenario.start}
    todo = [scenario.start]
    while todo:
        v = todo.pop()
        for e in edges:
            if e.src == v and e.dst not in reach:
                reach.add(e.dst)
                todo.append(e.dst)
    for n in nodes:
        n.reachable = n.id in reach
    return nodes, edges


# ---------------------------------------------------------------- DOT and Mermaid

def _dot_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(scenario: Scenario, principles) -> str:
    nodes, edges = build(scenario, principles)
    out = [f"// {scenario.id}: {scenario.title}",
           "// " + LEGEND_NUMBERING,
           f"digraph {_dot_str(scenario.id)} {{",
           '  graph [rankdir=TB, fontname="Helvetica", nodesep=0.35, ranksep=0.5, '
           f"labelloc=t, label={_dot_str(scenario.title)}];",
           '  node [fontname="Helvetica", fontsize=11, penwidth=1.4];',
           '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];']
    for n in nodes:
        out.append(f"  {_dot_str(n.id)} [{_dot_node_attrs(n)}];")
    for e in edges:
        attrs = [f"color={_dot_str(e.colour)}", f"fontcolor={_dot_str('#333333')}"]
        if e.number is not None:
            lab = e.short
            d = e.detail()
            if d:
                lab += "\n" + d
            if e.condition:
                lab += "\nif " + e.condition
            attrs.append(f"label={_dot_str(lab)}")
        if e.condition:
            attrs.append("style=dashed")
        out.append(f"  {_dot_str(e.src)} -> {_dot_str(e.dst)} [{', '.join(attrs)}];")
    out += ["  subgraph cluster_legend {",
            '    label="Legend"; fontsize=10; color="#bbbbbb"; style=rounded;',
            f'    legend_decision [label="decision", {_dot_style("decision")}];',
            f'    legend_line [label="line (next)", {_dot_style("line")}];',
            f'    legend_ending [label="ending", {_dot_style("ending")}];',
            f"    legend_note [shape=plaintext, fontsize=9, label={_dot_str(_legend_text())}];",
            "    {rank=same; legend_decision; legend_line; legend_ending; legend_note}",
            "  }", "}"]
    return "\n".join(out) + "\n"


def _legend_text() -> str:
    return ("n: q (scores) = choice n in file order, q = its scores added up\n"
            "dashed = shown only when its 'if' is true\n"
            "blue edge = q above 0, orange-red = below 0, grey = 0\n"
            "Numbers follow the file; when conditions hide choices,\n"
            "the player sees lower numbers.")


def _dot_style(kind: str) -> str:
    if kind == "decision":
        return (f'shape=box, style="rounded,filled", fillcolor="{DECISION_FILL}", '
                f'color="{DECISION_LINE}"')
    if kind == "line":
        return f'shape=ellipse, style=filled, fillcolor="{LINE_FILL}", color="{LINE_LINE}"'
    return (f'shape=doubleoctagon, style=filled, fillcolor="{ENDING_FILL}", '
            f'color="{ENDING_LINE}"')


def _dot_node_attrs(n: GNode) -> str:
    label = n.id if n.kind != "ending" else f"{n.id}\n{_trim(n.title, 40)}"
    attrs = [f"label={_dot_str(label)}", _dot_style(n.kind)]
    if n.start:
        attrs.append("penwidth=3")
    return ", ".join(attrs)


def _trim(s: str, n: int) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def _mm_text(s: str) -> str:
    """Text for inside a quoted Mermaid label."""
    return (s.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")
            .replace(">", "#gt;").replace("|", "#124;"))


def to_mermaid(scenario: Scenario, principles) -> str:
    nodes, edges = build(scenario, principles)
    key = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    out = [f"%% {scenario.id}: {scenario.title}", "%% " + LEGEND_NUMBERING, "flowchart TD"]
    for n in nodes:
        k = key[n.id]
        if n.kind == "decision":
            out.append(f'  {k}["{_mm_text(n.id)}"]')
        elif n.kind == "line":
            out.append(f'  {k}(["{_mm_text(n.id)}"])')
        else:
            out.append(f'  {k}{{{{"{_mm_text(n.id)}<br/>{_mm_text(_trim(n.title, 40))}"}}}}')
        out.append(f"  class {k} {n.kind}Node")
        if n.start:
            out.append(f"  class {k} startNode")
    link_styles = []
    for i, e in enumerate(edges):
        arrow = "-.->" if e.condition else "-->"
        if e.number is None:
            out.append(f"  {key[e.src]} {arrow} {key[e.dst]}")
        else:
            out.append(f'  {key[e.src]} {arrow}|"{_mm_text(e.label())}"| {key[e.dst]}')
        link_styles.append(f"  linkStyle {i} stroke:{e.colour}")
    out += link_styles
    out += [f"  classDef decisionNode fill:{DECISION_FILL},stroke:{DECISION_LINE},"
            "stroke-width:1.5px",
            f"  classDef lineNode fill:{LINE_FILL},stroke:{LINE_LINE},stroke-width:1.5px",
            f"  classDef endingNode fill:{ENDING_FILL},stroke:{ENDING_LINE},stroke-width:3px",
            "  classDef startNode stroke-width:4px",
            '  subgraph legend["Legend"]',
            '    legend_d["decision"]:::decisionNode',
            '    legend_l(["line (next)"]):::lineNode',
            '    legend_e{{"ending"}}:::endingNode',
            f'    legend_n["{_mm_text(MERMAID_LEGEND)}"]',
            "  end"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- layout

CHAR_W = 6.6        # average width of a character at 11px (the SVG font size for labels)
TITLE_CHAR_W = 7.6  # at 13px bold


@dataclass
class LNode:
    """A box in the layout: a scenario node, an edge label, or a bend point."""

    key: str
    kind: str                   # decision | line | ending | label | dummy
    layer: int                  # fine layer (nodes on even layers, labels on odd ones)
    width: float
    height: float
    x: float = 0.0
    y: float = 0.0
    lines: tuple[str, ...] = ()
    edge: int | None = None     # edge index for labels and dummies


@dataclass
class Layout:
    nodes: dict[str, LNode]
    chains: list[list[str]]     # per edge: the boxes it passes, from source to target
    reversed: list[bool]        # per edge: drawn upwards (a back edge in a loop)
    width: float
    height: float


def node_box(n: GNode, scenario: Scenario) -> tuple[float, float, tuple[str, ...]]:
    node = scenario.nodes[n.id]
    if n.kind == "decision":
        sub = f"decision · {len(node.choices)} choices"
    elif n.kind == "line":
        sub = "line"
    else:
        sub = "ending: " + _trim(n.title, 34)
    if not n.reachable:
        sub = "cannot be reached"
    w = max(len(n.id) * TITLE_CHAR_W, len(sub) * CHAR_W) + 26
    if n.kind == "ending":
        w += 16
    return min(max(w, 90), 300), 44, (n.id, sub)


def edge_label_lines(e: GEdge, max_parts: int = 2) -> tuple[str, ...]:
    """The label of an edge in the HTML view: narrow lines stacked (number and total,
    then up to two principles, then the condition)."""
    if e.number is None:
        return ()
    lines = [e.short]
    parts = sorted(e.parts, key=lambda p: (-abs(p[1]), p[0]))
    lines += [f"{n} {_signed(v)}" for n, v in parts[:max_parts]]
    if len(parts) > max_parts:
        lines[-1] += f" · {len(parts) - max_parts} more"
    if e.condition:
        cond = e.condition
        for word in (" and ", " or "):
            if len(cond) > 26 and word in cond:
                a, b = cond.split(word, 1)
                lines += ["if " + _trim(a, 26), _trim(word.strip() + " " + b, 29)]
                break
        else:
            lines.append("if " + _trim(cond, 30))
    return tuple(lines)


def layout(scenario: Scenario, nodes: list[GNode], edges: list[GEdge],
           sweeps: int = 12) -> Layout:
    order = [n.id for n in nodes]
    index = {nid: i for i, nid in enumerate(order)}
    succ: dict[str, list[int]] = {nid: [] for nid in order}
    for i, e in enumerate(edges):
        succ[e.src].append(i)
    # 1. cut loops: depth-first from the start, then from anything not yet seen
    state = dict.fromkeys(order, 0)         # 0 new, 1 on stack, 2 done
    back: set[int] = set()
    roots = [scenario.start] + [n for n in order if n != scenario.start]
    for root in roots:
        if root not in state or state[root]:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        while stack:
            v, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[v] = 2
                stack.pop()
                continue
            w = edges[nxt].dst
            if state[w] == 1:
                back.add(nxt)
            elif state[w] == 0:
                state[w] = 1
                stack.append((w, iter(succ[w])))
    # 2. longest-path layering on the edges with back edges turned round
    dag_succ: dict[str, list[str]] = {nid: [] for nid in order}
    indeg = dict.fromkeys(order, 0)
    for i, e in enumerate(edges):
        if e.src == e.dst:
            continue
        a, b = (e.dst, e.src) if i in back else (e.src, e.dst)
        dag_succ[a].append(b)
        indeg[b] += 1
    layer = dict.fromkeys(order, 0)
    ready = [n for n in order if indeg[n] == 0]
    ready.sort(key=lambda n: (n != scenario.start, index[n]))
    topo = []
    while ready:
        v = ready.pop(0)
        topo.append(v)
        for w in dag_succ[v]:
            layer[w] = max(layer[w], layer[v] + 1)
            indeg[w] -= 1
            if indeg[w] == 0:
                ready.append(w)
    # nodes nothing leads to (other than the start) sit just above what they lead to
    has_pred = {b for a in order for b in dag_succ[a]}
    for v in reversed(topo):
        if v != scenario.start and v not in has_pred and dag_succ[v]:
            layer[v] = max(0, min(layer[w] for w in dag_succ[v]) - 1)
    # 3. boxes: nodes on even layers, labels and bend points in between
    gmap = {n.id: n for n in nodes}
    boxes: dict[str, LNode] = {}
    for n in nodes:
        w, h, lines = node_box(n, scenario)
        boxes[n.id] = LNode(n.id, n.kind, 2 * layer[n.id], w, h, lines=lines)
    chains: list[list[str]] = []
    rev: list[bool] = []
    for i, e in enumerate(edges):
        if e.src == e.dst:
            chains.append([e.src, e.src])
            rev.append(False)
            continue
        up = i in back or layer[e.dst] <= layer[e.src]
        top, bottom = (e.dst, e.src) if up else (e.src, e.dst)
        lt, lb = 2 * layer[top], 2 * layer[bottom]
        if lb <= lt:            # same layer: cannot happen after layering, but be safe
            lb = lt + 2
            boxes[bottom].layer = lb
        chain = [top]
        lines = edge_label_lines(e)
        for fl in range(lt + 1, lb):
            key = f"e{i}.{fl}"
            if fl == lt + 1 and lines:
                w = max(len(x) for x in lines) * CHAR_W + 10
                boxes[key] = LNode(key, "label", fl, w, 14 * len(lines) + 4, lines=lines, edge=i)
            else:
                boxes[key] = LNode(key, "dummy", fl, 8, 8, edge=i)
            chain.append(key)
        chain.append(bottom)
        chains.append(chain)
        rev.append(up)
    # 4. order within layers: start from a breadth-first order, then barycentre sweeps
    n_layers = max((b.layer for b in boxes.values()), default=0) + 1
    layers: list[list[str]] = [[] for _ in range(n_layers)]
    up_nb: dict[str, list[str]] = {k: [] for k in boxes}
    down_nb: dict[str, list[str]] = {k: [] for k in boxes}
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            if a == b:
                continue
            down_nb[a].append(b)
            up_nb[b].append(a)
    seen: set[str] = set()
    queue = [k for k in [scenario.start] + topo + order if k in boxes]
    for k in queue:
        if k in seen:
            continue
        # breadth-first from here so children sit near their parents
        todo = [k]
        seen.add(k)
        while todo:
            v = todo.pop(0)
            layers[boxes[v].layer].append(v)
            for w in down_nb[v]:
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
    for k in boxes:
        if k not in seen:
            layers[boxes[k].layer].append(k)
    pos = {k: i for lay in layers for i, k in enumerate(lay)}
    best = [list(x) for x in layers]
    best_cross = _crossings(layers, down_nb, pos) if len(boxes) < 3000 else None
    for it in range(sweeps):
        rng = range(1, n_layers) if it % 2 == 0 else range(n_layers - 2, -1, -1)
        nb = up_nb if it % 2 == 0 else down_nb
        for li in rng:
            lay = layers[li]
            bary = {}
            for k in lay:
                ns = nb[k]
                bary[k] = sum(pos[x] for x in ns) / len(ns) if ns else pos[k]
            lay.sort(key=lambda k: (bary[k], pos[k]))
            for i, k in enumerate(lay):
                pos[k] = i
        if best_cross is not None:
            c = _crossings(layers, down_nb, pos)
            if c < best_cross:
                best_cross = c
                best = [list(x) for x in layers]
    if best_cross is not None:
        layers = best
        pos = {k: i for lay in layers for i, k in enumerate(lay)}
    # 5. x: pack, then pull every box towards its neighbours' average, keeping the order
    gap = 22.0
    for lay in layers:
        x = 0.0
        for k in lay:
            b = boxes[k]
            b.x = x + b.width / 2
            x += b.width + gap
    for it in range(8):
        rng = range(1, n_layers) if it % 2 == 0 else range(n_layers - 2, -1, -1)
        nb = up_nb if it % 2 == 0 else down_nb
        for li in rng:
            lay = layers[li]
            want = []
            for k in lay:
                ns = nb[k] or (up_nb[k] + down_nb[k])
                want.append(sum(boxes[x].x for x in ns) / len(ns) if ns else boxes[k].x)
            _place(lay, want, boxes, gap)
    # 6. y: layer by layer
    y = 30.0
    for lay in layers:
        h = max((boxes[k].height for k in lay), default=8)
        for k in lay:
            boxes[k].y = y + h / 2
        y += h + (26 if lay and boxes[lay[0]].layer % 2 == 0 else 16)
    min_x = min((b.x - b.width / 2 for b in boxes.values()), default=0)
    for b in boxes.values():
        b.x += 30 - min_x
    width = max((b.x + b.width / 2 for b in boxes.values()), default=100) + 30
    del gmap
    return Layout(boxes, chains, rev, width, y + 10)


def _place(lay: list[str], want: list[float], boxes: dict[str, LNode], gap: float) -> None:
    """Put the boxes of one layer as near ``want`` as their order and widths allow."""
    n = len(lay)
    if not n:
        return
    left = [0.0] * n
    for i, k in enumerate(lay):
        w = boxes[k].width
        left[i] = want[i] if i == 0 else max(want[i], left[i - 1]
                                             + (boxes[lay[i - 1]].width + w) / 2 + gap)
    right = [0.0] * n
    for i in range(n - 1, -1, -1):
        w = boxes[lay[i]].width
        right[i] = want[i] if i == n - 1 else min(want[i], right[i + 1]
                                                  - (boxes[lay[i + 1]].width + w) / 2 - gap)
    for i, k in enumerate(lay):
        boxes[k].x = (left[i] + right[i]) / 2
    # the average of two feasible placements is feasible
    for i in range(1, n):
        need = boxes[lay[i - 1]].x + (boxes[lay[i - 1]].width + boxes[lay[i]].width) / 2 + gap
        if boxes[lay[i]].x < need:
            boxes[lay[i]].x = need


def _crossings(layers, down_nb, pos) -> int:
    total = 0
    for lay in layers:
        segs = [(pos[a], pos[b]) for a in lay for b in down_nb[a]]
        segs.sort()
        # count inversions of the targets (merge-sort-free: small layers)
        tg = [b for _, b in segs]
        for i in range(len(tg)):
            for j in range(i + 1, len(tg)):
                if tg[j] < tg[i] and segs[j][0] != segs[i][0]:
                    total += 1
    return total
