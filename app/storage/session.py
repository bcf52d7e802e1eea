"""The Session type services hand to query functions, so that services type their helpers without
importing SQLAlchemy themselves (an import-linter contract forbids services to, since whoever
can import it can build SQL). Opening one is `Database.write()` / `Database.read()`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as Session

__all__ = ["Session"]
