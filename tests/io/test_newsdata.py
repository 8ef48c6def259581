"""News kept as data: YAML lists (``_data/news.yml``) and JS or TS arrays (``news.ts``).

Each test writes a real file in tmp_path and reads it as ``labnews import news FILE`` would:
through the import registry, into a plan against a fresh lab, checking the papers per venue and
news month, the members, the lines the findings name, and the one line a bad file gets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labnews.core.errors import LabnewsError
from labnews.io import newsdata
from labnews.io.importers import (
    SCRIPT_SUFFIXES,
    YAML_SUFFIXES,
    detect_kind,
    import_format,
    import_names,
    plan_file,
)
from labnews.io.plan import ImportPlan
from labnews.store.database import Database
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _plan(database: Database, path: Path) -> ImportPlan:
    with database.session() as session:
        return plan_file(session, "news", path)


def _papers(plan: ImportPlan) -> Counter[str]:
    """Planned papers by "YEAR/MONTH VENUE EDITION" (the month of the news, the venue's year)."""
    return Counter(
        f"{p.news.year}/{p.news.month:02d} {p.venue} {p.year}" for p in plan.papers if p.include
    )


HEADLINES = """\
# A lab's _data/news.yml
- date: Aug 2025
  headline: "Two papers accepted by ICCV 2025 (Kim, Lee)"

- date: 2025-06-18
  headline: One paper accepted by CVPR 2025
  # a comment between the keys
  link: https://example.org

- date: July 2025
  headline: "Prof. Park received the best teaching award."
"""


def test_a_yaml_list_of_dated_headlines_reads_as_lines_of_a_page(
    database: Database, tmp_path: Path
) -> None:
    plan = _plan(database, _write(tmp_path, "news.yml", HEADLINES))
    assert _papers(plan) == {"2025/08 ICCV 2025": 2, "2025/06 CVPR 2025": 1}
    assert {m.name for m in plan.members} == {"Kim", "Lee"}
    assert {p.line for p in plan.papers} == {2, 5}  # the line each record starts on
    assert [(a.kind, a.line) for a in plan.achievements] == [("award", 10)]


def test_participants_are_credited_when_the_text_names_nobody(
    database: Database, tmp_path: Path
) -> None:
    text = """\
- title: Two papers accepted by NeurIPS 2024
  date: 2024-09-26
  category: publication
  participants: [Minji Kim, "Jae Lee"]
  description: Our paper on sparse attention was accepted.
- title: One paper accepted by ICLR 2025 (Sora Han)
  date: 2025-01-22
  participants:
    - name: Nobody Else
"""
    plan = _plan(database, _write(tmp_path, "news.yaml", text))
    assert _papers(plan) == {"2024/09 NeurIPS 2024": 2, "2025/01 ICLR 2025": 1}
    credited = [(p.venue, a.written) for p in plan.papers for a in p.authors]
    assert credited == [("NeurIPS", "Minji Kim"), ("NeurIPS", "Jae Lee"), ("ICLR", "Sora Han")]


def test_lists_under_keys_are_all_read_and_timestamps_give_the_day(
    database: Database, tmp_path: Path
) -> None:
    text = """\
config:
  recent_window_days: 30
papers:
  - date: 2024-09-30 00:00:00-0400
    description: "Three papers accepted to ECCV 2024!"
    authors: "Hogyun and Jiwon"
awards:
  - date: "Jun. 2024"
    description: "<strong>Jiwon</strong> won the best paper award at ICRA 2024!"
"""
    plan = _plan(database, _write(tmp_path, "news.yml", text))
    assert _papers(plan) == {"2024/09 ECCV 2024": 3}
    assert [(i.year, i.month, i.day) for i in newsdata.read_data(text, "yaml").items] == [
        (2024, 9, 30),
        (2024, 6, None),
    ]
    assert {m.name for m in plan.members} == {"Hogyun", "Jiwon"}
    assert [(a.kind, a.date.month, a.line) for a in plan.achievements] == [("award", 6, 8)]


def test_a_date_kept_as_year_month_and_day_fields_dates_its_record() -> None:
    text = """\
- {year: 2024, month: 6, day: 18, title: One paper accepted by CVPR 2024}
- {year: 2023, month: June, title: Two papers accepted by ICCV 2023}
- {year: 2022, month: Oct, day: 3, title: One paper accepted by ECCV 2022}
"""
    page = newsdata.read_data(text, "yaml")
    assert [(i.year, i.month, i.day, i.line) for i in page.items] == [
        (2024, 6, 18, 1),
        (2023, 6, None, 2),
        (2022, 10, 3, 3),
    ]
    assert [c.count for i in page.items for c in i.clauses] == [1, 2, 1]


def test_news_the_file_files_as_awards_or_talks_is_never_read_as_papers(
    database: Database, tmp_path: Path
) -> None:
    text = """\
papers:
  - date: 2024-06
    description: One paper accepted by CVPR 2024
awards:
  - date: 2024-06
    description: Our paper accepted to CVPR 2024 won the best paper award
items:
  - date: 2024-07
    title: Invited talk on our two papers accepted by ECCV 2024
    category: talk
  - date: 2024-07
    title: One paper accepted by ECCV 2024, nominated for an award
    tags: [publication, award]
"""
    plan = _plan(database, _write(tmp_path, "news.yml", text))
    assert _papers(plan) == {"2024/06 CVPR 2024": 1, "2024/07 ECCV 2024": 1}
    assert [(a.kind, a.line) for a in plan.achievements] == [("award", 5), ("talk", 8)]


def test_the_title_is_read_first_and_the_body_only_when_the_title_tells_of_no_paper(
    database: Database, tmp_path: Path
) -> None:
    text = """\
- date: 2024-10-13
  title: Eight papers accepted by NeurIPS 2024
  summary: Eight papers of the lab were accepted by NeurIPS 2024, congratulations.
- date: 2024-07-02
  title: Good news from Milan
  content: Two papers accepted by ECCV 2024.
"""
    plan = _plan(database, _write(tmp_path, "news.yml", text))
    assert _papers(plan) == {"2024/10 NeurIPS 2024": 8, "2024/07 ECCV 2024": 2}


SCRIPT = """\
// news.ts of a lab's site
export interface NewsItem {
    date: string
    title: { zh: string; en: string }
}

// export const old = [{date: '2020-01-01', title: 'One paper accepted by CVPR 2020'}]
/* const draft = [{date: '2021-01-01', title: 'One paper accepted by CVPR 2021'}] */
export const newsList: NewsItem[] = [
    {
        date: '2025-09-18',
        title: {
            zh: '十四篇论文被 NeurIPS 2025 接收',
            en: "Fourteen Papers Accepted by NeurIPS 2025"
        },
    },
    {
        "date": "2024-02-27",
        "title": {"zh": "三篇论文被 CVPR 2024 接收", "en": ""},  // English still to come
    },
    {
        date: `2023-07-14`,
        html: 'Our <a href="https://x.org">paper</a> \\'Deep Things\\' was accepted by ICCV 2023.',
    },
]
"""


def test_a_typescript_array_with_bilingual_fields_and_mixed_quoting(
    database: Database, tmp_path: Path
) -> None:
    plan = _plan(database, _write(tmp_path, "news.ts", SCRIPT))
    assert _papers(plan) == {
        "2025/09 NeurIPS 2025": 14,
        "2024/02 CVPR 2024": 3,  # its English is empty: the Chinese is read
        "2023/07 ICCV 2023": 1,
    }
    assert {p.title for p in plan.papers if p.venue == "ICCV"} == {"Deep Things"}
    assert {p.line for p in plan.papers} == {11, 18, 22}


def test_a_javascript_array_in_a_call_or_a_plain_assignment(
    database: Database, tmp_path: Path
) -> None:
    frozen = (
        "window.NEWS = Object.freeze([\n"
        "  {date: '2025-02', html: 'Two papers are accepted to ICRA 2025.'}\n]);\n"
    )
    plain = "news = [\n  {'title': 'One paper accepted by AAAI 2024', 'date': '2023-12-10',},\n]\n"
    assert _papers(_plan(database, _write(tmp_path, "news-data.js", frozen))) == {
        "2025/02 ICRA 2025": 2
    }
    assert _papers(_plan(database, _write(tmp_path, "news.mjs", plain))) == {"2023/12 AAAI 2024": 1}


def test_texts_kept_per_language_in_their_keys_or_under_a_language() -> None:
    text = """\
export default [
 {date: '2024-06-18', title_zh: '一篇论文被 CVPR 2024 接收',
  title_en: 'One paper accepted by CVPR 2024'},
 {date: '2023-07', en: {title: 'Two papers accepted by ICCV 2023'},
  zh: {title: '两篇论文被 ICCV 2023 接收'}},
 {date: '2022-07', titleZh: '三篇论文被ECCV 2022接收'},
]
"""
    page = newsdata.read_data(text, "script")
    assert [(i.line, [(c.count, c.venue) for c in i.clauses]) for i in page.items] == [
        (2, [(1, "CVPR 2024")]),
        (4, [(2, "ICCV 2023")]),
        (6, [(3, "ECCV 2022")]),
    ]
    assert page.items[0].text == "One paper accepted by CVPR 2024"  # English first


def test_a_record_with_no_date_it_can_read_is_kept_apart_not_invented() -> None:
    text = "- headline: One paper accepted by CVPR 2024\n- date: someday\n  headline: Hello\n"
    page = newsdata.read_data(text, "yaml", "news.yml")
    assert page.items == []
    assert page.undated == [(1, "One paper accepted by CVPR 2024"), (2, "Hello")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("news.yml", "news"),
        ("news.YAML", "news"),
        ("news.ts", "news"),
        ("news.js", "news"),
        ("news.mjs", "news"),
    ],
)
def test_data_files_are_news_by_their_names(name: str, kind: str) -> None:
    assert detect_kind(Path(name)) == kind


