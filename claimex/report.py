"""One self-contained HTML page: the article with its claims highlighted, numbers by verdict.

No network, no CDN: CSS and a few lines of script are inline. Each number of the text is coloured
by verdict: verified (a claim's number was proven there), failed (inside the quote of a claim
whose number did not verify), uncovered (an amount no claim covers). Clicking a claim in the side
panel scrolls to its words.
"""

from __future__ import annotations

import html
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from claimex.document import Document
from claimex.numbers import AMOUNT_KINDS
from claimex.result import Extraction
from claimex.schemas import BaseClaim, ContradictionClaim, Quantity, iter_quantities

__all__ = ["ReportDoc", "render_report"]


@dataclass(frozen=True)
class ReportDoc:
    """A document to show: its id, its text and its extraction."""

    id: str
    text: str
    result: Extraction

    @cached_property
    def document(self) -> Document:
        """The text with its numbers, scanned once however often the page reads them."""
        return Document(self.text)


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,sans-serif;color:#1d232a;background:#f6f7f9}
header{padding:14px 24px;background:#1d2b3a;color:#fff}
header h1{margin:0;font-size:20px}
nav{padding:8px 24px;background:#e9edf2;font-size:14px}
nav a{margin-right:14px}
section.doc{display:grid;
  grid-template-columns:minmax(0,3fr) minmax(0,2fr);
  gap:20px;padding:20px 24px;border-bottom:1px solid #d5dbe2}
.summary{grid-column:1/-1;display:flex;gap:12px;flex-wrap:wrap}
.stat{background:#fff;border:1px solid #d5dbe2;border-radius:6px;padding:6px 12px}
.stat b{font-size:18px;margin-right:4px}
article{background:#fff;
  border:1px solid #d5dbe2;
  border-radius:6px;padding:16px 20px;white-space:pre-wrap}
.q{background:#fff3bf;border-bottom:2px solid #f0c000}
.q.active{background:#ffd43b}
.num{padding:0 2px;border-radius:3px;font-weight:600}
.num.verified{background:#b2f2bb;color:#0b5b1b}
.num.failed{background:#ffc9c9;color:#8a0b0b}
.num.uncovered{background:#d0ebff;color:#0b3d6b}
aside{display:flex;flex-direction:column;gap:10px}
aside h3{margin:10px 0 2px;font-size:15px}
.claim{background:#fff;
  border:1px solid #d5dbe2;
  border-left:4px solid #adb5bd;border-radius:6px;padding:8px 10px;cursor:pointer}
.claim.ok{border-left-color:#2f9e44}
.claim.bad{border-left-color:#e03131}
.claim .meta{font-size:12px;color:#5c6773}
.claim blockquote{margin:4px 0;font-style:italic}
.badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin:2px 4px 0 0}
.badge.verified{background:#b2f2bb}
.badge.failed{background:#ffc9c9}
.contradiction{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.legend span{margin-right:10px}
"""

_JS = """
document.addEventListener('click', function (e) {
  var card = e.target.closest('.claim');
  if (!card) return;
  var doc = card.closest('section.doc');
  doc.querySelectorAll('.q.active').forEach(function (el) { el.classList.remove('active'); });
  var marks = doc.querySelectorAll('.q[data-claims~="' + card.dataset.claim + '"]');
  marks.forEach(function (el) { el.classList.add('active'); });
  if (marks.length) marks[0].scrollIntoView({block: 'center', behavior: 'smooth'});
});
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _quantities(claim: BaseClaim) -> list[Quantity]:
    return [n for _p, n, _e in iter_quantities(claim)]


def _number_classes(doc: ReportDoc) -> dict[tuple[int, int], str]:
    """Every amount of the text and its verdict class."""
    verified = {(q.start, q.end) for c in doc.result.claims for q in _quantities(c) if q.verified}
    failed_quotes = [
        (c.evidence.start, c.evidence.end)
        for c in doc.result.claims
        if c.evidence.start is not None
        and c.evidence.end is not None
        and any(q.verified is False for q in _quantities(c))
    ]
    classes = {}
    for m in doc.document.mentions:
        if m.kind not in AMOUNT_KINDS and (m.start, m.end) not in verified:
            continue
        if (m.start, m.end) in verified:
            classes[(m.start, m.end)] = "verified"
        elif any(
            s is not None and e is not None and s <= m.start and m.end <= e
            for s, e in failed_quotes
        ):
            classes[(m.start, m.end)] = "failed"
        else:
            classes[(m.start, m.end)] = "uncovered"
    return classes


def _article(doc: ReportDoc, classes: dict[tuple[int, int], str]) -> str:
    """The text cut at every quote and number boundary, each piece wrapped in its marks."""
    text = doc.text
    quotes = [
        (c.evidence.start, c.evidence.end, c.id)
        for c in doc.result.claims
        if c.evidence.start is not None and c.evidence.end is not None
    ]
    cuts = {0, len(text)}
    for s, e, _ in quotes:
        cuts.update((s, e))
    for s, e in classes:
        cuts.update((s, e))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        piece = _e(text[a:b])
        cls = next((v for (s, e), v in classes.items() if s <= a and b <= e), None)
        if cls:
            piece = f'<span class="num {cls}" title="{cls}">{piece}</span>'
        owners = [cid for s, e, cid in quotes if s <= a and b <= e]
        if owners:
            piece = f'<span class="q" data-claims="{_e(" ".join(owners))}">{piece}</span>'
        out.append(piece)
    return "".join(out)


def _claim_card(claim: BaseClaim, flagged: bool) -> str:
    badges = []
    for q in _quantities(claim):
        value = f"{q.value}" + (f"–{q.high}" if q.high is not None else "")
        state = "verified" if q.verified else "failed"
        badges.append(
            f'<span class="badge {state}">{_e(value)} {_e(q.unit)} · '
            f"{_e(q.qualifier.value)} · {state}</span>"
        )
    source = claim.attribution.source or "l'article"
    return (
        f'<div class="claim {"bad" if flagged else "ok"}" data-claim="{_e(claim.id)}">'
        f'<div class="meta">{_e(claim.id)} · {_e(claim.type)} · {_e(claim.status.value)} · '
        f"{_e(source)}</div>"
        f"<blockquote>« {_e(claim.evidence.quote)} »</blockquote>{''.join(badges)}</div>"
    )


def _panel(doc: ReportDoc) -> str:
    result = doc.result
    flagged = set(result.flagged)
    by_id = {c.id: (i, c) for i, c in enumerate(result.claims)}
    parts = []
    by_type: dict[str, list[tuple[int, BaseClaim]]] = defaultdict(list)
    for i, claim in enumerate(result.claims):
        by_type[claim.type].append((i, claim))
    for kind, claims in by_type.items():
        parts.append(f"<h3>{_e(kind)} ({len(claims)})</h3>")
        for i, claim in claims:
            card = _claim_card(claim, i in flagged)
            if isinstance(claim, ContradictionClaim):
                sides = [by_id[cid] for cid in claim.claim_ids if cid in by_id]
                card += (
                    '<div class="contradiction">'
                    + "".join(_claim_card(c, j in flagged) for j, c in sides)
                    + "</div>"
                )
            parts.append(card)
    sources: dict[str, list[str]] = defaultdict(list)
    for claim in result.claims:
        sources[claim.attribution.source or "l'article"].append(claim.id)
    parts.append("<h3>Sources</h3><ul>")
    parts.extend(f"<li>{_e(s)}: {_e(', '.join(ids))}</li>" for s, ids in sources.items())
    parts.append("</ul>")
    return "".join(parts)


def _section(doc: ReportDoc, anchor: str) -> str:
    classes = _number_classes(doc)
    counts: dict[str, int] = defaultdict(int)
    for v in classes.values():
        counts[v] += 1
    r = doc.result
    failed = sum(not q.verified for c in r.claims for q in _quantities(c))
    summary = (
        f'<div class="summary"><h2 style="margin:0 12px 0 0">{_e(doc.id)}</h2>'
        f'<span class="stat"><b>{len(r.claims)}</b>claims</span>'
        f'<span class="stat"><b>{counts["verified"]}</b>verified numbers</span>'
        f'<span class="stat"><b>{failed}</b>failed numbers</span>'
        f'<span class="stat"><b>{counts["uncovered"]}</b>uncovered</span>'
        f'<span class="stat legend"><span class="num verified">verified</span>'
        f'<span class="num failed">failed</span>'
        f'<span class="num uncovered">uncovered</span></span>'
        f'<span class="stat">{_e(r.provenance.model)} · {_e(r.provenance.prompt)}</span></div>'
    )
    return (
        f'<section class="doc" id="{_e(anchor)}">{summary}'
        f"<article>{_article(doc, classes)}</article><aside>{_panel(doc)}</aside></section>"
    )


def render_report(docs: Sequence[ReportDoc], title: str = "claimex report") -> str:
    """The whole page. One document, or many with a navigation bar."""
    anchors = [f"doc-{i + 1}" for i in range(len(docs))]
    nav = ""
    if len(docs) > 1:
        nav = (
            "<nav>"
            + "".join(f'<a href="#{a}">{_e(d.id)}</a>' for a, d in zip(anchors, docs, strict=True))
            + "</nav>"
        )
    total_claims = sum(len(d.result.claims) for d in docs)
    body = "".join(_section(d, a) for d, a in zip(docs, anchors, strict=True))
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>{len(docs)} document(s), {total_claims} claims</header>"
        f"{nav}{body}<script>{_JS}</script></body></html>"
    )
