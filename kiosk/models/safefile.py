"""Writing and reading files safely: the one place backups, exports, badges and CSV go through.

Writing: a temporary file with a unique name *in the target's folder* (so the final rename is
atomic and never crosses a disk), created with ``O_CREAT | O_EXCL | O_NOFOLLOW`` (a symlink or
file planted at that name is never followed or overwritten), flushed and ``fsync``-ed, then
renamed over the target; on any failure — a full disk, an exception, Ctrl-C — the temporary file
is removed. A process killed mid-write leaves its temporary file behind: :func:`sweep` removes
those whose writer is gone (the name carries the writer's process id), and the kiosk and the
commands call it on the folders they write to when they start.

Reading: :func:`open_input` refuses what is not a regular file (a FIFO would block for ever,
``/dev/zero`` never ends, a folder is not a file) and anything over a stated size limit, before
reading a byte; :func:`read_input` then reads at most that limit.

No Qt here: this module is used by the models, the command line and the views alike.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path
from typing import IO, Iterator

from .errors import KioskError

TEMP_SUFFIX = ".part"
# ".<target name>.<pid>-<random>.part"; the leading dot keeps it out of globs like backup-*.db
# (a pattern, compiled by re on first use: the kiosk's start imports this module before its frame)
_TEMP_RE = r"^\.(?P<target>.+)\.(?P<pid>\d+)-[0-9a-f]{12}\.part$"
STALE_AFTER_S = 6 * 3600          # even a live process id is not trusted this long (ids are reused)
LEGACY_STALE_AFTER_S = 600        # "OUT.part" / "*.restoring" from before this module: no pid to check

MiB = 1024 * 1024
# Size limits for every input a person hands the kiosk (documented in the README).
IMPORT_LIMIT = 32 * MiB           # CSV / JSON / frab XML / c3voc JSON for `import`
# `sync import`: kiosk.sync.engine.MAX_FILE (64 MB), checked with check_input/read_input here
RESTORE_LIMIT = 4096 * MiB        # a backup to `restore` (an event database is a few MB)

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def temp_path(target: Path) -> Path:
    """A fresh, unpredictable temporary name beside ``target`` (not created)."""
    return target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(6).hex()}{TEMP_SUFFIX}")


def _create_exclusive(path: Path, mode: int = 0o644) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass   # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _write_error(target: Path, exc: OSError) -> KioskError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full"
    elif exc.errno == errno.EROFS:
        what = "the disk is read-only"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        what = "no permission to write there"
    elif exc.errno == errno.ENOENT and not Path(target).parent.is_dir():
        return KioskError(f"Could not write {target}: the folder {Path(target).parent} does not exist. "
                          "Nothing was written.", code="write_failed",
                          hint="Create the folder or choose one that exists, then try again.")
    else:
        what = exc.strerror or str(exc)
    hint = ("Free some space or choose another folder, then try again." if what == "the disk is full"
            else "Choose another folder (or fix its permissions), then try again.")
    return KioskError(f"Could not write {target}: {what}. Nothing was left behind.", code="write_failed", hint=hint)


@contextlib.contextmanager
def replacing(target: Path, *, mode: int = 0o644) -> Iterator[Path]:
    """Yield a new, empty temporary file's path beside ``target`` for a writer that needs a path
    (SQLite's backup, an image library). When the block ends without an error the file is
    synced and renamed to ``target``; otherwise it is removed. OSError becomes KioskError
    (``write_failed``) naming the cause."""
    target = Path(target)
    tmp = temp_path(target)
    try:
        os.close(_create_exclusive(tmp, mode))
    except OSError as exc:
        raise _write_error(target, exc) from exc
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        _remove(tmp)
        raise _write_error(target, exc) from exc
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def atomic_write(target: Path, *, text: bool = False, encoding: str = "utf-8", newline: str | None = None,
                 mode: int = 0o644) -> Iterator[IO]:
    """Open a safe temporary file for writing (binary, or ``text=True``); it becomes ``target``
    only if the block finishes. ``target`` is never seen half-written."""
    target = Path(target)
    tmp = temp_path(target)
    try:
        fd = _create_exclusive(tmp, mode)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    try:
        with (os.fdopen(fd, "w", encoding=encoding, newline=newline) if text else os.fdopen(fd, "wb")) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        _remove(tmp)
        raise _write_error(target, exc) from exc
    except BaseException:
        _remove(tmp)
        raise


def write_bytes(target: Path, data: bytes, *, mode: int = 0o644) -> None:
    with atomic_write(target, mode=mode) as fh:
        fh.write(data)


def write_text(target: Path, data: str, *, encoding: str = "utf-8", mode: int = 0o644) -> None:
    with atomic_write(target, text=True, encoding=encoding, newline="", mode=mode) as fh:
        fh.write(data)


#: files that hold attendees' names or working badges (each QR gets a person in), and logs:
#: readable by the kiosk's own user only (found by an attack: they were 644)
PRIVATE = 0o600


def make_private(path: Path) -> None:
    """Create ``path`` empty and 600 if it is not there, or make it 600 (a file an older version
    left readable by others); a symlink in its place is refused."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _NOFOLLOW | _CLOEXEC, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
    finally:
        os.close(fd)


def create_new(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write a file that must not exist yet (a private key): never replaces, never follows a link."""
    fd = _create_exclusive(Path(path), mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _remove(Path(path))
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True    # someone else's live process
    return True


def sweep(folder: Path, *, now: float) -> list[Path]:
    """Remove temporary files in ``folder`` left by writers that died (a killed backup, a crash
    mid-export). A file whose writer is still running is kept unless it is hours old. Returns
    what was removed. ``now``: the caller's time in seconds since the epoch (file times are
    compared with it; the models never read the wall clock)."""
    folder = Path(folder)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            continue
        age = now - info.st_mtime
        match = re.match(_TEMP_RE, name)
        if match:
            stale = age > STALE_AFTER_S or not _alive(int(match["pid"]))
        elif name.endswith((TEMP_SUFFIX, ".restoring")) and not name.startswith("."):
            stale = age > LEGACY_STALE_AFTER_S     # the old predictable names ("OUT.part")
        else:
            continue
        if stale:
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


# ---------------------------------------------------------------- reading what people hand us
def _human(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n} bytes"


def check_input(path: Path, *, limit: int, what: str) -> os.stat_result:
    """Refuse ``path`` unless it is a regular file of at most ``limit`` bytes (the size check
    needs no read; a FIFO or device is refused without opening it). KioskError codes:
    ``input_missing``, ``input_not_file``, ``input_too_big``."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise KioskError(f"There is no file {path}.", code="input_missing") from None
    except OSError as exc:
        raise KioskError(f"Cannot read {path}: {exc.strerror or exc}.", code="input_missing") from None
    if not stat.S_ISREG(info.st_mode):
        kind = ("a folder" if stat.S_ISDIR(info.st_mode) else "a pipe (FIFO)" if stat.S_ISFIFO(info.st_mode)
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
        raise KioskError(f"{path} is {kind}, not a file; {what} reads regular files only.", code="input_not_file")
    if info.st_size > limit:
        raise KioskError(f"{path} is {_human(info.st_size)}; {what} takes files up to {_human(limit)}.",
                         code="input_too_big", hint="Is this the right file? The limits are in the README.")
    return info


def read_input(path: Path, *, limit: int, what: str) -> bytes:
    """The whole of ``path``, if it is a regular file of at most ``limit`` bytes (see
    :func:`check_input`). Opened without blocking (a FIFO swapped in after the check cannot
    hang it) and read to ``limit + 1`` bytes at most (a file growing meanwhile is refused)."""
    path = Path(path)
    check_input(path, limit=limit, what=what)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
    except OSError as exc:
        raise KioskError(f"Cannot read {path}: {exc.strerror or exc}.", code="input_missing") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):      # swapped between the check and the open
            raise KioskError(f"{path} is not a regular file; {what} reads regular files only.",
                             code="input_not_file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise KioskError(f"{path} is over {_human(limit)}; {what} takes files up to {_human(limit)}.",
                         code="input_too_big", hint="Is this the right file? The limits are in the README.")
    return data