def test_a_file_whose_name_says_nothing_is_told_by_its_text(tmp_path: Path) -> None:
    yaml_txt = _write(tmp_path, "news.txt", HEADLINES)
    script = _write(tmp_path, "news", SCRIPT)
    page = _write(tmp_path, "page.txt", "- 2024/06: One paper accepted by CVPR 2024\n")
    assert import_format("news", yaml_txt).suffixes == YAML_SUFFIXES
    assert import_format("news", script).suffixes == SCRIPT_SUFFIXES
    assert ".md" in import_format("news", page).suffixes
    quoting = _write(tmp_path, "how.txt", "How we keep news:\n\n    const news = [{}]\n")
    assert ".md" in import_format("news", quoting).suffixes  # a page that quotes a script
    assert detect_kind(script) == "news"
    assert detect_kind(_write(tmp_path, "notes", "just some words\n")) is None
    assert import_names() == ("news", "bibtex", "table", "csv")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "news.yml",
            "- date: 2024-06\n  headline: One paper accepted by CVPR 2024\n - date: 2024-07\n",
            "news.yml is not valid YAML at line 3: ",
        ),
        ("news.yml", "title: Our news\nitems: 3\n", "news.yml holds no list of news items"),
        ("news.ts", "export const answer = 42;\n", "news.ts holds no array of news items"),
        ("news.js", "const news = [1, 2, 3];\n", "news.js holds no array of news items"),
    ],
)
def test_a_bad_data_file_gets_one_line_naming_its_problem(
    cli: Cli, tmp_path: Path, name: str, text: str, message: str
) -> None:
    line = cli("import", "news", str(_write(tmp_path, name, text))).one_error_line()
    assert message in line
    with pytest.raises(LabnewsError, match="^" + message.split(" at ")[0]):
        newsdata.read_data_file(tmp_path / name)


