"""Saved classroom passwords: the keyring when usable, else a 0600 pgpass file; URLs masked."""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from app.storage import credentials
from app.storage.credentials import (
    KeyringStore,
    PgpassStore,
    Target,
    connect_args_for,
    default_store,
    mask_url,
    new_password,
)

T = Target("db.school", 5432, "class1", "kim")


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgresql+psycopg://ann:s3cret@h:5432/d", "postgresql+psycopg://ann:***@h:5432/d"),
        ("postgresql://ann:p%40ss@h/d?sslmode=require", "postgresql://ann:***@h/d?sslmode=require"),
        ("postgresql://ann@h/d", "postgresql://ann@h/d"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_target_from_url() -> None:
    assert Target.from_url("postgresql+psycopg://kim@db.school/class1") == T
    assert Target.from_url("postgresql://ann@h:6000/d", "kim") == Target("h", 6000, "d", "kim")
    assert Target.from_url("sqlite:///x.db") is None
    assert Target.from_url("postgresql://h/d") is None  # no login to key it by


def test_new_passwords_are_long_and_different() -> None:
    a, b = new_password(), new_password()
    assert a != b and len(a) >= 24 and ":" not in a and "\\" not in a


def test_pgpass_file_is_private_and_in_libpq_format(tmp_path: Path) -> None:
    old = os.umask(0)  # even with a permissive umask the file is the owner's only
    try:
        store = PgpassStore(tmp_path / "sub" / "classroom.pgpass")
        store.save(T, "one")
        store.save(Target("db.school", 5432, "class1", "lee"), "a:b\\c")
        store.save(T, "two")  # replaces, does not add
    finally:
        os.umask(old)
    f = tmp_path / "sub" / "classroom.pgpass"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert f.read_text().splitlines() == [
        "db.school:5432:class1:lee:a\\:b\\\\c",
        "db.school:5432:class1:kim:two",
    ]
    assert store.lookup(T) == "two"
    assert store.lookup(Target("db.school", 5432, "class1", "lee")) == "a:b\\c"
    assert store.connect_args(T) == {"passfile": str(f)}
    store.forget(T)
    assert store.lookup(T) is None and store.connect_args(T) == {}
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert not list(f.parent.glob("*.tmp"))


class FakeKeyring:
    def __init__(self, priority: float = 5) -> None:
        self.saved: dict[tuple[str, str], str] = {}
        self.priority = priority

    def get_keyring(self) -> Any:
        return self

    def set_password(self, service: str, key: str, pw: str) -> None:
        self.saved[(service, key)] = pw

    def get_password(self, service: str, key: str) -> str | None:
        return self.saved.get((service, key))

    def delete_password(self, service: str, key: str) -> None:
        if (service, key) not in self.saved:
            raise RuntimeError("not there")
        del self.saved[(service, key)]


def _install(monkeypatch: pytest.MonkeyPatch, kr: FakeKeyring) -> None:
    mod = types.ModuleType("keyring")
    for name in ("get_keyring", "set_password", "get_password", "delete_password"):
        setattr(mod, name, getattr(kr, name))
    monkeypatch.setitem(sys.modules, "keyring", mod)


def test_a_usable_keyring_is_preferred_and_nothing_is_written_to_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    kr = FakeKeyring()
    _install(monkeypatch, kr)
    store = default_store(tmp_path)
    assert isinstance(store, KeyringStore) and store.description == "the system keyring"
    store.save(T, "sekrit")
    assert kr.saved == {(credentials.KEYRING_SERVICE, "kim@db.school:5432/class1"): "sekrit"}
    assert connect_args_for("postgresql+psycopg://kim@db.school/class1", tmp_path) == {
        "password": "sekrit"
    }
    store.forget(T)
    store.forget(T)  # forgetting twice is fine
    assert kr.saved == {} and list(tmp_path.iterdir()) == []


def test_without_a_usable_keyring_the_private_file_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _install(monkeypatch, FakeKeyring(priority=0))  # like keyring's fail/null backends
    assert isinstance(default_store(tmp_path), PgpassStore)
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed: import fails
    store = default_store(tmp_path)
    assert isinstance(store, PgpassStore) and "readable by you only" in store.description
    store.save(T, "pw")
    url = "postgresql+psycopg://kim@db.school/class1"
    assert connect_args_for(url, tmp_path) == {"passfile": str(tmp_path / "classroom.pgpass")}
    # a URL that carries its own password, another login, SQLite: nothing added
    assert connect_args_for("postgresql+psycopg://kim:x@db.school/class1", tmp_path) == {}
    assert connect_args_for("postgresql+psycopg://lee@db.school/class1", tmp_path) == {}
    assert connect_args_for(f"sqlite:///{tmp_path / 'b.db'}", tmp_path) == {}
