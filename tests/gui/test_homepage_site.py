"""Settings > Homepage and publishing into the site from the window, on real checkouts.

The checkouts are small skeletons made in tmp_path (as tests/io/test_site.py makes them), the
lab is the demo lab in a real SQLite file, and git is the real git program on a repository made
here with its own user.name and user.email.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from labnews.gui.dialogs.publish import PublishDialog
from labnews.gui.dialogs.settings import SettingsDialog
from labnews.gui.main_window import MainWindow
from labnews.store import settings as lab_settings
from labnews.store.database import Database
from tests.gui.conftest import ModalAnswers
from tests.io.test_site import acadhomepage, al_folio

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="the git program is missing")


pytestmark = pytest.mark.usefixtures("no_personal_templates")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def repository(site: Path) -> Path:
    git(site, "init", "--quiet")
    git(site, "config", "user.name", "Lab Tester")
    git(site, "config", "user.email", "tester@example.org")
    git(site, "add", "--all")
    git(site, "commit", "--quiet", "--message", "the site as the user keeps it")
    return site


def use_site(database: Database, site: Path, sections: str = "publications") -> None:
    with database.session(write=True) as session:
        lab_settings.set_setting_text(session, lab_settings.HOMEPAGE_SITE, str(site))
        lab_settings.set_setting_text(session, lab_settings.HOMEPAGE_SECTIONS, sections)


def test_settings_homepage_shows_the_theme_and_what_labnews_writes_and_saves_the_site(
    window: MainWindow, demo_database: Database, modal: ModalAnswers, tmp_path: Path
) -> None:
    """The tab tells the theme and parts as `labnews site` does, and saves folder and sections."""
    site = acadhomepage(tmp_path)
    not_a_site = tmp_path / "notes"
    not_a_site.mkdir()
    seen: dict[str, str] = {}

    def change(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        assert dialog.section_boxes["publications"].isChecked()  # the default section
        # A folder that is no site is refused at the field, and Save waits.
        dialog.site.setText(str(not_a_site))
        assert "not a Jekyll or Hugo site" in dialog.form.message("site")
        assert not dialog.save_button.isEnabled()
        dialog.site.setText(str(tmp_path / "missing"))
        assert dialog.form.message("site") == "There is no folder at this path."
        dialog.site.setText(str(site))
        dialog.refresh_site()
        assert dialog.form.message("site") == ""
        seen["theme"] = dialog.theme.text()
        seen["writes"] = dialog.writes.text()
        dialog.section_boxes["publications"].setChecked(False)
        dialog.section_boxes["talks"].setChecked(True)
        dialog.refresh_site()
        seen["writes with talks"] = dialog.writes.text()
        dialog.save_button.click()

    modal.expect(SettingsDialog, change)
    window.menus.settings_action.trigger()
    modal.check()

    assert seen["theme"] == "AcadHomepage (built by Jekyll)"
    assert seen["writes"].splitlines() == [
        "news: the block in _pages/about.md (changes on publish)",
        "publications: the block in _pages/about.md (changes on publish)",
    ]
    # The talks block has no markers in this page yet: said, as `labnews site` says it.
    assert "talks" in seen["writes with talks"]
    assert "publications" not in seen["writes with talks"]
    with demo_database.session() as session:
        saved = lab_settings.read_lab_settings(session)
    assert saved.homepage_site == str(site.resolve())
    assert saved.homepage_sections == "talks"
    # Looking wrote nothing into the checkout.
    assert "old news" in (site / "_pages/about.md").read_text(encoding="utf-8")


def test_no_section_chosen_is_saved_as_the_news_alone(
    window: MainWindow, demo_database: Database, modal: ModalAnswers, tmp_path: Path
) -> None:
    """Unticking every box saves "" (the news alone), not the default publications."""
    site = acadhomepage(tmp_path)

    def change(dialog: SettingsDialog) -> None:
        dialog.site.setText(str(site))
        for box in dialog.section_boxes.values():
            box.setChecked(False)
        dialog.save_button.click()

    modal.expect(SettingsDialog, change)
    window.menus.settings_action.trigger()
    modal.check()
    with demo_database.session() as session:
        assert lab_settings.text_setting(session, lab_settings.HOMEPAGE_SECTIONS) == ""


@needs_git
def test_publishing_into_the_site_shows_every_file_writes_them_and_commits(
    window: MainWindow, demo_database: Database, modal: ModalAnswers, tmp_path: Path
) -> None:
    """The dialog holds the whole site's diff; Publish with "Commit in git" makes one commit."""
    site = repository(al_folio(tmp_path))
    use_site(demo_database, site)
    seen: dict[str, object] = {}

    def publish(dialog: PublishDialog) -> None:
        seen["diff"] = dialog.diff.toPlainText()
        assert dialog.commit_box.isVisible()
        dialog.commit_box.setChecked(True)
        dialog.publish_button.click()
        seen["outcome"] = dialog.outcome.text()
        seen["open"] = dialog.isVisible()

    modal.expect(PublishDialog, publish)
    window.publisher.publish_news()
    modal.check()

    diff = str(seen["diff"])
    written = sorted(
        p.relative_to(site).as_posix()
        for p in (site / "_news").glob("*.md")
        if p.name != "announcement_1.md"
    )
    assert len(written) > 3
    # Every file the publish wrote is in the diff the user saw, each with its own header.
    for relative in written:
        assert f"+++ b/{relative}" in diff, relative
    assert "announcement_1.md" not in diff  # the user's own news file is never touched
    assert seen["open"] is True  # the dialog stays to show git's word
    outcome = str(seen["outcome"])
    assert outcome.startswith(f"Published into {site.name} (al-folio)")
    log = git(site, "log", "--format=%H %s").splitlines()
    assert len(log) == 2
    sha, subject = log[0].split(" ", 1)
    assert f"committed {sha[:12]} in {site.name}" in outcome
    assert subject.startswith("labnews: ")
    assert git(site, "status", "--porcelain") == ""
    assert (
        (site / "_news/announcement_1.md")
        .read_text(encoding="utf-8")
        .endswith("The user's own news.\n")
    )


