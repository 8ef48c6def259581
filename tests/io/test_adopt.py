"""Wrapping a page's news block in the markers: the region found, the bytes around it kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from labnews.core.errors import LabnewsError
from labnews.io import newspage, newsplan
from labnews.io.adopt import Adoption, plan_adoption, read_page_text, write_adoption
from labnews.io.homepage import END_MARKER, START_MARKER
from labnews.store.database import Database

YEAR = " - **(2024)** : We have **2 papers** this year(2 CVPR). <br>"
MONTH = " -- **(2024/06)**: Two papers accepted to CVPR 2024 (Youngwan Lee, Ham Jaeseok) <br><br>"


def adoption_of(database: Database, path: Path) -> Adoption:
    text = read_page_text(path)
    page = newspage.read_page(text, path.name)
    with database.session() as session:
        plan = newsplan.plan_page(session, page)
    return plan_adoption(path, text, page, plan)


def test_crlf_page_gets_crlf_markers_and_keeps_every_other_byte(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "index.md"
    original = f"# Lab\r\n\r\n{YEAR}\r\n{MONTH}\r\n\r\nBye\r\n"
    path.write_bytes(original.encode())

    adoption = adoption_of(database, path)

    assert (adoption.first, adoption.last) == (3, 4)
    assert adoption.after == (
        f"# Lab\r\n\r\n{START_MARKER}\r\n{YEAR}\r\n{MONTH}\r\n{END_MARKER}\r\n\r\nBye\r\n"
    )


def test_a_block_that_ends_the_file_without_a_newline_keeps_that(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "index.md"
    path.write_bytes(f"Intro\n\n{YEAR}\n{MONTH}".encode())

    adoption = adoption_of(database, path)

    assert adoption.after == f"Intro\n\n{START_MARKER}\n{YEAR}\n{MONTH}\n{END_MARKER}"


def test_indented_continuation_lines_of_the_last_item_are_inside_the_block(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "index.md"
    more = "    (oral at the main track)"
    path.write_bytes(f"{YEAR}\n{MONTH}\n{more}\nText after.\n".encode())

    adoption = adoption_of(database, path)

    assert adoption.after == f"{START_MARKER}\n{YEAR}\n{MONTH}\n{more}\n{END_MARKER}\nText after.\n"


def test_a_page_with_only_one_marker_is_refused(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "index.md"
    path.write_bytes(f"{START_MARKER}\n{YEAR}\n{MONTH}\n".encode())

    with pytest.raises(LabnewsError, match="one labnews marker line but not the other"):
        adoption_of(database, path)


def test_writing_keeps_the_original_as_bak_and_an_adopted_page_is_left_alone(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "index.md"
    original = f"{YEAR}\n{MONTH}\n".encode()
    path.write_bytes(original)

    backup = write_adoption(adoption_of(database, path))

    assert backup == tmp_path / "index.md.bak"
    assert backup.read_bytes() == original
    wrapped = path.read_bytes()
    again = adoption_of(database, path)
    assert again.already_adopted
    assert write_adoption(again) is None
    assert path.read_bytes() == wrapped
