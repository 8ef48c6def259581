"""The lab's shared settings: each declared once, saved and read back under the keys older
databases hold, with the defaults, choices and white space rules of each."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from sqlalchemy import select

from labnews.core.errors import LabnewsError
from labnews.store import commands, settings
from labnews.store.database import Database
from labnews.store.models import Setting
from labnews.store.settings import LabSettings, read_lab_settings, write_lab_settings

CHOSEN = LabSettings(
    lab_name="Vision Lab",
    default_format="plain",
    default_language="ko",
    workshops="separate",
    order="alpha",
    lines="venue",
    homepage_file="/srv/www/news.html",
    publication_bold="members",
    homepage_site="/srv/site",
    homepage_sections="publications,members",
)


def test_every_field_differs_from_its_default_in_the_sample() -> None:
    # The round trip below proves a field is saved only if its sample value is not the default.
    default = LabSettings()
    for f in fields(LabSettings):
        assert getattr(CHOSEN, f.name) != getattr(default, f.name), f.name


def test_every_setting_is_saved_and_read_back(database: Database) -> None:
    with database.session() as session:
        write_lab_settings(session, CHOSEN)
    with database.session() as session:
        assert read_lab_settings(session) == CHOSEN


def test_the_settings_are_stored_under_the_keys_older_databases_hold(database: Database) -> None:
    with database.session() as session:
        write_lab_settings(session, CHOSEN)
        stored = {row.key: row.value for row in session.scalars(select(Setting))}
    assert {key: json.loads(value) for key, value in stored.items() if key != "tally_rules"} == {
        "lab_name": "Vision Lab",
        "default_format": "plain",
        "default_language": "ko",
        "homepage_file": "/srv/www/news.html",
        "publication_bold": "members",
        "homepage_site": "/srv/site",
        "homepage_sections": "publications,members",
    }


def test_a_new_lab_reads_the_defaults(database: Database) -> None:
    with database.session() as session:
        assert read_lab_settings(session) == LabSettings(
            lab_name="",
            default_format="yearly",
            default_language="en",
            workshops="fold",
            order="first",
            lines="month",
            homepage_file="",
            publication_bold="owner",
            homepage_site="",
            homepage_sections="publications",
        )


def test_no_section_chosen_stays_none_while_an_empty_format_reads_as_the_default(
    database: Database,
) -> None:
    with database.session() as session:
        write_lab_settings(session, LabSettings(default_format="", homepage_sections=""))
    with database.session() as session:
        read = read_lab_settings(session)
        assert read.homepage_sections == ""
        assert read.default_format == "yearly"


def test_names_and_paths_are_saved_without_white_space_around_them(database: Database) -> None:
    with database.session() as session:
        write_lab_settings(
            session,
            LabSettings(lab_name="  Vision Lab ", homepage_file=" /a.html ", homepage_site=" /s "),
        )
    with database.session() as session:
        assert settings.setting_text(session, settings.LAB_NAME) == "Vision Lab"
        assert settings.setting_text(session, settings.HOMEPAGE_FILE) == "/a.html"
        assert settings.setting_text(session, settings.HOMEPAGE_SITE) == "/s"


def test_a_bold_choice_not_offered_is_refused_and_a_stored_one_reads_as_the_default(
    database: Database,
) -> None:
    with database.session() as session, pytest.raises(LabnewsError, match="publication_bold"):
        settings.set_setting_text(session, settings.PUBLICATION_BOLD, "everyone")
    with database.session() as session:
        commands.set_setting(session, "publication_bold", json.dumps("everyone"))
    with database.session() as session:
        assert settings.text_setting(session, settings.PUBLICATION_BOLD) == "owner"
        assert settings.setting_text(session, settings.PUBLICATION_BOLD) == "everyone"


def test_bare_text_of_older_databases_still_reads(database: Database) -> None:
    with database.session() as session:
        commands.set_setting(session, "lab_name", "Old Lab")
        commands.set_setting(session, "default_language", "42")
    with database.session() as session:
        assert settings.text_setting(session, settings.LAB_NAME) == "Old Lab"
        # JSON that is not a string reads as unset.
        assert settings.text_setting(session, settings.DEFAULT_LANGUAGE) == "en"
