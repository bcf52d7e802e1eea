"""A small typed, versioned settings file (user preferences; window state is kept apart).

Standard library only. Unknown or broken files fall back to defaults instead of crashing.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

VERSION = 1


@dataclass
class Settings:
    last_profile: str = ""
    include_unscored: bool = False
    practice_count: int = 10


def load(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict) or raw.get("version", 0) > VERSION:
        return Settings()
    values = raw.get("values", {})
    known = {f.name: f for f in fields(Settings)}
    kwargs = {}
    for k, v in values.items() if isinstance(values, dict) else ():
        if k in known and isinstance(v, type(getattr(Settings(), k))):
            kwargs[k] = v
    return Settings(**kwargs)


def save(path: Path, settings: Settings) -> None:
    """Written to a temporary file and renamed, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"version": VERSION, "values": asdict(settings)}, indent=2), encoding="utf-8"
    )
    os.replace(tmp, path)
