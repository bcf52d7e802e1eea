"""Untrusted input: entity bombs, external entities, images outside the folder, scripts, sizes."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from app.banks import foreign
from app.banks.foreign import MAX_FILE_BYTES, read_foreign

FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"
REFUSED = "BayReady refuses DTDs and entity declarations in imported XML"


def _timed_read(path: Path) -> tuple[foreign.ForeignRead, float]:
    start = time.perf_counter()
    read = read_foreign(path)
    return read, time.perf_counter() - start


def test_billion_laughs_is_refused_fast() -> None:
    read, seconds = _timed_read(FOREIGN / "billion-laughs.xml")
    assert seconds < 1.0
    assert read.questions == () and read.skipped == ()
    (err,) = read.errors
    assert err.severity.value == "error"
    assert err.line == 2
    assert err.message.startswith("the file declares a DTD (<!DOCTYPE lolz>)")
    assert REFUSED in err.message


def test_external_entity_is_refused_fast_and_nothing_is_read() -> None:
    read, seconds = _timed_read(FOREIGN / "external-entity.xml")
    assert seconds < 1.0
    assert read.questions == ()
    (err,) = read.errors
    assert err.line == 2
    assert REFUSED in err.message
    assert "root:" not in err.message  # no trace of /etc/passwd


def test_external_dtd_and_entity_without_doctype_are_refused(tmp_path: Path) -> None:
    external = tmp_path / "external-dtd.xml"
    external.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE quiz SYSTEM "http://example.com/evil.dtd">\n<quiz/>\n',
        encoding="utf-8",
    )
    read, seconds = _timed_read(external)
    assert seconds < 1.0
    assert [(d.line, REFUSED in d.message) for d in read.errors] == [(2, True)]
    undeclared = tmp_path / "undeclared.xml"
    undeclared.write_text("<quiz>\n<question>&xxe;</question>\n</quiz>\n", encoding="utf-8")
    (err,) = read_foreign(undeclared).errors
    assert err.line == 2 and err.message.startswith("XML syntax error: undefined entity")


@pytest.fixture
def import_folder(tmp_path: Path) -> Path:
    """An import folder with the fixtures, and a real image just outside it."""
    folder = tmp_path / "import"
    folder.mkdir()
    for name in ("image-escape.xml", "image-escape.gift"):
        shutil.copy(FOREIGN / name, folder / name)
    shutil.copytree(FOREIGN / "images", folder / "images")
    shutil.copy(FOREIGN / "images" / "gauge.png", tmp_path / "secret.png")
    return folder


def _outside(src: str, file: str) -> str:
    return (
        f"image '{src}' is outside the folder of {file}; put the image in that folder and refer "
        "to it by a relative path"
    )


def test_images_escaping_the_folder_are_refused_and_never_read(
    import_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    real_read_bytes = Path.read_bytes

    def spy(self: Path) -> bytes:
        opened.append(self.resolve())
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    path = import_folder / "image-escape.xml"
    read = read_foreign(path)
    assert [(q.name, q.exhibit_name) for q in read.questions] == [
        ("Inside the folder", "gauge.png")
    ]
    assert [(d.line, d.message) for d in read.errors] == [
        (3, "question 'Parent folder': " + _outside("../secret.png", path.name)),
        (10, "question 'Sneaky parent': " + _outside("images/..%2F..%2Fsecret.png", path.name)),
        (17, "question 'Absolute path': " + _outside("/etc/secret.png", path.name)),
        (24, "question 'File URL': " + _outside("file:///etc/secret.png", path.name)),
        (
            31,
            "question 'Plugin file escaping': "
            + _outside("@@PLUGINFILE@@/../secret.png", path.name),
        ),
    ]
    secret = (import_folder.parent / "secret.png").resolve()
    assert secret not in opened
    assert opened == [(import_folder / "images" / "gauge.png").resolve()]


def test_gift_image_escapes_are_refused(import_folder: Path) -> None:
    path = import_folder / "image-escape.gift"
    read = read_foreign(path)
    assert [q.name for q in read.questions] == ["Inside"]
    assert [(d.line, d.message) for d in read.errors] == [
        (2, "question 'Escape': " + _outside("../secret.png", path.name)),
        (4, "question 'Windows absolute': " + _outside("C:\\secret.png", path.name)),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlink_pointing_out_of_the_folder_is_refused(import_folder: Path) -> None:
    link = import_folder / "images" / "link.png"
    try:
        link.symlink_to(import_folder.parent / "secret.png")
    except OSError:
        pytest.skip("cannot create symlinks here")
    path = import_folder / "link.gift"
    path.write_text('::L::[html]<img src\\="images/link.png">Which?{=a ~b}\n', encoding="utf-8")
    read = read_foreign(path)
    assert read.questions == ()
    assert [d.message for d in read.errors] == [
        "question 'L': " + _outside("images/link.png", path.name)
    ]


def test_missing_image_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "q.gift"
    path.write_text('::M::[html]<img src\\="nowhere.png">Which?{=a ~b}\n', encoding="utf-8")
    (err,) = read_foreign(path).errors
    assert err.line == 1 and "image 'nowhere.png' was not found in" in err.message


def test_fake_png_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_bytes(b"GIF89a not a png")
    path = tmp_path / "q.gift"
    path.write_text('::F::[html]<img src\\="fake.png">Which?{=a ~b}\n', encoding="utf-8")
    (err,) = read_foreign(path).errors
    assert err.message == "question 'F': image 'fake.png' is not a PNG file"


def test_data_uri_images(tmp_path: Path) -> None:
    png = (FOREIGN / "images" / "gauge.png").read_bytes()
    import base64

    path = tmp_path / "q.gift"
    uri = "data:image/png;base64," + base64.b64encode(png).decode()
    path.write_text(
        f'::D::[html]<img src\\="{uri}">Which?{{=a ~b}}\n\n'
        '::G::[html]<img src\\="data:image/gif;base64,R0lG">Which?{=a ~b}\n',
        encoding="utf-8",
    )
    read = read_foreign(path)
    (q,) = read.questions
    assert (q.exhibit_name, q.exhibit_data) == ("image.png", png)
    (skip,) = read.skipped
    assert "embedded image of type 'image/gif' is not PNG or SVG" in skip.message


@pytest.mark.parametrize("name", ["script-in-html.xml", "script-in-html.gift"])
def test_scripts_and_handlers_are_stripped(name: str) -> None:
    read = read_foreign(FOREIGN / name)
    assert read.errors == () and read.skipped == ()
    (q,) = read.questions
    texts = [q.stem, q.explanation] + [c.text for c in q.choices] + [c.rationale for c in q.choices]
    for text in texts:
        for bad in (
            "script",
            "alert",
            "onclick",
            "onmouseover",
            "javascript",
            "style",
            "iframe",
            "object",
            "<a",
            "<span",
        ):
            assert bad not in text.lower(), (bad, text)
    assert "relay" in q.stem and "clicks?" in q.stem


def test_scripts_are_stripped_from_moodle_text() -> None:
    (q,) = read_foreign(FOREIGN / "script-in-html.xml").questions
    assert q.stem == "<p>Which <b>relay</b> clicks?</p>Details"
    assert q.explanation == "Because it is energised."
    assert [(c.text, c.rationale) for c in q.choices] == [
        ("The horn relay", "Right."),
        ("The fuel pump relay", ""),
    ]


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path: Path) -> None:
    for suffix in (".xml", ".csv", ".gift", ".xlsx"):
        path = tmp_path / f"huge{suffix}"
        with path.open("wb") as f:
            f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk and no time
        read, seconds = _timed_read(path)
        assert seconds < 1.0
        (err,) = read.errors
        assert err.line == 1
        assert "the limit for an imported question file is 32 MB" in err.message


def test_unreadable_unknown_and_non_utf8_files(tmp_path: Path) -> None:
    (err,) = read_foreign(tmp_path / "absent.gift").errors
    assert err.message.startswith("cannot read file")
    odd = tmp_path / "bank.docx"
    odd.write_bytes(b"")
    (err,) = read_foreign(odd).errors
    assert err.message.startswith("unknown question file type '.docx'")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Which?\nA) caf\xe9\nB) tea\nANSWER: A\n")
    (err,) = read_foreign(latin).errors
    assert err.line == 2
    assert err.message.startswith("file is not UTF-8 text (byte 0xe9)")
