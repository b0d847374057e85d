"""Errors the CLI turns into one line `meetingdoc: PATH: reason` and an exit code."""

from __future__ import annotations

# Exit codes, documented in README.md.
EXIT_OK = 0
EXIT_FAILED = 1  # at least one input could not be read or decoded
EXIT_USAGE = 2  # bad options or arguments (click's own code)
EXIT_OUTPUT = 3  # output could not be written


class MeetingdocError(Exception):
    """A problem with one input or output that the user can act on."""

    exit_code = EXIT_FAILED

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(MeetingdocError):
    """The input could not be read, decoded or parsed."""


class OutputError(MeetingdocError):
    """The output could not be written."""

    exit_code = EXIT_OUTPUT


class DictionaryError(MeetingdocError):
    """A user dictionary line is malformed (`FILE:LINE: reason`)."""

    exit_code = EXIT_USAGE
