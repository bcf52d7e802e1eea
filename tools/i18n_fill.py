"""Fills translations into resources/i18n/*.ts from a JSON of {context: {source: translation}}.

Used while writing translations outside Qt Linguist: `python tools/i18n_fill.py es FILE.json`
marks each filled message finished; plural (numerus) translations are lists of forms. With `en`
and no file it writes English plural forms for the `-pluralonly` catalogue: "(s)" dropped in the
singular, "s" in the plural.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def _english_forms(source: str) -> list[str]:
    one = source.replace("(s)", "").replace("(es)", "")
    many = source.replace("(s)", "s").replace("(es)", "es")
    return [one, many]


def fill(language: str, table: dict[str, dict[str, object]]) -> int:
    path = TS / f"bayready_{language}.ts"
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            if language == "en":
                value: object = _english_forms(source) if numerus else None
            else:
                value = table.get(name, {}).get(source)
            if value is None:
                continue
            translation.attrib.pop("type", None)
            if numerus:
                forms = value if isinstance(value, list) else [value, value]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = str(form)
            else:
                translation.text = str(value)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return filled


if __name__ == "__main__":
    lang = sys.argv[1]
    data = json.loads(Path(sys.argv[2]).read_text()) if len(sys.argv) > 2 else {}
    print(fill(lang, data), "filled")
