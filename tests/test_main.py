"""A plain GUI start is parsed without building the command parsers, to the same arguments."""

from __future__ import annotations

import pytest

from app.main import build_parser, gui_arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--smoke-test"],
        ["--data-dir", "/tmp/d", "--smoke-test"],
        ["--data-dir=/tmp/d", "--db", "sqlite:///x.db", "--debug"],
        ["--lang", "es", "--db=postgresql+psycopg://a@h/db"],
        ["--lang=en", "--data-dir", "a", "--data-dir", "b"],
    ],
)
def test_a_gui_start_parses_as_the_full_parser_does(argv: list[str]) -> None:
    fast = gui_arguments(argv)
    assert fast is not None
    assert vars(fast) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["--lang", "fr"],  # a usage error: the full parser reports it
        ["--data-dir"],
        ["--data-dir="],
        ["--smoke"],  # argparse's abbreviations are its own business
        ["--smoke-test=1"],
        ["--db", "--smoke-test"],
        ["db", "path"],
        ["--data-dir", "d", "bank", "list"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert gui_arguments(argv) is None
