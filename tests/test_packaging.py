"""The wheel carries every data file: an editable install would never notice one missing."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_contains_the_data_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("wikicheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "src" / "wikicheck" / "data"
    expected = {f"wikicheck/data/{path.name}" for path in data.iterdir() if path.is_file()}
    assert expected <= names, expected - names
    assert "wikicheck/py.typed" in names
