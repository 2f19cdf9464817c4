"""Bounded work on hostile input: a 100 KB "word" is linted within a small memory limit.

The typo model builds ~54·n strings of length n for each unknown word it judges, so a
10 KB token once took 5 GB. Words longer than any English word are not judged now. The
limit is set in a child process so that it cannot touch the test process.
"""

from __future__ import annotations

import subprocess
import sys

from wikicheck.typos.detector import MAX_LENGTH

from ..conftest import ROOT

LIMIT = 512 * 1024 * 1024  # bytes of address space; a normal lint peaks near 120 MB

CHILD = f"""
import resource
resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
import wikicheck
word = "abcdefghij" * 10_000
text = "The word " + word + " ends here, and one casaulties slip.\\n" + word[:{MAX_LENGTH + 1}]
findings = list(wikicheck.lint(text, settings=wikicheck.Settings(select=("WC601",))))
print(sorted((f.start.column, f.code) for f in findings))
"""


def test_a_100_kb_word_is_linted_within_512_mb() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # The slip after the long word is still found, at its column; the long tokens are not.
    column = len("The word ") + 100_000 + len(" ends here, and one ") + 1
    assert result.stdout.strip() == f"[({column}, 'WC601')]"
