"""Precision of the default rule set on today's Wikipedia.

    python benchmarks/precision.py [--today YYYY-MM-DD] [--check]
    python benchmarks/precision.py --sample 12 --out /tmp/to_judge.tsv
    python benchmarks/precision.py --corpus articles

Lints every article of ``../shared/corpus/recent/articles`` (62 current English Wikipedia
articles, June 2026; ``--corpus articles``: the 213 older revisions) with the default
selection and prints, per rule code and severity, the findings and findings per 100 KB of
wikitext. Hand-judged findings in ``benchmarks/judged/<corpus>.tsv`` (columns: article,
line, code, verdict, why; verdict ``right`` or
``wrong``, judged as a Wikipedia editor would, against what Wikipedia shows) are matched to
this run's findings by article, line and code, and give each code's precision. A judged row
that matches no finding any more is counted as "gone" (a false cause that was fixed, or a
finding moved).

``--sample N`` writes up to N unjudged findings per code (with their message and source
line) to ``--out``, ready for a person to fill in the verdict. ``--check`` exits 1 when the
targets of the default set are not met: at most 8 findings per 100 KB, at least 90% of each
judged default rule right, 95% for the error tier.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus_files import OLDER, RECENT, english_articles

import wikicheck
from wikicheck import Settings
from wikicheck.findings import Finding

ROOT = Path(__file__).resolve().parent
FOLDERS = {"recent": RECENT, "articles": OLDER}
RECENT = FOLDERS["recent"]
JUDGED = ROOT / "judged"
# The recent articles were fetched in June 2026: date rules compare against the end of it.
DEFAULT_TODAY = dt.date(2026, 6, 30)
MAX_PER_100KB = 8.0
MIN_PRECISION = 0.90
MIN_ERROR_PRECISION = 0.95
FIELDS = ("article", "line", "code", "verdict", "why")


@dataclass(frozen=True, slots=True)
class Judgement:
    article: str
    line: int
    code: str
    right: bool
    why: str


@dataclass(frozen=True, slots=True)
class Run:
    findings: dict[str, list[Finding]]
    sources: dict[str, str]
    kilobytes: float

    def all_findings(self) -> Iterator[tuple[str, Finding]]:
        for article, findings in self.findings.items():
            for finding in findings:
                yield article, finding


def lint_folder(
    today: dt.date, select: tuple[str, ...] | None = None, folder: Path = RECENT
) -> Run:
    settings = Settings(today=today, select=select)
    findings: dict[str, list[Finding]] = {}
    sources: dict[str, str] = {}
    size = 0
    for path in english_articles(folder):
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        sources[path.name] = text
        findings[path.name] = wikicheck.lint(text, path=path.name, settings=settings)
    return Run(findings, sources, size / 1000)


def load_judgements(corpus: str = "recent", folder: Path = JUDGED) -> list[Judgement]:
    """The judged rows of one corpus folder (``judged/<corpus>.tsv``; the ``wikilint_*``
    files are judged by break kind, for benchmarks/wikilint_compare.py)."""
    judgements = []
    for path in [folder / f"{corpus}.tsv"]:
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                verdict = row["verdict"].strip().lower()
                if verdict not in ("right", "wrong"):
                    raise ValueError(f"{path}: verdict must be right or wrong, got {verdict!r}")
                judgements.append(
                    Judgement(row["article"], int(row["line"]), row["code"], verdict == "right",
                              row["why"])
                )  # fmt: skip
    return judgements


@dataclass(frozen=True, slots=True)
class CodeFigures:
    code: str
    severity: str
    count: int
    judged: int
    right: int
    gone: int

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None


def figures(run: Run, judgements: list[Judgement]) -> list[CodeFigures]:
    present = {(article, f.start.line, f.code) for article, f in run.all_findings()}
    counts = Counter(f.code for _, f in run.all_findings())
    severities = {f.code: f.severity.value for _, f in run.all_findings()}
    judged: dict[str, list[Judgement]] = defaultdict(list)
    gone: Counter[str] = Counter()
    for judgement in judgements:
        if (judgement.article, judgement.line, judgement.code) in present:
            judged[judgement.code].append(judgement)
        else:
            gone[judgement.code] += 1
    codes = sorted(set(counts) | set(gone))
    return [
        CodeFigures(
            code,
            severities.get(code, "-"),
            counts[code],
            len(judged[code]),
            sum(j.right for j in judged[code]),
            gone[code],
        )
        for code in codes
    ]


def report(
    run: Run, rows: list[CodeFigures], label: str, max_per_100kb: float | None = MAX_PER_100KB
) -> list[str]:
    """Print the table; return the targets that are not met."""
    total = sum(row.count for row in rows)
    print(f"{len(run.findings)} articles, {run.kilobytes:,.0f} KB, {total} findings, "
          f"{100 * total / run.kilobytes:.2f} per 100 KB ({label})")  # fmt: skip
    print(f"{'code':<6} {'severity':<8} {'count':>6} {'/100KB':>7} {'judged':>6} {'right':>5} "
          f"{'precision':>9} {'gone':>5}")  # fmt: skip
    failures = []
    for row in rows:
        precision = "-" if row.precision is None else f"{row.precision:.0%}"
        print(f"{row.code:<6} {row.severity:<8} {row.count:>6} "
              f"{100 * row.count / run.kilobytes:>7.2f} {row.judged:>6} {row.right:>5} "
              f"{precision:>9} {row.gone:>5}")  # fmt: skip
        if row.count and row.judged < min(row.count, 10):
            failures.append(f"{row.code}: {row.judged} of {row.count} judged (need 10 or all)")
        target = MIN_ERROR_PRECISION if row.severity == "error" else MIN_PRECISION
        if row.precision is not None and row.precision < target:
            failures.append(f"{row.code}: precision {row.precision:.0%} < {target:.0%}")
    by_severity: Counter[str] = Counter()
    for row in rows:
        by_severity[row.severity] += row.count
    print("by severity: " + ", ".join(f"{k} {v}" for k, v in sorted(by_severity.items())))
    judged = sum(row.judged for row in rows)
    right = sum(row.right for row in rows)
    errors = [row for row in rows if row.severity == "error"]
    error_judged = sum(row.judged for row in errors)
    error_right = sum(row.right for row in errors)
    if judged:
        print(f"judged {judged}: {right / judged:.1%} right", end="")
        if error_judged:
            print(f"; error tier {error_judged}: {error_right / error_judged:.1%} right", end="")
        print()
    if error_judged and error_right / error_judged < MIN_ERROR_PRECISION:
        failures.append(f"error tier precision {error_right / error_judged:.0%}")
    if max_per_100kb is not None and 100 * total / run.kilobytes > max_per_100kb:
        failures.append(f"{100 * total / run.kilobytes:.2f} findings per 100 KB > {max_per_100kb}")
    return failures


def write_sample(
    run: Run, judgements: list[Judgement], per_code: int, out: Path, codes: set[str] | None
) -> int:
    judged = {(j.article, j.line, j.code) for j in judgements}
    by_code: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    for article, finding in run.all_findings():
        wanted = codes is None or finding.code in codes
        if wanted and (article, finding.start.line, finding.code) not in judged:
            by_code[finding.code].append((article, finding))
    rng = random.Random(13)
    written = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow([*FIELDS, "column", "message", "source"])
        for code in sorted(by_code):
            candidates = by_code[code]
            for article, finding in rng.sample(candidates, min(per_code, len(candidates))):
                text = run.sources[article]
                flagged = text[max(0, finding.span.start - 150) : finding.span.end + 150]
                writer.writerow([article, finding.start.line, code, "", "", finding.start.column,
                                 finding.message, " ".join(flagged.split())])  # fmt: skip
                written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument(
        "--corpus",
        choices=sorted(FOLDERS),
        default="recent",
        help="recent (June 2026, the targets) or articles (2010–2021 revisions, more errors)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--sample", type=int, default=0, help="unjudged findings per code")
    parser.add_argument("--out", type=Path, help="where --sample writes its TSV")
    parser.add_argument("--codes", help="with --sample: only these codes (comma-separated)")
    parser.add_argument(
        "--select", help="measure another selection (comma-separated; ALL = every offline rule)"
    )
    args = parser.parse_args()
    folder = FOLDERS[args.corpus]
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 2
    select = tuple(args.select.split(",")) if args.select else None
    run = lint_folder(args.today, select, folder)
    judgements = load_judgements(args.corpus)
    if args.sample:
        if args.out is None:
            parser.error("--sample needs --out")
        codes = set(args.codes.split(",")) if args.codes else None
        written = write_sample(run, judgements, args.sample, args.out, codes)
        print(f"wrote {written} rows to {args.out}")
        return 0
    label = f"select {args.select}" if args.select else "the default rule set"
    # The findings-per-100 KB target is for today's articles; old revisions have more to fix.
    limit = MAX_PER_100KB if args.corpus == "recent" else None
    failures = report(run, figures(run, judgements), label, limit)
    for failure in failures:
        print(f"target missed: {failure}")
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
