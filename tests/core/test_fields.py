"""The field rules: one statement of what a field accepts, shared by store, importers and forms."""

from __future__ import annotations

import pytest

from labnews.core import fields
from labnews.core.errors import ValidationError
from labnews.core.records import PRESENTATIONS, VENUE_KINDS


def test_choice_tuples_make_the_same_check_constraint_text_as_before() -> None:
    assert fields.sql_in("kind", VENUE_KINDS) == (
        "kind IN ('conference', 'journal', 'workshop', 'other')"
    )
    assert fields.sql_in("presentation", PRESENTATIONS) == (
        # Migration 0003 writes this constraint with "long talk" added, as text of its own.
        "presentation IN ('oral', 'long talk', 'spotlight', 'poster', 'findings', 'demo')"
    )


def test_pin_order_refuses_a_label_twice_and_a_label_without_papers() -> None:
    assert fields.pin_order([" CVPR ", "ICCV"], year=2024) == ("CVPR", "ICCV")
    with pytest.raises(ValidationError, match="named twice"):
        fields.pin_order(["CVPR", "cvpr"], year=2024)
    with pytest.raises(ValidationError, match="2024 has no papers counted as NeurIPS"):
        fields.pin_order(["CVPR", "NeurIPS"], year=2024, known=["cvpr"])


@pytest.mark.parametrize("text", ["http://a b", "https://x.org/<script>", "javascript:alert(1)"])
def test_link_refuses_what_is_not_a_plain_http_link(text: str) -> None:
    with pytest.raises(ValidationError):
        fields.link(text, "url")
