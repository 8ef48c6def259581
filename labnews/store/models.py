"""The tables of a lab database as typed SQLAlchemy 2 models, checked by core's choice tuples."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import (
    Mapped,
    MappedColumn,
    Relationship,
    declared_attr,
    mapped_column,
    relationship,
)

from labnews.core.fields import sql_in
from labnews.core.records import (
    ACHIEVEMENT_KINDS,
    ACHIEVEMENT_LINK_KINDS,
    PRESENTATIONS,
    STATUSES,
    VENUE_KINDS,
)
from labnews.store.base import Base, IntPK, OptLongText, OptShortText, ShortText

_YEAR_OK = "BETWEEN 1900 AND 2100"
_MONTH_OK = "BETWEEN 1 AND 12"


class _Versioned:
    """A record the forms edit: its version refuses a write made over someone else's change."""

    # Its own columns first, then the version, as the migrations made the tables.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class _Alias:
    """Another spelling of a member's or venue's name: the id, the owner's id, the spelling."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)
    alias: Mapped[ShortText]


def _owner_id(owner_table: str) -> MappedColumn[int]:
    """An alias's owner: deleting the owner deletes its aliases in the database too."""
    return mapped_column(ForeignKey(f"{owner_table}.id", ondelete="CASCADE"), index=True)


def _aliases(alias_class: str, owner: str) -> Relationship[Any]:
    """An owner's aliases, in the order they were added: saved and deleted with the owner."""
    return relationship(
        back_populates=owner, cascade="all, delete-orphan", order_by=f"{alias_class}.id"
    )


class Member(_Versioned, Base):
    """A lab member; ``name`` is printed exactly as the news should show it."""

    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint(f"joined_year IS NULL OR joined_year {_YEAR_OK}", name="joined_year"),
        CheckConstraint(f"joined_month IS NULL OR joined_month {_MONTH_OK}", name="joined_month"),
        CheckConstraint(f"left_year IS NULL OR left_year {_YEAR_OK}", name="left_year"),
        CheckConstraint(f"left_month IS NULL OR left_month {_MONTH_OK}", name="left_month"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        {"sqlite_autoincrement": True},  # ids never reused (migration 0005)
    )

    id: Mapped[IntPK]
    name: Mapped[ShortText]
    native: Mapped[OptShortText]
    role: Mapped[str] = mapped_column(String(20), default="other")
    in_news: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_year: Mapped[int | None]
    joined_month: Mapped[int | None]
    left_year: Mapped[int | None]
    left_month: Mapped[int | None]
    homepage: Mapped[OptLongText]
    orcid: Mapped[OptShortText]
    note: Mapped[OptLongText]

    aliases: Mapped[list[MemberAlias]] = _aliases("MemberAlias", "member")


class MemberAlias(_Alias, Base):
    """Another spelling of a member's name, used only for matching ("J. Ham")."""

    __tablename__ = "member_alias"
    member_id: Mapped[int] = _owner_id("member")

    member: Mapped[Member] = relationship(back_populates="aliases")


class Venue(_Versioned, Base):
    """A conference, workshop or journal; ``label`` overrides the tally label when set."""

    __tablename__ = "venue"
    __table_args__ = (
        CheckConstraint(sql_in("kind", VENUE_KINDS), name="kind"),
        CheckConstraint(f"month IS NULL OR month {_MONTH_OK}", name="month"),
        CheckConstraint("length(trim(short)) > 0", name="short_not_blank"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        {"sqlite_autoincrement": True},  # ids never reused (migration 0005)
    )

    id: Mapped[IntPK]
    short: Mapped[ShortText]
    full: Mapped[OptLongText]
    kind: Mapped[str] = mapped_column(String(20), default="conference")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="RESTRICT"), index=True
    )
    label: Mapped[OptShortText]
    month: Mapped[int | None]
    homepage: Mapped[OptLongText]

    parent: Mapped[Venue | None] = relationship(remote_side="Venue.id")
    aliases: Mapped[list[VenueAlias]] = _aliases("VenueAlias", "venue")


class VenueAlias(_Alias, Base):
    """Another spelling of a venue (DBLP, BibTeX): unique across all venues, ignoring case."""

    __tablename__ = "venue_alias"
    venue_id: Mapped[int] = _owner_id("venue")

    venue: Mapped[Venue] = relationship(back_populates="aliases")


class Paper(_Versioned, Base):
    """An accepted paper: counted once, in the year of its news month."""

    __tablename__ = "paper"
    __table_args__ = (
        CheckConstraint(f"year {_YEAR_OK}", name="year"),
        CheckConstraint(f"news_year {_YEAR_OK}", name="news_year"),
        CheckConstraint(f"news_month {_MONTH_OK}", name="news_month"),
        CheckConstraint(sql_in("status", STATUSES), name="status"),
        CheckConstraint(
            f"presentation IS NULL OR {sql_in('presentation', PRESENTATIONS)}", name="presentation"
        ),
        # The tally groups counted papers by year and venue: this index answers it alone.
        Index("ix_paper_tally", "news_year", "venue_id", "status", "news_month", "position"),
        Index("ix_paper_news", "news_year", "news_month", "position"),
        {"sqlite_autoincrement": True},  # ids never reused (migration 0005)
    )

    id: Mapped[IntPK]
    title: Mapped[str] = mapped_column(Text, default="")
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int]
    news_year: Mapped[int]
    news_month: Mapped[int]
    featured_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="accepted")
    presentation: Mapped[str | None] = mapped_column(String(20))
    doi: Mapped[OptShortText]
    arxiv: Mapped[OptShortText]
    bibkey: Mapped[OptShortText]
    note: Mapped[OptLongText]
    # The venues where the same paper was also shown, one per line; never counted.
    also_presented: Mapped[OptLongText]
    accepted: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)

    venue: Mapped[Venue] = relationship()
    featured: Mapped[Member | None] = relationship()
    authors: Mapped[list[Authorship]] = relationship(
        back_populates="paper",
        cascade="all, delete-orphan",
        order_by="Authorship.position",
    )
    links: Mapped[list[PaperLinkRow]] = relationship(
        cascade="all, delete-orphan", order_by="PaperLinkRow.position"
    )


