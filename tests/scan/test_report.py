"""The HTML reports: self-contained, numbers equal to the scan's JSON, findings highlighted at
their positions with their messages on hover — checked in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wikicheck.cli import main

from ..conftest import FIXTURES, IN_CI, corpus_paths, require_corpus
from .dumpbuilder import pages_from_files, write_dump

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    require_corpus()
    folder = tmp_path_factory.mktemp("report")
    articles = [path for path in corpus_paths() if "--" not in path.name][:10]
    dump = write_dump(pages_from_files(articles), folder / "small.xml.bz2")
    out = folder / "scan.jsonl"
    assert main(["scan", str(dump), "--out", str(out), "--isolated", "--today", "2026-11-23",
                 "-j", "1", "--quiet"]) == 0  # fmt: skip
    html = folder / "report.html"
    assert main(["report", str(out), "--html", str(html), "--dump", str(dump)]) == 0
    return out, html, dump


def _summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(str(out) + ".summary.json").read_text("utf-8"))
    return data


def test_the_summary_knows_the_wiki_from_the_dump_and_the_report_links_to_it(
    scanned: tuple[Path, Path, Path],
) -> None:
    """The dump's <base> (its main page) gives the article path; pages listed without a
    view of their own link to the page on that wiki."""
    out, html_path, _dump = scanned
    assert _summary(out)["site"] == "https://en.wikipedia.org/wiki/"
    assert 'href="https://en.wikipedia.org/wiki/' in html_path.read_text(encoding="utf-8")


def test_report_is_self_contained(scanned: tuple[Path, Path, Path]) -> None:
    html = scanned[1].read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import|url\(", html)
    assert "<svg" in html
    assert 'id="chart-backlog"' in html


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and CHROMEDRIVER):
        if IN_CI:
            pytest.fail("chromium and chromedriver must be installed in CI (see .ci/run)")
        pytest.skip("chromium/chromedriver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1800"):
        options.add_argument(argument)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_report_in_a_real_browser(
    scanned: tuple[Path, Path, Path], browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    out, html, _dump = scanned
    browser.get(html.as_uri())
    assert browser.title == "wikicheck scan report"
    problems = [entry for entry in browser.get_log("browser") if entry["level"] != "INFO"]
    assert problems == []
    summary = _summary(out)

    def metric(name: str) -> int:
        text = browser.find_element(By.CSS_SELECTOR, f'[data-metric="{name}"]').text
        return int(text.replace(",", ""))

    assert metric("pages") == summary["pages"]
    assert metric("findings") == summary["findings"]
    assert metric("pages_with_findings") == summary["pages_with_findings"]
    assert metric("errors") == summary["by_severity"].get("error", 0)
    for code, entry in summary["by_code"].items():
        cell = browser.find_element(By.CSS_SELECTOR, f'td[data-code="{code}"]')
        assert int(cell.text.replace(",", "")) == entry["count"]
    bars = browser.find_elements(By.CSS_SELECTOR, "#chart-category g.bar")
    assert {b.get_attribute("data-label"): int(b.get_attribute("data-value")) for b in bars} == (
        summary["by_category"]
    )
    embedded = json.loads(browser.find_element(By.ID, "summary-data").get_attribute("textContent"))
    assert embedded["findings"] == summary["findings"]

    top = summary["top_pages"][0]
    page = browser.find_element(By.ID, f"page-{top['page_id']}")
    page.find_element(By.TAG_NAME, "summary").click()
    marks = page.find_elements(By.CSS_SELECTOR, "table.source td.src mark")
    assert marks, "findings are highlighted in the wikitext"
    first = marks[0]
    assert re.match(r"WC\d{3} \([a-z-]+\): ", first.get_attribute("title"))
    assert first.is_displayed()
    notes = page.find_elements(By.CSS_SELECTOR, "table.source tr.note")
    assert len(notes) == top["findings"], "every finding's message is printed in the source"
    assert all(note.is_displayed() for note in notes[:5])

    # The findings come first, grouped by rule, and each place links to its note in the source.
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
    assert headings.index("Findings by rule") < headings.index("Charts")
    rules = browser.find_elements(By.CSS_SELECTOR, "details.rule")
    assert {r.get_attribute("data-code") for r in rules} == set(summary["by_code"])
    for rule in rules:
        code = rule.get_attribute("data-code")
        count = rule.find_element(By.CSS_SELECTOR, "[data-rule-count]").text
        assert int(count.replace(",", "")) == summary["by_code"][code]["count"]
    target = str(top["page_id"])
    browser.get(html.as_uri())
    rules = browser.find_elements(By.CSS_SELECTOR, "details.rule")
    link = browser.find_element(By.CSS_SELECTOR, f'details.rule a[href^="#f-{target}-"]')
    rule = link.find_element(By.XPATH, "ancestor::details[contains(@class, 'rule')]")
    rule.find_element(By.TAG_NAME, "summary").click()
    places = link.find_elements(By.XPATH, "ancestor::details[contains(@class, 'places')]")
    for group in places:
        group.find_element(By.TAG_NAME, "summary").click()
    note_id = link.get_attribute("href").split("#")[1]
    link.click()
    note = browser.find_element(By.ID, note_id)
    assert note.is_displayed(), "the link opens the page's view at the finding"
    assert note.find_element(By.TAG_NAME, "code").text == rule.get_attribute("data-code")

    # The filter hides what is not selected.
    shown = [r for r in rules if r.is_displayed()]
    wanted = shown[0].get_attribute("data-code")
    select = browser.find_element(By.CSS_SELECTOR, "#filter select")
    select.find_element(By.CSS_SELECTOR, f'option[value="{wanted}"]').click()
    visible = [r.get_attribute("data-code") for r in rules if r.is_displayed()]
    assert visible == [wanted]
    select.find_element(By.CSS_SELECTOR, 'option[value=""]').click()
    for box in browser.find_elements(By.CSS_SELECTOR, "#filter input[name=severity]"):
        box.click()
    assert not any(r.is_displayed() for r in rules)
    for box in browser.find_elements(By.CSS_SELECTOR, "#filter input[name=severity]"):
        box.click()
    later = [entry for entry in browser.get_log("browser") if entry["level"] != "INFO"]
    assert later == [], "no console message after using the page"

    browser.get(html.as_uri() + f"#page-{top['page_id']}")
    opened = browser.find_element(By.ID, f"page-{top['page_id']}")
    assert opened.get_attribute("open") is not None, "a link to a page opens its view"
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
    if os.environ.get("WIKICHECK_REPORT_SCREENSHOT"):  # to look at it: a path to copy it to
        shutil.copy(shot, os.environ["WIKICHECK_REPORT_SCREENSHOT"])


def test_lint_format_html_highlights_the_seed_typo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = FIXTURES / "niafunke_attack.wiki"
    main(["lint", str(seed), "--isolated", "--format", "html", "--today", "2026-11-23"])
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>")
    match = re.search(
        r'<mark class="warning" data-codes="WC601" title="([^"]+)">casaulties</mark>', html
    )
    assert match is not None
    assert "probably a misspelling of &quot;casualties&quot;" in match.group(1)
    assert 'data-metric="findings">2<' in html


def _finding(code: str, start: int, end: int, severity: str = "warning") -> dict[str, Any]:
    return {"code": code, "rule": "r", "message": f"m{code}", "severity": severity,
            "offset": start, "end_offset": end}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        ("a<b", [], "a&lt;b"),
        ("abcdef", [_finding("WC1", 1, 3)],
         'a<mark class="warning" data-codes="WC1" title="WC1 (r): mWC1">bc</mark>def'),
        ("abcdef", [_finding("WC1", 1, 4), _finding("WC2", 2, 5, "error")],
         'a<mark class="warning" data-codes="WC1" title="WC1 (r): mWC1">b</mark>'
         '<mark class="error" data-codes="WC1 WC2" title="WC1 (r): mWC1\nWC2 (r): mWC2">cd</mark>'
         '<mark class="error" data-codes="WC2" title="WC2 (r): mWC2">e</mark>f'),
        ("ab", [_finding("WC3", 1, 1, "info")],
         'a<mark class="info point" data-codes="WC3" title="WC3 (r): mWC3"></mark>b'),
    ],
)  # fmt: skip
def test_highlighting(text: str, findings: list[dict[str, Any]], expected: str) -> None:
    from wikicheck.reporters.html_parts import highlighted

    assert highlighted(text, findings) == expected
