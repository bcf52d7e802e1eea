"""An attempt's mode and status, as stored in the attempt table. Stdlib only."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    MOCK = "mock"
    PRACTICE = "practice"
    RECERT = "recert"  # the shorter recertification form: timed, scored like a mock


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    ABANDONED = "abandoned"
