"""Reading inputs and writing outputs safely.

Reads map every OS error to an `InputError` with a short reason; writes go
to a temporary file in the target's folder and are renamed into place, so a
run killed at any moment never leaves a half-written output.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

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
            raise InputError(path, f"too large ({st.st_size} bytes; the limit is {MAX_INPUT_BYTES})")
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(path, _reason(exc)) from None


def write_atomic(path: str | Path, text: str) -> None:
    """Write text as UTF-8 to path via a temporary file and a rename."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(str(path), "is a directory, not a file")
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(str(path), _reason(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(str(path), _reason(exc)) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
