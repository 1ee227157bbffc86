"""The plain-text summary of an analysis, written for authors rather than programmers."""

from __future__ import annotations

from .statespace import INDEX

IN_PLAY_NOTE = ("A principle is 'in play' in a playthrough when at least two of its decision "
                "points offered choices that differ on it; otherwise the game shows it as "
                "'ikke i spil' and it does not count here.")


def _n(x: int) -> str:
    return f"{x:,}"


def _paths_text(n: int) -> str:
    if n < 10 ** 15:
        return _n(n)
    s = str(n)
    return f"about {s[0]}.{s[1:3]} × 10^{len(s) - 1}"


def _pct(p: float) -> str:
    if p == 0:
        return "0%"
    if p < 0.001:
        return "<0.1%"
    if abs(p - 1) < 1e-12:
        return "100%"
    return f"{100 * p:.1f}%"


def _range(entry) -> str:
    if entry is None:
        return "not in play in any playthrough"
    lo, hi = round(entry["min"]), round(entry["max"])
    return f"{lo:>3} – {hi:<3}"


def _share(dist: dict | None) -> str:
    if not dist or not dist.get("total"):
        return ""
    share = dist["in_play"] / dist["total"]
    avg = dist.get("mean")
    avg_text = f", average {avg:.0f}" if avg is not None else ""
    return f"in play in {_pct(share)} of playthroughs{avg_text}"


def summary_text(a) -> str:
    s = a.scenario
    out: list[str] = []
    w = out.append
    w(f'Analysis of "{s.title}" ({s.id})')
    w(f"Difficulty {a.difficulty} · " + ("the player has written a personal statement"
                                         if a.statement else
                                         "the player has not written a personal statement"))
    w("")
    reached = [nid for nid, info in a.per_node.items() if info["reached"]]
    w("Playthroughs")
    if a.paths is not None:
        w(f"  {_paths_text(a.paths)} different "
          f"{'way' if a.paths == 1 else 'ways'} to play it through to an ending.")
    elif a.loops:
        w("  Endlessly many: the scenario can come back to a situation it has been in before.")
    else:
        w("  Too many to count (see 'How' below).")
    w(f"  {len(reached)} of {len(a.per_node)} decision points can be reached.")
    w("")
    w("Overall index (all principles added together)")
    if a.index is None:
        w("  Not in play: no decision point offers choices with different totals.")
    else:
        w(f"  lowest {round(a.index['min'])}, highest {round(a.index['max'])}"
          + (f" · {_share(a.distributions.get(INDEX))}" if a.distributions.get(INDEX) else ""))
    w("")
    w("Principles: lowest – highest score a playthrough can get (0–100)")
    width = max((len(a.names[p]) for p in a.principle_ids), default=10) + 2
    for pid in a.principle_ids:
        entry = a.scores.get(pid)
        line = f"  {a.names[pid]:<{width}}{_range(entry)}"
        if entry is not None:
            line += "   " + _share(a.distributions.get(pid))
        w(line.rstrip())
    w("")
    w("Endings: chance when the player picks any visible choice with equal chance")
    ew = max((len(e) for e in a.endings), default=6) + 2
    for nid, p in sorted(a.endings.items(), key=lambda kv: -kv[1]):
        info = a.ending_info.get(nid, {})
        title = info.get("title", "")
        if info.get("reachable") is False:
            w(f"  {nid:<{ew}}{'—':>6}   cannot be reached at difficulty {a.difficulty}"
              f"  \"{title}\"")
        else:
            w(f"  {nid:<{ew}}{_pct(p):>6}   \"{title}\"")
    if a.stuck:
        w(f"  (stuck, no choice visible){'':<{max(0, ew - 26)}}{_pct(a.stuck['probability']):>6}")
    w("")
    looks = _things_to_look_at(a)
    if looks:
        w("Worth a look")
        for item in looks:
            w("  • " + item)
        w("")
    w("Decision points (q = a choice's scores added up over all principles)")
    nw = max((len(n) for n in a.per_node), default=4) + 2
    w(f"  {'line':>5}  {'node':<{nw}}{'reached':>8}   {'q range':<9} choices shown")
    for nid, info in a.per_node.items():
        if not info["reached"]:
            w(f"  {info['line']:>5}  {nid:<{nw}}{'—':>8}   (cannot be reached)")
            continue
        shown = sorted({x for v in info["visible_sets"] for x in v})
        q = info["q"]
        w(f"  {info['line']:>5}  {nid:<{nw}}{_pct(min(info['visits'], 1.0)):>8}   "
          f"{q['min']:>2} … {q['max']:<3}  {', '.join(map(str, shown))}")
    w("")
    w("How these numbers were found")
    for line in _how(a):
        w("  " + line)
    w("  " + IN_PLAY_NOTE)
    return "\n".join(out)


