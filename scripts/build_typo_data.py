"""Build the typo detector's data files from their upstream packages (a maintainer task).

    pip install wordfreq==3.1.1 codespell==2.4.3
    python scripts/build_typo_data.py

Writes src/wikicheck/data/words_en.tsv.gz (English word frequencies, from wordfreq's "large"
English list; CC BY-SA 4.0) and src/wikicheck/data/misspellings.txt (codespell's main
dictionary, derived from Wikipedia's "Lists of common misspellings"; CC BY-SA 3.0). Provenance
and licences are recorded in src/wikicheck/data/SOURCES.md. Nothing here reads the shared
corpus: tuning word lists to the test articles would only hide how the detector does on the
next article.
"""

from __future__ import annotations

import gzip
import importlib.metadata
from pathlib import Path

import codespell_lib
from wordfreq import get_frequency_dict, zipf_frequency

DATA = Path(__file__).resolve().parent.parent / "src" / "wikicheck" / "data"
MIN_ZIPF = 1.0


def build_words() -> int:
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


def build_misspellings() -> int:
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


if __name__ == "__main__":
    print(f"{build_words()} words, {build_misspellings()} misspellings")
