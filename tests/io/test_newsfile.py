"""`labnews news` on the demo lab: golden output for every format and language, the lab's own
hand-kept page, writing files and folders, and the `formats` listing.

The golden files under tests/fixtures/golden were generated from the output and then read line
by line against FORMATS.md; the FORMATS.md examples are also checked here directly.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]

GOLDEN = FIXTURES / "golden"
SEED = FIXTURES / "seed_news_2022_2024.md"
BUILTIN_FORMATS = (
    "acadhomepage",
    "al-folio",
    "awards",
    "html",
    "json",
    "plain",
    "portfolio",
    "projects",
    "publications",
    "talks",
    "yearly",
)
SINGLE_FILE = {
    "yearly": "md",
    "acadhomepage": "md",
    "html": "html",
    "plain": "txt",
    "json": "json",
    "publications": "md",
}
AL_FOLIO_NAME = re.compile(r"^(\d{4})-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
ACHIEVEMENT_LINE = " -- **(2025/04)**: Yong-Ju Lee received the Prime Minister's Commendation <br>"


pytestmark = pytest.mark.usefixtures("no_personal_templates")


@pytest.fixture
def demo(cli: Cli) -> Cli:
    """The CLI runner on a database holding the demo lab."""
    result = cli("demo")
    assert result.code == 0, result.err
    return cli


def golden(name: str) -> str:
    return (GOLDEN / name).read_bytes().decode("utf-8")


def fold(text: str) -> str:
    """The comparison FORMATS.md asks for: every <br> as " <br>", runs of spaces as one."""
    return re.sub(r" {2,}", " ", re.sub(r" *<br>", " <br>", text))


def front_matter(text: str) -> tuple[list[str], str]:
    """An al-folio file's front matter lines (between the --- lines) and its body."""
    lines = text.split("\n")
    assert lines[0] == "---", text
    end = lines.index("---", 1)
    assert lines[end + 1] == "", "a blank line follows the front matter"
    return lines[1:end], "\n".join(lines[end + 2 :])


# --- golden output -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("fmt", sorted(SINGLE_FILE))
def test_every_format_matches_its_golden_output(demo: Cli, fmt: str, lang: str) -> None:
    result = demo("news", "--format", fmt, "--lang", lang)
    assert (result.code, result.err) == (0, "")
    assert result.out == golden(f"{fmt}.{lang}.{SINGLE_FILE[fmt]}")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_al_folio_folder_matches_its_golden_folder(demo: Cli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "news"
    result = demo("news", "--format", "al-folio", "--lang", lang, "--output", str(out))
    assert result.code == 0, result.err
    expected = GOLDEN / f"al-folio.{lang}"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in expected.iterdir())
    for path in expected.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_default_is_yearly_in_english(demo: Cli) -> None:
    result = demo("news")
    assert result.code == 0
    assert result.out == golden("yearly.en.md")


def test_json_is_the_structured_data_with_paper_ids(demo: Cli) -> None:
    import json

    data = json.loads(demo("news", "--format", "json", "--from", "2022").out)
    assert [y["year"] for y in data["years"]] == [2024, 2023, 2022]
    assert [y["tally"]["total"] for y in data["years"]] == [19, 9, 6]
    ids = [pid for y in data["years"] for e in y["entries"] for pid in e["paper_ids"]]
    assert len(ids) == len(set(ids)) == 34
    first = data["years"][0]["entries"][0]
    assert first["clauses"][0]["venue"] == "NeurIPS 2024"
    assert first["clauses"][0]["names"] == ["Kwanyong Park", "Youngwan Lee", "Ham Jaeseok"]


# --- what FORMATS.md shows, checked directly ---------------------------------------------------


def test_yearly_shows_the_formats_md_example_lines_exactly(demo: Cli) -> None:
    lines = demo("news", "--year", "2024").out.splitlines()
    assert lines[0] == (
        " - **(2024)** : We have **19 papers** this year(2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, "
        "6 ECCV, 3 NeurIPS). <br>"
    )
    assert lines[1] == (
        " -- **(2024/12)**: Three papers accepted to NeurIPS 2024 "
        "(Kwanyong Park, Youngwan Lee, Ham Jaeseok) <br>"
    )
    assert (
        " -- **(2024/06)**: Five papers accepted to CVPR 2024 "
        "(Kwanyong Park, Youngwan Lee, Bae Kangmin, Jo Youngjoo) <br>"
    ) in lines
    assert " -- **(2023/10)**: One paper accepted to ICCV 2023 (Park Minho), " not in lines