class Authorship(Base):
    """One author slot of a paper, in order: a member, or a plain outside name."""

    __tablename__ = "authorship"
    __table_args__ = (
        CheckConstraint("member_id IS NOT NULL OR name IS NOT NULL", name="member_or_name"),
    )

    paper_id: Mapped[int] = mapped_column(
        ForeignKey("paper.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[OptShortText]
    equal: Mapped[bool] = mapped_column(Boolean, default=False)

    paper: Mapped[Paper] = relationship(back_populates="authors")
    member: Mapped[Member | None] = relationship()


class PaperLinkRow(Base):
    """One labelled link of a paper, in its order: the paper's url, code and project are the
    first links of their kinds (``core.records.PAPER_LINK_LABELS``), so each link lives here
    alone."""

    __tablename__ = "paper_link"
    __table_args__ = (CheckConstraint("length(trim(label)) > 0", name="label_not_blank"),)

    paper_id: Mapped[int] = mapped_column(
        ForeignKey("paper.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[ShortText]
    url: Mapped[str] = mapped_column(Text)


class Achievement(Base):
    """An award, talk, grant, challenge result, service role or media mention."""

    __tablename__ = "achievement"
    __table_args__ = (
        CheckConstraint(sql_in("kind", ACHIEVEMENT_KINDS), name="kind"),
        CheckConstraint(f"year {_YEAR_OK}", name="year"),
        CheckConstraint(f"month {_MONTH_OK}", name="month"),
        CheckConstraint("day IS NULL OR day BETWEEN 1 AND 31", name="day"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        CheckConstraint(f"end_year IS NULL OR end_year {_YEAR_OK}", name="end_year"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank"),
        CheckConstraint("teams IS NULL OR teams >= 1", name="teams"),
        Index("ix_achievement_date", "year", "month"),
        {"sqlite_autoincrement": True},  # ids never reused (migration 0005)
    )

    id: Mapped[IntPK]
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int]
    month: Mapped[int]
    day: Mapped[int | None]
    organisation: Mapped[OptShortText]
    url: Mapped[OptLongText]
    sentence: Mapped[OptLongText]
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # Revision 0004: what the Projects, Talks and Awards sections of a page show.
    year_only: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    end_year: Mapped[int | None]
    role: Mapped[OptShortText]
    description: Mapped[OptLongText]
    rank: Mapped[int | None]
    teams: Mapped[int | None]
    in_news: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    members: Mapped[list[AchievementMember]] = relationship(
        back_populates="achievement",
        cascade="all, delete-orphan",
        order_by="AchievementMember.position",
    )
    links: Mapped[list[AchievementLinkRow]] = relationship(
        back_populates="achievement",
        cascade="all, delete-orphan",
        order_by="AchievementLinkRow.position",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AchievementMember(Base):
    """A member named by an achievement, in order."""

    __tablename__ = "achievement_member"

    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), index=True)

    achievement: Mapped[Achievement] = relationship(back_populates="members")
    member: Mapped[Member] = relationship()


class AchievementLinkRow(Base):
    """A link of an achievement, in order: a labelled link, a video, an embedded page, an image."""

    __tablename__ = "achievement_link"
    __table_args__ = (
        CheckConstraint(sql_in("kind", ACHIEVEMENT_LINK_KINDS), name="kind"),
        CheckConstraint("length(trim(url)) > 0", name="url_not_blank"),
    )

    achievement_id: Mapped[int] = mapped_column(
        ForeignKey("achievement.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    label: Mapped[OptShortText]

    achievement: Mapped[Achievement] = relationship(back_populates="links")


class Setting(_Versioned, Base):
    """One shared setting (lab name, tally rules, homepage file...), stored as JSON text."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LabState(Base):
    """The lab's identity and change counter: one row, moved by every write transaction.

    ``lab_id`` is set once when the lab is made and travels with its backups, so a backup names
    the lab it came from; ``change_count`` lets a backup tell "nothing changed since" exactly.
    """

    __tablename__ = "lab_state"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lab_id: Mapped[str] = mapped_column(String(36))
    change_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


# Names, short names and aliases are unique ignoring case; these expression indexes enforce it in
# the schema itself (the commands also check first, to name the clashing record in the message).
Index("uq_member_name_lower", func.lower(Member.name), unique=True)
Index("ix_member_alias_alias_lower", func.lower(MemberAlias.alias))
Index("uq_venue_short_lower", func.lower(Venue.short), unique=True)
Index("uq_venue_alias_alias_lower", func.lower(VenueAlias.alias), unique=True)
Index("uq_paper_doi_lower", func.lower(Paper.doi), unique=True)
