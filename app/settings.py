"""A small typed, versioned settings file (user preferences; window state is kept apart).

Standard library only. Unknown or broken files fall back to defaults instead of crashing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass, fields
from pathlib import Path

VERSION = 1


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


_PBKDF2_ROUNDS = 200_000


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """`pbkdf2_sha256$rounds$salt$hash`; an empty PIN means no PIN and hashes to ""."""
    if not pin:
        return ""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """True when no PIN is set, or `pin` matches the stored hash (compared in constant time)."""
    if not stored:
        return True
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
