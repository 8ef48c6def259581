"""`labnews chart` writes the overview's chart as a file; the Korean translation is complete."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.resources import resource
from tests.conftest import CliResult

RunCli = Callable[..., CliResult]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GUI = Path(__file__).parents[2] / "labnews" / "gui"
TS = resource("translations", "labnews_ko.ts")
QM = resource("translations", "labnews_ko.qm")
FIELD = re.compile(r"\{[a-z0-9_]*\}")
# Placeholders a translation may use beyond its source's: the code passes them for languages
# whose word order or counting needs them ({count}: the number in digits).
EXTRA_FIELDS = {("Wording", "{words} accepted to {venue}"): {"{count}"}}


def svg_texts(path: Path) -> list[str]:
    """The texts matplotlib drew (it notes each one in a comment beside its glyphs)."""
    return re.findall(r"<!-- (.*?) -->", path.read_text(encoding="utf-8"))


def test_chart_writes_a_valid_svg_of_papers_per_year(cli: RunCli, tmp_path: Path) -> None:
    assert cli("demo").code == 0
    target = tmp_path / "chart.svg"
    result = cli("chart", "--output", str(target))
    assert result.code == 0, result.err
    assert result.err.strip() == f"labnews: Wrote {target}"
    root = ET.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = svg_texts(target)
    assert {"2022", "2023", "2024", "19", "NeurIPS", "ETRI J.", "Papers"} <= set(texts)
    # The same data makes the same file.
    again = tmp_path / "again.svg"
    assert cli("chart", "--output", str(again)).code == 0
    assert again.read_bytes() == target.read_bytes()


def test_chart_of_a_year_range_in_korean_as_png(cli: RunCli, tmp_path: Path) -> None:
    assert cli("demo").code == 0
    svg = tmp_path / "recent.svg"
    assert (
        cli("chart", "--from", "2023", "--to", "2024", "--lang", "ko", "--output", str(svg)).code
        == 0
    )
    texts = svg_texts(svg)
    assert "2022" not in texts
    assert {"2023", "2024", "논문 수"} <= set(texts)
    png = tmp_path / "chart.PNG"
    assert cli("chart", "--output", str(png)).code == 0
    assert png.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.parametrize("name", ["chart.jpg", "chart", "chart.svg.txt"])
def test_chart_refuses_other_extensions_in_one_line(cli: RunCli, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = cli("chart", "--output", str(target))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("labnews: error: the chart is written as .svg or .png, not ")
    assert not target.exists()


def test_chart_of_a_lab_without_papers_is_one_clear_error(cli: RunCli, tmp_path: Path) -> None:
    assert cli("db", "upgrade").code == 0  # a command that only reads makes no new lab
    result = cli("chart", "--output", str(tmp_path / "chart.svg"))
    assert result.code == 1
    assert result.err.strip() == "labnews: error: there are no papers to chart in those years"


def _messages(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation (None while unfinished) of a Qt .ts file."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            text = translation.text if translation is not None and done else None
            found[(name, message.findtext("source") or "")] = text
    return found


def _lupdate() -> Path:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    if not tool.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    return tool


def test_every_interface_string_has_a_korean_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in GUI.rglob("*.py"))
    subprocess.run(
        [str(_lupdate()), *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    wanted = set(_messages(fresh))
    shipped = _messages(TS)
    assert len(wanted) > 400
    missing = sorted(key for key in wanted if not shipped.get(key))
    assert missing == []
    assert sorted(set(shipped) - wanted) == []  # no translation of a string that is gone


def test_translations_keep_their_placeholders_and_mnemonics() -> None:
    for (context, source), text in _messages(TS).items():
        assert text is not None, (context, source)
        allowed = set(FIELD.findall(source)) | EXTRA_FIELDS.get((context, source), set())
        assert set(FIELD.findall(text)) <= allowed, (context, source, text)
        if context != "Wording":
            assert set(FIELD.findall(source)) <= set(FIELD.findall(text)), (context, source, text)
        if re.search(r"&[^& ]", source):  # a mnemonic: the keyboard must still reach it
            assert re.search(r"&[^& ]", text), (context, source, text)


def test_the_compiled_translation_is_the_translation_source(tmp_path: Path) -> None:
    lrelease = _lupdate().with_name("pyside6-lrelease")
    compiled = tmp_path / "labnews_ko.qm"
    subprocess.run(
        [str(lrelease), str(TS), "-qm", str(compiled)], check=True, capture_output=True, timeout=60
    )
    assert compiled.read_bytes() == QM.read_bytes()
