"""Passwords of classroom database logins, kept out of plain sight. No Qt.

The platform keyring when the `keyring` package is installed and has a usable backend; otherwise a
libpq `.pgpass`-style file readable by its owner only (0600) under the data dir, which libpq reads
itself (the `passfile` connection parameter), so the password never enters a URL. Nothing here
logs or prints a password; `mask_url` hides one that a user put in a URL.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

KEYRING_SERVICE = "BayReady classroom"
PGPASS_NAME = "classroom.pgpass"
DEFAULT_PORT = 5432


def new_password() -> str:
    """About 144 bits from the OS's secure generator; URL- and pgpass-safe characters."""
    return secrets.token_urlsafe(18)


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<database URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


@dataclass(frozen=True)
class Target:
    """One login on one database: what a saved password is for."""

    host: str
    port: int
    database: str
    login: str

    @classmethod
    def from_url(cls, url: str, login: str | None = None) -> Target | None:
        if not url.startswith("postgresql"):
            return None
        parts = urlsplit(url)
        user = login or parts.username
        try:
            port = parts.port
        except ValueError:  # a port out of range: the Database explains the bad URL itself
            return None
        if not user:
            return None
        return cls(
            parts.hostname or "localhost",
            port or DEFAULT_PORT,
            parts.path.lstrip("/") or user,
            user,
        )

    def key(self) -> str:
        return f"{self.login}@{self.host}:{self.port}/{self.database}"


class PasswordStore(Protocol):
    description: str

    def save(self, target: Target, password: str) -> None: ...
    def lookup(self, target: Target) -> str | None: ...
    def forget(self, target: Target) -> None: ...
    def connect_args(self, target: Target) -> dict[str, Any]: ...


class KeyringStore:
    def __init__(self, keyring: Any) -> None:
        self._keyring = keyring
        self.description = "the system keyring"

    def save(self, target: Target, password: str) -> None:
        self._keyring.set_password(KEYRING_SERVICE, target.key(), password)

    def lookup(self, target: Target) -> str | None:
        found = self._keyring.get_password(KEYRING_SERVICE, target.key())
        return str(found) if found is not None else None

    def forget(self, target: Target) -> None:
        with contextlib.suppress(Exception):  # keyring.errors.PasswordDeleteError: not saved
            self._keyring.delete_password(KEYRING_SERVICE, target.key())

    def connect_args(self, target: Target) -> dict[str, Any]:
        pw = self.lookup(target)
        return {"password": pw} if pw else {}


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _split(line: str) -> list[str]:
    fields, cur, it = [], [], iter(line)
    for ch in it:
        if ch == "\\":
            cur.append(next(it, ""))
        elif ch == ":":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    fields.append("".join(cur))
    return fields


class PgpassStore:
    """host:port:database:login:password lines (libpq's format), mode 0600, replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"{path} (readable by you only)"

    def _lines(self) -> list[str]:
        try:
            return self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []

    def _fields(self, target: Target) -> list[str]:
        return [target.host, str(target.port), target.database, target.login]

    def _write(self, lines: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            os.chmod(tmp, 0o600)  # O_CREAT's mode is filtered by the umask and ignored if it exists
            f.write("".join(line + "\n" for line in lines))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def save(self, target: Target, password: str) -> None:
        want = self._fields(target)
        keep = [line for line in self._lines() if _split(line)[:4] != want]
        self._write([*keep, ":".join(_escape(f) for f in [*want, password])])

    def lookup(self, target: Target) -> str | None:
        want = self._fields(target)
        for line in self._lines():
            fields = _split(line)
            if len(fields) == 5 and fields[:4] == want:
                return fields[4]
        return None

    def forget(self, target: Target) -> None:
        want = self._fields(target)
        lines = self._lines()
        keep = [line for line in lines if _split(line)[:4] != want]
        if keep != lines:
            self._write(keep)

    def connect_args(self, target: Target) -> dict[str, Any]:
        # libpq reads the file itself; the password never passes through our code or a URL
        return {"passfile": str(self.path)} if self.lookup(target) is not None else {}


def _usable_keyring() -> Any | None:
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        # the fail and null backends have priority <= 0: nowhere safe to keep a password
        if float(getattr(backend, "priority", 0)) <= 0:
            return None
    except Exception:  # a broken keyring set-up means: use the file
        return None
    return keyring


def default_store(data_dir: Path) -> PasswordStore:
    kr = _usable_keyring()
    if kr is not None:
        return KeyringStore(kr)
    return PgpassStore(data_dir / PGPASS_NAME)


def connect_args_for(url: str, data_dir: Path) -> dict[str, Any]:
    """What psycopg needs to log in with a saved password; nothing for SQLite or a URL that
    carries its own password."""
    target = Target.from_url(url)
    if target is None or urlsplit(url).password is not None:
        return {}
    return default_store(data_dir).connect_args(target)
