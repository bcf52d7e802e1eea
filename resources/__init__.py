"""Marks resources/ as the package ``app._data.resources`` (mapped by setup.py)."""
