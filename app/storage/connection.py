"""The Core Connection type services hand to Core query functions (`Database.begin()` /
`connect()`), so that services type their helpers without importing SQLAlchemy themselves (an
import-linter contract forbids services to). Unlike storage/session.py, loading this does not
load `sqlalchemy.orm`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection as Connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["Connection", "connection_of"]


def connection_of(s: Session | Connection) -> Connection:
    """The Core connection of a Session's transaction (or the connection itself)."""
    return s if isinstance(s, Connection) else s.connection()
