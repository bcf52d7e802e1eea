"""Persistence: SQLAlchemy models, engine set-up, Alembic migrations and query functions.

No Qt. Query functions take a session and never commit; services own the transaction.
"""
