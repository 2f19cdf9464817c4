"""``wikicheck lint``: files, directories, stdin or wiki pages through the runner, reported
in the chosen format; ``--check-links`` first checks the URLs they hold."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError, WikicheckError
from ..findings import Severity
from ..reporters import FORMATS, FileResult, Report

if TYPE_CHECKING:
    from ..runner import Job
    from ..settings import Settings

from .common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    add_output,
    add_quiet,
    add_selection,
    codes,
    color,
    positive,
    resolve_settings,
    write_output,
)
from .links import add_link_options, check_with_cache, fetch_wiki, link_settings


def add_lint_parser(commands: Any) -> None:
    lint = commands.add_parser("lint", help="check wikitext files and report findings")
    lint.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    lint.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=sorted(FORMATS),
        default="full",
        help="full (also: text): findings with their source lines; concise: one line a "
        "finding; json, sarif, github, statistics, html",
    )
    lint.add_argument("--statistics", action="store_true", help="print counts per code only")
    add_output(lint)
    add_quiet(lint)
    add_selection(lint)
    lint.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that fails the run (default: info, i.e. any finding)",
    )
    lint.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when there are findings (an input that cannot be read still exits 2)",
    )
    lint.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    lint.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    lint.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    lint.add_argument(
        "--show-fixes",
        action="store_true",
        help="list the fixes applied (--fix) or that would be (--diff)",
    )
    lint.add_argument(
        "--add-suppressions",
        action="store_true",
        help="add a disable-line comment at the end of each line with findings, to see only "
        "new findings from now on",
    )
    lint.add_argument(
        "--exclude",
        type=codes,
        action="extend",
        metavar="GLOBS",
        help="file patterns to skip, instead of the configuration's exclude (comma-separated)",
    )
    lint.add_argument(
        "--extend-exclude",
        type=codes,
        action="extend",
        default=[],
        metavar="GLOBS",
        help="file patterns to skip, added to the configuration's exclude",
    )
    lint.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude to files named on the command line too (for pre-commit)",
    )
    lint.add_argument(
        "--watch", action="store_true", help="lint again whenever an input file changes"
    )
    lint.add_argument(
        "--watch-interval", type=float, default=0.5, help=argparse.SUPPRESS
    )  # seconds between looks at the files' modification times
    lint.add_argument(
        "--watch-rounds", type=int, default=None, help=argparse.SUPPRESS
    )  # stop after N runs (tests)
    lint.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=os.cpu_count() or 1,
        help="files linted in parallel (default: all cores)",
    )
    lint.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    lint.add_argument("--stdin-filename", help="path to report for input read from stdin")
    lint.add_argument(
        "--wiki", metavar="API_URL", help="a wiki's api.php, to lint pages given with --title"
    )
    lint.add_argument(
        "--title", action="append", default=[], help="a page title on --wiki (repeatable)"
    )
    lint.add_argument(
        "--check-links",
        action="store_true",
        help="check every external URL over HTTP and run the link rules (WC7xx)",
    )
    lint.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    lint.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    add_link_options(lint)


def _jobs(args: argparse.Namespace, settings: Settings) -> tuple[list[Job], list[FileResult]]:
    from ..file_patterns import is_excluded
    from ..inputs import STDIN, Document, expand, read
    from ..runner import Job

    jobs: list[Job] = []
    problems: list[FileResult] = []
    excluded = 0
    for path, problem in expand(args.paths, settings.extensions):
        shown = args.stdin_filename if path == STDIN and args.stdin_filename else path
        if problem is not None:
            problems.append(FileResult(shown, error=problem.reason))
        elif path == STDIN:
            jobs.append(Job(path, shown, read(STDIN, args.encoding)))
        elif (path in args.paths and not args.force_exclude) or not is_excluded(path, settings):
            # exclude applies to files found in directories, and with --force-exclude (a
            # pre-commit hook names every changed file) to files named on the command line
            jobs.append(Job(path, shown))
        else:
            excluded += 1
    if args.wiki:
        if args.fix or args.diff:
            raise ConfigError("--fix and --diff do not apply to pages fetched with --wiki")
        if not args.title:
            raise ConfigError("--wiki needs at least one --title")
        try:
            pages = fetch_wiki(args, settings)
        except InputError as error:
            problems.append(FileResult(error.path or args.wiki, error=error.reason))
        except WikicheckError as error:
            problems.append(FileResult(args.wiki, error=str(error)))
        else:
            jobs.extend(
                Job(page.title, page.title, Document(page.title, page.text)) for page in pages
            )
    elif args.title:
        raise ConfigError("--title needs --wiki API_URL")
    if not jobs and not problems and not excluded:
        raise ConfigError("nothing to lint: give files, directories, - for stdin, or --wiki")
    return jobs, problems


def _texts(jobs: Sequence[Job], encoding: str) -> dict[str, str]:
    """The inputs' texts for the HTML report (after --fix, the fixed files)."""
    from ..inputs import read

    texts = {}
    for job in jobs:
        try:
            texts[job.shown] = (job.document or read(job.path, encoding)).text
        except InputError:
            continue  # reported as the file's error already
    return texts


