"""--fix on a real file system: symlinks, hard links, modes, owners, files changed meanwhile,
encodings; every refusal a message and exit status 2, the other files still fixed."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wikicheck import runner
from wikicheck.cli import main

BROKEN = "Text.{{cite web |url=https://example.org/a |title=T |date=15 Sept 2020}}\n"
FIXED = BROKEN.replace("15 Sept 2020", "15 September 2020")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def fix(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", "--isolated", "--jobs", "1", "--today", "2026-01-15", "--fix", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_symlink_stays_a_link_and_its_target_is_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.wiki"
    target.write_text(BROKEN)
    link = tmp_path / "link.wiki"
    link.symlink_to(target)
    code, out, _ = fix(capsys, str(link))
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text() == FIXED
    assert "Fixed 1 finding." in out
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["a.wiki"]  # no temp left


def test_hard_links_stay_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "a.wiki"
    first.write_text(BROKEN)
    second = tmp_path / "b.txt"  # not a wikitext name: only a.wiki is linted
    os.link(first, second)
    inode = first.stat().st_ino
    code, _, _ = fix(capsys, str(first))
    assert code == 0
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert first.stat().st_nlink == 2
    assert second.read_text() == FIXED


def test_mode_and_owner_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN)
    os.chmod(path, 0o640)
    owner = (65534, 65534) if ROOT else (path.stat().st_uid, path.stat().st_gid)
    if ROOT:
        os.chown(path, *owner)  # nobody:nogroup, as a checkout owned by another user
    code, _, _ = fix(capsys, str(path))
    assert code == 0
    assert path.read_text() == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert (path.stat().st_uid, path.stat().st_gid) == owner


def test_a_read_only_file_is_refused_by_its_mode_bits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readonly, other = tmp_path / "a.wiki", tmp_path / "b.wiki"
    readonly.write_text(BROKEN)
    other.write_text(BROKEN)
    os.chmod(readonly, 0o444)  # as root os.access says it is writable: the mode says no
    code, out, _ = fix(capsys, str(readonly), str(other))
    assert readonly.read_text() == BROKEN
    assert stat.S_IMODE(readonly.stat().st_mode) == 0o444
    assert other.read_text() == FIXED  # the other file is still fixed
    assert f"{readonly}: error: is read-only (mode -r--r--r--); not fixed" in out
    assert code == 2


def _edit_after_the_fix_loop(monkeypatch: pytest.MonkeyPatch, edit: Callable[[], object]) -> None:
    """The seam: the user saves the file after wikicheck read it and computed its fixes."""
    real: Callable[..., tuple[str, list[Any]]] = runner.fix_with_record  # type: ignore[attr-defined]

    def fix_then_edit(*args: Any, **kwargs: Any) -> tuple[str, list[Any]]:
        result = real(*args, **kwargs)
        edit()
        return result

    monkeypatch.setattr(runner, "fix_with_record", fix_then_edit)


@pytest.mark.parametrize(
    ("links", "same_size_and_time"),
    [(1, False), (2, False), (1, True)],
    ids=["rename", "in-place", "same size and mtime: the hash tells"],
)
def test_a_file_changed_since_it_was_read_is_not_overwritten(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    links: int,
    same_size_and_time: bool,
) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN)
    if links == 2:
        os.link(path, tmp_path / "b.txt")  # a hard link: the in-place writer checks
    before = path.stat()
    users_edit = BROKEN.replace("Text.", "Txet." if same_size_and_time else "Text edited.")

    def save() -> None:
        path.write_text(users_edit)
        if same_size_and_time:
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    _edit_after_the_fix_loop(monkeypatch, save)
    code, out, _ = fix(capsys, str(path))
    assert path.read_text() == users_edit
    assert f"{path}: error: changed since wikicheck read it; not fixed" in out
    assert code == 2


def test_an_unwritable_directory_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(BROKEN)
    os.chmod(tmp_path, 0o555)
    if ROOT:  # root may create files in any directory: make the temporary file fail as it would

        def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("tempfile.mkstemp", refuse)
    try:
        code, out, err = fix(capsys, str(path))
    finally:
        os.chmod(tmp_path, 0o755)
    assert path.read_text() == BROKEN
    assert f"{path}: error: cannot create a temporary file in {tmp_path}" in out
    assert "Permission denied" in out
    assert "Traceback" not in out + err
    assert code == 2


def test_utf16_big_endian_stays_big_endian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"\xfe\xff" + BROKEN.encode("utf-16-be"))
    code, _, _ = fix(capsys, str(path), "--encoding", "utf-16")
    assert code == 0
    assert path.read_bytes() == b"\xfe\xff" + FIXED.encode("utf-16-be")


def test_utf16_little_endian_stays_little_endian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"\xff\xfe" + BROKEN.encode("utf-16-le"))
    fix(capsys, str(path), "--encoding", "UTF16")
    assert path.read_bytes() == b"\xff\xfe" + FIXED.encode("utf-16-le")


def test_a_fix_latin1_cannot_hold_is_skipped_and_the_rest_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # WC209's fix writes an en dash, which latin-1 has no byte for.
    text = (
        "Caf\u00e9.{{cite web |url=https://example.org/a |title=T |date=2019-2020}}"
        "{{cite web |url=https://example.org/b |title=U |date=15 Sept 2020}}\n"
    )
    path = tmp_path / "a.wiki"
    path.write_bytes(text.encode("latin-1"))
    code, out, _ = fix(capsys, str(path), "--encoding", "latin-1", "--select", "WC2")
    assert path.read_bytes() == text.replace("15 Sept", "15 September").encode("latin-1")
    assert "WC209" in out  # the finding is kept, with a note why its fix was not applied
    assert "not applied: iso8859-1 cannot hold '\u2013'" in out
    assert "Fixed 1 finding." in out
    assert code == 1
