"""Linting many inputs: read, parse, lint, fix; in parallel processes, in a stable order."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import Any

from .budget import budget_finding, crash_finding, run_bounded
from .edits import display_only, fix_with_record
from .errors import InputError
from .findings import Finding
from .fixwrite import write_fixed
from .gcpause import cycle_collector_paused
from .inputs import STDIN, Document, read
from .linkcheck.urls import LinkSource
from .pipeline import (
    DocumentResult,
    Plan,
    check_document,
    document_links,
    failure_reason,
    warm_up,
)
from .reporters import FileResult
from .reporters.worddiff import readable_diff
from .settings import Settings


class FixMode(StrEnum):
    NONE = "none"
    FIX = "fix"
    DIFF = "diff"


@dataclass(frozen=True, slots=True)
class Job:
    """One input. ``text`` is set for inputs already in memory (stdin, wiki pages)."""

    path: str
    shown: str
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class Options:
    plan: Plan
    """Settings, rules, today and link results, decided once for the run. Passed as objects
    within a process; a worker process receives the rules as codes (``Plan.__reduce__``)."""
    fix: FixMode = FixMode.NONE
    unsafe: bool = False
    encoding: str = "utf-8"
    debug: bool = False

    @property
    def settings(self) -> Settings:
        return self.plan.settings


@dataclass(frozen=True, slots=True)
class Outcome:
    result: FileResult
    fixed_text: str | None = None  # for stdin with --fix: the text to print


def run_job(job: Job, options: Options) -> Outcome:
    """Lint one input; every error becomes part of the result, never an exception.

    The cyclic collector is paused over the job (this loop owns its process; the library calls
    leave the collector alone): the parse tree and the model make no cycles, and the
    collector's passes over them cost about a tenth of the time (measured on the corpus).
    """
    try:
        with cycle_collector_paused():
            return _run(job, options)
    except Exception as error:  # a bug in wikicheck too: report it and go on with the others
        return Outcome(FileResult(job.shown, error=failure_reason(error, debug=options.debug)))


def _run(job: Job, options: Options) -> Outcome:
    document = job.document or read(job.path, options.encoding)
    plan = options.plan
    # The fix loop lints the original and the final text; the report needs both again.
    linted: dict[str, DocumentResult] = {}

    def lint_text(text: str) -> list[Finding]:
        if text not in linted:
            result = check_document(text, plan, path=job.shown)
            linted[text] = replace(
                result, findings=_writable_fixes(result.findings, document.encoding)
            )
        return linted[text].findings

    def summary(text: str) -> dict[str, Any]:
        return linted[text].summary

    if options.fix is FixMode.NONE:
        findings = tuple(lint_text(document.text))
        return Outcome(FileResult(job.shown, findings, maintenance=summary(document.text)))
    fixed_text, applied = fix_with_record(document.text, lint_text, unsafe=options.unsafe)
    count = len(applied)
    if options.fix is FixMode.DIFF:
        diff = readable_diff(document.text, fixed_text, job.shown)
        findings = tuple(lint_text(document.text))
        result = FileResult(
            job.shown,
            findings,
            diff=diff or None,
            maintenance=summary(document.text),
            applied=tuple(applied),
        )
        return Outcome(result)
    if count and job.path != STDIN and job.document is None:
        try:
            write_fixed(document, fixed_text)
        except InputError as error:  # the file is left as it was: report what it holds
            findings = tuple(lint_text(document.text))
            return Outcome(
                FileResult(
                    job.shown, findings, error=error.reason, maintenance=summary(document.text)
                )
            )
    findings = tuple(lint_text(fixed_text))
    text_out = fixed_text if job.path == STDIN else None
    result = FileResult(
        job.shown, findings, fixed=count, maintenance=summary(fixed_text), applied=tuple(applied)
    )
    return Outcome(result, text_out)


def _writable_fixes(findings: list[Finding], encoding: str) -> list[Finding]:
    """The findings, with any fix whose new text the file's encoding cannot hold (an en dash
    in a latin-1 file) kept for display only: the other fixes still apply."""
    kept = []
    for finding in findings:
        for edit in finding.fix.edits if finding.fix else ():
            try:
                edit.replacement.encode(encoding)
            except UnicodeEncodeError as error:
                character = error.object[error.start : error.end]
                finding = display_only(finding, f"{encoding} cannot hold {character!r}")
                break
        kept.append(finding)
    return kept


def run_jobs(
    jobs: Sequence[Job], options: Options, workers: int, *, progress: bool = False
) -> list[Outcome]:
    """Run every job; results come back in input order whatever the number of workers.
    ``progress`` shows a bar on stderr (the CLI asks for it on a terminal).

    With a page budget (``settings.page_timeout``, the default) every job runs in a worker
    process that is killed and replaced when the job overruns it: the job gets WC001 and the
    other jobs go on. With no budget (0) one worker runs in this process.
    """
    budget = options.settings.page_timeout
    if budget <= 0:
        if workers <= 1 or len(jobs) <= 1:
            return list(_bar((run_job(job, options) for job in jobs), len(jobs), progress))
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            done = pool.map(partial(run_job, options=options), jobs, chunksize=4)
            return list(_bar(done, len(jobs), progress))

    warm_up(options.plan)

    def over_budget(job: Job) -> Outcome:
        return Outcome(FileResult(job.shown, (budget_finding(job.shown, budget),)))

    def crashed(job: Job, detail: str) -> Outcome:
        return Outcome(FileResult(job.shown, (crash_finding(job.shown, detail),)))

    done = run_bounded(
        jobs,
        partial(run_job, options=options),
        workers=min(workers, len(jobs)),
        budget=budget,
        on_timeout=over_budget,
        on_crash=crashed,
    )
    return list(_bar(done, len(jobs), progress))


def _bar(outcomes: Iterable[Outcome], total: int, shown: bool) -> Iterable[Outcome]:
    """The outcomes, counted on a progress bar on stderr when ``shown`` (and more than one)."""
    if not shown or total < 2:
        return outcomes
    from tqdm import tqdm

    return tqdm(outcomes, total=total, unit="file", leave=False, file=sys.stderr)


@dataclass(frozen=True, slots=True)
class JobLinks:
    """The external URLs of one input and where each is; ``error`` when it could not be read
    or parsed (the reason, as the lint run would give it)."""

    shown: str
    sources: tuple[tuple[str, LinkSource], ...] = ()
    error: str | None = None


def _job_links(job: Job, encoding: str) -> JobLinks:
    try:
        document = job.document or read(job.path, encoding)
        return JobLinks(job.shown, tuple(document_links(document.text, path=job.shown)))
    except Exception as error:  # as run_job: one input's failure never stops the others
        return JobLinks(job.shown, error=failure_reason(error))


def job_links(jobs: Sequence[Job], encoding: str, budget: float = 0) -> Iterator[JobLinks]:
    """The URLs of every input, in input order, each parsed within the page budget (as the
    lint run parses it) so that a hostile page cannot stall the link checker."""
    if budget <= 0:
        yield from (_job_links(job, encoding) for job in jobs)
        return
    yield from run_bounded(
        jobs,
        partial(_job_links, encoding=encoding),
        workers=1,
        budget=budget,
        on_timeout=lambda job: JobLinks(
            job.shown, error=f"not read: parsing took longer than the page budget of {budget:g} s"
        ),
        on_crash=lambda job, detail: JobLinks(
            job.shown, error=f"not read: the worker process died on it ({detail})"
        ),
        batch_size=8,
    )
