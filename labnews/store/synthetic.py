"""Seeded synthetic labs of any size, for benchmarks and for trying labnews at scale.

The lab is realistic in the ways that matter to speed: members join and leave over the years,
papers have 3-8 authors, a few hundred venues (conferences with workshops, and journals) are
used with a long tail, and there are achievements. Rows go in with batched inserts.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from labnews.core.errors import LabnewsError
from labnews.core.records import Change
from labnews.store.database import allocate_ids, insert_rows
from labnews.store.models import (
    Achievement,
    AchievementMember,
    Authorship,
    Member,
    Paper,
    Venue,
)

_GIVEN = (
    "Minjun Seoyeon Jiwoo Hayoon Doyun Seojun Jiho Yerin Eunwoo Haeun Siwoo Jiyu Junwoo Sua "
    "Hyunwoo Yuna Dohyun Chaewon Jihun Soyeon Alice Bruno Chen Dana Emil Fatima Gustav Hana "
    "Ivan Julia Kenji Lena Mateo Nadia Omar Priya Quentin Rosa Sven Tomas Uma Victor Wei Ximena"
).split()
_FAMILY = (
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
    "Garcia Muller Rossi Tanaka Nguyen Smith Novak Silva Ivanova Haddad Larsen Costa Weber"
).split()
_WORDS = (
    "efficient scalable robust diffusion transformer attention graph learning vision language "
    "multimodal retrieval detection segmentation distillation pruning quantization prompt "
    "benchmark reasoning video speech federated contrastive generative self-supervised sparse "
    "adaptive continual zero-shot few-shot neural implicit 3D point cloud tracking captioning"
).split()


@dataclass(frozen=True, slots=True)
class SyntheticSpec:
    """How big a synthetic lab to make, from which seed, over which years."""

    papers: int
    seed: int = 1
    first_year: int = 2000
    last_year: int = 2025


def build_synthetic_lab(session: Session, spec: SyntheticSpec) -> Change:
    """Fill an empty lab database (its venue catalog aside) with a synthetic lab."""
    if spec.papers < 1 or spec.papers > 5_000_000:
        raise LabnewsError("a synthetic lab has between 1 and 5,000,000 papers")
    if session.scalar(select(func.count()).select_from(Paper)):
        raise LabnewsError("a synthetic lab needs a database without papers; use a new file")
    rng = random.Random(spec.seed)
    years = list(range(spec.first_year, spec.last_year + 1))

    # Venues: the catalog, plus generated conferences (each with a workshop) and journals.
    extra_venues = max(0, min(300, spec.papers // 50))
    venue_rows: list[dict[str, object]] = []
    for index in range(extra_venues):
        if index % 3 == 2:
            venue_rows.append(
                {
                    "short": f"J. Synth. {index}",
                    "full": f"Journal of Synthetic Studies {index}",
                    "kind": "journal",
                    "month": None,
                    "version": 1,
                }
            )
        else:
            venue_rows.append(
                {
                    "short": f"SYN{index}",
                    "full": f"Synthetic Conference {index}",
                    "kind": "conference",
                    "month": rng.randint(1, 12),
                    "version": 1,
                }
            )
    insert_rows(session, Venue, venue_rows)
    workshops = [
        {
            "short": f"SYN{i} Workshop",
            "full": f"Synthetic Conference {i} Workshops",
            "kind": "workshop",
            "version": 1,
        }
        for i in range(0, extra_venues, 3)
    ]
    if workshops:
        insert_rows(session, Venue, workshops)
        ids: dict[str, int] = dict(session.execute(select(Venue.short, Venue.id)).all())
        for row in workshops:
            short = str(row["short"])
            parent = short.removesuffix(" Workshop")
            session.execute(
                update(Venue).where(Venue.id == ids[short]).values(parent_id=ids[parent])
            )
    venue_info = session.execute(select(Venue.id, Venue.kind, Venue.month)).all()
    # A long tail: a few venues get most papers (Zipf-like weights).
    venue_ids = [v.id for v in venue_info]
    rng.shuffle(venue_ids)
    cumulative = list(
        itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(len(venue_ids)))
    )
    months = {v.id: v.month for v in venue_info}

    # Members: a cohort joins every year and stays three to seven years.
    member_count = max(20, min(20_000, spec.papers // 8))
    per_year = max(1, member_count // len(years))
    member_rows: list[dict[str, object]] = []
    seen_names: set[str] = set()
    tenure: list[tuple[int, int]] = []
    for index in range(member_count):
        joined = years[min(index // per_year, len(years) - 1)]
        left = joined + rng.randint(3, 7)
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        while name.lower() in seen_names:
            name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)} {len(seen_names)}"
        seen_names.add(name.lower())
        member_rows.append(
            {
                "name": name,
                "role": "pi" if index == 0 else rng.choice(("phd", "ms", "postdoc", "researcher")),
                "in_news": index != 0,
                "joined_year": joined,
                "joined_month": rng.randint(1, 12),
                "left_year": left if left <= spec.last_year else None,
                "left_month": rng.randint(1, 12) if left <= spec.last_year else None,
                "version": 1,
            }
        )
        tenure.append((joined, left))
    insert_rows(session, Member, member_rows)
    member_ids = list(session.scalars(select(Member.id).order_by(Member.id)))
    pi = member_ids[0]
    active: dict[int, list[int]] = {
        year: [
            m for m, (start, end) in zip(member_ids, tenure, strict=True) if start <= year <= end
        ]
        or member_ids[1:]
        for year in years
    }

    # Papers, oldest first, positions counted per news month.
    positions: dict[tuple[int, int], int] = {}
    paper_rows: list[dict[str, object]] = []
    author_sets: list[list[tuple[int | None, str | None]]] = []
    for index in range(spec.papers):
        year = rng.choice(years)
        venue = rng.choices(venue_ids, cum_weights=cumulative)[0]
        month = months.get(venue) or rng.randint(1, 12)
        key = (year, month)
        positions[key] = positions.get(key, -1) + 1
        people = active[year]
        members_on = rng.sample(people, k=min(len(people), rng.randint(1, 3)))
        authors: list[tuple[int | None, str | None]] = [(m, None) for m in members_on]
        for _ in range(rng.randint(3, 8) - len(members_on) - 1):
            authors.insert(
                rng.randint(0, len(authors)),
                (None, f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"),
            )
        authors.append((pi, None))
        status = "withdrawn" if rng.random() < 0.01 else rng.choice(("accepted", "published"))
        title_words = rng.sample(_WORDS, k=rng.randint(4, 9))
        paper_rows.append(
            {
                "title": (" ".join(title_words).capitalize() + f" ({index})")
                if rng.random() > 0.05
                else "",
                "venue_id": venue,
                "year": year,
                "news_year": year,
                "news_month": month,
                "featured_id": members_on[0],
                "status": status,
                "position": positions[key],
                "doi": f"10.5555/synth.{spec.seed}.{index}" if rng.random() < 0.6 else None,
                "version": 1,
            }
        )
        author_sets.append(authors)
    paper_ids = allocate_ids(session, Paper, len(paper_rows))
    for row, paper_id in zip(paper_rows, paper_ids, strict=True):
        row["id"] = paper_id
    insert_rows(session, Paper, paper_rows)
    author_rows: list[dict[str, object]] = [
        {"paper_id": pid, "position": pos, "member_id": member, "name": name}
        for pid, authors in zip(paper_ids, author_sets, strict=True)
        for pos, (member, name) in enumerate(authors)
    ]
    insert_rows(session, Authorship, author_rows)

    # Achievements: about one for every twenty papers.
    achievement_rows: list[dict[str, object]] = [
        {
            "kind": rng.choice(("award", "talk", "grant", "challenge", "service", "media")),
            "title": f"{rng.choice(_WORDS).capitalize()} {rng.choice(('Award', 'Talk', 'Grant'))}",
            "year": rng.choice(years),
            "month": rng.randint(1, 12),
            "version": 1,
        }
        for _ in range(max(1, spec.papers // 20))
    ]
    achievement_ids = allocate_ids(session, Achievement, len(achievement_rows))
    for row, achievement_id in zip(achievement_rows, achievement_ids, strict=True):
        row["id"] = achievement_id
    insert_rows(session, Achievement, achievement_rows)
    links = [
        {"achievement_id": aid, "position": 0, "member_id": rng.choice(member_ids[1:])}
        for aid in achievement_ids
    ]
    insert_rows(session, AchievementMember, links)
    return Change(
        f"Made a synthetic lab: {len(paper_ids):,} papers, {len(member_ids):,} members, "
        f"{len(venue_ids):,} venues, {len(achievement_ids):,} achievements (seed {spec.seed})",
        frozenset({"paper", "member", "venue", "achievement"}),
    )
