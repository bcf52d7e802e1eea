"""Data shipped inside the package: ``question_banks`` and ``resources`` are the top-level source
folders of the same names, mapped here at build time by ``setup.py``. Read them only through
``app.resources``. Nothing to import here.
"""
