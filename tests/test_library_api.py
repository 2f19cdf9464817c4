"""The library as a bot operator uses it (issue 18): wikicheck.fix, selection as a string,
rule options by code or name, short reprs."""

from __future__ import annotations

import datetime as dt

import pytest

import wikicheck
from wikicheck import ConfigError, FixResult, Settings

BROKEN = (
    "== A ==\n==== Deep ====\n"
    "Text.<ref>{{cite web |url=https://example.org/a |title=T |date=15 Sept 2020}}</ref>\n"
    "{{Reflist}}\n"
)


def test_fix_applies_safe_fixes_and_says_which() -> None:
    result = wikicheck.fix(BROKEN, today=dt.date(2026, 1, 1))
    assert isinstance(result, FixResult)
    assert result.text == BROKEN.replace("15 Sept 2020", "15 September 2020")
    assert [finding.code for finding in result.applied] == ["WC201"]
    text, applied = result  # unpacks as (new_text, applied)
    assert text == result.text
    assert applied == result.applied


def test_fix_unsafe_and_select_as_a_string() -> None:
    result = wikicheck.fix(BROKEN, select="WC101", unsafe=True)
    assert result.text == BROKEN.replace("==== Deep ====", "=== Deep ===")
    assert [finding.code for finding in result.applied] == ["WC101"]
    assert wikicheck.fix(BROKEN, select="WC101").text == BROKEN  # unsafe: not without unsafe


def test_fix_never_changes_protected_text() -> None:
    text = "See [[Teh Word]] and teh word.\n"
    result = wikicheck.fix(text, select="WC601", unsafe=True)
    assert result.text == "See [[Teh Word]] and the word.\n"  # the link target stays


def test_select_and_ignore_accept_strings_and_lists() -> None:
    codes = [f.code for f in wikicheck.lint(BROKEN, select="WC101,WC201")]
    assert codes == ["WC101", "WC201"]
    assert [f.code for f in wikicheck.lint(BROKEN, select=["WC101", "WC201"])] == codes
    assert [f.code for f in wikicheck.lint(BROKEN, select="WC601")] == []
    assert [f.code for f in wikicheck.lint(BROKEN, select="WC1,WC2", ignore="WC201")] == ["WC101"]


def test_rule_options_by_code_or_name() -> None:
    text = "{{cite web |url=https://example.org/a |title=A |access-date=2020-01-01}}"
    today = dt.date(2026, 11, 30)
    assert wikicheck.lint(text, select="WC211", today=today) == []  # 10 years by default
    by_code = wikicheck.lint(
        text, select="WC211", today=today, rule_options={"WC211": {"years": 5}}
    )
    by_name = wikicheck.lint(
        text, select="WC211", today=today, rule_options={"stale-access-date": {"years": 5}}
    )
    settings = Settings(rule_options={"stale-access-date": {"years": 5}}, today=today)
    in_settings = wikicheck.lint(text, select="WC211", settings=settings)
    assert [f.code for f in by_code] == [f.code for f in by_name] == ["WC211"]
    assert [f.code for f in in_settings] == ["WC211"]
    with pytest.raises(ConfigError, match="WC211 has no such option; allowed: years"):
        wikicheck.lint(text, rule_options={"stale-access-date": {"months": 5}})
    with pytest.raises(ConfigError, match="no rule has this code or name"):
        wikicheck.lint(text, rule_options={"no-such-rule": {"years": 5}})


def test_reprs_are_short() -> None:
    article = wikicheck.parse(BROKEN * 200, path="a.wiki")
    assert repr(article) == (
        f"<Article a.wiki: {len(BROKEN) * 200:,} characters, 400 sections, 200 citations, "
        "200 refs, 400 templates>"
    )
    start = BROKEN.index("{{cite")
    end = BROKEN.index("}}</ref>") + 2
    assert repr(article.citations[0]) == (
        f"<Citation {{{{Cite web}}}}, title='T', 3 params at {start}-{end}>"
    )
    finding = wikicheck.lint(BROKEN, path="a.wiki", select="WC101")[0]
    assert (
        str(finding)
        == "a.wiki:2:1: WC101 heading level skips from 2 to 4: ==== Deep ==== should be level 3"
    )
    assert wikicheck.Article.__doc__
    assert "position(offset)" in wikicheck.Article.__doc__


@pytest.mark.parametrize(
    ("api", "expected"),
    [
        ("https://en.wikipedia.org/w/api.php", "https://en.wikipedia.org/wiki/"),
        ("http://127.0.0.1:8080/w/api.php", "http://127.0.0.1:8080/wiki/"),
        (
            "https://wiki.example.org/api.php",
            None,
        ),  # another layout: no link rather than a wrong one
        ("file:///w/api.php", None),
    ],
)
def test_html_report_links_pages_on_the_wiki_they_came_from(api: str, expected: str | None) -> None:
    from wikicheck.cli.lint import article_path
    from wikicheck.reporters import FORMATS, FileResult, Report

    assert article_path(api) == expected
    text = "== A ==\n==== B ====\nText."
    findings = tuple(wikicheck.lint(text, path="Niafunké attack", select=["WC101"]))
    report = Report(
        (FileResult("Niafunké attack", findings=findings),),
        texts={"Niafunké attack": text},
        site=expected,
    )
    html = FORMATS["html"](report)
    assert ('href="https://en.wikipedia.org/wiki/Niafunk%C3%A9_attack"' in html) == (
        expected == "https://en.wikipedia.org/wiki/"
    )


def test_the_old_name_of_rule_family_warns_and_still_works() -> None:
    with pytest.warns(
        DeprecationWarning, match=r"wikicheck\.Category is now wikicheck\.RuleFamily"
    ):
        old = wikicheck.Category
    assert old is wikicheck.RuleFamily
    assert "Category" not in wikicheck.__all__