def _things_to_look_at(a) -> list[str]:
    items = []
    weak = [d for d in a.dominated if d.get("weak_option")]
    for d in a.dominated:
        if d.get("weak_option"):
            continue
        worse = ", ".join(a.names.get(p, p) for p in d["worse_on"])
        items.append(f"line {d['line']}, node '{d['node']}': choice {d['choice']} is dominated "
                     f"by choice {d['by']}. It scores the same or lower on every principle and "
                     f"lower on {worse}, and choice {d['by']} is shown every time choice "
                     f"{d['choice']} is. (It may still lead somewhere useful.)")
    if weak:
        where = ", ".join(f"'{d['node']}' {d['choice']}" for d in weak)
        items.append(f"{len(weak)} weak option{'s' if len(weak) != 1 else ''} (no score above 0) "
                     f"{'are' if len(weak) != 1 else 'is'} dominated by a better choice at the "
                     f"same decision, as weak options usually are: {where}. That is fine when "
                     "it is meant as the example of what not to do.")
    for d in a.never_shown:
        cond = f" (if: {d['condition']})" if d["condition"] else ""
        items.append(f"line {d['line']}, node '{d['node']}': choice {d['choice']} is never "
                     f"shown at difficulty {a.difficulty}{cond}.")
    if a.stuck:
        for nid, envs in a.stuck.get("nodes", {}).items():
            env = envs[0] if envs else {}
            when = ", ".join(f"{k} = {str(v).lower()}" for k, v in env.items())
            items.append(f"node '{nid}': a player can be left with no visible choice"
                         + (f" (for example when {when})" if when else "")
                         + f". That happens in {_pct(a.stuck['probability'])} of random "
                         "playthroughs.")
    for nid in a.unreachable:
        line = a.per_node.get(nid, {}).get("line", "?")
        items.append(f"line {line}: decision point '{nid}' cannot be reached at difficulty "
                     f"{a.difficulty}" + (" with a written statement." if a.statement else "."))
    for nid, info in a.ending_info.items():
        if info.get("reachable") is False:
            items.append(f"line {info['line']}: ending '{nid}' cannot be reached at "
                         f"difficulty {a.difficulty}.")
    return items


def _how(a) -> list[str]:
    lines = []
    if a.states:
        lines.append(f"Every reachable situation was listed: {_n(a.states)} "
                     f"situation{'s' if a.states != 1 else ''} (a decision point or ending plus "
                     f"the values that still matter) and {_n(a.choices)} "
                     f"choice{'s' if a.choices != 1 else ''} between them.")
    if not a.sampled:
        lines.append("All numbers are exact: every playthrough was counted.")
    elif a.sample_mode == "paths":
        lines.append(f"The score distributions (averages and shares) are estimated from "
                     f"{_n(a.samples)} playthroughs drawn so that every playthrough is equally "
                     f"likely (seed {a.seed}); there are too many to count one by one.")
        if a.extremes_exact:
            lines.append("The lowest and highest scores, the number of playthroughs and the "
                         "chances of the endings are still exact.")
        else:
            lines.append("The number of playthroughs and the chances of the endings are exact; "
                         "the lowest and highest scores are the lowest and highest seen.")
    else:
        lines.append(f"Scores come from {_n(a.samples)} random playthroughs (seed {a.seed}); "
                     "the lowest and highest are the lowest and highest seen.")
    for note in a.notes:
        lines.append(note)
    return lines