def test_a_data_file_imported_twice_adds_nothing_the_second_time(cli: Cli, tmp_path: Path) -> None:
    path = str(_write(tmp_path, "news.ts", SCRIPT))
    assert cli("import", "news", path).code == 0
    first = cli("summary").out
    assert first == (
        "2025: 14 papers (14 NeurIPS)\n2024: 3 papers (3 CVPR)\n2023: 1 paper (1 ICCV)\n"
    )
    again = cli("import", "news", path)
    assert again.code == 0, again.err
    assert cli("summary").out == first


def test_an_al_folio_folder_dates_items_by_front_matter_and_reads_files_with_no_suffix(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "_news"
    folder.mkdir()
    # The name says September; the front matter, which al-folio shows, says October.
    _write(
        folder,
        "2024-09-neurips.md",
        "---\nlayout: post\ndate: 2024-10-02\n---\n\n"
        "Two papers accepted to NeurIPS 2024 (Kim, Lee)\n",
    )
    _write(
        folder, "announcement_7", "---\ndate: 2025-02-27\n---\nOne paper accepted by CVPR 2025\n"
    )
    _write(folder, "notes", "2023-07-01 One paper accepted to ICCV 2023, still to announce\n")
    (folder / "thumbs").write_bytes(b"\x00\x01binary")
    assert detect_kind(folder) == "news"
    plan = _plan(database, folder)
    assert _papers(plan) == {"2024/10 NeurIPS 2024": 2, "2025/02 CVPR 2025": 1}
    assert {m.name for m in plan.members} == {"Kim", "Lee"}


def test_a_yaml_alias_bomb_reads_as_one_bounded_line() -> None:
    # Nine lists of nine lists, eight deep: 43 million words once every alias is followed.
    text = "a: &a [" + ", ".join(["lol"] * 9) + "]\n"
    for before, name in zip("abcdefg", "bcdefgh", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]\n"
    text += "items:\n  - date: 2024-01\n    headline: *h\n    authors: *h\n"
    page = newsdata.read_data(text, "yaml")
    assert [(i.year, i.month) for i in page.items] == [(2024, 1)]
    assert 1000 < len(page.items[0].text) <= 20_000


def test_a_script_array_nested_too_deeply_is_one_line_not_a_crash() -> None:
    # json.loads inside chompjs recurses once per bracket: a hostile news.ts must not crash.
    text = "export const news = " + "[" * 100_000 + "]" * 100_000 + ";\n"
    with pytest.raises(LabnewsError, match=r"news\.ts is nested too deeply to be a news list"):
        newsdata.read_data(text, "script", "news.ts")


_PIECES = st.sampled_from(
    [
        *"[]{}()'\"`:,;=-#/*\n \\ab0129.\t",
        *("export const n = [", "date", "title", "- date: ", "&a", "*a", "<br>", "${x}", "é"),
        *("2024-06", "One paper accepted by CVPR 2024", "\x01", "\ud800"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.sampled_from(["yaml", "script"]))
def test_any_text_reads_as_items_or_fails_with_a_labnews_error(text: str, kind: str) -> None:
    problem = ""
    try:
        page = newsdata.read_data(text, "yaml" if kind == "yaml" else "script")
    except LabnewsError as error:
        problem = str(error)
    else:
        assert all(item.year is not None for item in page.items)
    assert "\n" not in problem  # one line
