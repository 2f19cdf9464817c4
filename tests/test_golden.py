"""The seed article's model JSON is a public contract: compare with the committed file.

Regenerate after an intended change with
    wikicheck parse fixtures/niafunke_attack.wiki > tests/golden/niafunke_attack.parse.json
"""

from __future__ import annotations

import json

import wikicheck
from wikicheck.reporters.model_json import article_to_dict

from .conftest import FIXTURES, ROOT, read_text


def test_seed_model_matches_golden() -> None:
    path = "fixtures/niafunke_attack.wiki"
    article = wikicheck.parse(read_text(FIXTURES / "niafunke_attack.wiki"), path=path)
    expected = json.loads((ROOT / "tests" / "golden" / "niafunke_attack.parse.json").read_text())
    assert article_to_dict(article) == expected
