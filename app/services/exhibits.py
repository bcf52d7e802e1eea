"""Exhibit bytes made safe to render: the ui asks here instead of importing app.banks."""

from __future__ import annotations

from app.banks.exhibits import ExhibitError, clean_svg


def safe_svg(data: bytes, name: str = "exhibit.svg") -> bytes | None:
    """The SVG with anything that could reach outside it removed; None when it is not safe."""
    try:
        return clean_svg(data, name)
    except ExhibitError:
        return None
