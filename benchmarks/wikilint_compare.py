"""wikicheck side by side with wikilint on the markup breaks of issue 16.

    python benchmarks/wikilint_compare.py [--wikilint-dir DIR] [--wikilint-cache FILE]
    python benchmarks/wikilint_compare.py --sample 8 --out /tmp/to_judge.tsv [--tool wikilint]

Runs wikilint (wikiparser-node's linter, English Wikipedia config) and wikicheck over both
corpus folders: ``../shared/corpus/articles`` (the ``lang == "en"`` articles of
``articles_manifest.jsonl``) and ``../shared/corpus/recent/articles``. Both sides' findings are
mapped to break kinds by ``benchmarks/wikilint_kinds.toml`` (wikilint rule + message pattern →
kind; wikicheck code → kind). wikicheck runs exactly the registered codes named there (the
WC8xx syntax rules and the older rules that cover a kind).

A wikilint finding and a wikicheck finding *match* when they are in the same article, of the
same kind, and their line ranges overlap. Per kind the table gives: each tool's count, ``both``
(wikilint findings matched by a wikicheck finding), ``only-wl`` (wikilint findings with no
match) and ``only-wc`` (wikicheck findings with no match).

Hand-judged findings in ``benchmarks/judged/wikilint_*.tsv`` (columns article, line, kind, tool,
verdict, why; article is the path under ``../shared/corpus``; verdict ``right`` or ``wrong``,
judged as a Wikipedia editor would: a break readers see, or a false alarm) are matched to this
run's findings by article, start line, kind and tool. They give each side's precision per kind
and **wikicheck's recall of wikilint's true positives**: the share of judged-right wikilint
findings that a wikicheck finding matches (goal: at least 0.9 in the goal kinds). A judgement
that matches no finding any more is counted as ``gone``.

``--sample N --out FILE`` writes up to N unjudged findings per kind and tool (with message and
source) for a person to fill in the verdict, as ``benchmarks/precision.py`` does.

Installing wikilint (Node.js 18 or later; it is not a dependency of wikicheck)::

    mkdir -p ../tools/wikilint && cd ../tools/wikilint && npm install wikilint@2.35

The folder defaults to ``../tools/wikilint`` next to the repository, or ``$WIKILINT_DIR``, or
``--wikilint-dir``; ``benchmarks/wikilint_run.mjs`` loads it from there.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus_files import CORPUS, english_articles

import wikicheck
from wikicheck import Settings
from wikicheck.registry import default_registry

ROOT = Path(__file__).resolve().parent
FOLDERS = ("articles", "recent/articles")
JUDGED = ROOT / "judged"
KINDS_FILE = ROOT / "wikilint_kinds.toml"
RUNNER = ROOT / "wikilint_run.mjs"
DEFAULT_WIKILINT_DIR = ROOT.parent.parent / "tools" / "wikilint"
GOAL_RECALL = 0.9
FIELDS = ("article", "line", "kind", "tool", "verdict", "why")
TOOLS = ("wikilint", "wikicheck")


@dataclass(frozen=True, slots=True)
class Mark:
    """One finding of either tool, reduced to what the comparison needs."""

    article: str
    tool: str
    label: str  # wikilint rule or wikicheck code
    kind: str
    message: str
    line: int
    end_line: int
    column: int
    offset: int  # into the text as Python reads it


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    kind: str
    message: re.Pattern[str] | None
    source: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class KindTable:
    goal: dict[str, bool]
    wikilint: tuple[Entry, ...]
    wikicheck: tuple[Entry, ...]

    def classify(self, tool: str, label: str, message: str, source: str) -> str:
        """The first entry for ``label`` whose patterns match; ``tool:label`` when none."""
        for entry in self.wikilint if tool == "wikilint" else self.wikicheck:
            if entry.label != label:
                continue
            if entry.message is not None and not entry.message.search(message):
                continue
            if entry.source is not None and not entry.source.match(source):
                continue
            return entry.kind
        return f"{tool}:{label}"

    def codes(self) -> set[str]:
        return {entry.label for entry in self.wikicheck}


def load_kinds(path: Path = KINDS_FILE) -> KindTable:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    goal = {name: bool(spec["goal"]) for name, spec in data["kinds"].items()}

    def entries(key: str, label: str) -> tuple[Entry, ...]:
        result = []
        for row in data.get(key, []):
            if row["kind"] not in goal:
                raise ValueError(f"{path}: {row[label]} maps to unknown kind {row['kind']!r}")
            message = re.compile(row["message"]) if "message" in row else None
            source = re.compile(row["source"], re.IGNORECASE) if "source" in row else None
            result.append(Entry(row[label], row["kind"], message, source))
        return tuple(result)

    return KindTable(goal, entries("wikilint", "rule"), entries("wikicheck", "code"))


def unmapped_codes(codes: Iterable[str], kinds: KindTable, family: str = "WC8") -> list[str]:
    """The codes of ``family`` (the syntax rules) that no ``[[wikicheck]]`` entry maps."""
    return sorted(code for code in codes if code.startswith(family) and code not in kinds.codes())


def corpus_articles(corpus: Path = CORPUS) -> list[str]:
    """Paths under ``corpus``: the English articles of the manifest, then the recent ones."""
    return [
        path.relative_to(corpus).as_posix()
        for folder in FOLDERS
        for path in english_articles(corpus / folder)
    ]


def folder_of(article: str) -> str:
    return article.rsplit("/", 1)[0]


class Source:
    """An article's text with line starts, to turn (line, UTF-16 column) into an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)

    def offset(self, line: int, utf16_column: int) -> int:
        start = self.starts[min(line, len(self.starts)) - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        units = self.text[start:end].encode("utf-16-le")[: 2 * (utf16_column - 1)]
        return start + len(units.decode("utf-16-le", errors="ignore"))


def run_wikilint(
    node: str, directory: Path, corpus: Path, articles: Sequence[str]
) -> tuple[list[dict[str, object]], tuple[float, float], str]:
    """wikilint's findings (one dict each, ``article`` added), its lint time (wall clock, CPU)
    and its version."""
    paths = [str(corpus / article) for article in articles]
    done = subprocess.run(
        [node, str(RUNNER), str(directory), *paths], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"wikilint_run.mjs failed:\n{done.stderr}")
    summary = json.loads(done.stderr.strip().splitlines()[-1])
    by_path = dict(zip(paths, articles, strict=True))
    rows = [json.loads(line) for line in done.stdout.splitlines() if line]
    for row in rows:
        row["article"] = by_path[str(row.pop("file"))]
    spent = (float(summary["seconds"]), float(summary["cpuSeconds"]))
    return rows, spent, str(summary["version"])


def wikilint_marks(
    rows: Iterable[dict[str, object]], sources: dict[str, Source], kinds: KindTable
) -> list[Mark]:
    marks = []
    for row in rows:
        article, rule, message = str(row["article"]), str(row["rule"]), str(row["message"])
        line, column = int(str(row["startLine"])), int(str(row["startCol"]))
        source = sources[article]
        offset = source.offset(line, column)
        kind = kinds.classify("wikilint", rule, message, source.text[offset : offset + 80])
        end_line = int(str(row["endLine"]))
        marks.append(Mark(article, "wikilint", rule, kind, message, line, end_line, column, offset))
    return marks


def run_wikicheck(
    sources: dict[str, Source], kinds: KindTable, codes: tuple[str, ...]
) -> tuple[list[Mark], dict[str, tuple[float, float]]]:
    """wikicheck's findings for ``codes`` and the lint time per folder (wall clock, CPU)."""
    settings = Settings(select=codes)
    marks: list[Mark] = []
    wall: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    for article, source in sources.items():
        started, started_cpu = time.perf_counter(), time.process_time()
        findings = wikicheck.lint(source.text, path=article, settings=settings) if codes else []
        wall[folder_of(article)] += time.perf_counter() - started
        cpu[folder_of(article)] += time.process_time() - started_cpu
        for f in findings:
            kind = kinds.classify("wikicheck", f.code, f.message, source.text[f.span.start :])
            marks.append(Mark(article, "wikicheck", f.code, kind, f.message, f.start.line,
                              f.end.line, f.start.column, f.span.start))  # fmt: skip
    return marks, {folder: (wall[folder], cpu[folder]) for folder in wall}


def overlaps(a: Mark, b: Mark) -> bool:
    return (
        a.article == b.article
        and a.kind == b.kind
        and a.line <= b.end_line
        and b.line <= a.end_line
    )


def matched(marks: Sequence[Mark], others: Sequence[Mark]) -> set[Mark]:
    """The marks that overlap some mark of ``others`` (same article, kind and lines)."""
    index: dict[tuple[str, str], list[Mark]] = defaultdict(list)
    for other in others:
        index[other.article, other.kind].append(other)
    return {m for m in marks if any(overlaps(m, o) for o in index[m.article, m.kind])}


@dataclass(frozen=True, slots=True)
class Judgement:
    article: str
    line: int
    kind: str
    tool: str
    right: bool
    why: str


def load_judgements(folder: Path = JUDGED) -> list[Judgement]:
    judgements = []
    for path in sorted(folder.glob("wikilint_*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                verdict = row["verdict"].strip().lower()
                if verdict not in ("right", "wrong") or row["tool"] not in TOOLS:
                    raise ValueError(f"{path}: bad verdict or tool in {row}")
                right = verdict == "right"
                judgements.append(Judgement(row["article"], int(row["line"]), row["kind"],
                                            row["tool"], right, row["why"]))  # fmt: skip
    return judgements


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: str
    goal: bool
    counts: dict[str, int]
    both: int
    only_wikicheck: int
    judged: dict[str, int]
    right: dict[str, int]
    gone: int
    true_positives: int  # judged-right wikilint findings present in this run
    recalled: int  # ... of which wikicheck matches

    def precision(self, tool: str) -> float | None:
        return self.right[tool] / self.judged[tool] if self.judged[tool] else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.true_positives if self.true_positives else None


def figures(
    marks: Sequence[Mark], judgements: Sequence[Judgement], kinds: KindTable
) -> list[KindFigures]:
    by_tool = {tool: [m for m in marks if m.tool == tool] for tool in TOOLS}
    wikilint_found = matched(by_tool["wikilint"], by_tool["wikicheck"])
    wikicheck_found = matched(by_tool["wikicheck"], by_tool["wikilint"])
    at: dict[tuple[str, int, str, str], list[Mark]] = defaultdict(list)
    for mark in marks:
        at[mark.article, mark.line, mark.kind, mark.tool].append(mark)
    judged: dict[tuple[str, str], list[Judgement]] = defaultdict(list)
    gone: Counter[str] = Counter()
    true_positives: Counter[str] = Counter()
    recalled: Counter[str] = Counter()
    for j in judgements:
        present = at.get((j.article, j.line, j.kind, j.tool))
        if not present:
            gone[j.kind] += 1
            continue
        judged[j.kind, j.tool].append(j)
        if j.tool == "wikilint" and j.right:
            true_positives[j.kind] += 1
            recalled[j.kind] += any(m in wikilint_found for m in present)
    all_kinds = {m.kind for m in marks} | set(gone) | {kind for kind, _ in judged}
    rows = []
    for kind in sorted(all_kinds, key=lambda k: (not kinds.goal.get(k, False), k)):
        counts = {tool: sum(m.kind == kind for m in by_tool[tool]) for tool in TOOLS}
        rows.append(KindFigures(
            kind, kinds.goal.get(kind, False), counts,
            sum(m.kind == kind for m in wikilint_found),
            counts["wikicheck"] - sum(m.kind == kind for m in wikicheck_found),
            {tool: len(judged[kind, tool]) for tool in TOOLS},
            {tool: sum(j.right for j in judged[kind, tool]) for tool in TOOLS},
            gone[kind], true_positives[kind], recalled[kind],
        ))  # fmt: skip
    return rows


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report(rows: Sequence[KindFigures]) -> None:
    print(
        f"{'kind':<30} {'goal':<4} {'wl':>5} {'wc':>5} {'both':>5} {'only-wl':>7} {'only-wc':>7} "
        f"{'wl-judged':>9} {'wl-prec':>7} {'wc-judged':>9} {'wc-prec':>7} {'wl-TP':>5} "
        f"{'recall':>6} {'gone':>4}"
    )
    for r in rows:
        print(
            f"{r.kind:<30} {'yes' if r.goal else '':<4} {r.counts['wikilint']:>5} "
            f"{r.counts['wikicheck']:>5} {r.both:>5} {r.counts['wikilint'] - r.both:>7} "
            f"{r.only_wikicheck:>7} {r.judged['wikilint']:>9} {_share(r.precision('wikilint')):>7} "
            f"{r.judged['wikicheck']:>9} {_share(r.precision('wikicheck')):>7} "
            f"{r.true_positives:>5} {_share(r.recall):>6} {r.gone:>4}"
        )
    goal = [r for r in rows if r.goal]
    for tool in TOOLS:
        judged = sum(r.judged[tool] for r in goal)
        right = sum(r.right[tool] for r in goal)
        if judged:
            print(f"goal kinds, {tool}: {judged} judged, precision {right / judged:.2f}")
    tps = sum(r.true_positives for r in goal)
    if tps:
        found = sum(r.recalled for r in goal)
        print(
            f"goal kinds: wikicheck finds {found} of {tps} judged wikilint true positives "
            f"(recall {found / tps:.2f}, goal {GOAL_RECALL})"
        )


def write_sample(
    marks: Sequence[Mark],
    judgements: Sequence[Judgement],
    sources: dict[str, Source],
    per_kind: int,
    out: Path,
    tools: Sequence[str],
) -> int:
    judged = {(j.article, j.line, j.kind, j.tool) for j in judgements}
    groups: dict[tuple[str, str], list[Mark]] = defaultdict(list)
    for m in marks:
        key = (m.article, m.line, m.kind, m.tool)
        if m.tool in tools and key not in judged:
            judged.add(key)  # one row per line: a judgement covers the line's findings
            groups[m.kind, m.tool].append(m)
    rng = random.Random(16)
    written = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow([*FIELDS, "label", "column", "message", "source"])
        for group in sorted(groups):
            for m in sorted(
                rng.sample(groups[group], min(per_kind, len(groups[group]))),
                key=lambda m: (m.article, m.line),
            ):
                text = sources[m.article].text
                around = text[max(0, m.offset - 120) : m.offset + 160]
                writer.writerow([m.article, m.line, m.kind, m.tool, "", "", m.label, m.column,
                                 m.message, " ".join(around.split())])  # fmt: skip
                written += 1
    return written


def misses(marks: Sequence[Mark], judgements: Sequence[Judgement], kinds: KindTable) -> list[str]:
    """Lines to act on: judged-right wikilint findings in goal kinds that wikicheck misses,
    and wikicheck findings in goal kinds that wikilint does not report."""
    wikilint = [m for m in marks if m.tool == "wikilint" and kinds.goal.get(m.kind, False)]
    wikicheck = [m for m in marks if m.tool == "wikicheck" and kinds.goal.get(m.kind, False)]
    found = matched(wikilint, wikicheck)
    right = {(j.article, j.line, j.kind) for j in judgements if j.tool == "wikilint" and j.right}
    lines = []
    for m in sorted(wikilint, key=lambda m: (m.kind, m.article, m.line)):
        if (m.article, m.line, m.kind) in right and m not in found:
            right.discard((m.article, m.line, m.kind))  # one line per judgement
            lines.append(f"missed  {m.kind:<22} {m.article}:{m.line}:{m.column} {m.message}")
    for m in sorted(
        set(wikicheck) - matched(wikicheck, wikilint), key=lambda m: (m.kind, m.article, m.line)
    ):
        lines.append(f"only-wc {m.kind:<22} {m.article}:{m.line}:{m.column} {m.label} {m.message}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--wikilint-dir",
        type=Path,
        default=Path(os.environ.get("WIKILINT_DIR", DEFAULT_WIKILINT_DIR)),
    )
    parser.add_argument(
        "--wikilint-cache", type=Path, help="reuse wikilint's findings from this file, or save them"
    )
    parser.add_argument("--sample", type=int, default=0, help="unjudged findings per kind and tool")
    parser.add_argument("--out", type=Path, help="where --sample writes its TSV")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list judged wikilint true positives wikicheck misses, and wikicheck-only findings",
    )
    parser.add_argument(
        "--tool", choices=TOOLS, action="append", help="with --sample: only this side"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    kinds = load_kinds()
    articles = corpus_articles()
    sources = {a: Source((CORPUS / a).read_text(encoding="utf-8")) for a in articles}
    if args.wikilint_cache and args.wikilint_cache.is_file():
        rows = [json.loads(line) for line in args.wikilint_cache.read_text().splitlines()]
        print(f"wikilint: findings reused from {args.wikilint_cache}")
    else:
        node = shutil.which("node")
        if node is None or not (args.wikilint_dir / "node_modules" / "wikilint").is_dir():
            where = args.wikilint_dir
            print(
                f"wikilint is not installed in {where} (or node is missing): run\n"
                f"  mkdir -p {where} && cd {where} && npm install wikilint@2.35\n"
                "or pass --wikilint-dir / set WIKILINT_DIR",
                file=sys.stderr,
            )
            return 2
        rows = []
        for folder in FOLDERS:
            chosen = [a for a in articles if folder_of(a) == folder]
            found, (wall, cpu), version = run_wikilint(node, args.wikilint_dir, CORPUS, chosen)
            print(
                f"wikilint {version}: {folder}: {len(chosen)} files, {len(found)} findings, "
                f"{wall:.2f} s ({cpu:.2f} s CPU)"
            )
            rows.extend(found)
        if args.wikilint_cache:
            args.wikilint_cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    registered = {rule.code for rule in default_registry().rules}
    codes = tuple(sorted(kinds.codes() & registered))
    wikicheck_found, spent = run_wikicheck(sources, kinds, codes)
    for folder in FOLDERS:
        n = sum(folder_of(m.article) == folder for m in wikicheck_found)
        print(
            f"wikicheck {wikicheck.__version__} ({', '.join(codes) or 'no codes'}): {folder}: "
            f"{n} findings, {spent.get(folder, (0.0, 0.0))[0]:.2f} s "
            f"({spent.get(folder, (0.0, 0.0))[1]:.2f} s CPU)"
        )
    marks = wikilint_marks(rows, sources, kinds) + wikicheck_found
    judgements = load_judgements()
    if args.sample:
        if args.out is None:
            parser.error("--sample needs --out")
        written = write_sample(
            marks, judgements, sources, args.sample, args.out, args.tool or TOOLS
        )
        print(f"wrote {written} rows to {args.out}")
        return 0
    report(figures(marks, judgements, kinds))
    if args.misses:
        print("\n".join(misses(marks, judgements, kinds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
