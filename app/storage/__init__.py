"""Persistence: SQLAlchemy models (models.py), engine set-up and database faults (database.py),
Alembic migrations (migrations/), classroom roles and saved passwords, and the SQL itself in
queries/ (by subject: banks, bank_store, bank_links, attempts, calibration, classroom, plans,
profiles, reviews, translations) and versions.py; session.py lends services the Session type.

Query functions take a Session, never commit and return tuples or domain objects; services own the
one transaction per user action and never import SQLAlchemy themselves. Never imports Qt, the
banks readers, services, ui or cli (import-linter contracts in pyproject.toml).
"""
