"""A small typed, versioned settings file (user preferences; window state is kept apart).

Standard library only. Unknown or broken files fall back to defaults instead of crashing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

VERSION = 1
Values = dict[str, object]


def _from_unversioned(values: Values) -> Values:
    """Version 0: a file without a version (or written by hand) holds its values at the top."""
    inner = values.get("values")
    return dict(inner) if isinstance(inner, dict) else {k: v for k, v in values.items()}


# one step per version, as Picard's config_upgrade: UPGRADES[n] turns version n's values into
# version n + 1's. A new version adds its step here (renamed or re-typed keys), never edits one.
UPGRADES: dict[int, Callable[[Values], Values]] = {0: _from_unversioned}


@dataclass
class Settings:
    last_profile: str = ""
    include_unscored: bool = False
    practice_count: int = 10
    # instructor tools (bank manager with answer keys, class results); the PIN is stored hashed
    instructor_mode: bool = False
    instructor_pin: str = ""


def load(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    version = raw.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        return Settings()  # a newer build's file: its values may mean something else
    values = raw.get("values", {}) if version else raw
    if not isinstance(values, dict):
        return Settings()
    for step in range(version, VERSION):
        values = UPGRADES[step](values)
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


_PBKDF2_ROUNDS = 200_000


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """`pbkdf2_sha256$rounds$salt$hash`; an empty PIN means no PIN and hashes to ""."""
    if not pin:
        return ""
    # imported here: hashlib loads OpenSSL (3 ms, 3 MB), and settings load before the first paint
    import hashlib
    import secrets

    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """True when no PIN is set, or `pin` matches the stored hash (compared in constant time)."""
    if not stored:
        return True
    import hashlib
    import hmac

    try:
        scheme, rounds, salt_hex, digest_hex = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        digest = hashlib.pbkdf2_hmac(
            "sha256", pin.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
