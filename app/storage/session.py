"""The Session type services hand to query functions, so that services type their helpers without
importing SQLAlchemy themselves (an import-linter contract forbids services to, since whoever
can import it can build SQL). Opening one is `Database.write()` / `Database.read()`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session as Session

__all__ = ["Session", "session_on"]


@contextlib.contextmanager
def session_on(conn: Connection) -> Iterator[Session]:
    """An ORM session inside a Core connection's transaction (a Core use case's rare branch that
    needs the ORM, e.g. scheduling a practice answer's review): it never commits nor rolls back
    the connection's transaction; its changes are flushed into it on leaving."""
    s = Session(bind=conn, join_transaction_mode="rollback_only", expire_on_commit=False)
    try:
        yield s
        s.flush()
    finally:
        s.close()
