"""The news leaves the window: saved as a file, published into the homepage, its order pinned."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from labnews.core.errors import LabnewsError
from labnews.gui.deferred import deferred
from labnews.gui.messages import shown

if TYPE_CHECKING:
    from labnews.core import news as core_news
    from labnews.gui import undo
    from labnews.gui.main_window import MainWindow
    from labnews.io.newsfile import NewsRequest
    from labnews.io.site import SitePlan
    from labnews.store import queries
    from labnews.store import settings as lab_settings
    from labnews.store.database import Database
else:
    core_news = deferred("labnews.core.news")
    lab_settings = deferred("labnews.store.settings")
    queries = deferred("labnews.store.queries")
    undo = deferred("labnews.gui.undo")

# The window's strings keep the window's translation context ("MainWindow") here.
translate = QCoreApplication.translate


class Publisher:
    """Writes the news the News view shows, to a file or between the homepage's markers."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def save_news(self) -> None:
        """Save the news as the News view shows it (its format, language and years)."""
        if self.window.require_database() is None:
            return
        news = self.window.news
        news.render_if_stale()
        news.save_as()

    def pin_order(self, year: int, labels: Sequence[str] | None) -> None:
        """Pin (or with None, unpin) a year's tally order; undoable."""
        window = self.window
        database = window.require_database()
        if database is None:
            return
        with database.session() as session:
            before = queries.tally_rules(session).pinned.get(year)
        if (tuple(labels) if labels else None) == before:
            return
        window.push(undo.PinOrder(window.command_context(database), year, labels, before))

    def choose_homepage(self, database: Database, previous: Path | None) -> Path | None:
        """Ask for the homepage file and remember it in the lab's settings."""
        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            translate("MainWindow", "Choose the homepage file (with the labnews markers)"),
            str(previous or Path.home()),
            translate("MainWindow", "Homepage pages (*.md *.markdown *.html *.htm);;All files (*)"),
        )
        if not path:
            return None
        with database.session(write=True) as session:
            lab_settings.set_setting_text(session, lab_settings.HOMEPAGE_FILE, path)
        return Path(path)

    def publish_news(self) -> None:
        """Show what publishing changes in the homepage file, then write it (and its .bak).

        The news is read in one session; the file is chosen (once) and confirmed with no
        transaction open; what the homepage now holds is remembered in a second, short one.
        """
        from labnews.gui.dialogs.publish import PublishDialog
        from labnews.io import homepage, newsfile

        window = self.window
        database = window.require_database()
        if database is None:
            return
        cannot = translate("MainWindow", "Cannot publish")
        request = window.news.request()
        with database.session() as session:
            site = lab_settings.setting_text(session, lab_settings.HOMEPAGE_SITE)
        if site:
            self.publish_site(database, Path(site), request)
            return
        try:
            with database.session() as session:
                fmt, _lang = newsfile.resolve_request(session, request)
                if fmt.is_folder:
                    raise LabnewsError(
                        f"the {fmt.name} format writes a folder of files; choose a one-file "
                        "format to publish into the homepage"
                    )
                stored = lab_settings.homepage_file(session)
                _fmt, block = newsfile.render_news(session, request)
                papers = queries.papers_in(session, request.years)
                rules = queries.tally_rules(session)
            path = stored if stored is not None and stored.is_file() else None
            path = path or self.choose_homepage(database, stored)
            if path is None:
                return
            publication = homepage.plan_publication(path, block)
        except LabnewsError as error:
            window.report(error, title=cannot)
            return
        ids = [pid for entry in core_news.news_entries(papers, rules) for pid in entry.paper_ids]
        if not publication.changed:
            message = translate("MainWindow", "{0} is already up to date").format(path.name)
        elif not PublishDialog.ask(window, publication):
            return
        else:
            try:
                backup = homepage.publish(publication)
            except (LabnewsError, OSError) as error:
                reason = shown(error.message) if isinstance(error, LabnewsError) else str(error)
                window.report(LabnewsError(reason), title=cannot)
                return
            name = backup.name if backup is not None else ""
            message = translate(
                "MainWindow", "Published into {0} (the previous version is kept as {1})"
            ).format(path.name, name)
        try:
            with database.session(write=True) as session:
                change = lab_settings.remember_publication(session, path, ids)
        except LabnewsError as error:
            # The file is written; only the overview's note of what it holds is missing.
            window.report(error, title=translate("MainWindow", "Published, but not remembered"))
            return
        window.refresh(change)
        window.statusBar().showMessage(message)

    def publish_site(self, database: Database, folder: Path, request: NewsRequest) -> None:
        """Show the whole site's diff; the dialog writes it (and commits, when asked).

        What publishing writes is what the News view shows; a folder format (al-folio's one
        file per line) is the theme's own data, so the theme's news format goes in the block.
        """
        from dataclasses import replace

        from labnews.gui.dialogs.publish import PublishDialog
        from labnews.io import newsfile, site

        window = self.window
        cannot = translate("MainWindow", "Cannot publish")
        try:
            with database.session() as session:
                fmt, _lang = newsfile.resolve_request(session, request)
                if fmt.is_folder:
                    request = replace(request, format=None)
                sections = site.sections_of(
                    lab_settings.text_setting(session, lab_settings.HOMEPAGE_SECTIONS)
                )
                plan = site.plan_site(session, folder, request, sections)
                papers = queries.papers_in(session, request.years)
                rules = queries.tally_rules(session)
        except LabnewsError as error:
            window.report(error, title=cannot)
            return
        if not plan.changes:
            window.statusBar().showMessage(
                translate("MainWindow", "{0} is already up to date").format(str(folder))
            )
            return
        result = PublishDialog.ask_site(window, plan, lambda commit: publish_plan(plan, commit))
        if result is None:
            return
        ids = [pid for entry in core_news.news_entries(papers, rules) for pid in entry.paper_ids]
        try:
            with database.session(write=True) as session:
                change = lab_settings.remember_publication(session, folder, ids, into_file=False)
        except LabnewsError as error:
            # The site is written; only the overview's note of what it holds is missing.
            window.report(error, title=translate("MainWindow", "Published, but not remembered"))
            return
        window.refresh(change)
        window.statusBar().showMessage(result)


def publish_plan(plan: SitePlan, commit: bool) -> str:
    """Write the plan into the checkout, then (when asked) commit it as ``publish --commit`` does.

    Git is asked first, so a refusal (no repository, no identity, the user's uncommitted
    changes in a file labnews writes) leaves the checkout untouched. Returns the one line
    that says what happened.
    """
    from labnews.io import gitrepo, site

    target = site.commit_target(plan) if commit else None
    try:
        site.apply_plan(plan)
    except OSError as error:
        raise LabnewsError(f"could not write into {plan.site}: {error}") from None
    said = translate("MainWindow", "Published into {0} ({1}): {2}").format(
        plan.site.name, plan.theme.title, plan.summary()
    )
    if target is None:
        return said
    repo, paths = target
    try:
        sha = gitrepo.commit(repo, paths, plan.message())
    except LabnewsError as error:
        # Written already: the line says so, and why git did not take it.
        return translate("MainWindow", "{0}; not committed: {1}").format(said, error.message)
    return translate("MainWindow", "{0}; committed {1} in {2}").format(said, sha[:12], repo.name)
