"""meeting-trainer graph: DOT, Mermaid and the self-contained HTML view (tested in Chromium).

The browser tests need Debian's ``chromium`` (tools/system-deps.sh installs it);
without it they are skipped with that reason.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from game.authoring import graph, graph_html
from game.cli import main
from game.engine.compiler import compile_text, load_scenario

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
REHAB = ROOT / "scenarios" / "rehab-first-meeting.yaml"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (tools/system-deps.sh installs it; "
                             "apt-get install chromium)")


@pytest.fixture(scope="module")
def rehab(principles):
    return load_scenario(REHAB, principles)


def test_build_edges_follow_file_order(spec_example, principles):
    nodes, edges = graph.build(spec_example, principles)
    assert [n.id for n in nodes] == list(spec_example.nodes)
    kinds = {n.id: n.kind for n in nodes}
    assert kinds["opening"] == "decision" and kinds["statement"] == "line"
    assert kinds["good_end"] == "ending"
    first = [e for e in edges if e.src == "opening"]
    assert [e.number for e in first] == [1, 2, 3]
    assert first[0].label() == "1: +5 (Egne ord +2, Selvbestemmelse +2, +1 more)"
    cond = [e for e in edges if e.condition]
    assert len(cond) == 1 and cond[0].condition == "not asked_who_decides or mood.mette >= 1"


def test_dot(spec_example, principles):
    dot = graph.to_dot(spec_example, principles)
    assert dot.startswith("//") and "digraph" in dot and dot.rstrip().endswith("}")
    for nid in spec_example.nodes:
        assert f'"{nid}" [' in dot
    assert 'shape=doubleoctagon' in dot and 'shape=ellipse' in dot and 'shape=box' in dot
    assert "style=dashed" in dot and "if not asked_who_decides" in dot
    assert "cluster_legend" in dot and "lower numbers" in dot
    assert dot.count("{") == dot.count("}")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_dot_renders_with_graphviz(rehab, principles, tmp_path):
    src = tmp_path / "g.dot"
    src.write_text(graph.to_dot(rehab, principles), encoding="utf-8")
    run = subprocess.run(["dot", "-Tsvg", str(src)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "<svg" in run.stdout and "Warning" not in run.stderr


def test_mermaid(spec_example, principles):
    mm = graph.to_mermaid(spec_example, principles)
    lines = mm.splitlines()
    assert "flowchart TD" in lines
    assert sum(1 for ln in lines if re.match(r"\s+n\d+(\[|\(\[|\{\{)", ln)) == len(spec_example.nodes)
    assert any("-.->" in ln and "mood.mette #gt;= 1" in ln for ln in lines)   # dashed, escaped
    assert "classDef decisionNode" in mm and "classDef endingNode" in mm
    assert "classDef lineNode" in mm and "class n0 startNode" in mm
    assert "linkStyle" in mm


def _check_layout(lay: graph.Layout, nodes, edges) -> None:
    boxes = lay.nodes
    for n in nodes:
        assert boxes[n.id].layer % 2 == 0
    by_layer: dict[int, list] = {}
    for b in boxes.values():
        by_layer.setdefault(b.layer, []).append(b)
    for row in by_layer.values():
        row.sort(key=lambda b: b.x)
        for a, b in zip(row, row[1:]):
            assert a.x + a.width / 2 <= b.x - b.width / 2 + 1e-6, (a.key, b.key)
    for i, chain in enumerate(lay.chains):
        if chain[0] == chain[-1]:
            continue
        layers = [boxes[k].layer for k in chain]
        assert layers == list(range(layers[0], layers[0] + len(layers))), (i, layers)
        e = edges[i]
        assert {chain[0], chain[-1]} == {e.src, e.dst}


def test_layout_rehab(rehab, principles):
    nodes, edges = graph.build(rehab, principles)
    lay = graph.layout(rehab, nodes, edges)
    _check_layout(lay, nodes, edges)
    assert lay.nodes["velkomst"].layer == 0          # longest-path layering from the start
    assert not any(lay.reversed)


def test_layout_with_loops(principles):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_analysis import random_scenario
    for seed in range(12):
        sc, diags = compile_text(random_scenario(seed, loops=True), "r.yaml", principles)
        assert sc is not None
        nodes, edges = graph.build(sc, principles)
        lay = graph.layout(sc, nodes, edges)
        _check_layout(lay, nodes, edges)


def test_html_is_self_contained(rehab, principles):
    page = graph_html.to_html(rehab, principles)
    assert page.startswith("<!doctype html>")
    stripped = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http://" not in stripped and "https://" not in stripped
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    for nid in rehab.nodes:
        assert f'data-id="{nid}"' in page


def test_command(tmp_path, capsys):
    assert main(["graph", str(DATA / "spec_example.yaml"), "--format", "dot"]) == 0
    assert "digraph" in capsys.readouterr().out
    out = tmp_path / "g.mmd"
    assert main(["graph", str(DATA / "spec_example.yaml"), "--format", "mermaid",
                 "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("%%")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["graph", str(broken), "--format", "dot"]) == 1
    assert f"{broken}:1:1: MT202 error" in capsys.readouterr().out
    assert main(["graph", str(DATA / "spec_example.yaml"), "--format", "svg"]) == 2
    assert main(["graph", str(tmp_path / "nope.yaml")]) == 2


# ---------------------------------------------------------------- in a real browser

def _chromium(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
           "--window-size=1400,900", "--virtual-time-budget=3000", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def _page_console(stderr: str, page: Path) -> list[str]:
    """Console messages (errors included) that came from the page."""
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln and page.name in ln]


@needs_chromium
def test_html_in_chromium(rehab, principles, tmp_path):
    page = tmp_path / "graph.html"
    assert main(["graph", str(REHAB), "--format", "html", "-o", str(page)]) == 0
    run = _chromium(page.as_uri() + "#selftest", tmp_path, "--dump-dom")
    dom = run.stdout
    assert run.returncode == 0, run.stderr[-2000:]
    body = re.search(r"<body[^>]*>", dom)
    assert body, dom[:500]
    assert 'data-ok="1"' in body.group(0), "the page script did not finish"
    assert 'data-selftest="ok"' in body.group(0), body.group(0)   # pan, zoom, keys, click
    assert _page_console(run.stderr, page) == []
    drawn = {unescape(m) for m in re.findall(r'<g class="node[^"]*"[^>]*data-id="([^"]+)"', dom)}
    assert drawn == set(rehab.nodes)


@needs_chromium
def test_html_screenshot_shows_the_graph(tmp_path):
    page = tmp_path / "graph.html"
    assert main(["graph", str(REHAB), "-o", str(page)]) == 0
    shot = tmp_path / "shot.png"
    run = _chromium(page.as_uri(), tmp_path, f"--screenshot={shot}", "--hide-scrollbars")
    assert shot.exists(), run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert _page_console(run.stderr, page) == []
    import pygame
    img = pygame.image.load(str(shot))
    w, h = img.get_size()
    coloured = 0
    for x in range(0, w, 7):
        for y in range(60, h, 7):
            r, g, b, *_ = img.get_at((x, y))
            if (r, g, b) in {(220, 235, 247), (251, 229, 196), (0, 114, 178)}:  # node fills, edges
                coloured += 1
    assert coloured > 50, "the screenshot shows no nodes"


@needs_chromium
def test_analysis_report_in_chromium(tmp_path):
    page = tmp_path / "report.html"
    assert main(["analyze", str(REHAB), "--html", str(page)]) == 0
    run = _chromium(page.as_uri(), tmp_path, "--dump-dom")
    assert run.returncode == 0
    assert run.stdout.count("<svg") >= 11
    assert _page_console(run.stderr, page) == []
