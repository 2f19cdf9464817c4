"""The commands that look rather than lint: ``parse``, ``rules``, ``rule`` and ``config``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..reporters.escape import visible
from ..settings import LinkSettings
from .common import EXIT_CLEAN, resolve_settings


def add_info_parsers(commands: Any) -> None:
    parse_cmd = commands.add_parser("parse", help="print the article model of a file")
    parse_cmd.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    parse_cmd.add_argument("--format", choices=["json", "outline"], default="json")
    parse_cmd.add_argument("--encoding", default="utf-8")
    commands.add_parser("rules", help="list every rule")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code (WC101) or name")
    config = commands.add_parser("config", help="show the settings that apply to a path")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", type=Path)


def run_parse(args: argparse.Namespace) -> int:
    from ..inputs import read
    from ..parse import parse
    from ..reporters.model_json import render as render_model

    document = read(args.path, args.encoding)
    article = parse(document.text, path=args.path)
    if args.format == "json":
        sys.stdout.write(render_model(article))
        return EXIT_CLEAN
    for section in article.all_sections():
        where = article.position(section.span.start)
        label = "(lead)" if section.title is None else visible(section.title)
        sys.stdout.write(
            f"{'  ' * max(section.level - 1, 0)}{label}  [{where.line}:{where.column}]\n"
        )
    sys.stdout.write(
        f"{len(article.infoboxes)} infoboxes, {len(article.refs)} refs, "
        f"{len(article.citations)} citations, {len(article.templates)} templates, "
        f"{len(article.wikilinks)} wikilinks, {len(article.external_links)} external links, "
        f"{len(article.categories)} categories\n"
    )
    return EXIT_CLEAN


def run_rules(_args: argparse.Namespace) -> int:
    from ..registry import default_registry

    registry = default_registry()
    sys.stdout.write(
        f"{'code':<6} {'name':<32} {'family':<11} {'severity':<8} {'default':<7} {'fix':<9}"
        " summary\n"
    )
    for rule in registry.rules:
        default = "yes" if registry.is_default(rule) else "no"
        sys.stdout.write(
            f"{rule.code:<6} {rule.name:<32} {rule.family.value:<11} {rule.severity.value:<8}"
            f" {default:<7} {rule.fix_availability.value:<9} {rule.summary}\n"
        )
    return EXIT_CLEAN


def run_rule(args: argparse.Namespace) -> int:
    from ..registry import default_registry

    registry = default_registry()
    rule = registry.get(args.code)
    choice = registry.default_choice(rule)
    state = "on by default" if choice.on else "off by default (select it to run it)"
    sys.stdout.write(f"{rule.doc}\nSelection:\n    {state}: {choice.why}\n")
    return EXIT_CLEAN


def run_config(args: argparse.Namespace) -> int:
    from ..registry import default_registry

    settings = resolve_settings(args, args.path)
    rules = default_registry().for_settings(settings)
    select = list(settings.select) if settings.select is not None else "the default rules"
    ignores = {glob: list(codes) for glob, codes in settings.per_file_ignores}
    links = settings.links
    today = settings.today.isoformat() if settings.today else "the current UTC date"
    lines = [
        f"# configuration file: {settings.source or '(none: defaults)'}",
        f"select = {select}",
        f"ignore = {list(settings.ignore)}",
        f"extend-select = {list(settings.extend_select)}",
        f"per-file-ignores = {ignores}",
        f"exclude = {list(settings.exclude)}",
        f"extensions = {list(settings.extensions)}",
        f"fail-on = {settings.fail_on.value!r}",
        f"page-timeout = {settings.page_timeout:g}",
        f"today = {today}",
        f"rules = {dict(settings.rule_options)}",
        f"links = {_link_summary(links)}",
        f"# {len(rules)} rules selected: {', '.join(rule.code for rule in rules)}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def _link_summary(links: LinkSettings) -> str:
    return ", ".join(
        f"{name.replace('_', '-')} {getattr(links, name)!r}" for name in LinkSettings.__slots__
    )
