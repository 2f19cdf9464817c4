"""The pre-commit hook, run for real: pre-commit installs wikicheck from this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import IN_CI, ROOT


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run this checkout's wikicheck hook on every file of ``repo``."""
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "wikicheck", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_hook_runs_on_wikitext_files(tmp_path: Path) -> None:
    if shutil.which("pre-commit") is None or shutil.which("git") is None:
        if IN_CI:
            pytest.fail("pre-commit and git are needed in CI")
        pytest.skip("pre-commit or git is not installed")
    repo = tmp_path / "wiki"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }  # fmt: skip
    (repo / "bad.wiki").write_text("== A ==\n==== B ====\nText.\n")
    (repo / "notes.txt").write_text("== A ==\n==== B ====\n")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    result = try_repo(repo, env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "bad.wiki:2:1: WC101" in output
    assert "notes.txt" not in output
    (repo / "bad.wiki").write_text("== A ==\n=== B ===\nText.\n")
    result = try_repo(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
