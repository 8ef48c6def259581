"""Person names: normalising spellings and matching an author to a lab member."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from labnews.core.errors import AmbiguousNameError, ValidationError
from labnews.core.records import MemberRecord, VenueRecord

_JOINERS = re.compile(r"[-‐‑‒–—'’.]")
_SPACES = re.compile(r"\s+")
# Letters whose stroke or ligature no Unicode decomposition separates from a plain letter.
_UNSPLITTABLE = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Ø": "O",
        "ø": "o",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "ı": "i",
        "Ħ": "H",
        "ħ": "h",
    }
)


def clean_name(text: str, *, field: str = "name") -> str:
    """A name with its spaces folded; a name of only spaces is refused, naming ``field``."""
    cleaned = _SPACES.sub(" ", text.replace("\x00", "")).strip()
    if not cleaned:
        raise ValidationError(f"{field} must not be empty", field=field)
    return cleaned


def name_key(text: str) -> str:
    """A spelling-insensitive key: no accents, case, hyphens or dots; tokens sorted.

    Sorting the tokens makes "Ham Jaeseok" and "Jaeseok Ham" the same key, so a name matches in
    either order; dropping hyphens makes "Jong-Ryul Lee" and "Jongryul Lee" the same.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLITTABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Hangul decomposes into jamo under NFKD; compose it back so native names stay comparable.
    composed = unicodedata.normalize("NFC", stripped).casefold()
    tokens = _SPACES.sub(" ", _JOINERS.sub("", composed.replace(",", " "))).split()
    return " ".join(sorted(tokens))


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The member an author name was matched to, and the spelling that matched."""

    member: MemberRecord
    matched: str


class MemberDirectory:
    """Finds members by any of their spellings, in either name order."""

    def __init__(self, members: Iterable[MemberRecord]) -> None:
        self.members = tuple(members)
        self._by_key: dict[str, dict[int, tuple[MemberRecord, str]]] = {}
        for member in self.members:
            for spelling in (member.name, member.native, *member.aliases):
                if spelling:
                    key = name_key(spelling)
                    if key:
                        self._by_key.setdefault(key, {}).setdefault(member.id, (member, spelling))

    def find(self, name: str, *, field: str = "author") -> NameMatch | None:
        """The member this name means, None when nobody, or AmbiguousNameError when several."""
        hits = self._by_key.get(name_key(name), {})
        if not hits:
            return None
        if len(hits) > 1:
            candidates = tuple(sorted(member.name for member, _ in hits.values()))
            raise AmbiguousNameError(
                f"{field} {name!r} matches several members: {', '.join(candidates)}",
                candidates,
                field=field,
            )
        member, spelling = next(iter(hits.values()))
        return NameMatch(member, spelling)

    def suggest(self, name: str, *, limit: int = 3) -> tuple[str, ...]:
        """The display names of the members whose spellings come closest to ``name``."""
        from rapidfuzz import fuzz, process

        choices = dict(self._by_key.items())
        scored = process.extract(
            name_key(name), list(choices), scorer=fuzz.token_sort_ratio, limit=limit * 2
        )
        names: list[str] = []
        for key, score, _ in scored:
            if score < 60:
                continue
            for member, _spelling in choices[key].values():
                if member.name not in names:
                    names.append(member.name)
        return tuple(names[:limit])


def venue_spelling_key(text: str) -> str:
    """A venue spelling compared ignoring case and spacing ("neurips" is "NeurIPS")."""
    return " ".join(text.split()).casefold()


def venue_spellings(venues: Iterable[VenueRecord]) -> dict[str, int]:
    """Each venue's short name, aliases and full name, keyed by ``venue_spelling_key``.

    Short names win over aliases, and aliases over full names; within one kind, the oldest
    venue (lowest id) wins, as two journals may share a full name. ``venue_lookup_id`` in the
    store ranks them the same, so an import resolves spellings in memory as one lookup would.
    """
    listed = sorted(venues, key=lambda v: v.id)
    index: dict[str, int] = {}
    for spellings in (
        ((v.id, v.short) for v in listed),
        ((v.id, alias) for v in listed for alias in v.aliases),
        ((v.id, v.full) for v in listed if v.full),
    ):
        for venue_id, text in spellings:
            index.setdefault(venue_spelling_key(text), venue_id)
    return index


def closest(text: str, choices: Iterable[str], *, limit: int = 3, cutoff: int = 60) -> list[str]:
    """The choices that look most like ``text`` (for "did you mean" messages)."""
    from rapidfuzz import fuzz, process

    pool = list(dict.fromkeys(choices))
    found = process.extract(
        text.casefold(), pool, scorer=fuzz.ratio, processor=str.casefold, limit=limit
    )
    return [choice for choice, score, _ in found if score >= cutoff]
