"""Write docs/rules.md from the rule registry: python scripts/rules_doc.py > docs/rules.md"""

from __future__ import annotations

from wikicheck.registry import default_registry

FAMILIES = {
    "WC0": "Engine", "WC1": "Structure", "WC2": "Citation dates", "WC3": "Citation templates (CS1)",
    "WC4": "References (Cite)", "WC5": "Maintenance", "WC6": "Typos", "WC7": "Links",
}  # fmt: skip


def render() -> str:
    rules = default_registry().rules
    lines = [
        "# Rules",
        "",
        "Generated from the rule docstrings by `python scripts/rules_doc.py > docs/rules.md`;",
        "`wikicheck rule CODE` prints the same text. Severity follows what Wikipedia shows: a",
        "visible CS1 or Cite error is `error`; hidden maintenance categories and wikicheck's",
        "own advice are `warning` or `info`.",
        "",
        "| code | name | severity | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        summary = rule.summary.replace("|", "\\|")
        lines.append(
            f"| {rule.code} | {rule.name} | {rule.severity.value} | {rule.fix.value} | {summary} |"
        )
    for prefix, family in FAMILIES.items():
        members = [rule for rule in rules if rule.code.startswith(prefix)]
        if not members:
            continue
        lines += ["", f"## {family}"]
        for rule in members:
            lines += ["", f"### {rule.code} {rule.name}", "", "```text", rule.doc.rstrip(), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
