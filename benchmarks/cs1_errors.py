"""Error-level agreement with Module:Citation/CS1, for ``cs1_agreement.py``.

A citation where both the module and wikicheck show an error agrees per citation even when
the errors differ; here each error counts. ``cs1_error_map.toml`` maps the module's error
ids to the wikicheck codes that report them; the ids and codes it connects form an error
kind, and each (citation, kind) pair is on both sides, the module's only or wikicheck's only.
For the pairs on both sides, the parameters the module's messages name ("Check |isbn=
value") are checked against the parameters wikicheck's findings of that kind lie on.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cs1_harness import ModuleError

from wikicheck.findings import Finding
from wikicheck.model import Citation, CitationParam

MAP_FILE = Path(__file__).resolve().parent / "cs1_error_map.toml"
BOTH, MODULE, WIKICHECK = "both", "module only", "wikicheck only"
# Messages that list every parameter at fault ("Check date values in: |date=, |access-date=";
# not "|year= / |date= mismatch", which names the culprit first).
LISTS = frozenset({"err_bad_date", "err_param_unknown_empty"})
# Messages naming parameters that are all at fault, one being enough to report ("More than one
# of |work= and |website=": the module names the one it keeps last).
EITHER = frozenset({"err_redundant_parameters"})
# A template name before wikicheck's message ("{{Cite web}}: Missing or empty |url=").
TEMPLATE_PREFIX = re.compile(r"^\{\{[^{}]*\}\}: ")
NAMES = re.compile(r"\|[^|=]*=")


@dataclass(frozen=True)
class ErrorMap:
    """Module error id and wikicheck code -> the error kind they belong to."""

    kind_of_id: dict[str, str]
    kind_of_code: dict[str, str]

    @classmethod
    def load(cls, path: Path = MAP_FILE) -> ErrorMap:
        table: dict[str, list[str]] = tomllib.loads(path.read_text(encoding="utf-8"))["errors"]
        # Union-find over ids and codes: an id and the codes it maps to are one kind.
        parent: dict[str, str] = {}

        def root(node: str) -> str:
            parent.setdefault(node, node)
            while parent[node] != node:
                node = parent[node]
            return node

        for error_id, codes in table.items():
            for code in codes:
                parent[root(code)] = root(error_id)
            root(error_id)
        members: dict[str, list[str]] = defaultdict(list)
        for node in parent:
            members[root(node)].append(node)
        kind_of_id: dict[str, str] = {}
        kind_of_code: dict[str, str] = {}
        for group in members.values():
            codes = sorted(node for node in group if not node.startswith("err_"))
            label = "/".join(codes) if codes else "+".join(sorted(group))
            for node in group:
                (kind_of_id if node.startswith("err_") else kind_of_code)[node] = label
        return cls(kind_of_id, kind_of_code)

    def of_id(self, error_id: str) -> str:
        return self.kind_of_id.get(error_id, error_id)

    def of_code(self, code: str) -> str:
        return self.kind_of_code.get(code, code)


@dataclass
class ErrorDisagreement:
    article: str
    citation: str
    kind: str
    side: str
    module: list[str]
    wikicheck: list[str]


@dataclass
class SpanMismatch:
    article: str
    citation: str
    kind: str
    what: str


@dataclass
class ErrorTally:
    """(citation, error kind) pairs, and the spans of the pairs on both sides."""

    pairs: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_id: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_code: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    disagreements: list[ErrorDisagreement] = field(default_factory=list)
    spans: Counter[str] = field(default_factory=Counter)
    span_mismatches: list[SpanMismatch] = field(default_factory=list)
    texts: Counter[str] = field(default_factory=Counter)
    text_differences: Counter[str] = field(default_factory=Counter)
    text_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.pairs[BOTH] + self.pairs[WIKICHECK]
        return self.pairs[BOTH] / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        real = self.pairs[BOTH] + self.pairs[MODULE]
        return self.pairs[BOTH] / real if real else 1.0


def _param_at(citation: Citation, finding: Finding) -> CitationParam | None:
    """The parameter a finding lies on, its leading "|" included."""
    for param in citation.params:
        if param.span.start - 1 <= finding.span.start and finding.span.end <= param.span.end:
            return param
    return None


def _named(citation: Citation, names: Iterable[str]) -> list[CitationParam]:
    """The citation's parameters a module message names (as written, or canonically), in
    the message's order."""
    return [p for name in names for p in citation.params if name in (p.raw_name, p.name)]


def _describe(citation: Citation, finding: Finding) -> str:
    param = _param_at(citation, finding)
    where = f"on |{param.raw_name}=" if param else "on no parameter"
    return f"{finding.code} {where}: {finding.message}"


