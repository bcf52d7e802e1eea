"""Exhibits through a real import: caps with FILE:LINE, hostile SVGs stored clean, and two
different embedded images with one name kept apart."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from sqlalchemy import select

from app.banks.diagnostics import BankError
from app.services.formats import prepare_file
from app.services.setup import AppServices
from app.storage.models import QuestionRow
from tests.banks.test_exhibits import HOSTILE_SVG, png


def _stored(services: AppServices) -> dict[str, bytes]:
    with services.db.read() as s:
        rows = s.execute(select(QuestionRow.exhibit, QuestionRow.exhibit_data)).all()
    return {name: data for name, data in rows if name}  # type: ignore[misc]


def test_native_exhibit_over_the_cap_is_refused_at_its_line(
    services: AppServices, mini_bank: Path
) -> None:
    target = mini_bank.parent / "exhibits" / "circuit.svg"
    with open(target, "wb") as f:
        f.write(b'<svg xmlns="http://www.w3.org/2000/svg">')
        f.truncate(300 * 1024 * 1024)  # the 300 MB blob, sparse
    with pytest.raises(BankError) as e:
        services.banks.import_file(mini_bank)
    line = next(
        n for n, text in enumerate(mini_bank.read_text().splitlines(), 1) if "exhibit:" in text
    )
    message = str(e.value.diagnostics[0])
    assert message.startswith(f"{mini_bank}:{line}:") and "over the 5 MB limit" in message
    assert _stored(services) == {}


def test_native_exhibit_that_is_not_an_image_is_refused(
    services: AppServices, mini_bank: Path
) -> None:
    (mini_bank.parent / "exhibits" / "circuit.svg").write_bytes(png(10_000, 10_000))
    with pytest.raises(BankError, match=r"PNG image with a \.svg name"):
        services.banks.import_file(mini_bank)


def test_hostile_native_svg_is_stored_clean(services: AppServices, mini_bank: Path) -> None:
    (mini_bank.parent / "exhibits" / "circuit.svg").write_bytes(HOSTILE_SVG)
    services.banks.import_file(mini_bank)
    (data,) = _stored(services).values()
    assert b"/etc/passwd" not in data and b"script" not in data and b"<rect" in data


def _moodle_question(n: int, image: bytes) -> str:
    return f"""
  <question type="multichoice">
    <name><text>Pic {n}</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which reading does picture {n} show?</p>
      <img src="@@PLUGINFILE@@/image.png"></p>]]></text>
      <file name="image.png" path="/" encoding="base64">{base64.b64encode(image).decode()}</file>
    </questiontext>
    <single>true</single>
    <answer fraction="100"><text>Reading {n} high</text></answer>
    <answer fraction="0"><text>Reading {n} low</text></answer>
  </question>"""


def test_two_embedded_images_with_one_name_stay_apart(
    services: AppServices, mini_bank: Path, tmp_path: Path
) -> None:
    services.banks.import_file(mini_bank)
    first, second = png(3, 3), png(5, 5)
    xml = tmp_path / "pics.xml"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><quiz>'
        + _moodle_question(1, first)
        + _moodle_question(2, second)
        + _moodle_question(3, first)
        + "</quiz>"
    )
    prepared = prepare_file(
        xml,
        test_code="Z9",
        structure=services.banks.test_structure,
        mapping={"*": "Z9.A.1.1"},
    )
    services.banks.import_prepared(prepared, source=str(xml))
    by_stem = {}
    with services.db.read() as s:
        for stem, data in s.execute(select(QuestionRow.stem, QuestionRow.exhibit_data)):
            by_stem[stem.split("picture ")[-1][:1]] = data
    assert by_stem["1"] == first and by_stem["2"] == second and by_stem["3"] == first