@needs_git
def test_a_commit_refused_shows_in_the_dialog_and_writes_nothing(
    window: MainWindow, demo_database: Database, modal: ModalAnswers, tmp_path: Path
) -> None:
    """The user's uncommitted edit in the page stops the commit before any file is written."""
    site = repository(acadhomepage(tmp_path))
    page = site / "_pages/about.md"
    edited = page.read_text(encoding="utf-8") + "\nA line of the user's, not committed.\n"
    page.write_text(edited, encoding="utf-8")
    use_site(demo_database, site)
    seen: dict[str, object] = {}

    def publish(dialog: PublishDialog) -> None:
        assert "+++ b/_pages/about.md" in dialog.diff.toPlainText()
        dialog.commit_box.setChecked(True)
        dialog.publish_button.click()
        seen["refusal"] = dialog.outcome.text()
        seen["page after refusal"] = page.read_text(encoding="utf-8")
        seen["can publish"] = dialog.publish_button.isEnabled()
        # Without the commit the same dialog publishes the files (the edit is kept).
        dialog.commit_box.setChecked(False)
        dialog.publish_button.click()
        seen["outcome"] = dialog.outcome.text()

    modal.expect(PublishDialog, publish)
    window.publisher.publish_news()
    modal.check()

    assert seen["refusal"] == (
        "_pages/about.md has changes not yet committed; commit or stash them, then publish again"
    )
    assert seen["page after refusal"] == edited
    assert seen["can publish"] is True
    assert str(seen["outcome"]).startswith(f"Published into {site.name} (AcadHomepage): news")
    assert "committed" not in str(seen["outcome"])
    after = page.read_text(encoding="utf-8")
    assert "old news" not in after
    assert "A line of the user's, not committed." in after
    assert len(git(site, "log", "--format=%s").splitlines()) == 1
    # The site's files were written whole: no temporary files are left beside them.
    assert sorted(p.name for p in page.parent.iterdir()) == ["about.md"]
    assert window.statusBar().currentMessage() == seen["outcome"]