def test_the_last_month_line_of_a_year_ends_with_a_double_break(demo: Cli) -> None:
    lines = demo("news", "--from", "2023", "--to", "2024").out.splitlines()
    assert lines[6] == (
        " -- **(2024/02)**: Two papers accepted to ETRI J. (Jeong Junyoung, Jeon Sanghun) <br><br>"
    )
    assert lines[7].startswith(" - **(2023)** : We have **9 papers** this year(")
    assert sum(line.endswith("<br><br>") for line in lines) == 1


def test_yearly_in_korean_shows_the_formats_md_example_lines(demo: Cli) -> None:
    lines = demo("news", "--year", "2024", "--lang", "ko").out.splitlines()
    assert lines[:2] == [
        " - **(2024)** : 올해 논문 **19편** (ETRI J. 2편, CVPR 5편, AVSS 2편, ICML 1편, ECCV 6편, "
        "NeurIPS 3편). <br>",
        " -- **(2024/12)**: NeurIPS 2024 논문 3편 채택 (박관용, 이영완, 함재석) <br>",
    ]


def test_acadhomepage_shows_the_formats_md_example_line(demo: Cli) -> None:
    lines = demo("news", "--format", "acadhomepage", "--from", "2022").out.splitlines()
    assert lines[0] == (
        "- *2024.12*: &nbsp;🎉🎉 Three papers accepted to NeurIPS 2024 "
        "(Kwanyong Park, Youngwan Lee, Ham Jaeseok)"
    )
    assert lines[1].startswith(
        "- *2024.09*: &nbsp;🎉🎉 Six papers accepted to ECCV 2024 (Youngwan Lee, Kwanyong Park, "
    )
    assert len(lines) == 15


def test_plain_shows_the_formats_md_example_lines(demo: Cli) -> None:
    lines = demo("news", "--format", "plain").out.splitlines()
    assert lines[0] == "2024: 19 papers (2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, 6 ECCV, 3 NeurIPS)"
    assert lines[1].startswith("  2024/12  Three papers accepted to NeurIPS 2024 (")


