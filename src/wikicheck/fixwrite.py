"""Writing a fixed file back: through the path the user gave, never over someone's edit.

``--fix`` may run for a while on a big file, on files that are symlinks or hard links, in a
checkout owned by another user, or as root in a container. What the writer guarantees:

* **The file the user named is the file fixed.** A symlink is followed (``realpath``) and
  its target is rewritten; the link stays a link.
* **Hard links stay linked.** A file with more than one link is rewritten in place (same
  inode), so every name sees the fix; renaming a new file over one name would leave the
  others with the old text.
* **Otherwise the rewrite is atomic**: the new text goes to a temporary file in the target's
  directory, gets the old file's permission bits, owner, group and extended attributes (ACLs
  live there), and is renamed over the target. A crash leaves the old file or the new one.
  If the owner or an extended attribute cannot be copied (not root, a file owned by someone
  else that we may write to), the file is rewritten in place instead, which keeps them all.
* **Read-only files are refused** by their mode bits, not by ``os.access``: as root (CI,
  containers) ``access`` says yes to everything. Root goes by the owner's write bit.
* **A file changed since it was read is refused**: device, inode, size, modification time
  and SHA-256 of its bytes must all match what was read, checked again just before the
  rename (or, in place, on the open file just before writing).

Every refusal is an :class:`~wikicheck.errors.InputError` naming the reason; the runner turns
it into the file's error (exit status 2) and goes on with the other files.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from .errors import InputError
from .inputs import Document, FileStamp, encode, stamp_of

_CHANGED = "changed since wikicheck read it; not fixed (run wikicheck again)"


def write_fixed(document: Document, text: str) -> None:
    """Write ``text`` over the file ``document`` was read from, or raise :class:`InputError`."""
    path = document.path
    try:
        data = encode(document, text)
    except UnicodeEncodeError as error:
        raise InputError(
            f"the fixed text cannot be written in {document.encoding} "
            f"({error.object[error.start : error.end]!r}); not fixed",
            path=path,
        ) from None
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
        if not _mode_allows_writing(status):
            raise InputError(
                f"is read-only (mode {stat.filemode(status.st_mode)}); not fixed", path=path
            )
        if document.stamp is None or not _unchanged(target, document.stamp):
            raise InputError(_CHANGED, path=path)
        if status.st_nlink > 1 or not _replace(target, data, status, document.stamp):
            _rewrite_in_place(target, data, document.stamp)
    except InputError as error:
        raise InputError(error.reason, path=path) from None
    except OSError as error:
        reason = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename and error.filename != target else ""
        raise InputError(f"cannot write the fixed file: {reason}{where}", path=path) from None


def _mode_allows_writing(status: os.stat_result) -> bool:
    """Whether the permission bits that apply to this process allow writing."""
    if not hasattr(os, "geteuid"):  # Windows: only the read-only attribute exists
        return bool(status.st_mode & stat.S_IWRITE)
    user = os.geteuid()
    if user in (0, status.st_uid):
        return bool(status.st_mode & stat.S_IWUSR)
    if status.st_gid == os.getegid() or status.st_gid in os.getgroups():
        return bool(status.st_mode & stat.S_IWGRP)
    return bool(status.st_mode & stat.S_IWOTH)


def _matches(status: os.stat_result, data: bytes, stamp: FileStamp) -> bool:
    return stamp_of(status, data) == stamp


def _unchanged(target: str, stamp: FileStamp) -> bool:
    with open(target, "rb") as handle:
        status = os.fstat(handle.fileno())
        if (status.st_size, status.st_mtime_ns) != (stamp.size, stamp.mtime_ns):
            return False  # no need to hash
        return _matches(status, handle.read(), stamp)


def _replace(target: str, data: bytes, status: os.stat_result, stamp: FileStamp) -> bool:
    """Write a temporary file with the target's metadata and rename it over the target.
    False (nothing changed) when the metadata cannot be copied: then write in place."""
    directory = os.path.dirname(target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(
            f"cannot create a temporary file in {directory} ({reason}); not fixed"
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), stat.S_IMODE(status.st_mode))
            if not _copy_owner_and_attributes(handle.fileno(), target, status):
                os.unlink(temporary)
                return False
            os.fsync(handle.fileno())
        if not _unchanged(target, stamp):
            raise InputError(_CHANGED)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True


def _copy_owner_and_attributes(descriptor: int, target: str, status: os.stat_result) -> bool:
    mine = os.fstat(descriptor)
    try:
        if (mine.st_uid, mine.st_gid) != (status.st_uid, status.st_gid):
            os.fchown(descriptor, status.st_uid, status.st_gid)
            # chown clears set-user-ID and set-group-ID bits: put the mode back.
            os.fchmod(descriptor, stat.S_IMODE(status.st_mode))
        for name in _attribute_names(target):
            os.setxattr(descriptor, name, os.getxattr(target, name))
    except OSError:
        return False
    return True


def _attribute_names(target: str) -> list[str]:
    if not hasattr(os, "listxattr"):
        return []
    try:
        return os.listxattr(target)
    except OSError:
        return []  # a file system without extended attributes


def _rewrite_in_place(target: str, data: bytes, stamp: FileStamp) -> None:
    """Overwrite the file's own bytes (same inode: links, owner, mode and attributes kept),
    after checking on the open file that it is still what was read."""
    with open(target, "r+b") as handle:
        status = os.fstat(handle.fileno())
        if not _matches(status, handle.read(), stamp):
            raise InputError(_CHANGED)
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
