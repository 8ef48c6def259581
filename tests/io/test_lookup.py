"""Looking papers up: each service's answers from a real local HTTP server, and every failure."""

from __future__ import annotations

import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest

from labnews.core.errors import LabnewsError
from labnews.core.snapshots import paper_input
from labnews.io import bibplan, bibtex, latex
from labnews.io.lookup import (
    FoundPaper,
    Identifier,
    LookupFailed,
    ServiceURLs,
    UnknownIdentifier,
    find_paper,
    identify,
    new_client,
)
from labnews.io.plan import apply_plan
from labnews.store import commands, queries
from labnews.store.database import Database
from tests.lookup_server import FIXTURES, SERVICES, Services


def _find(services: Services, text: str, **kwargs: object) -> FoundPaper:
    return find_paper(text, urls=services.urls, **kwargs)  # type: ignore[arg-type]


def _fails(services: Services, text: str, **kwargs: object) -> str:
    with pytest.raises(LookupFailed) as caught:
        _find(services, text, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    assert "http://" not in message  # never a raw httpx message with the whole URL
    return message


# --- identify ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "service", "ident"),
    [
        ("10.1109/WACV61041.2025.00412", "crossref", "10.1109/WACV61041.2025.00412"),
        ("doi:10.1109/WACV61041.2025.00412", "crossref", "10.1109/WACV61041.2025.00412"),
        ("DOI: 10.18653/v1/2024.acl-long.123", "crossref", "10.18653/v1/2024.acl-long.123"),
        ("https://doi.org/10.1109/TPAMI.2025.3531234", "crossref", "10.1109/TPAMI.2025.3531234"),
        ("http://dx.doi.org/10.1145/3581783.3612345", "crossref", "10.1145/3581783.3612345"),
        ("https://doi.org/10.48550/arXiv.2312.04005", "arxiv", "2312.04005"),
        ("2406.01234", "arxiv", "2406.01234"),
        ("2406.01234v2", "arxiv", "2406.01234"),
        ("arXiv:2406.01234", "arxiv", "2406.01234"),
        ("arxiv: 2406.01234v1", "arxiv", "2406.01234"),
        ("https://arxiv.org/abs/2406.01234", "arxiv", "2406.01234"),
        ("https://arxiv.org/abs/2406.01234v3", "arxiv", "2406.01234"),
        ("https://arxiv.org/pdf/2406.01234v2.pdf", "arxiv", "2406.01234"),
        ("https://arxiv.org/pdf/2406.01234", "arxiv", "2406.01234"),
        ("arxiv.org/abs/2406.01234", "arxiv", "2406.01234"),
        ("cs/0112017", "arxiv", "cs/0112017"),
        ("https://arxiv.org/abs/math.GT/0309136v1", "arxiv", "math.GT/0309136"),
        ("https://openreview.net/forum?id=N4i4PfcrK6", "openreview", "N4i4PfcrK6"),
        ("https://openreview.net/pdf?id=N4i4PfcrK6", "openreview", "N4i4PfcrK6"),
        (
            "https://openreview.net/forum?id=N4i4PfcrK6&noteId=abcDEF123",
            "openreview",
            "N4i4PfcrK6",
        ),
        ("conf/cvpr/ParkLH24", "dblp", "conf/cvpr/ParkLH24"),
        ("journals/pami/ParkL25", "dblp", "journals/pami/ParkL25"),
        ("https://dblp.org/rec/conf/cvpr/ParkLH24", "dblp", "conf/cvpr/ParkLH24"),
        ("https://dblp.org/rec/conf/cvpr/ParkLH24.html", "dblp", "conf/cvpr/ParkLH24"),
        ("https://dblp.org/rec/conf/cvpr/ParkLH24.xml", "dblp", "conf/cvpr/ParkLH24"),
        ("https://dblp.org/rec/conf/cvpr/ParkLH24.bib", "dblp", "conf/cvpr/ParkLH24"),
        ("https://dblp.uni-trier.de/rec/journals/corr/abs-2312-04005", "dblp", None),
        ("https://aclanthology.org/2024.acl-long.123/", "acl", "2024.acl-long.123"),
        ("https://aclanthology.org/2024.acl-long.123.pdf", "acl", "2024.acl-long.123"),
        ("2024.acl-long.123", "acl", "2024.acl-long.123"),
        ("2024.findings-emnlp.512", "acl", "2024.findings-emnlp.512"),
        ("https://aclanthology.org/P19-1001/", "acl", "P19-1001"),
        ("  <https://arxiv.org/abs/2406.01234>  ", "arxiv", "2406.01234"),
    ],
)
def test_identify_reads_every_accepted_spelling(text: str, service: str, ident: str | None) -> None:
    found = identify(text)
    assert found.service == service
    assert found.id == (ident or "journals/corr/abs-2312-04005")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello world",
        "10.12/short-prefix",
        "https://example.com/paper/2406.01234",
        "https://openreview.net/forum",
        "https://openreview.net/group?id=NeurIPS.cc/2024/Conference",
        "https://dblp.org/pid/228/5321.html",
        "https://aclanthology.org/events/acl-2024/",
        "ftp://arxiv.org/abs/2406.01234",
        "cvpr/ParkLH24",
        "2406.123",
    ],
)
def test_identify_refuses_anything_else_in_one_line(text: str) -> None:
    with pytest.raises(UnknownIdentifier) as caught:
        identify(text)
    message = str(caught.value)
    assert isinstance(caught.value, LabnewsError)
    assert "\n" not in message
    assert (repr(text.strip()) if text.strip() else "nothing") in message
    for accepted in ("DOI", "arXiv", "OpenReview", "DBLP", "ACL Anthology"):
        assert accepted in message


