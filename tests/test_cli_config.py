"""Configuration files and their errors, through the real command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wikicheck.cli import main

from .linkcheck.linkserver import LinkServer, serving

SKIP = "== A ==\n==== B ====\nText.\n== Empty ==\n== C ==\nx\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.wiki").write_text(SKIP)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.wiki").write_text(SKIP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pyproject_section_selects_and_ignores(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.wikicheck]\nselect = ["WC1"]\nignore = ["empty-section"]\n'
        'per-file-ignores = { "drafts/*" = ["WC101"] }\n'
    )
    code, out, _ = run(capsys, "lint", "articles", "drafts")
    assert code == 1
    assert "articles/a.wiki:2:1: WC101" in out
    assert "WC103" not in out
    assert "drafts/d.wiki" not in out


def test_wikicheck_toml_wins_and_cli_extends(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text('[tool.wikicheck]\nselect = ["WC101"]\n')
    (project / "wikicheck.toml").write_text('select = ["WC103"]\nexclude = ["drafts/*"]\n')
    code, out, _ = run(capsys, "lint", ".", "--extend-select", "WC101")
    assert code == 1
    assert "WC103" in out
    assert "WC101" in out
    assert "drafts" not in out


def test_fail_on_and_rule_options(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "wikicheck.toml").write_text(
        'fail-on = "error"\ntoday = 2026-01-15\nextend-select = ["stale-access-date"]\n'
        "[rules.stale-access-date]\nyears = 10\n"
    )
    (project / "articles" / "a.wiki").write_text(
        "Text.<ref>{{cite web |url=https://example.org |title=T |access-date=2004-01-01}}</ref>\n"
        "{{Reflist}}\n"
    )
    code, out, _ = run(capsys, "lint", "articles/a.wiki")
    assert "WC211" in out  # the opt-in rule, selected, with its option; the date from the config
    assert code == 0  # an info finding does not fail with fail-on = "error"
    code, _, _ = run(capsys, "lint", "articles/a.wiki", "--fail-on", "info")
    assert code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selekt = ['WC1']", "unknown key 'selekt'; allowed: "),
        ("select = ['WC999']", "select: 'WC999' matches no rule"),
        (
            "select = 'WC1'\nfail-on = 'fatal'",
            "fail-on: 'fatal' is not one of error, warning, info",
        ),
        ("today = 'yesterday'", "today: 'yesterday' is not a date"),
        ("[rules.WC211]\nyears = 'ten'", "rules.WC211.years: expected int, got 'ten'"),
        (
            "[rules.WC211]\nmonths = 3",
            "rules.WC211.months: WC211 has no such option; allowed: years",
        ),
        ("[rules.WC999]\nx = 1", "rules.WC999: no rule has this code or name"),
        ("[links]\ntimeout = -1", "links.timeout: must be greater than 0"),
        ("[links]\nretries = -1", "links.retries: must be 0 or more"),
        ("[links]\nworkers = true", "links.workers: wrong type bool"),
        ("[links]\nexclude = ['(']", "links.exclude: '(' is not a regular expression"),
        ("[links]\nproxy = 'x'", "links.proxy: unknown; allowed: timeout, workers"),
        ("[links]\ntimeout = nan", "links.timeout: must be a finite number, not nan"),
        ("[links]\nmax-retry-wait = inf", "links.max-retry-wait: must be a finite number"),
        ("[links]\ntimeout = 1e300", "links.timeout: must be at most 3600"),
        ('[links]\nuser-agent = "a\\r\\nX-Evil: 1"', "links.user-agent: control characters"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_configuration_names_file_and_key(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (project / "wikicheck.toml").write_text(content + "\n")
    code, _, err = run(capsys, "lint", "articles")
    assert code == 2
    assert str(project / "wikicheck.toml") in err
    assert message in err


def test_config_command_shows_effective_settings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.wikicheck]\nignore = ["WC3"]\nfail-on = "warning"\n'
    )
    code, out, _ = run(capsys, "config", "articles")
    assert code == 0
    assert f"# configuration file: {project / 'pyproject.toml'}" in out
    assert "ignore = ['WC3']" in out
    assert "fail-on = 'warning'" in out
    assert "WC301" not in out.splitlines()[-1]
    code, out, _ = run(capsys, "lint", "articles", "--isolated", "--select", "WC301")
    assert code == 0


def test_missing_explicit_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lint", "articles", "--config", "nope.toml")
    assert code == 2
    assert "nope.toml: no such configuration file" in err


def test_inline_suppressions_through_the_cli(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "articles" / "a.wiki").write_text(
        "== A ==\n<!-- wikicheck: disable-next-line WC101 -->\n==== B ====\nText.\n"
        "<!-- wikicheck: disable empty-section -->\n== Empty ==\n<!-- wikicheck: enable -->\n"
        "== C ==\nx <!-- wikicheck: disable-line WC111 -->\n"
    )
    code, out, _ = run(capsys, "lint", "articles/a.wiki", "--select", "WC1,WC002")
    assert code == 1
    assert out.splitlines()[0] == (
        "articles/a.wiki:9:3: WC002 suppression of WC111 suppresses nothing"
    )
    assert "WC101" not in out
    assert "WC103" not in out


# --- config trust (issue 14, item 13) --------------------------------------------------------


@pytest.fixture
def intranet() -> Iterator[LinkServer]:
    with serving("127.0.0.1") as server:
        yield server


def _link_page(project: Path, server: LinkServer) -> str:
    (project / "articles" / "links.wiki").write_text(f"[{server.base}/ok/trust x]\n")
    return "articles/links.wiki"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", "[tool.wikicheck.links]\nallow-private = true\n"),
        ("wikicheck.toml", "[links]\nallow-private = true\n"),
    ],
)
def test_a_repository_cannot_switch_the_guard_off(
    project: Path,
    intranet: LinkServer,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
) -> None:
    (project / name).write_text(content)
    code, out, err = run(capsys, "links", "--no-cache", _link_page(project, intranet))
    assert sum(intranet.hits.values()) == 0
    assert "blocked" in out
    assert f"{project / name}" in err
    assert "links.allow-private is ignored" in err
    assert "--allow-private" in err
    assert "wikicheck/wikicheck.toml" in err
    assert code == 0  # blocked is not a failure


def test_a_repository_cannot_turn_on_trust_env(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "wikicheck.toml").write_text("[links]\ntrust-env = true\ntimeout = 5\n")
    code, out, err = run(capsys, "config", "articles")
    assert code == 0
    assert "trust-env False" in out
    assert "timeout 5" in out  # the rest of the table still applies
    assert "links.trust-env is ignored" in err


def test_the_users_own_config_may_allow_private_and_the_run_says_so(
    project: Path, intranet: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    user = project / "user-config" / "wikicheck"
    user.mkdir(parents=True)
    (user / "wikicheck.toml").write_text("[links]\nallow-private = true\n")
    (project / "wikicheck.toml").write_text("[links]\ntimeout = 5\n")  # a project file too
    code, _out, err = run(capsys, "links", "--no-cache", _link_page(project, intranet))
    assert code == 0
    assert intranet.requests_to("/ok/trust") == 1
    assert "warning: --allow-private is on" in err


def test_the_command_line_may_allow_private_and_the_run_says_so(
    project: Path, intranet: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _link_page(project, intranet)
    code, _, err = run(capsys, "links", "--no-cache", "--allow-private", "--trust-env", page)
    assert code == 0
    assert intranet.requests_to("/ok/trust") == 1
    assert "warning: --allow-private is on" in err
    assert "warning: --trust-env is on" in err
