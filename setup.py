"""Maps the top-level source folders into the package at build time; the rest is pyproject.toml.

``question_banks/`` ships as ``app._data.question_banks`` and ``resources/`` as
``app._data.resources``, so a wheel (and an editable install) finds them through
``importlib.resources`` (see ``app/resources.py``). The package list is discovered here rather
than written out in pyproject.toml so a new ``app`` subpackage can never be left out of a wheel.
"""

from setuptools import find_namespace_packages, setup

DATA_PACKAGES = {
    "app._data.question_banks": "question_banks",
    "app._data.resources": "resources",
}

setup(
    packages=find_namespace_packages(include=["app", "app.*"], exclude=["*.__pycache__"])
    + list(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
)
