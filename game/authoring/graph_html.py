"""The ``graph --format html`` page: inline SVG laid out by :func:`.graph.layout`.

Self-contained: no scripts, fonts or styles are fetched. A few lines of
vanilla JavaScript add pan (drag), zoom (wheel, buttons, keys + - 0) and a
side panel that shows a node's lines and choices when it is clicked (or
focused with Tab and opened with Enter). When the page has drawn, the script
sets ``document.body.dataset.ok = "1"`` (the browser test waits for it).
"""

from __future__ import annotations

import json
from html import escape

from ..engine.model import Scenario
from .graph import (DECISION_FILL, DECISION_LINE, EDGE_BAD, EDGE_GOOD, EDGE_ZERO, ENDING_FILL,
                    ENDING_LINE, LEGEND_NUMBERING, LINE_FILL, LINE_LINE, Layout, build, layout)

CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;
  color:#1d2430;background:#fafaf7}
header{display:flex;align-items:center;gap:12px;padding:8px 14px;border-bottom:1px solid #deded6;
  background:#fff;height:52px}
header h1{font-size:16px;margin:0;flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header button{font:inherit;min-width:34px;height:32px;border:1px solid #b9b9b0;border-radius:6px;
  background:#f4f4ef;cursor:pointer}
header button:focus-visible,.node:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
main{position:absolute;top:52px;left:0;right:0;bottom:0;display:flex}
#stage{flex:1;position:relative;overflow:hidden}
#graph{width:100%;height:100%;display:block;cursor:grab;touch-action:none;background:#fafaf7}
#graph.dragging{cursor:grabbing}
#panel{width:340px;max-width:45%;border-left:1px solid #deded6;background:#fff;overflow:auto;
  padding:12px 16px}
#node-info{display:none}#panel.open #node-info{display:block}#panel.open #legend{display:none}
#panel h2{font-size:16px;margin:4px 0}#panel .kind{color:#555;font-size:12px}
#panel ol{padding-left:22px}#panel li{margin:6px 0}
#panel .say{margin:4px 0}#panel .who{font-weight:600}
#panel .score{font-size:12px;color:#333}#panel .cond{font-size:12px;color:#6a4a00}
#panel a{color:#0060a0;cursor:pointer;text-decoration:underline}
#legend{font-size:13px}
#legend div{display:flex;align-items:center;gap:8px;margin:2px 0}
#legend p{margin:4px 0 0}
.node{cursor:pointer}
.node.sel rect,.node.sel polygon.outer{stroke-width:3.5}
.lbl{font-size:11px;fill:#222}
"""

JS = r"""
(function(){
  var svg=document.getElementById('graph'), vp=document.getElementById('viewport');
  var data=JSON.parse(document.getElementById('graph-data').textContent);
  var W=+svg.getAttribute('data-w'), H=+svg.getAttribute('data-h');
  var k=1, tx=0, ty=0, drag=null;
  function apply(){vp.setAttribute('transform','translate('+tx+','+ty+') scale('+k+')');}
  function box(){return svg.getBoundingClientRect();}
  function fit(){var r=box(); k=Math.min(r.width/W, r.height/H, 1.2); if(!(k>0)) k=1;
    tx=(r.width-W*k)/2; ty=Math.max(0,(r.height-H*k)/2); apply();}
  function zoom(f,cx,cy){var r=box(); if(cx===undefined){cx=r.width/2; cy=r.height/2;}
    var nk=Math.min(6,Math.max(0.03,k*f)); tx=cx-(cx-tx)*nk/k; ty=cy-(cy-ty)*nk/k; k=nk; apply();}
  svg.addEventListener('wheel',function(e){e.preventDefault(); var r=box();
    zoom(Math.exp(-e.deltaY*0.0015), e.clientX-r.left, e.clientY-r.top);},{passive:false});
  svg.addEventListener('pointerdown',function(e){if(e.target.closest('.node')) return;
    drag={x:e.clientX,y:e.clientY,tx:tx,ty:ty};
    try{svg.setPointerCapture(e.pointerId);}catch(err){}
    svg.classList.add('dragging');});
  svg.addEventListener('pointermove',function(e){if(!drag) return;
    tx=drag.tx+e.clientX-drag.x; ty=drag.ty+e.clientY-drag.y; apply();});
  function end(){drag=null; svg.classList.remove('dragging');}
  svg.addEventListener('pointerup',end); svg.addEventListener('pointercancel',end);
  document.getElementById('zin').onclick=function(){zoom(1.25);};
  document.getElementById('zout').onclick=function(){zoom(0.8);};
  document.getElementById('zfit').onclick=fit;
  document.addEventListener('keydown',function(e){
    if(e.ctrlKey||e.metaKey||e.altKey) return;
    if(e.key==='+'||e.key==='='){zoom(1.25); e.preventDefault();}
    else if(e.key==='-'||e.key==='_'){zoom(0.8); e.preventDefault();}
    else if(e.key==='0'){fit(); e.preventDefault();}
    else if(e.key==='Escape'){close();}
  });
  var panel=document.getElementById('panel'), info=document.getElementById('node-info');
  function el(tag,cls,text){var x=document.createElement(tag); if(cls) x.className=cls;
    if(text!==undefined) x.textContent=text; return x;}
  function close(){panel.classList.remove('open'); select(null);}
  function select(id){var old=vp.querySelector('.node.sel'); if(old) old.classList.remove('sel');
    if(id===null) return; var g=vp.querySelector('.node[data-id="'+CSS.escape(id)+'"]');
    if(g) g.classList.add('sel'); return g;}
  function center(id){var n=data.nodes[id]; if(!n) return; var r=box();
    tx=r.width/2-n.x*k; ty=r.height/2-n.y*k; apply();}
  function show(id){var n=data.nodes[id]; if(!n) return; select(id); info.innerHTML='';
    var panel=info;
    var c=el('button','', '× legend'); c.setAttribute('aria-label','close, show the legend');
    c.style.float='right'; c.onclick=close; panel.appendChild(c);
    panel.appendChild(el('h2','',id));
    panel.appendChild(el('div','kind',n.kind+' · line '+n.line+(n.start?' · start':'')));
    if(n.say.length){panel.appendChild(el('h3','','Lines'));
      n.say.forEach(function(s){var p=el('div','say'); if(s[0]){p.appendChild(el('span','who',s[0]+': '));}
        p.appendChild(document.createTextNode(s[1])); panel.appendChild(p);});}
    if(n.choices.length){panel.appendChild(el('h3','','Choices (numbered in file order)'));
      var ol=el('ol'); n.choices.forEach(function(ch){var li=el('li'); li.value=ch.n;
        li.appendChild(el('div','',ch.text));
        li.appendChild(el('div','score','q '+ch.q+(ch.parts?' · '+ch.parts:'')));
        if(ch.cond) li.appendChild(el('div','cond','shown only if '+ch.cond));
        if(ch.effects) li.appendChild(el('div','score',ch.effects));
        var a=el('a','','→ '+ch.next); a.onclick=function(){show(ch.next); center(ch.next);};
        li.appendChild(a); ol.appendChild(li);}); panel.appendChild(ol);}
    if(n.next){var a=el('a','','next → '+n.next); a.onclick=function(){show(n.next); center(n.next);};
      panel.appendChild(a);}
    if(n.end){panel.appendChild(el('h3','','Ending')); panel.appendChild(el('div','',n.end));}
    document.getElementById('panel').classList.add('open');}
  vp.querySelectorAll('.node').forEach(function(g){
    g.addEventListener('click',function(){show(g.getAttribute('data-id'));});
    g.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){
      show(g.getAttribute('data-id')); e.preventDefault();}});});
  fit();
  window.addEventListener('resize',fit);
  document.body.dataset.ok='1';
  if(location.hash==='#selftest'){   // used by the browser test: drive every control once
    try{
      var t0=vp.getAttribute('transform');
      document.dispatchEvent(new KeyboardEvent('keydown',{key:'+'}));
      if(vp.getAttribute('transform')===t0) throw 'key + did not zoom';
      var t1=vp.getAttribute('transform');
      svg.dispatchEvent(new WheelEvent('wheel',
        {deltaY:-200,clientX:50,clientY:50,bubbles:true,cancelable:true}));
      if(vp.getAttribute('transform')===t1) throw 'wheel did not zoom';
      var t2=vp.getAttribute('transform');
      svg.dispatchEvent(new PointerEvent('pointerdown',{clientX:200,clientY:200,pointerId:1,bubbles:true}));
      svg.dispatchEvent(new PointerEvent('pointermove',{clientX:260,clientY:230,pointerId:1,bubbles:true}));
      svg.dispatchEvent(new PointerEvent('pointerup',{clientX:260,clientY:230,pointerId:1,bubbles:true}));
      if(vp.getAttribute('transform')===t2) throw 'drag did not pan';
      document.getElementById('zout').click();
      document.dispatchEvent(new KeyboardEvent('keydown',{key:'0'}));
      var g=vp.querySelector('.node'); g.dispatchEvent(new MouseEvent('click',{bubbles:true}));
      if(!document.getElementById('panel').classList.contains('open')) throw 'panel did not open';
      if(info.textContent.indexOf(g.getAttribute('data-id'))<0) throw 'panel does not show the node';
      document.dispatchEvent(new KeyboardEvent('keydown',{key:'Escape'}));
      if(document.getElementById('panel').classList.contains('open')) throw 'Escape did not close';
      document.body.dataset.selftest='ok';
    }catch(err){document.body.dataset.selftest='fail: '+err;}
  }
})();
"""


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _octagon(x: float, y: float, w: float, h: float, inset: float = 0) -> str:
    w2, h2 = w / 2 - inset, h / 2 - inset
    c = min(10.0, h2 * 0.6)
    pts = [(x - w2 + c, y - h2), (x + w2 - c, y - h2), (x + w2, y - h2 + c), (x + w2, y + h2 - c),
           (x + w2 - c, y + h2), (x - w2 + c, y + h2), (x - w2, y + h2 - c), (x - w2, y - h2 + c)]
    return " ".join(f"{_num(a)},{_num(b)}" for a, b in pts)


def _node_svg(i: int, b, start: bool, reachable: bool = True) -> str:
    e = escape
    x, y, w, h = b.x, b.y, b.width, b.height
    lw = 3.2 if start else 1.5
    if b.kind == "decision":
        shape = (f'<rect x="{_num(x - w / 2)}" y="{_num(y - h / 2)}" width="{_num(w)}" '
                 f'height="{_num(h)}" rx="8" fill="{DECISION_FILL}" stroke="{DECISION_LINE}" '
                 f'stroke-width="{lw}"/>')
    elif b.kind == "line":
        shape = (f'<rect x="{_num(x - w / 2)}" y="{_num(y - h / 2)}" width="{_num(w)}" '
                 f'height="{_num(h)}" rx="{_num(h / 2)}" fill="{LINE_FILL}" stroke="{LINE_LINE}" '
                 f'stroke-width="{lw}"/>')
    else:
        shape = (f'<polygon class="outer" points="{_octagon(x, y, w, h)}" fill="{ENDING_FILL}" '
                 f'stroke="{ENDING_LINE}" stroke-width="{lw}"/>'
                 f'<polygon points="{_octagon(x, y, w, h, 3.5)}" fill="none" '
                 f'stroke="{ENDING_LINE}" stroke-width="1"/>')
    title, sub = b.lines
    tag = ""
    if start:
        tag = (f'<text x="{_num(x - w / 2 + 4)}" y="{_num(y - h / 2 - 5)}" font-size="11" '
               f'font-weight="600" fill="{DECISION_LINE}">start</text>')
    dim = "" if reachable else ' opacity="0.55" stroke-dasharray="4 3"'
    return (f'<g class="node" id="node-{i}" data-id="{e(b.key)}" tabindex="0" role="button"{dim} '
            f'aria-label="{e(b.kind)} {e(b.key)}">{shape}{tag}'
            f'<text x="{_num(x)}" y="{_num(y - 3)}" text-anchor="middle" font-size="13" '
            f'font-weight="600" fill="#1d2430">{e(title)}</text>'
            f'<text x="{_num(x)}" y="{_num(y + 13)}" text-anchor="middle" font-size="11" '
            f'fill="#444">{e(sub)}</text><title>{e(b.kind)}: {e(b.key)}</title></g>')


def _ports(lay: Layout) -> dict[tuple[int, str], float]:
    """Spread the ends of a node's edges along its bottom (out) and top (in) side,
    in the order of where they go, so that they do not all meet in one point."""
    groups: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for i, chain in enumerate(lay.chains):
        if len(chain) < 2 or chain[0] == chain[-1]:
            continue
        groups.setdefault((chain[0], "out"), []).append((lay.nodes[chain[1]].x, i))
        groups.setdefault((chain[-1], "in"), []).append((lay.nodes[chain[-2]].x, i))
    out = {}
    for (key, side), items in groups.items():
        b = lay.nodes[key]
        items.sort()
        span = min(b.width * 0.7, 14.0 * (len(items) - 1))
        for j, (_, i) in enumerate(items):
            off = -span / 2 + (span * j / (len(items) - 1) if len(items) > 1 else span / 2)
            out[(i, side)] = b.x + off
    return out


def _edge_svg(lay: Layout, i: int, edge, ports: dict) -> str:
    chain = lay.chains[i]
    boxes = lay.nodes
    colour = edge.colour
    dash = ' stroke-dasharray="6 4"' if edge.condition else ""
    marker = {EDGE_GOOD: "good", EDGE_BAD: "bad"}.get(colour, "zero")
    if chain[0] == chain[-1] and len(chain) == 2:          # a choice that leads back to its node
        b = boxes[chain[0]]
        x0, y0 = b.x + b.width / 2, b.y
        d = (f"M{_num(x0)},{_num(y0 - 8)} C{_num(x0 + 46)},{_num(y0 - 34)} "
             f"{_num(x0 + 46)},{_num(y0 + 34)} {_num(x0 + 2)},{_num(y0 + 8)}")
        return (f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.5"{dash} '
                f'marker-end="url(#arr-{marker})"><title>{escape(edge.label(9))}</title></path>')
    pts = []
    for j, key in enumerate(chain):
        b = boxes[key]
        if j == 0:
            pts.append((ports.get((i, "out"), b.x), b.y + b.height / 2))
        elif j == len(chain) - 1:
            pts.append((ports.get((i, "in"), b.x),
                        b.y - b.height / 2 - (2 if not lay.reversed[i] else 0)))
        else:
            pts.append((b.x, b.y))
    if lay.reversed[i]:
        # drawn from the lower node up to the upper one: leave from the side, arrive at the bottom
        pts = list(reversed(pts))
    d = f"M{_num(pts[0][0])},{_num(pts[0][1])}"
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        dy = (y1 - y0) / 2
        d += f" C{_num(x0)},{_num(y0 + dy)} {_num(x1)},{_num(y1 - dy)} {_num(x1)},{_num(y1)}"
    return (f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.5"{dash} '
            f'marker-end="url(#arr-{marker})"><title>{escape(edge.label(9))}</title></path>')


def _label_svg(b) -> str:
    x, y, w, h = b.x, b.y, b.width, b.height
    out = [f'<rect x="{_num(x - w / 2)}" y="{_num(y - h / 2)}" width="{_num(w)}" '
           f'height="{_num(h)}" rx="3" fill="#fafaf7" fill-opacity="0.92"/>']
    top = y - h / 2 + 13
    for j, line in enumerate(b.lines):
        weight = ' font-weight="600"' if j == 0 else ""
        colour = "#6a4a00" if line.startswith("if ") else "#222"
        out.append(f'<text class="lbl" x="{_num(x)}" y="{_num(top + 14 * j)}" '
                   f'text-anchor="middle" fill="{colour}"{weight}>{escape(line)}</text>')
    return "".join(out)


def _node_data(scenario: Scenario, principles, lay: Layout) -> dict:
    ids = tuple(principles)
    names = {}
    for pid in ids:
        p = principles[pid] if isinstance(principles, dict) else None
        names[pid] = p.label("da") if p is not None and hasattr(p, "label") else pid
    out = {}
    for nid, n in scenario.nodes.items():
        b = lay.nodes[nid]
        says = []
        for line in n.say:
            who = None
            if line.speaker:
                ch = scenario.characters.get(line.speaker)
                who = ch.name if ch else line.speaker
            says.append([who, line.text.source])
        choices = []
        for c in n.choices or ():
            parts = ", ".join(f"{names.get(d, d)} {v:+d}" for d, v in c.score.items() if v)
            effects = []
            if c.set:
                effects.append("set " + ", ".join(f"{k} = {e.source}" for k, e in c.set.items()))
            if c.mood:
                effects.append("mood " + ", ".join(f"{k} {v:+d}" for k, v in c.mood.items()))
            choices.append({"n": c.index + 1, "text": c.text.source,
                            "q": sum(c.score.get(d, 0) for d in ids), "parts": parts,
                            "cond": c.condition.source if c.condition is not None else None,
                            "effects": "; ".join(effects), "next": c.next})
        end = None
        if n.end is not None:
            end = n.end.title.source + (("\n" + n.end.text.source) if n.end.text else "")
        out[nid] = {"kind": n.kind, "line": n.pos[0], "start": nid == scenario.start,
                    "say": says, "choices": choices, "next": n.next, "end": end,
                    "x": round(b.x, 1), "y": round(b.y, 1)}
    return {"nodes": out}


def _legend() -> str:
    def icon(kind: str) -> str:
        if kind == "decision":
            shape = (f'<rect x="1" y="2" width="30" height="16" rx="4" fill="{DECISION_FILL}" '
                     f'stroke="{DECISION_LINE}" stroke-width="1.5"/>')
        elif kind == "line":
            shape = (f'<rect x="1" y="2" width="30" height="16" rx="8" fill="{LINE_FILL}" '
                     f'stroke="{LINE_LINE}" stroke-width="1.5"/>')
        else:
            shape = (f'<polygon points="{_octagon(16, 10, 30, 16)}" fill="{ENDING_FILL}" '
                     f'stroke="{ENDING_LINE}" stroke-width="1.5"/>')
        return f'<svg width="32" height="20" aria-hidden="true">{shape}</svg>'

    def line_icon(colour: str, dashed: bool) -> str:
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        return (f'<svg width="32" height="20" aria-hidden="true"><line x1="1" y1="10" x2="31" '
                f'y2="10" stroke="{colour}" stroke-width="2"{dash}/></svg>')

    return (f'<div id="legend"><strong>Legend</strong>'
            f'<div>{icon("decision")} decision (the player chooses)</div>'
            f'<div>{icon("line")} line (moves on by itself)</div>'
            f'<div>{icon("ending")} ending</div>'
            f'<div>{line_icon(EDGE_GOOD, False)} choice with total score (q) above 0</div>'
            f'<div>{line_icon(EDGE_BAD, False)} q below 0 &nbsp; {line_icon(EDGE_ZERO, False)} '
            f'q is 0, or <em>next</em></div>'
            f'<div>{line_icon(EDGE_ZERO, True)} shown only when its <em>if</em> is true</div>'
            f'<p>Labels read <em>number: q (principle scores)</em>. {escape(LEGEND_NUMBERING)} '
            f'Click a node to read its lines and choices. Drag to move, wheel or + − to zoom, '
            f'0 to fit.</p></div>')


def to_html(scenario: Scenario, principles) -> str:
    nodes, edges = build(scenario, principles)
    lay = layout(scenario, nodes, edges)
    starts = {n.id for n in nodes if n.start}
    parts = []
    ports = _ports(lay)
    for i, e in enumerate(edges):
        parts.append(_edge_svg(lay, i, e, ports))
    for b in lay.nodes.values():
        if b.kind == "label":
            parts.append(_label_svg(b))
    for i, n in enumerate(nodes):
        parts.append(_node_svg(i, lay.nodes[n.id], n.id in starts, n.reachable))
    markers = "".join(
        f'<marker id="arr-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{colour}"/></marker>'
        for name, colour in (("good", EDGE_GOOD), ("bad", EDGE_BAD), ("zero", EDGE_ZERO)))
    data = json.dumps(_node_data(scenario, principles, lay), ensure_ascii=False)
    data = data.replace("</", "<\\/")
    e = escape
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Graph: {e(scenario.title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{e(scenario.title)} <small style="font-weight:400;color:#666">'
        f"{e(scenario.id)}</small></h1>"
        '<button id="zout" title="zoom out (−)" aria-label="zoom out">−</button>'
        '<button id="zin" title="zoom in (+)" aria-label="zoom in">+</button>'
        '<button id="zfit" title="fit to window (0)" aria-label="fit to window">fit</button>'
        "</header><main><div id=stage>"
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" data-w="{_num(lay.width)}" '
        f'data-h="{_num(lay.height)}" role="img" aria-label="scenario graph">'
        f'<defs>{markers}</defs><g id="viewport">{"".join(parts)}</g></svg>'
        "</div>"
        f'<aside id="panel" aria-live="polite">{_legend()}<div id="node-info"></div></aside></main>'
        f'<script type="application/json" id="graph-data">{data}</script>'
        f"<script>{JS}</script></body></html>")
