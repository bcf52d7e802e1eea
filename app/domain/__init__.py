"""Pure exam logic: questions, blueprints, forms, clock, scoring, mastery.

Standard library only - no Qt, no SQLAlchemy, no clock of its own (time is injected).
"""
