"""The native bank format's constants: its name and version, field lists and text limits.

No YAML here: importing the constants does not import a parser.
"""

from __future__ import annotations

from app.banks.exhibits import EXHIBIT_SUFFIXES as EXHIBIT_SUFFIXES
from app.banks.limits import MAX_NATIVE_FILE_BYTES

FORMAT = "bayready-bank"
FORMAT_VERSION = 1
MAX_FILE_BYTES = MAX_NATIVE_FILE_BYTES
LIMITS = {"stem": 2000, "text": 400, "rationale": 600, "says": 600, "explanation": 2500}

TOP_KEYS = {
    "format": True,
    "format_version": True,
    "test": True,
    "content_areas": True,
    "questions": True,
    "reference": False,  # the booklet inline, or
    "reference_file": False,  # a bayready-reference file beside the bank
}
TEST_KEYS = {
    "code": True,
    "title": True,
    "spec_version": True,
    "scored_count": True,
    "minutes": True,
    "unscored_count": False,
    "target_percent": False,
    "shuffle_choices": False,
    "notes": False,
    "recert": False,
}
AREA_KEYS = {"letter": True, "title": True, "scored_count": True, "subareas": True}
SUBAREA_KEYS = {"number": True, "title": True, "tasks": True}
TASK_KEYS = {"code": True, "text": True}
QUESTION_KEYS = {
    "id": True,
    "task": True,
    "style": True,
    "difficulty": True,
    "stem": True,
    "explanation": True,
    "scenario": False,
    "exhibit": False,
    "exhibit_caption": False,
    "shuffle_choices": False,
    "retired": False,
    "choices": False,
    "technician_a": False,
    "technician_b": False,
    "enemies": False,
    "reference": False,
}
CHOICE_KEYS = {"text": True, "correct": False, "rationale": True}
STATEMENT_KEYS = {"says": True, "correct": True, "rationale": True}

Path_ = tuple[str | int, ...]