def test_identify_names_a_long_text_by_its_start() -> None:
    with pytest.raises(UnknownIdentifier, match=r"^'x{80}\.\.\.' is not a paper id"):
        identify("x" * 500)


# --- each service ------------------------------------------------------------------------------


def test_crossref_work(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/WACV61041.2025.00412", "crossref_work.json")
    found = _find(services, "https://doi.org/10.1109/WACV61041.2025.00412")
    assert found == FoundPaper(
        source=Identifier("crossref", "10.1109/WACV61041.2025.00412"),
        title="Open-Vocabulary Part Segmentation with Hierarchical Prompts & Masks",
        authors=("Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee"),
        venue="2025 IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)",
        venue_short="WACV",
        workshop=False,
        journal=False,
        preprint=False,
        year=2025,
        month=2,
        doi="10.1109/WACV61041.2025.00412",
        arxiv=None,
        url="https://doi.org/10.1109/wacv61041.2025.00412",
    )
    (_, headers), *_ = services.requests()
    assert headers["User-Agent"].startswith("labnews/")


def test_crossref_workshop_and_group_author(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/CVPRW63382.2024.00077", "crossref_workshop.json")
    found = _find(services, "10.1109/CVPRW63382.2024.00077")
    assert found == FoundPaper(
        source=Identifier("crossref", "10.1109/CVPRW63382.2024.00077"),
        title="Lightweight Diffusion Distillation for On-Device Image Synthesis",
        authors=("Youngwan Lee", "Kwanyong Park", "ETRI Visual Intelligence Team"),
        venue=(
            "2024 IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)"
        ),
        venue_short="CVPR Workshop",
        workshop=True,
        journal=False,
        preprint=False,
        year=2024,
        month=6,
        doi="10.1109/CVPRW63382.2024.00077",
        arxiv=None,
        url="https://doi.org/10.1109/cvprw63382.2024.00077",
    )


def test_crossref_journal_article(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/TPAMI.2025.3531234", "crossref_journal.json")
    found = _find(services, "doi:10.1109/TPAMI.2025.3531234")
    assert found == FoundPaper(
        source=Identifier("crossref", "10.1109/TPAMI.2025.3531234"),
        title="Described Object Detection with a Chain of Multimodal Tools",
        authors=("Kwanyong Park", "Youngwan Lee"),
        venue="IEEE Transactions on Pattern Analysis and Machine Intelligence",
        venue_short="TPAMI",  # by its ISSN 0162-8828 in the catalog
        workshop=False,
        journal=True,
        preprint=False,
        year=2025,
        month=3,
        doi="10.1109/TPAMI.2025.3531234",
        arxiv=None,
        url="https://doi.org/10.1109/tpami.2025.3531234",
    )


def test_crossref_asks_politely_with_the_contact_address(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LABNEWS_CONTACT_EMAIL", "lab-admin@example.org")
    services.serve("crossref", "/works/10.1109/WACV61041.2025.00412", "crossref_work.json")
    _find(services, "10.1109/WACV61041.2025.00412")
    (_, headers), *_ = services.requests()
    assert headers["User-Agent"] == (
        "labnews/0.1.0 (research lab news; mailto:lab-admin@example.org)"
    )


def test_arxiv_entry_with_journal_ref(services: Services) -> None:
    services.serve("arxiv", "/api/query", "arxiv_entry.xml", query={"id_list": "2312.04005"})
    found = _find(services, "https://arxiv.org/abs/2312.04005v2")
    assert found == FoundPaper(
        source=Identifier("arxiv", "2312.04005"),
        title=(
            "KOALA: Empirical Lessons Toward Memory-Efficient and Fast Diffusion Models "
            "for Text-to-Image Synthesis"
        ),
        authors=("Youngwan Lee", "Kwanyong Park", "Yoorhim Cho", "Yong-Ju Lee", "Sung Ju Hwang"),
        venue="Advances in Neural Information Processing Systems 37 (NeurIPS 2024)",
        venue_short="NeurIPS",
        workshop=False,
        journal=False,
        preprint=False,
        year=2024,
        month=None,
        doi=None,
        arxiv="2312.04005",
        url="https://arxiv.org/abs/2312.04005",
    )


def test_arxiv_without_journal_ref_is_a_preprint_with_the_comment_as_hint(
    services: Services,
) -> None:
    services.serve("arxiv", "/api/query", "arxiv_preprint.xml", query={"id_list": "2406.01234"})
    found = _find(services, "arXiv:2406.01234v2")
    assert found == FoundPaper(
        source=Identifier("arxiv", "2406.01234"),
        title="A Multimodal Chain of Tools for Described Object Detection",
        authors=("Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee"),
        venue="NeurIPS 2024",
        venue_short="NeurIPS",
        workshop=False,
        journal=False,
        preprint=True,
        year=2024,
        month=None,
        doi=None,
        arxiv="2406.01234",
        url="https://arxiv.org/abs/2406.01234",
    )


@pytest.mark.parametrize(
    ("journal_ref", "short", "journal", "workshop", "year"),
    [
        ("IEEE TPAMI, vol. 47, 2025", "TPAMI", True, False, 2025),
        ("CVPR 2024 Workshop on Efficient Deep Learning", "CVPR Workshop", False, True, 2024),
        ("Proc. of the 12th Symposium on Imaginary Things", None, False, False, 2023),
    ],
)
def test_arxiv_journal_ref_names_the_venue(
    services: Services,
    journal_ref: str,
    short: str | None,
    journal: bool,
    workshop: bool,
    year: int,
) -> None:
    """The year is the journal ref's, else the first version's (2023-12 for this entry)."""
    body = (FIXTURES / "arxiv_entry.xml").read_bytes()
    body = body.replace(
        b"Advances in Neural Information Processing Systems 37 (NeurIPS 2024)", journal_ref.encode()
    )
    services.serve("arxiv", "/api/query", body=body)
    found = _find(services, "2312.04005")
    assert (found.venue, found.venue_short, found.journal, found.workshop) == (
        journal_ref,
        short,
        journal,
        workshop,
    )
    assert found.year == year
    assert found.month == (12 if short is None else None)
    assert not found.preprint


def test_dblp_follows_a_renamed_key(services: Services) -> None:
    services.serve(
        "dblp",
        "/rec/conf/wacv/OldKey25.xml",
        status=301,
        headers={"Location": f"{services.urls.dblp}/rec/conf/wacv/ParkLL25.xml"},
    )
    services.serve("dblp", "/rec/conf/wacv/ParkLL25.xml", "dblp_record.xml")
    found = _find(services, "conf/wacv/OldKey25")
    assert (found.source.id, found.title[:20], found.venue_short) == (
        "conf/wacv/OldKey25",
        "Open-Vocabulary Part",
        "WACV",
    )


@pytest.mark.parametrize(
    ("fixture", "ident"), [("arxiv_unknown.xml", "2406.99999"), ("arxiv_error.xml", "1234.56789")]
)
def test_arxiv_unknown_id_and_error_entry(services: Services, fixture: str, ident: str) -> None:
    services.serve("arxiv", "/api/query", fixture, query={"id_list": ident})
    assert _fails(services, ident) == f"arXiv has no paper {ident}"


def test_openreview_note(services: Services) -> None:
    services.serve("openreview", "/notes", "openreview_note.json", query={"id": "N4i4PfcrK6"})
    found = _find(services, "https://openreview.net/forum?id=N4i4PfcrK6")
    assert found == FoundPaper(
        source=Identifier("openreview", "N4i4PfcrK6"),
        title="A Multimodal Chain of Tools for Described Object Detection",
        authors=("Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee"),
        venue="NeurIPS 2024 poster",
        venue_short="NeurIPS",
        workshop=False,
        journal=False,
        preprint=False,
        year=2024,
        month=None,
        doi=None,
        arxiv=None,
        url="https://openreview.net/forum?id=N4i4PfcrK6",
    )


def test_openreview_workshop(services: Services) -> None:
    services.serve("openreview", "/notes", "openreview_workshop.json", query={"id": "Wk7fQ2mZpL"})
    found = _find(services, "https://openreview.net/pdf?id=Wk7fQ2mZpL")
    assert found == FoundPaper(
        source=Identifier("openreview", "Wk7fQ2mZpL"),
        title="Tool-Augmented Grounding for Long Referring Expressions",
        authors=("Kwanyong Park", "Ham Jaeseok"),
        venue="ICLR 2025 Workshop FM-Wild",
        venue_short="ICLR Workshop",
        workshop=True,
        journal=False,
        preprint=False,
        year=2025,
        month=None,
        doi=None,
        arxiv=None,
        url="https://openreview.net/forum?id=Wk7fQ2mZpL",
    )


def test_openreview_rejected_submission_is_no_accepted_paper(services: Services) -> None:
    services.serve("openreview", "/notes", "openreview_rejected.json", query={"id": "Rj3xK9pQwE"})
    found = _find(services, "https://openreview.net/forum?id=Rj3xK9pQwE")
    assert (found.venue, found.venue_short, found.preprint, found.year) == (
        "Submitted to ICLR 2025",
        "ICLR",
        True,
        2025,
    )


def test_openreview_unknown_note(services: Services) -> None:
    services.serve("openreview", "/notes", "openreview_empty.json", query={"id": "Zz9Zz9Zz9Z"})
    message = _fails(services, "https://openreview.net/forum?id=Zz9Zz9Zz9Z")
    assert message == "OpenReview has no paper Zz9Zz9Zz9Z"


def test_dblp_record(services: Services) -> None:
    services.serve("dblp", "/rec/conf/wacv/ParkLL25.xml", "dblp_record.xml")
    found = _find(services, "https://dblp.org/rec/conf/wacv/ParkLL25.html")
    assert found == FoundPaper(
        source=Identifier("dblp", "conf/wacv/ParkLL25"),
        title="Open-Vocabulary Part Segmentation with Hierarchical Prompts & Masks",
        authors=("Kwanyong Park", "Youngwan Lee", "Yong-Ju Lee"),
        venue="WACV",
        venue_short="WACV",
        workshop=False,
        journal=False,
        preprint=False,
        year=2025,
        month=None,
        doi="10.1109/WACV61041.2025.00412",
        arxiv=None,
        url="https://doi.org/10.1109/WACV61041.2025.00412",
    )


def test_dblp_workshop(services: Services) -> None:
    services.serve("dblp", "/rec/conf/cvpr/LeePL24w.xml", "dblp_workshop.xml")
    found = _find(services, "conf/cvpr/LeePL24w")
    assert found == FoundPaper(
        source=Identifier("dblp", "conf/cvpr/LeePL24w"),
        title="Lightweight Diffusion Distillation for On-Device Image Synthesis",
        authors=("Youngwan Lee", "Kwanyong Park"),
        venue="CVPR Workshops",
        venue_short="CVPR Workshop",
        workshop=True,
        journal=False,
        preprint=False,
        year=2024,
        month=None,
        doi="10.1109/CVPRW63382.2024.00077",
        arxiv=None,
        url=(
            "https://openaccess.thecvf.com/content/CVPR2024W/EDGE/html/"
            "Lee_Lightweight_Diffusion_CVPRW_2024_paper.html"
        ),
    )


def test_dblp_journal_article(services: Services) -> None:
    services.serve("dblp", "/rec/journals/pami/ParkL25.xml", "dblp_journal.xml")
    found = _find(services, "journals/pami/ParkL25")
    assert found == FoundPaper(
        source=Identifier("dblp", "journals/pami/ParkL25"),
        title="Described Object Detection with a Chain of Multimodal Tools",
        authors=("Kwanyong Park", "Youngwan Lee", "Seongwon Lée"),
        venue="IEEE Trans. Pattern Anal. Mach. Intell.",
        venue_short="TPAMI",
        workshop=False,
        journal=True,
        preprint=False,
        year=2025,
        month=3,
        doi="10.1109/TPAMI.2025.3531234",
        arxiv=None,
        url="https://doi.org/10.1109/TPAMI.2025.3531234",
    )


def test_dblp_corr_is_a_preprint(services: Services) -> None:
    services.serve("dblp", "/rec/journals/corr/abs-2312-04005.xml", "dblp_corr.xml")
    found = _find(services, "https://dblp.org/rec/journals/corr/abs-2312-04005.bib")
    assert found == FoundPaper(
        source=Identifier("dblp", "journals/corr/abs-2312-04005"),
        title=(
            "KOALA: Self-Attention Matters in Knowledge Distillation of Latent Diffusion Models "
            "for Memory-Efficient and Fast Image Synthesis"
        ),
        authors=("Youngwan Lee", "Kwanyong Park", "Yoorhim Cho", "Yong-Ju Lee", "Sung Ju Hwang"),
        venue="CoRR",
        venue_short=None,
        workshop=False,
        journal=False,
        preprint=True,
        year=2023,
        month=None,
        doi=None,
        arxiv="2312.04005",
        url="https://dblp.org/rec/journals/corr/abs-2312-04005",
    )


def test_acl_findings(services: Services) -> None:
    services.serve("acl", "/2024.findings-emnlp.512.bib", "acl_entry.bib")
    found = _find(services, "https://aclanthology.org/2024.findings-emnlp.512/")
    assert found == FoundPaper(
        source=Identifier("acl", "2024.findings-emnlp.512"),
        title="Grounding Long Referring Expressions with LLM Tool Chains",
        authors=("Kwanyong Park", "Jaeseok Ham", "Yong-Ju Lee"),
        venue="Findings of the Association for Computational Linguistics: EMNLP 2024",
        venue_short="Findings of EMNLP",
        workshop=False,
        journal=False,
        preprint=False,
        year=2024,
        month=11,
        doi="10.18653/v1/2024.findings-emnlp.512",
        arxiv=None,
        url="https://aclanthology.org/2024.findings-emnlp.512/",
    )


def test_acl_main_conference(services: Services) -> None:
    services.serve("acl", "/2024.acl-long.123.bib", "acl_main.bib")
    found = _find(services, "2024.acl-long.123")
    assert found == FoundPaper(
        source=Identifier("acl", "2024.acl-long.123"),
        title="Efficient Vision-Language Pretraining with Token Merging",
        authors=("Youngwan Lee", "Kwanyong Park", "Anna Müller"),
        venue=(
            "Proceedings of the 62nd Annual Meeting of the Association for Computational "
            "Linguistics (Volume 1: Long Papers)"
        ),
        venue_short="ACL",
        workshop=False,
        journal=False,
        preprint=False,
        year=2024,
        month=8,
        doi="10.18653/v1/2024.acl-long.123",
        arxiv=None,
        url="https://aclanthology.org/2024.acl-long.123/",
    )


@pytest.mark.parametrize(
    ("ident", "short", "workshop", "journal"),
    [
        ("2024.naacl-long.7", "NAACL", False, False),
        ("2024.emnlp-main.40", "EMNLP", False, False),
        ("2024.findings-acl.3", "Findings of ACL", False, False),
        ("2024.acl-srw.12", "ACL Workshop", True, False),
        ("2024.repl4nlp-1.5", None, True, False),
        ("2024.tacl-1.5", "TACL", False, True),
        ("P19-1001", "ACL", False, False),
        ("Q19-1001", "TACL", False, True),
        ("W19-4402", None, True, False),
    ],
)
def test_acl_collections_name_their_venue(
    services: Services, ident: str, short: str | None, workshop: bool, journal: bool
) -> None:
    services.serve("acl", f"/{ident}.bib", "acl_main.bib")
    found = _find(services, ident)
    assert (found.venue_short, found.workshop, found.journal) == (short, workshop, journal)


def test_openreview_without_a_year_in_its_venue_id_takes_the_publication_date(
    services: Services,
) -> None:
    body = (FIXTURES / "openreview_note.json").read_bytes()
    body = body.replace(b"NeurIPS.cc/2024/Conference", b"NeurIPS.cc/Conference")
    body = body.replace(b"NeurIPS 2024 poster", b"NeurIPS poster")
    services.serve("openreview", "/notes", body=body)
    found = _find(services, "https://openreview.net/forum?id=N4i4PfcrK6")
    assert (found.year, found.month, found.venue_short) == (2024, None, "NeurIPS")


def test_neurips_datasets_and_benchmarks_track(services: Services) -> None:
    body = (FIXTURES / "openreview_note.json").read_bytes()
    body = body.replace(
        b'"venueid": {"value": "NeurIPS.cc/2024/Conference"}',
        b'"venueid": {"value": "NeurIPS.cc/2024/Datasets_and_Benchmarks_Track"}',
    )
    services.serve("openreview", "/notes", body=body)
    found = _find(services, "https://openreview.net/forum?id=N4i4PfcrK6")
    assert found.venue_short == "NeurIPS Datasets and Benchmarks"


def test_the_environment_points_each_service_elsewhere(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SERVICES:
        monkeypatch.setenv(f"LABNEWS_{name.upper()}_URL", getattr(services.urls, name) + "/")
    assert ServiceURLs.from_env() == services.urls.__class__(
        **{name: getattr(services.urls, name) + "/" for name in SERVICES}
    )
    services.serve("dblp", "/rec/conf/wacv/ParkLL25.xml", "dblp_record.xml")
    assert find_paper("conf/wacv/ParkLL25").venue_short == "WACV"


def test_the_defaults_are_the_public_services(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SERVICES:
        monkeypatch.delenv(f"LABNEWS_{name.upper()}_URL", raising=False)
    assert ServiceURLs.from_env() == ServiceURLs(
        crossref="https://api.crossref.org",
        arxiv="https://export.arxiv.org",
        openreview="https://api2.openreview.net",
        dblp="https://dblp.org",
        acl="https://aclanthology.org",
    )


# --- failures ----------------------------------------------------------------------------------


def test_404_names_what_the_service_does_not_have(services: Services) -> None:
    assert (
        _fails(services, "10.1109/WACV61041.2025.99999")
        == "Crossref has no work with DOI 10.1109/WACV61041.2025.99999"
    )
    assert _fails(services, "conf/cvpr/NoSuch24") == "DBLP has no record conf/cvpr/NoSuch24"
    assert (
        _fails(services, "2024.acl-long.999") == "the ACL Anthology has no paper 2024.acl-long.999"
    )
    services.serve("openreview", "/notes", status=404, body=b'{"name": "NotFoundError"}')
    assert _fails(services, "https://openreview.net/forum?id=Gone12345") == (
        "OpenReview has no paper Gone12345"
    )


@pytest.mark.parametrize(
    ("retry_after", "said"),
    [
        ("30", "try again in 30 s"),
        ("600", "try again in 10 min"),
        ("Thu, 03 Dec 2026 20:31:00 GMT", "try again after 20:31 UTC"),
        ("", "try again in a minute"),
        ("soon", "try again in a minute"),
    ],
)
def test_429_says_when_to_retry_without_waiting(
    services: Services, retry_after: str, said: str
) -> None:
    headers = {"Retry-After": retry_after} if retry_after else {}
    services.serve("crossref", "/works/10.1109/X.1", status=429, headers=headers)
    started = time.monotonic()
    message = _fails(services, "10.1109/X.1")
    assert message == f"Crossref asks labnews to slow down (429): {said}"
    assert time.monotonic() - started < 2


def test_after_a_429_labnews_waits_without_asking_again(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/X.1", status=429, headers={"Retry-After": "30"})
    _fails(services, "10.1109/X.1")
    asked = len(services.requests())
    message = _fails(services, "10.1109/X.3")
    assert message in {
        f"Crossref asks labnews to slow down (429): try again in {n} s" for n in (29, 30)
    }
    assert len(services.requests()) == asked


def test_an_answer_too_large_for_a_record_is_refused(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from labnews.io.lookup import fetch

    monkeypatch.setattr(fetch, "MAX_ANSWER", 1000)
    services.serve("crossref", "/works/10.1109/BIG.1", body=b" " * 5000)
    assert _fails(services, "10.1109/BIG.1") == "Crossref's answer is too large to be one record"


def test_5xx_is_a_server_problem(services: Services) -> None:
    services.serve("dblp", "/rec/conf/wacv/ParkLL25.xml", status=500, body=b"oops")
    assert _fails(services, "conf/wacv/ParkLL25") == (
        "DBLP has a server problem (500); try again later"
    )
    services.serve("arxiv", "/api/query", status=503, headers={"Retry-After": "5"})
    assert _fails(services, "2406.01234") == "arXiv has a server problem (503); try again later"


def test_other_refusals_give_the_status(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/X.2", status=403)
    assert _fails(services, "10.1109/X.2") == "Crossref refused the request (403)"


@pytest.mark.parametrize(
    ("service", "path", "fixture", "text", "message"),
    [
        (
            "crossref",
            "/works/10.1109/WACV61041.2025.00412",
            "crossref_truncated.json",
            "10.1109/WACV61041.2025.00412",
            "Crossref's answer for DOI 10.1109/WACV61041.2025.00412 could not be read (not JSON)",
        ),
        (
            "crossref",
            "/works/10.1109/WACV61041.2025.00412",
            "crossref_no_title.json",
            "10.1109/WACV61041.2025.00412",
            "Crossref's answer for DOI 10.1109/WACV61041.2025.00412 could not be read (no title)",
        ),
        (
            "dblp",
            "/rec/conf/wacv/ParkLL25.xml",
            "dblp_malformed.xml",
            "conf/wacv/ParkLL25",
            "DBLP's answer for DBLP record conf/wacv/ParkLL25 could not be read (not XML)",
        ),
        (
            "arxiv",
            "/api/query",
            "openreview_note.json",
            "2406.01234",
            "arXiv's answer for arXiv 2406.01234 could not be read (not XML)",
        ),
        (
            "openreview",
            "/notes",
            "dblp_record.xml",
            "https://openreview.net/forum?id=N4i4PfcrK6",
            "OpenReview's answer for OpenReview note N4i4PfcrK6 could not be read (not JSON)",
        ),
        (
            "acl",
            "/2024.acl-long.123.bib",
            "openreview_empty.json",
            "2024.acl-long.123",
            "the ACL Anthology's answer for ACL Anthology paper 2024.acl-long.123 "
            "could not be read (not BibTeX)",
        ),
    ],
)
def test_malformed_answers_are_one_clear_line(
    services: Services, service: str, path: str, fixture: str, text: str, message: str
) -> None:
    services.serve(service, path, fixture)
    assert _fails(services, text) == message


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"<dblp><inproceedings key='x'/></dblp>", "no title"),
        (b"<dblp><inproceedings><title>T.</title></inproceedings></dblp>", "no year"),
        (b"<html><body>hi</body></html>", "no record"),
    ],
)
def test_a_record_without_title_or_year_is_malformed(
    services: Services, body: bytes, why: str
) -> None:
    services.serve("dblp", "/rec/conf/wacv/A25.xml", body=body)
    assert _fails(services, "conf/wacv/A25").endswith(f"could not be read ({why})")


@pytest.mark.parametrize(
    ("service", "path", "body", "text", "why"),
    [
        ("crossref", "/works/10.1109/X.9", b"[1, 2]", "10.1109/X.9", "no message"),
        (
            "crossref",
            "/works/10.1109/X.9",
            b'{"message": {"title": {"a": 1}, "author": "x", "published": "2024"}}',
            "10.1109/X.9",
            "no title",
        ),
        (
            "crossref",
            "/works/10.1109/X.9",
            b'{"message": {"title": ["T"], "author": [1, null], "published": {"date-parts": "x"}}}',
            "10.1109/X.9",
            "no year",
        ),
        (
            "openreview",
            "/notes",
            b'{"count": 1}',
            "https://openreview.net/forum?id=AbCdE12",
            "no notes",
        ),
        (
            "openreview",
            "/notes",
            b'{"notes": [{"content": {"title": "not wrapped"}}]}',
            "https://openreview.net/forum?id=AbCdE12",
            "no title",
        ),
        (
            "openreview",
            "/notes",
            b'{"notes": [{"content": {"title": {"value": "T"}, "venueid": {"value": 3}}}]}',
            "https://openreview.net/forum?id=AbCdE12",
            "no year",
        ),
        (
            "arxiv",
            "/api/query",
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title></entry></feed>',
            "2406.01234",
            "no date",
        ),
        (
            "acl",
            "/2024.acl-long.1.bib",
            b"@inproceedings{k, year = 2024}",
            "2024.acl-long.1",
            "no title",
        ),
        ("acl", "/2024.acl-long.1.bib", b"\xff\xfe@", "2024.acl-long.1", "not UTF-8"),
    ],
)
def test_answers_of_the_wrong_shape_are_refused_cleanly(
    services: Services, service: str, path: str, body: bytes, text: str, why: str
) -> None:
    services.serve(service, path, body=body)
    assert _fails(services, text).endswith(f"could not be read ({why})")


@pytest.mark.parametrize("base", ["not a url", "ftp://example.org", "api.crossref.org"])
def test_a_bad_service_address_is_one_line(base: str) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_paper("2406.01234", urls=ServiceURLs(arxiv=base))
    assert str(caught.value) == f"the arXiv address {base!r} is not an http(s) URL"


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_offline_is_one_line_naming_the_host() -> None:
    port = _closed_port()
    base = f"http://127.0.0.1:{port}"
    urls = ServiceURLs(crossref=base, arxiv=base, openreview=base, dblp=base, acl=base)
    with pytest.raises(LookupFailed) as caught:
        find_paper("10.1109/WACV61041.2025.00412", urls=urls)
    message = str(caught.value)
    assert message.startswith(f"cannot reach 127.0.0.1:{port}: ")
    assert "refused" in message.lower()
    assert "\n" not in message
    assert "http://" not in message


def test_an_unknown_host_reads_as_one_line_without_errno() -> None:
    """DNS is not asked in tests: httpx's error for it is made here as httpx makes it."""
    import httpx

    from labnews.io.lookup.fetch import _reason

    error = httpx.ConnectError("[Errno -2] Name or service not known")
    assert _reason(error) == "name or service not known (offline?)"
    error = httpx.ConnectError("All connection attempts failed for https://dblp.org/rec/x.xml")
    assert _reason(error) == "all connection attempts failed for the address (offline?)"


def test_a_slow_service_times_out_quickly(services: Services) -> None:
    services.serve("crossref", "/works/10.1109/SLOW.1", "crossref_work.json", delay=3.0)
    started = time.monotonic()
    with new_client(connect=1.0, read=0.3) as client:
        message = _fails(services, "10.1109/SLOW.1", client=client)
    assert time.monotonic() - started < 2
    port = services.server.server_address[1]
    assert message == f"Crossref (127.0.0.1:{port}) did not answer within 0.3 s; try again later"


def test_requests_to_one_service_are_paced(services: Services) -> None:
    services.serve("dblp", "/rec/conf/wacv/ParkLL25.xml", "dblp_record.xml")
    services.serve("crossref", "/works/10.1109/WACV61041.2025.00412", "crossref_work.json")
    with new_client() as client:
        started = time.monotonic()
        _find(services, "conf/wacv/ParkLL25", client=client)
        _find(services, "10.1109/WACV61041.2025.00412", client=client)  # another service
        assert time.monotonic() - started < 0.9
        _find(services, "conf/wacv/ParkLL25", client=client)
        assert time.monotonic() - started >= 0.95


def test_no_network_without_being_asked() -> None:
    import subprocess
    import sys

    code = (
        "import socket\n"
        "def refuse(*a, **k): raise SystemExit('a connection was opened')\n"
        "socket.socket.connect = refuse\n"
        "import labnews.io.lookup, labnews.io.lookup.services\n"
        "labnews.io.lookup.identify('10.1109/WACV61041.2025.00412')\n"
        "print('quiet')\n"
    )
    root = Path(__file__).parent.parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.stdout.strip() == "quiet", result.stderr


# --- BibTeX ------------------------------------------------------------------------------------


def _paper(**changes: object) -> FoundPaper:
    values: dict[str, object] = {
        "source": Identifier("crossref", "10.1109/WACV61041.2025.00412"),
        "title": "50% Faster {Diffusion} & Co: A_B Test of #1 ~Models~",
        "authors": ("Kwanyong Park", "Jaeseok Ham", "Barnes and Noble", "Anna Müller"),
        "venue": "2025 IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)",
        "venue_short": "WACV",
        "workshop": False,
        "journal": False,
        "preprint": False,
        "year": 2025,
        "month": 2,
        "doi": "10.1109/WACV61041.2025.00412",
        "arxiv": "2406.01234",
        "url": "https://doi.org/10.1109/wacv61041.2025.00412",
    }
    return FoundPaper(**(values | changes))  # type: ignore[arg-type]


def _read_back(text: str) -> tuple[str, str, dict[str, str]]:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    return entry.entry_type, entry.key, fields


def test_bibtex_reads_back_to_the_same_fields() -> None:
    paper = _paper()
    kind, key, fields = _read_back(paper.bibtex("park2025faster"))
    assert (kind, key) == ("inproceedings", "park2025faster")
    assert latex.decode_latex(fields["title"]) == paper.title
    assert bibtex.split_authors(fields["author"]) == list(paper.authors)
    assert latex.decode_latex(fields["booktitle"]) == paper.venue
    assert fields["year"] == "2025"
    assert fields["month"] == "2"
    assert fields["doi"] == paper.doi
    assert fields["eprint"] == "2406.01234"
    assert fields["archiveprefix"] == "arXiv"
    assert fields["url"] == paper.url
    assert fields["labnews-venue"] == "WACV"


def test_bibtex_of_a_journal_and_of_a_preprint() -> None:
    kind, _, fields = _read_back(
        _paper(
            journal=True, venue="IEEE Trans. Pattern Anal. Mach. Intell.", venue_short="TPAMI"
        ).bibtex("k")
    )
    assert (kind, fields["journal"], fields["labnews-venue"]) == (
        "article",
        "IEEE Trans. Pattern Anal. Mach. Intell.",
        "TPAMI",
    )
    kind, key, fields = _read_back(
        _paper(preprint=True, venue="", venue_short=None, month=None, doi=None).bibtex("a b{c}")
    )
    assert (kind, key) == ("misc", "abc")
    assert not {"howpublished", "month", "doi", "labnews-venue"} & fields.keys()


@pytest.mark.parametrize(
    ("fixture", "service", "path", "text", "venue"),
    [
        (
            "crossref_work.json",
            "crossref",
            "/works/10.1109/WACV61041.2025.00412",
            "10.1109/WACV61041.2025.00412",
            "WACV",
        ),
        (
            "crossref_workshop.json",
            "crossref",
            "/works/10.1109/CVPRW63382.2024.00077",
            "10.1109/CVPRW63382.2024.00077",
            "CVPR Workshop",
        ),
        (
            "crossref_journal.json",
            "crossref",
            "/works/10.1109/TPAMI.2025.3531234",
            "10.1109/TPAMI.2025.3531234",
            "TPAMI",
        ),
        ("arxiv_entry.xml", "arxiv", "/api/query", "2312.04005", "NeurIPS"),
        (
            "openreview_note.json",
            "openreview",
            "/notes",
            "https://openreview.net/forum?id=N4i4PfcrK6",
            "NeurIPS",
        ),
        ("dblp_record.xml", "dblp", "/rec/conf/wacv/ParkLL25.xml", "conf/wacv/ParkLL25", "WACV"),
        (
            "dblp_journal.xml",
            "dblp",
            "/rec/journals/pami/ParkL25.xml",
            "journals/pami/ParkL25",
            "TPAMI",
        ),
        (
            "acl_main.bib",
            "acl",
            "/2024.acl-long.123.bib",
            "2024.acl-long.123",
            "ACL",
        ),
        (
            "dblp_workshop.xml",
            "dblp",
            "/rec/conf/cvpr/LeePL24w.xml",
            "conf/cvpr/LeePL24w",
            "CVPR Workshop",
        ),
        (
            "acl_entry.bib",
            "acl",
            "/2024.findings-emnlp.512.bib",
            "2024.findings-emnlp.512",
            "Findings of EMNLP",
        ),
    ],
)
def test_found_papers_import_onto_the_catalog_venue(
    services: Services,
    database: Database,
    tmp_path: Path,
    fixture: str,
    service: str,
    path: str,
    text: str,
    venue: str,
) -> None:
    services.serve(service, path, fixture)
    found = _find(services, text)
    bib = tmp_path / "found.bib"
    bib.write_text(found.bibtex("found"), encoding="utf-8")
    with database.session() as session:
        plan = bibplan.plan_bibtex(session, bib)
    assert not plan.venues, plan.report()
    assert not plan.of_kind("error", "skipped"), plan.report()
    (planned,) = plan.papers
    assert (planned.venue, planned.title, planned.doi) == (venue, found.title, found.doi)
    with database.session(write=True) as session:
        apply_plan(session, plan)
    with database.session() as session:
        (paper,) = queries.papers_in(session)
    assert (paper.venue_short, paper.year) == (venue, found.year)
    assert [a.written for a in paper.authors] == list(found.authors)


def test_a_found_paper_matches_the_lab_members(
    services: Services, demo_database: Database, tmp_path: Path
) -> None:
    """The demo lab's members are matched in either name order (OpenReview's "Ham Jaeseok")."""
    services.serve("openreview", "/notes", "openreview_workshop.json", query={"id": "Wk7fQ2mZpL"})
    found = _find(services, "https://openreview.net/forum?id=Wk7fQ2mZpL")
    bib = tmp_path / "found.bib"
    bib.write_text(found.bibtex("park2025tool"), encoding="utf-8")
    with demo_database.session() as session:
        plan = bibplan.plan_bibtex(session, bib)
    assert not plan.venues, plan.report()
    (planned,) = plan.papers
    assert planned.venue == "ICLR Workshop"
    assert [a.member for a in planned.authors] == ["Kwanyong Park", "Ham Jaeseok"]


def test_a_paper_the_lab_holds_is_recognised(
    services: Services, demo_database: Database, tmp_path: Path
) -> None:
    services.serve("openreview", "/notes", "openreview_note.json", query={"id": "N4i4PfcrK6"})
    found = _find(services, "https://openreview.net/forum?id=N4i4PfcrK6")
    bib = tmp_path / "found.bib"
    bib.write_text(found.bibtex("park2024multimodal"), encoding="utf-8")
    with demo_database.session(write=True) as session:
        # The demo records the NeurIPS workshop paper it was; the service answers NeurIPS.
        held = next(
            p for p in queries.papers_in(session, [2024]) if p.title.startswith("A Multimodal")
        )
        commands.update_paper(session, held.id, replace(paper_input(held), venue="NeurIPS"))
    with demo_database.session() as session:
        plan = bibplan.plan_bibtex(session, bib)
    assert not plan.papers
    assert plan.of_kind("duplicate"), plan.report()
