"""The HTML report, rendered in a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from claimex.report import ReportDoc, render_report
from tests.conftest import ROOT
from tests.test_extract_replay import article, quantities, run

CHROMIUM = os.environ.get("CLAIMEX_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


def build(tmp_path: Path) -> tuple[Path, list[ReportDoc]]:
    docs = [
        ReportDoc("koree-du-nord-russie.txt", article("seed"), run("seed")),
        ReportDoc("wikinews-001.txt", article("wikinews-001"), run("wikinews-001")),
    ]
    page = tmp_path / "report.html"
    page.write_text(render_report(docs, "claimex — test"), encoding="utf-8")
    return page, docs


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    page, _ = build(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "<script src" not in html and "<link" not in html
    assert html.count('<section class="doc"') == 2 and "<nav>" in html


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")
def test_the_report_in_headless_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_path, docs = build(tmp_path)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
            ],
        )  # fmt: skip
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        # every verified number sits on the text of a number the claims verified
        seed = docs[0]
        positions = {
            (q.start, q.end)
            for c in seed.result.claims
            for q in quantities(c)
            if q.verified and q.start is not None and q.end is not None
        }
        expected = sorted(seed.text[s:e] for s, e in positions)
        shown = sorted(page.locator("#doc-1 article .num.verified").all_inner_texts())
        assert shown == expected and len(expected) >= 5
        # each quote highlight reads as a piece of its claim's quote
        first = seed.result.claims[0]
        marks = page.locator(f'#doc-1 article .q[data-claims~="{first.id}"]').all_inner_texts()
        assert (
            "".join(marks).split() == seed.text[first.evidence.start : first.evidence.end].split()
        )
        # clicking a claim activates its words
        page.locator(f'#doc-1 .claim[data-claim="{first.id}"]').first.click()
        assert page.locator("#doc-1 .q.active").count() >= 1
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "report.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert errors == []
    assert shot.stat().st_size > 10_000
