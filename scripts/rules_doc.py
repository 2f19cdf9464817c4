"""Write docs/rules.md from the rule registry: python scripts/rules_doc.py > docs/rules.md"""

from __future__ import annotations

from wikicheck.registry import default_registry

FAMILIES = {
    "WC0": "Engine", "WC1": "Structure", "WC2": "Citation dates", "WC3": "Citation templates (CS1)",
    "WC4": "References (Cite)", "WC5": "Maintenance", "WC6": "Typos", "WC7": "Links",
    "WC8": "Markup (syntax)",
}  # fmt: skip


def render() -> str:
    registry = default_registry()
    rules = registry.rules
    lines = [
        "# Rules",
        "",
        "Generated from the rule docstrings by `python scripts/rules_doc.py > docs/rules.md`;",
        "`wikicheck rule CODE` prints the same text. Severity follows what Wikipedia shows: a",
        "visible CS1 or Cite error is `error`; hidden maintenance categories and wikicheck's",
        "own advice are `warning` or `info`.",
        "",
        "**The default set.** With no `select`, `wikicheck lint` runs the rules marked *on* below:",
        "an editor acts on nearly every finding they make on current articles (precision per rule:",
        "`python benchmarks/precision.py`). The others are opt-in (`--extend-select CODE`, or",
        "`--select ALL`); why each is on or off comes from",
        "`src/wikicheck/data/default_rules.toml`.",
        "",
        "| code | name | severity | default | fix | summary |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        summary = rule.summary.replace("|", "\\|")
        default = "on" if registry.is_default(rule) else "off"
        lines.append(
            f"| {rule.code} | {rule.name} | {rule.severity.value} | {default} "
            f"| {rule.fix_availability.value} | {summary} |"
        )
    lines += ["", "## Why each rule is or is not on by default", ""]
    lines += ["| code | name | default | why |", "|---|---|---|---|"]
    for rule in rules:
        choice = registry.default_choice(rule)
        why = choice.why.replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.name} | {'on' if choice.on else 'off'} | {why} |")
    for prefix, family in FAMILIES.items():
        members = [rule for rule in rules if rule.code.startswith(prefix)]
        if not members:
            continue
        lines += ["", f"## {family}"]
        for rule in members:
            state = "on by default" if registry.is_default(rule) else "off by default (opt-in)"
            lines += ["", f"### {rule.code} {rule.name}", "", f"*{state}*", ""]
            lines += ["```text", rule.doc.rstrip(), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
