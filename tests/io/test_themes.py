"""The themes table (resources/themes.toml) read into Theme entries, and a broken one refused."""

from __future__ import annotations

import pytest

from labnews.core.errors import LabnewsError
from labnews.io.themes import THEMES, Sign, read_themes


def test_the_shipped_table_gives_every_theme_in_order_with_its_signs() -> None:
    assert [t.name for t in THEMES] == [
        "acadhomepage",
        "al-folio",
        "academicpages",
        "hugo-blox",
        "jekyll",
        "hugo",
    ]
    al_folio = THEMES[1]
    assert al_folio.engine == "jekyll"
    assert al_folio.signs[:3] == (
        Sign("path", "_news", "", 4),
        Sign("path", "_bibliography", "", 3),
        Sign("config", "_config.yml", "scholar", 2),
    )
    assert al_folio.news_format is None
    assert al_folio.data == ("al-folio-news",)
    assert al_folio.block_required is False
    assert THEMES[0].news_format == "acadhomepage"
    assert THEMES[0].block_required is True
    assert Sign("text", "go.mod", "hugo-blox", 6) in THEMES[3].signs


GOOD = """
[[theme]]
name = "x"
title = "X"
engine = "hugo"
signs = [{ path = "x.toml", weight = 1 }]
news_pages = ["index.md"]
"""


def test_a_minimal_theme_takes_the_defaults() -> None:
    (theme,) = read_themes(GOOD)
    assert theme.signs == (Sign("path", "x.toml", "", 1),)
    assert (theme.news_format, theme.data, theme.block_required) == (None, (), True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('"hugo"', '"wordpress"'), "theme x in themes.toml is malformed: 'wordpress' is not one"),
        (("weight = 1", "weight = 0"), "theme x in themes.toml is malformed: sign weight 0"),
        (('news_pages = ["index.md"]', ""), "theme x in themes.toml has no news_pages"),
        (('title = "X"', 'title = "X"\ncolour = "red"'), "malformed: unknown keys colour"),
        (('engine = "hugo"', 'engine = "hugo"\ndata = ["pages"]'), "'pages' is not one of"),
        (("[[theme]]", "[[theme"), "themes.toml is not TOML"),
    ],
)
def test_a_broken_table_is_refused_naming_the_theme(change: tuple[str, str], message: str) -> None:
    with pytest.raises(LabnewsError) as caught:
        read_themes(GOOD.replace(*change))
    assert message in str(caught.value)
