"""Reading inputs and writing outputs safely.

Reads map every OS error to an `InputError` with a short reason; writes go
to a temporary file in the target's folder and are renamed into place, so a
run killed at any moment never leaves a half-written output.

Known limitation: outputs are not fsync'ed, so after a power failure (not a
killed process) the file system may hold an empty renamed file.
"""

from __future__ import annotations

import errno
import itertools
import os
import stat
import sys
from pathlib import Path
from typing import IO

from .errors import InputError, OutputError

MAX_INPUT_BYTES = 256 * 1024 * 1024


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def read_input(path: str) -> bytes:
    """The bytes of PATH, or of standard input for `-`."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file (FIFO, socket or device)")
        if st.st_size > MAX_INPUT_BYTES:
            raise InputError(
                path, f"too large ({st.st_size} bytes; the limit is {MAX_INPUT_BYTES})"
            )
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(path, _reason(exc)) from None


# Temporary files this process is writing now: what remove_partial_files() removes.
_PARTIAL: set[str] = set()


def forget_partial_files() -> None:
    """A forked child starts with its parent's list: those files are not its own."""
    _PARTIAL.clear()


def remove_partial_files() -> None:
    """Remove the temporary files being written (for a signal handler about to exit)."""
    for path in list(_PARTIAL):
        _unlink(path)


def write_atomic(path: str | Path, text: str) -> None:
    """Write text as UTF-8 to path via a temporary file and a rename."""
    with AtomicFile(path) as fh:
        fh.write(text)


class AtomicFile:
    """`with AtomicFile(path) as fh:` writes to a hidden temporary file beside
    path and renames it into place only when the block ends without error."""

    def __init__(self, path: str | Path) -> None:
        self.target = Path(path)
        self.tmp: str | None = None
        self.fh: IO[str] | None = None
        self.discard = False  # set inside the block to drop the output after all

    def __enter__(self) -> IO[str]:
        if self.target.is_dir():
            raise OutputError(str(self.target), "is a directory, not a file")
        try:
            fd, self.tmp = _create_beside(self.target)
        except OSError as exc:
            raise OutputError(str(self.target), _reason(exc)) from None
        _PARTIAL.add(self.tmp)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.fh

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.fh is not None and self.tmp is not None
        _PARTIAL.discard(self.tmp)
        try:
            # No fsync: the rename already guarantees that a killed run leaves
            # whole files only; syncing every small output would double a batch.
            self.fh.close()
            if exc_type is None and not self.discard:
                os.replace(self.tmp, self.target)
                return
        except OSError as error:
            _unlink(self.tmp)
            raise OutputError(str(self.target), _reason(error)) from None
        _unlink(self.tmp)


# Numbers the temporary files of this process (with its pid, a unique name).
_SERIAL = itertools.count()


def _create_beside(target: Path) -> tuple[int, str]:
    """Create a hidden temporary file in target's folder (made if missing).

    Created with mode 0o666, so the umask gives it the permissions of any new
    file and no chmod is needed before the rename; O_EXCL never opens an
    existing file or follows a planted symlink.
    """
    folder = target.parent
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    made_folder = False
    while True:
        tmp = str(folder / f".{target.name}.{os.getpid()}-{next(_SERIAL)}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue  # left by an earlier process that had the same pid
        except FileNotFoundError:
            if made_folder:
                raise
            folder.mkdir(parents=True, exist_ok=True)
            made_folder = True


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