def run_lint(args: argparse.Namespace) -> int:
    if args.watch:
        from .watch import watch

        return watch(args, _lint_once)
    return _lint_once(args)


def _lint_once(args: argparse.Namespace) -> int:
    from ..pipeline import Plan
    from ..registry import default_registry
    from ..runner import FixMode, Options, job_links, run_jobs
    from ..settings import utc_today

    first = args.paths[0] if args.paths else None
    settings = resolve_settings(args, first)
    registry = default_registry()
    try:
        rules = registry.for_settings(settings, include_network=args.check_links)
    except WikicheckError as error:
        raise ConfigError(str(error)) from None
    if sum([args.fix, args.diff, args.add_suppressions]) > 1:
        raise ConfigError("use one of --fix, --diff and --add-suppressions")
    mode = FixMode.FIX if args.fix else FixMode.DIFF if args.diff else FixMode.NONE
    jobs, problems = _jobs(args, settings)
    if not jobs and not problems:  # every file given is excluded: nothing to say (pre-commit)
        return EXIT_CLEAN
    links = None
    if args.check_links:
        # An input that cannot be read or parsed gives no URLs here: the lint run reports it.
        found = job_links(jobs, args.encoding, settings.page_timeout)
        urls = (url for item in found for url, _where in item.sources)
        checked = check_with_cache(urls, args, link_settings(args, settings.links))
        links = {result.url: result for result in checked}
    # today is read once for the run, at its edge
    plan = Plan(settings, rules, settings.today or utc_today(), links)
    options = Options(plan, mode, args.unsafe_fixes, args.encoding, args.debug)
    if args.add_suppressions:
        from .suppress import add_suppressions

        return add_suppressions(jobs, problems, plan, args)
    progress = not args.quiet and sys.stderr.isatty()
    outcomes = run_jobs(jobs, options, args.jobs, progress=progress)
    results = [outcome.result for outcome in outcomes] + problems
    shows_text = args.format in ("html", "full", "text") and not args.statistics
    texts = _texts(jobs, args.encoding) if shows_text else {}
    paint = color(args.color) and args.output_file is None
    report = Report(
        tuple(results),
        rules,
        color=paint,
        texts=texts,
        diff=mode is FixMode.DIFF,
        show_fixes=args.show_fixes,
        site=article_path(args.wiki) if args.wiki else None,
    )
    output = FORMATS["statistics" if args.statistics else args.format](report)
    errors = any(result.error is not None for result in results)
    failing = any(
        finding.severity.rank >= settings.fail_on.rank
        for result in results
        for finding in result.findings
    ) or (mode is FixMode.DIFF and any(r.diff for r in results))
    stdin_text = next((o.fixed_text for o in outcomes if o.fixed_text is not None), None)
    if stdin_text is not None:
        sys.stdout.write(stdin_text)
        sys.stderr.write(output)
    elif _speaks(args, failing or errors or any(r.fixed for r in results)):
        write_output(output, args.output_file)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _speaks(args: argparse.Namespace, anything: bool) -> bool:
    """``-q`` keeps a human-facing report that has nothing to say quiet; ``-qq`` every report
    (the exit code says it all). Machine formats are written whenever ``-q`` is given once."""
    if args.quiet >= 2:
        return False
    human = args.format in ("full", "text", "concise") or args.statistics
    return not (args.quiet and human and not anything)


def article_path(api_url: str) -> str | None:
    """Where a wiki's pages are, from its api.php URL, for the HTML report's page links.

    MediaWiki's default layout (Wikipedia's too) serves ``/w/api.php`` and ``/wiki/Title``;
    a wiki laid out otherwise gets no links rather than wrong ones.
    """
    if not api_url.startswith(("https://", "http://")) or not api_url.endswith("/w/api.php"):
        return None
    return api_url.removesuffix("w/api.php") + "wiki/"
