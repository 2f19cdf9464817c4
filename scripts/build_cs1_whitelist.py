"""Write src/wikicheck/data/cs1_whitelist.toml from Wikipedia's CS1 modules (a maintainer task).

    python scripts/build_cs1_whitelist.py [MODULES_DIR]

MODULES_DIR defaults to ../shared/reference/wikipedia-modules (Lua sources with a README that
names each module's enwiki revision). Only the *data tables* are read: the parameter lists of
Module:Citation/CS1/Whitelist and the template -> CitationClass map of
Module:Citation/CS1/Configuration. How the module combines the lists (which templates take the
limited preprint lists, ...) is restated in wikicheck.cs1.params. The output is deterministic,
so tests/cs1/test_whitelist.py can check that the checked-in file is what this script writes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT.parent / "shared" / "reference" / "wikipedia-modules"
OUTPUT = ROOT / "src" / "wikicheck" / "data" / "cs1_whitelist.toml"

# The Whitelist module's tables, in the order the output lists them, and what each holds.
FLAT_TABLES = {
    "basic_arguments_t": "basic",
    "numbered_arguments_t": "numbered",
    "limited_basic_arguments_t": "limited_basic",
    "limited_numbered_arguments_t": "limited_numbered",
    "document_arguments_t": "document",
    "document_numbered_arguments_t": "document_numbered",
}
NESTED_TABLES = {"preprint_arguments_t": "preprint", "unique_arguments_t": "unique"}
# Lua values of a whitelist entry -> the state written out ("nil" = listed but unsupported).
STATES = {"true": "valid", "false": "deprecated", "'tracked'": "tracked", "nil": "removed"}

_TOKEN = re.compile(
    r"""\s+|--\[(?P<eq>=*)\[.*?\](?P=eq)\]|--[^\n]*"""  # whitespace and comments: skipped
    r"""|(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<sym>[{}\[\]=,;])""",
    re.DOTALL,
)

LuaValue = str | dict[str, "LuaValue"]


@dataclass
class _Tokens:
    items: list[str]
    at: int = 0

    def take(self, expected: str | None = None) -> str:
        token = self.items[self.at]
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected!r}, found {token!r} (token {self.at})")
        self.at += 1
        return token

    def peek(self) -> str:
        return self.items[self.at]


def _tokens(text: str) -> list[str]:
    """The tokens of the table constructor at the start of ``text``, up to its closing brace
    (the code after it is not data, and need not be readable here)."""
    out: list[str] = []
    position = depth = 0
    while True:
        match = _TOKEN.match(text, position)
        if match is None:
            raise ValueError(f"cannot read Lua at {text[position : position + 40]!r}")
        position = match.end()
        token = match.group("str") or match.group("word") or match.group("sym")
        if not token:
            continue
        out.append(token)
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth == 0:
            return out


def _unquote(token: str) -> str:
    if token[:1] not in "'\"":
        raise ValueError(f"expected a string, found {token!r}")
    return re.sub(r"\\(.)", r"\1", token[1:-1])


def _table(tokens: _Tokens) -> dict[str, LuaValue]:
    """A table constructor of string or name keys: { ['k'] = v, k = v, ... }."""
    tokens.take("{")
    out: dict[str, LuaValue] = {}
    while tokens.peek() != "}":
        if tokens.peek() == "[":
            tokens.take("[")
            key = _unquote(tokens.take())
            tokens.take("]")
        else:
            key = tokens.take()
        tokens.take("=")
        out[key] = _table(tokens) if tokens.peek() == "{" else tokens.take()
        if tokens.peek() in (",", ";"):
            tokens.take()
    tokens.take("}")
    return out


def read_local_table(source: str, name: str) -> dict[str, LuaValue]:
    """The literal value of ``local <name> = { ... }`` (or of the field ``<name> = {`` inside
    a returned table, as Configuration nests its class map)."""
    match = re.search(rf"(?:^|\n)\s*(?:local\s+)?{re.escape(name)}\s*=\s*\{{", source)
    if match is None:
        raise ValueError(f"table {name} not found")
    return _table(_Tokens(_tokens(source[match.end() - 1 :])))


def _flat_states(table: dict[str, LuaValue], where: str) -> dict[str, list[str]]:
    states: dict[str, list[str]] = {}
    for key, value in table.items():
        if not isinstance(value, str) or value not in STATES:
            raise ValueError(f"{where}[{key!r}]: unexpected value {value!r}")
        states.setdefault(STATES[value], []).append(key)
    return {state: sorted(names) for state, names in sorted(states.items())}


def _revisions(readme: str) -> dict[str, str]:
    return dict(re.findall(r"\|\s*`([^`]+\.lua)`\s*\|[^|]*\|\s*oldid (\d+)", readme))


def _toml_list(names: list[str], indent: str = "") -> str:
    quoted = [f'"{name}"' for name in names]
    lines, line = [], ""
    for item in quoted:
        if line and len(line) + len(item) + 2 > 96:
            lines.append(line.rstrip())
            line = ""
        line += item + ", "
    lines.append(line.rstrip())
    body = "\n".join(f"{indent}  {line}" for line in lines)
    return f"[\n{body}\n{indent}]"


def _section(header: str, states: dict[str, list[str]]) -> list[str]:
    lines = [f"[{header}]"]
    for state, names in states.items():
        lines.append(f"{state} = {_toml_list(names)}")
    return [*lines, ""]


def render(modules: Path = MODULES) -> str:
    whitelist = (modules / "Citation-CS1-Whitelist.lua").read_text(encoding="utf-8")
    configuration = (modules / "Citation-CS1-Configuration.lua").read_text(encoding="utf-8")
    revisions = _revisions((modules / "README.md").read_text(encoding="utf-8"))
    classes = read_local_table(configuration, "citation_class_map_t")
    lines = [
        "# CS1/CS2 parameter whitelists, per template. GENERATED: do not edit; run",
        "#     python scripts/build_cs1_whitelist.py",
        "#",
        "# Source: English Wikipedia, Module:Citation/CS1/Whitelist"
        f" (oldid {revisions['Citation-CS1-Whitelist.lua']})",
        "# and the citation_class_map_t of Module:Citation/CS1/Configuration"
        f" (oldid {revisions['Citation-CS1-Configuration.lua']}).",
        "# Licence of the facts restated here: CC BY-SA 4.0 (Wikipedia).",
        "#",
        "# Names are raw parameter names (aliases included), case-sensitive; '#' stands for an",
        "# enumerator. States: valid; deprecated (accepted with a deprecation error; empty =",
        "# unknown); tracked (valid, put in a properties category); removed (listed as nil).",
        "",
        "[source]",
        'whitelist = "Module:Citation/CS1/Whitelist"',
        f"whitelist_oldid = {revisions['Citation-CS1-Whitelist.lua']}",
        'configuration = "Module:Citation/CS1/Configuration"',
        f"configuration_oldid = {revisions['Citation-CS1-Configuration.lua']}",
        "",
        "# Template (as MediaWiki normalises its name) -> its CitationClass in the module.",
        "[classes]",
    ]
    for cls, template in sorted(classes.items(), key=lambda item: str(item[1]).casefold()):
        if not isinstance(template, str):
            raise ValueError(f"citation_class_map_t[{cls!r}] is not a string")
        name = _unquote(template)
        lines.append(f'"{name[:1].upper() + name[1:]}" = "{cls}"')
    lines.append("")
    for lua_name, key in FLAT_TABLES.items():
        table = read_local_table(whitelist, lua_name)
        lines += _section(f"lists.{key}", _flat_states(table, lua_name))
    for lua_name, key in NESTED_TABLES.items():
        nested = read_local_table(whitelist, lua_name)
        for cls, inner in sorted(nested.items()):
            if not isinstance(inner, dict):
                raise ValueError(f"{lua_name}[{cls!r}] is not a table")
            lines += _section(f'{key}."{cls}"', _flat_states(inner, f"{lua_name}.{cls}"))
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    modules = Path(argv[1]) if len(argv) > 1 else MODULES
    OUTPUT.write_text(render(modules), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
