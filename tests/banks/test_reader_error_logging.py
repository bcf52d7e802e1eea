"""A workbook the reader cannot read is one message for the user and a traceback in the log.

The reader's catch-all exists for openpyxl's many exception types on damaged files; the same net
would catch a bug in our own code, so the traceback must reach the log rather than vanish.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest

from app.banks.foreign import read_foreign


def test_a_damaged_workbook_is_one_message_and_a_logged_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<not-a-workbook")
    path = tmp_path / "quiz.xlsx"
    path.write_bytes(buffer.getvalue())
    with caplog.at_level(logging.WARNING, logger="bayready"):
        read = read_foreign(path)
    (error,) = read.errors
    assert "cannot read the workbook" in error.message and "save it again" in error.message
    (record,) = [r for r in caplog.records if r.name == "bayready"]
    assert record.exc_info is not None and str(path) in record.getMessage()
