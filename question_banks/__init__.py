"""Marks the shipped banks as the package ``app._data.question_banks`` (mapped by setup.py)."""