def test_html_is_one_item_per_year_with_a_nested_list(demo: Cli) -> None:
    from html.parser import HTMLParser

    class Outline(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth = 0
            self.items_by_depth: dict[int, int] = {}
            self.first_class: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "ul":
                if self.first_class is None:
                    self.first_class = dict(attrs).get("class") or ""
                self.depth += 1
            elif tag == "li":
                self.items_by_depth[self.depth] = self.items_by_depth.get(self.depth, 0) + 1

        def handle_endtag(self, tag: str) -> None:
            if tag == "ul":
                self.depth -= 1

    outline = Outline()
    outline.feed(demo("news", "--format", "html", "--from", "2022").out)
    assert outline.first_class == "labnews"
    assert outline.depth == 0
    assert outline.items_by_depth == {1: 3, 2: 15}


def test_al_folio_file_is_the_formats_md_example(demo: Cli, tmp_path: Path) -> None:
    demo("news", "--format", "al-folio", "--output", str(tmp_path / "news"))
    text = (tmp_path / "news" / "2024-12-neurips-2024.md").read_text(encoding="utf-8")
    assert text.rstrip("\n") == (
        "---\nlayout: post\ndate: 2024-12-01\ninline: true\nrelated_posts: false\n---\n\n"
        "Three papers accepted to NeurIPS 2024 (Kwanyong Park, Youngwan Lee, Ham Jaeseok)"
    )


def test_a_venue_lines_rule_gives_each_venue_its_own_line(demo: Cli) -> None:
    assert demo("rules", "--lines", "venue").code == 0
    lines = demo("news", "--year", "2023").out.splitlines()
    index = lines.index(" -- **(2023/10)**: One paper accepted to ICCV 2023 (Park Minho) <br>")
    assert lines[index + 1] == " -- **(2023/10)**: One paper accepted to ETRI J. (Yun Kimin) <br>"


# --- the lab's own page ------------------------------------------------------------------------


def test_demo_news_2022_to_2024_is_the_labs_hand_kept_page(cli: Cli) -> None:
    assert cli("demo").code == 0
    result = cli("news", "--from", "2022", "--to", "2024")
    assert (result.code, result.err) == (0, "")
    expected = SEED.read_bytes().decode("utf-8")
    assert fold(result.out) == fold(expected)


def test_the_fold_is_not_so_loose_that_any_page_passes(cli: Cli) -> None:
    assert cli("demo").code == 0
    expected = fold(SEED.read_bytes().decode("utf-8"))
    assert fold(cli("news", "--from", "2023", "--to", "2024").out) != expected
    assert fold(cli("news", "--from", "2022", "--to", "2024", "--lang", "ko").out) != expected


def test_one_more_neurips_paper_moves_the_tally_and_the_month_line_together(demo: Cli) -> None:
    added = demo(
        "add", "paper", "--venue", "NeurIPS", "--year", "2024", "--author", "Kwanyong Park"
    )
    assert added.code == 0, added.err
    lines = demo("news").out.splitlines()
    assert lines[0] == (
        " - **(2024)** : We have **20 papers** this year(2 ETRI J., 5 CVPR, 2 AVSS, 1 ICML, "
        "6 ECCV, 4 NeurIPS). <br>"
    )
    assert lines[1] == (
        " -- **(2024/12)**: Four papers accepted to NeurIPS 2024 "
        "(Kwanyong Park, Youngwan Lee, Ham Jaeseok) <br>"
    )
    # Every other line is as before.
    before = golden("yearly.en.md").splitlines()
    assert len(lines) == len(before)
    assert lines[2:] == before[2:]


# --- achievements ------------------------------------------------------------------------------


def test_with_achievements_adds_the_demo_award_line_and_nothing_else(demo: Cli) -> None:
    plain = demo("news").out
    result = demo("news", "--with-achievements")
    assert result.code == 0
    assert ACHIEVEMENT_LINE not in plain
    assert ACHIEVEMENT_LINE in result.out
    first, rest = result.out.split("\n", 1)
    assert first.startswith(ACHIEVEMENT_LINE)
    assert rest == plain


def test_an_achievement_sits_among_the_month_lines_in_date_order(demo: Cli) -> None:
    added = demo(
        "add",
        "achievement",
        "--kind",
        "award",
        "--title",
        "Best Paper Award",
        "--date",
        "2024-03",
        "--member",
        "Youngwan Lee",
    )
    assert added.code == 0, added.err
    lines = demo("news", "--year", "2024", "--with-achievements").out.splitlines()
    line = " -- **(2024/03)**: Youngwan Lee received the Best Paper Award <br>"
    assert line in lines
    index = lines.index(line)
    assert lines[index - 1].startswith(" -- **(2024/06)**: Five papers")
    assert lines[index + 1].startswith(" -- **(2024/02)**: Two papers")
    assert line not in demo("news", "--year", "2024").out.splitlines()


# --- writing files -----------------------------------------------------------------------------


def test_output_writes_the_same_text_as_stdout_and_leaves_no_temp_file(
    demo: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "site" / "news.md"
    target.parent.mkdir()
    result = demo("news", "--output", str(target))
    assert result.code == 0
    assert result.out == ""
    assert result.err == f"labnews: Wrote {target}\n"
    assert target.read_bytes().decode("utf-8") == golden("yearly.en.md")
    assert [p.name for p in target.parent.iterdir()] == ["news.md"]


def test_output_replaces_an_existing_file_whole(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "news.html"
    target.write_text("old content that is longer than nothing\n" * 500, encoding="utf-8")
    target.chmod(0o640)
    assert demo("news", "--format", "html", "--output", str(target)).code == 0
    assert target.read_bytes().decode("utf-8") == golden("html.en.html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failing_render_leaves_the_existing_output_untouched(
    demo: Cli, tmp_path: Path, no_personal_templates: Path
) -> None:
    (no_personal_templates / "yearly.md.j2").write_text("{{ no_such_value }}", encoding="utf-8")
    target = tmp_path / "news.md"
    target.write_bytes(b"the old news\n")
    result = demo("news", "--output", str(target))
    assert result.code == 1
    assert "format yearly" in result.err
    assert target.read_bytes() == b"the old news\n"
    leftovers = [p.name for p in tmp_path.iterdir() if not p.name.startswith("lab.sqlite")]
    assert sorted(leftovers) == ["news.md", "user-templates"]


def test_output_into_a_missing_folder_is_refused_naming_it(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "news.md"
    result = demo("news", "--output", str(target))
    assert result.code == 1
    assert str(target.parent) in result.err
    assert not target.parent.exists()


def test_a_new_output_file_gets_the_usual_permissions(demo: Cli, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "news.html"
        assert demo("news", "--format", "html", "--output", str(target)).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_al_folio_writes_one_dated_file_per_month_line(demo: Cli, tmp_path: Path) -> None:
    out = tmp_path / "_news"
    result = demo("news", "--format", "al-folio", "--output", str(out))
    assert result.code == 0
    # 15 month lines of 2022-2024 and 7 of the PI's older papers (2009-2021).
    assert result.err == f"labnews: Wrote 22 files into {out}\n"
    files = sorted(out.iterdir())
    assert len(files) == 22
    for path in files:
        match = AL_FOLIO_NAME.match(path.name)
        assert match, path.name
        assert path.resolve().parent == out.resolve()
        keys, body = front_matter(path.read_text(encoding="utf-8"))
        assert keys == [
            "layout: post",
            f"date: {match[1]}-{match[2]}-01",
            "inline: true",
            "related_posts: false",
        ]
        assert body.strip()
        assert "\n" not in body.strip()
    assert (out / "2023-10-iccv-2023-etri-j.md").exists()


def test_al_folio_run_twice_gives_the_same_folder(demo: Cli, tmp_path: Path) -> None:
    out = tmp_path / "_news"
    demo("news", "--format", "al-folio", "--output", str(out))
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    demo("news", "--format", "al-folio", "--output", str(out))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_al_folio_without_output_is_refused_with_one_line(demo: Cli) -> None:
    result = demo("news", "--format", "al-folio")
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith("labnews: error: format al-folio ")
    assert "--output" in result.err


def test_al_folio_into_an_existing_file_is_refused(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "news.md"
    target.write_bytes(b"keep me")
    result = demo("news", "--format", "al-folio", "--output", str(target))
    assert result.code == 1
    assert "is a file" in result.err
    assert target.read_bytes() == b"keep me"


# --- formats -----------------------------------------------------------------------------------


def formats_listing(cli: Cli) -> dict[str, tuple[str, str]]:
    result = cli("formats")
    assert result.code == 0
    rows: dict[str, tuple[str, str]] = {}
    for line in result.out.splitlines():
        name, kind, rest = line.split("\t")
        rows[name] = (kind, rest)
    return rows


def test_formats_lists_every_builtin_format_with_a_description(cli: Cli) -> None:
    rows = formats_listing(cli)
    assert tuple(rows) == BUILTIN_FORMATS
    for name, (_kind, rest) in rows.items():
        assert rest.endswith(" (built in)"), name
        assert len(rest.removesuffix(" (built in)")) > 20, name
    assert rows["al-folio"][0] == "folder"
    assert rows["html"][0] == "html"
    assert rows["yearly"][0] == "md"


def test_formats_marks_a_user_template_that_replaces_a_builtin_one(
    cli: Cli, no_personal_templates: Path
) -> None:
    mine = no_personal_templates / "yearly.md.j2"
    mine.write_text("{#- Our yearly block. #}\nOURS\n", encoding="utf-8")
    (no_personal_templates / "short.txt.j2").write_text("{# Short. #}\nS\n", encoding="utf-8")
    rows = formats_listing(cli)
    assert tuple(rows) == tuple(sorted((*BUILTIN_FORMATS, "short")))
    assert rows["yearly"] == ("md", f"Our yearly block. (yours, {mine}; replaces the built-in one)")
    assert rows["short"][1].startswith("Short. (yours, ")
    assert "replaces" not in rows["short"][1]
    assert rows["html"][1].endswith("(built in)")
    assert cli("demo").code == 0
    assert cli("news").out == "OURS\n"


def test_an_unknown_format_exits_1_naming_the_formats(demo: Cli) -> None:
    result = demo("news", "--format", "nope")
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.splitlines()) == 1
    assert "'nope'" in result.err
    for name in BUILTIN_FORMATS:
        assert name in result.err