def compare_errors(
    tally: ErrorTally,
    errors_map: ErrorMap,
    article: str,
    source: str,
    citation: Citation,
    module: list[ModuleError],
    findings: list[Finding],
) -> None:
    """Count one citation's (citation, kind) pairs and check the spans of the shared ones."""
    module_kinds: dict[str, list[ModuleError]] = defaultdict(list)
    for error in module:
        module_kinds[errors_map.of_id(error.id)].append(error)
    ours: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        ours[errors_map.of_code(finding.code)].append(finding)
    for kind in sorted(module_kinds.keys() | ours.keys()):
        side = BOTH if kind in module_kinds and kind in ours else WIKICHECK
        if kind not in ours:
            side = MODULE
        tally.pairs[side] += 1
        tally.by_kind[kind][side] += 1
        for error_id in {error.id for error in module_kinds.get(kind, [])}:
            tally.by_id[error_id][side] += 1
        for code in {finding.code for finding in ours.get(kind, [])}:
            tally.by_code[code][side] += 1
        if side != BOTH:
            tally.disagreements.append(
                ErrorDisagreement(
                    article,
                    source,
                    kind,
                    side,
                    [f"{e.id}: {e.text}" for e in module_kinds.get(kind, [])],
                    [_describe(citation, f) for f in ours.get(kind, [])],
                )
            )
        else:
            _check_spans(tally, article, source, citation, kind, module_kinds[kind], ours[kind])
            _check_texts(tally, article, citation, module_kinds[kind], ours[kind])


def _check_texts(
    tally: ErrorTally,
    article: str,
    citation: Citation,
    module: list[ModuleError],
    findings: list[Finding],
) -> None:
    """Does a finding of the kind say what the module's message says? wikicheck's messages
    start with the module's text and may add detail ("Check |isbn= value: checksum: ...").
    Two differences of form are counted apart: wikicheck names a parameter as written where
    the module's message is fixed ("|accessdate= requires |url=" for "|access-date= ..."),
    and gives a finding per parameter where the module lists them in one message."""
    canonical = {f"|{p.raw_name}=": f"|{p.name}=" for p in citation.params if p.raw_name}
    for error in module:
        messages = [finding.message for finding in findings]
        as_module = [
            TEMPLATE_PREFIX.sub("", " ".join(canonical.get(w, w) for w in m.split(" ")))
            for m in messages
        ]
        listed = _named(citation, error.params)
        if any(message.startswith(error.text) for message in messages):
            verdict = "same"
        elif any(message.startswith(error.text) for message in as_module):
            verdict = "same, the parameter named as written"
        elif any(_reordered(error.text, message) for message in messages):
            verdict = "same, the parameters in another order"
        elif error.id in LISTS and all(
            any(m.endswith(f"|{p.raw_name}=") for m in messages) for p in listed
        ):
            verdict = "same, a finding per listed parameter"
        else:
            verdict = "differ"
            tally.text_differences[error.id] += 1
            ours = " / ".join(f"{f.code} {f.message}" for f in findings)
            tally.text_examples.append(f"{article}: {error.text} -- wikicheck: {ours}")
        tally.texts[verdict] += 1


def _reordered(module: str, ours: str) -> bool:
    """The same message naming the same parameters in another order."""
    names = NAMES.findall(module)
    return NAMES.sub("|=", ours).startswith(NAMES.sub("|=", module)) and sorted(names) == sorted(
        NAMES.findall(ours)[: len(names)]
    )


def _check_spans(
    tally: ErrorTally,
    article: str,
    source: str,
    citation: Citation,
    kind: str,
    module: list[ModuleError],
    findings: list[Finding],
) -> None:
    """Does each parameter the module names carry a finding of the kind, and does each finding
    lie on a parameter the module names? Messages naming no parameter of the citation ("Missing
    or empty |title=", 'Text "x" ignored') are not checked."""
    named_anywhere: set[int] = set()
    on = {id(param) for f in findings if (param := _param_at(citation, f)) is not None}
    for error in module:
        present = _named(citation, error.params)
        if not present:
            tally.spans["module names no parameter present"] += 1
            continue
        named_anywhere.update(id(p) for p in present)
        # A list names every culprit; other messages name the culprit first (|archive-date= /
        # |archive-url= timestamp mismatch, |x= ignored (|y= suggested), |a= requires |b=).
        culprits = present if error.id in LISTS and "mismatch" not in error.text else present[:1]
        if error.id in EITHER:
            reported = any(id(p) in on for p in present)
        else:
            reported = all(id(p) in on for p in culprits)
        if reported:
            tally.spans["module's parameter has a finding"] += 1
        else:
            tally.spans["module's parameter has no finding"] += 1
            found = "; ".join(_describe(citation, f) for f in findings)
            what = f"module: {error.text} -- wikicheck: {found}"
            tally.span_mismatches.append(SpanMismatch(article, source, kind, what))
    if not named_anywhere:
        return
    for finding in findings:
        param = _param_at(citation, finding)
        if param is not None and id(param) in named_anywhere:
            tally.spans["finding on a parameter the module names"] += 1
            continue
        tally.spans["finding elsewhere"] += 1
        texts = "; ".join(error.text for error in module)
        what = f"wikicheck: {_describe(citation, finding)} -- module: {texts}"
        tally.span_mismatches.append(SpanMismatch(article, source, kind, what))
