"""Build the typo detector's data files from their upstream packages (a maintainer task).

    pip install wordfreq==3.1.1 codespell==2.4.3
    apt-get install wamerican wbritish wamerican-large wbritish-large  # SCOWL 2020.12.07
    python scripts/build_typo_data.py [words] [misspellings] [dictionary]  # default: all

Writes src/wikicheck/data/words_en.tsv.gz (English word frequencies, from wordfreq's "large"
English list; CC BY-SA 4.0), src/wikicheck/data/misspellings.txt (codespell's main
dictionary, derived from Wikipedia's "Lists of common misspellings"; CC BY-SA 3.0) and
src/wikicheck/data/dictionary_en.tsv.gz (words of a standard English spelling dictionary,
SCOWL's American and British lists up to size 70, as Debian's wamerican, wbritish,
wamerican-large and wbritish-large packages install them: those the detector asks about;
SCOWL's copyright file, whose notices must travel with every copy, is the file's header).
The Debian packages are a build-time need of this script only, not of wikicheck. Provenance
and licences are recorded in src/wikicheck/data/SOURCES.md. Nothing here reads the shared
corpus: tuning word lists to the test articles would only hide how the detector does on the
next article.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "wikicheck" / "data"
MIN_ZIPF = 1.0
RARE = 2.0  # the detector's frequency model judges words used less than this (detector.RARE)
COMMON = 3.0  # the detector suggests words used at least this often (detector.COMMON)


def build_words() -> int:
    from wordfreq import get_frequency_dict, zipf_frequency

    rows = []
    for word in get_frequency_dict("en", wordlist="large"):
        if not (word.isascii() and word.replace("'", "").isalpha()):
            continue
        zipf = zipf_frequency(word, "en", wordlist="large")
        if zipf >= MIN_ZIPF:
            rows.append(f"{word}\t{zipf:.2f}")
    rows.sort()
    version = importlib.metadata.version("wordfreq")
    header = f"# wordfreq {version} 'large' English list, zipf >= {MIN_ZIPF}; CC BY-SA 4.0\n"
    data = (header + "\n".join(rows) + "\n").encode("utf-8")
    # mtime=0 keeps the file byte-identical from one build to the next
    (DATA / "words_en.tsv.gz").write_bytes(gzip.compress(data, mtime=0))
    return len(rows)


# Debian's SCOWL word lists: size 50 (the core of a spelling dictionary) and size 70 ("large",
# the largest SCOWL recommends for spell checking), American and British spellings each.
SCOWL = Path("/usr/share/dict")
SCOWL_SIZES = {
    50: ("american-english", "british-english"),
    70: ("american-english-large", "british-english-large"),
}
SCOWL_COPYRIGHT = Path("/usr/share/doc/wamerican-large/copyright")


def _scowl_header(version: str, words: int) -> str:
    """SCOWL's full copyright file, as its notices (its own, WordNet's, Ispell's ...) ask to
    travel with every copy, then what the lines mean."""
    notice = SCOWL_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    return (
        f"# SCOWL word lists up to size 70, American and British, from Debian's wamerican,"
        f" wbritish, wamerican-large and wbritish-large {version}; their copyright file:\n"
        + "".join(f"#   {line}".rstrip() + "\n" for line in notice)
        + f"# Of its {words:,} lowercase words, those words_en.tsv.gz gives a zipf below {RARE}"
        " or none, and those misspellings.txt names (the words the detector asks about).\n"
        "# Lines, in order of size: word TAB the SCOWL size (50 or 70) of the smallest list"
        " that has it; or 0"
        f" for a word of words_en.tsv.gz with a zipf of {COMMON} or more that SCOWL does"
        " not have in lowercase (a name or an abbreviation).\n"
    )


def build_dictionary() -> int:
    """The lowercase SCOWL words the detector can ask about, from the other two files.

    The detector asks a dictionary about a word English text rarely uses (zipf below RARE in
    words_en.tsv.gz), which it would judge by its frequency model, about a word the curated
    list calls a misspelling, and whether a common word it would suggest is a word or a
    name. The other ~52,000 SCOWL words are common words, and leaving them out (listing the
    5,000 common words SCOWL lacks instead) halves the time the file takes to load.
    """
    sizes: dict[str, int] = {}
    for size, names in sorted(SCOWL_SIZES.items(), reverse=True):
        for name in names:
            for word in (SCOWL / name).read_text(encoding="utf-8").split():
                # Capitalised entries are names ("Gage" does not vouch for "gage"), and the
                # detector skips words with apostrophes (possessives).
                if word.islower() and "'" not in word:
                    sizes[word] = size
    words = gzip.decompress((DATA / "words_en.tsv.gz").read_bytes()).decode("utf-8")
    frequent = {word for word, zipf in _rows(words) if float(zipf) >= RARE}
    listed = (DATA / "misspellings.txt").read_text(encoding="utf-8")
    typos = {line.split("->", 1)[0] for line in listed.splitlines() if "->" in line}
    wanted = {word: size for word, size in sizes.items() if word not in frequent or word in typos}
    # Common words that SCOWL does not spell in lowercase (names, abbreviations: "yuri",
    # "isn"), size 0: the detector never suggests one of them for a slip in prose.
    common = {word for word, zipf in _rows(words) if float(zipf) >= COMMON and word.isalpha()}
    wanted |= {word: 0 for word in common if word.isascii() and word not in sizes}
    version = _debian_version("wamerican-large")
    # In order of size, then word: wikicheck loads each size as one slice.
    rows = "".join(f"{word}\t{size}\n" for word, size in sorted(wanted.items(), key=_by_size))
    data = (_scowl_header(version, len(sizes)) + rows).encode("utf-8")
    (DATA / "dictionary_en.tsv.gz").write_bytes(gzip.compress(data, mtime=0))
    return len(wanted)


def _by_size(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0]


def _rows(tsv: str) -> list[list[str]]:
    return [line.split("\t") for line in tsv.splitlines() if not line.startswith("#")]


def _debian_version(package: str) -> str:
    status = Path("/var/lib/dpkg/status").read_text(encoding="utf-8")
    block = status.split(f"Package: {package}\n", 1)[1].split("\n\n", 1)[0]
    return next(
        line.split(": ", 1)[1] for line in block.splitlines() if line.startswith("Version:")
    )


def build_misspellings() -> int:
    import codespell_lib

    source = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    version = importlib.metadata.version("codespell")
    lines = [
        line for line in source.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]  # fmt: skip
    header = (
        f"# codespell {version} data/dictionary.txt (from Wikipedia's Lists of common "
        "misspellings); CC BY-SA 3.0\n"
        "# typo->fix: one certain fix; typo->a, b,: several; typo->fix, reason: no auto-fix\n"
    )
    (DATA / "misspellings.txt").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


# In this order: the dictionary keeps the words the other two files leave it to answer.
BUILDS = {"words": build_words, "misspellings": build_misspellings, "dictionary": build_dictionary}

if __name__ == "__main__":
    # Each part needs only its own upstream package: rebuild one without installing the rest.
    for name in sys.argv[1:] or BUILDS:
        print(f"{name}: {BUILDS[name]()} entries")
