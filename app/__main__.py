"""``python -m app`` runs the same entry point as the ``bayready`` command."""

from app.main import main

raise SystemExit(main())
