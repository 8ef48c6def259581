"""The window's sentences about papers, in the interface language: tallies and news lines."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from labnews.core.news import NewsEntry, NewsName
from labnews.core.records import YearTally
from labnews.core.words import count_words

translate = QCoreApplication.translate

LANGUAGE_NAMES = (("English", "en"), ("한국어", "ko"))
"""Languages named in themselves, so each can be found whatever the interface language."""


def interface_language() -> str:
    """The language the interface is shown in ("en", "ko"), as its translation says."""
    return translate(
        "Wording", "en", "The code of the language you translate into: ko for Korean"
    ).strip()


def paper_count(count: int) -> str:
    """A number of papers in digits, as a tally says it: "19 papers", "1 paper"."""
    if count == 1:
        return translate("Wording", "1 paper")
    return translate("Wording", "{0} papers").format(count)


def tally_item(label: str, count: int) -> str:
    return translate("Wording", "{count} {label}", "one label of a tally: 5 CVPR").format(
        count=count, label=label
    )


def tally_sentence(tally: YearTally) -> str:
    """The year's tally in the lab's words, as rich text with the total in bold.

    "We have <b>19 papers</b> this year (2 ETRI J., 5 CVPR, ...)."
    """
    if not tally.total:
        return html.escape(translate("Wording", "No papers yet in {0}.").format(tally.year))
    items = ", ".join(tally_item(label, count) for label, count in tally.items)
    total = f"<b>{html.escape(paper_count(tally.total))}</b>"
    return translate("Wording", "We have {total} this year ({items}).").format(
        total=total, items=html.escape(items)
    )


def _name(name: NewsName, korean: bool) -> str:
    return (name.native or name.name) if korean else name.name


def entry_text(entry: NewsEntry) -> str:
    """A news line's sentence in the interface language, without its date.

    "Three papers accepted to NeurIPS 2024 (Kwanyong Park, ...)"; in Korean the names are
    the members' native ones, as the Korean news prints them.
    """
    if entry.achievement is not None:
        return entry.achievement.sentence or entry.achievement.title
    korean = interface_language() == "ko"
    clauses = []
    for clause in entry.clauses:
        text = translate("Wording", "{words} accepted to {venue}").format(
            words=count_words(clause.count), count=clause.count, venue=clause.venue
        )
        if clause.names:
            text += " (" + ", ".join(_name(n, korean) for n in clause.names) + ")"
        clauses.append(text)
    return ", ".join(clauses)


def entry_date(entry: NewsEntry) -> str:
    return f"{entry.year}/{entry.month:02d}"
