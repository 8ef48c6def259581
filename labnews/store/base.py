"""The declarative base, with a constraint naming convention so Alembic can alter tables."""

from __future__ import annotations

from typing import Annotated

from sqlalchemy import MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

IntPK = Annotated[int, mapped_column(primary_key=True)]
ShortText = Annotated[str, mapped_column(String(200))]
OptShortText = Annotated[str | None, mapped_column(String(200))]
OptLongText = Annotated[str | None, mapped_column(Text)]


class Base(DeclarativeBase):
    """The base of every labnews table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
