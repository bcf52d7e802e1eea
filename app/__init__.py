"""BayReady: timed, task-list-tagged ASE practice tests.

The package is layered: ``ui -> services -> storage/banks -> domain``; ``cli -> services``.
"""

__version__ = "0.1.0"
