"""The Ingest pages over real HTTP: read an article (upload or paste), see its text with each
proposal marked at its span, accept, correct and reject; each role against each page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.factories import STAFF_PASSWORD
from tests.http_client import Browser
from tests.ingest.conftest import FIRST
from tizim.audit.models import AuditEntry
from tizim.ingest.models import Article, Proposal
from tizim.registry.models import Claim, Record

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).parent / "data" / "seeds" / "004-nyt-reports-of-abuses.txt"


def browser_as(live_server, username: str) -> Browser:
    browser = Browser(live_server.url)
    assert browser.login(username, STAFF_PASSWORD).status == 200
    return browser


def upload(browser: Browser, name: str, content: bytes, **fields: str):
    token = browser.csrf_token("/ingest/")
    return browser.post_multipart(
        "/ingest/",
        {"csrfmiddlewaretoken": token, "source": "nyt", "text": "", "published": "",
         "language": "", **fields},
        {"file": (name, content)},
    )  # fmt: skip


def test_upload_then_review_with_each_proposal_marked(live_server, staff):
    browser = browser_as(live_server, "vol")
    page = upload(browser, SEED.name, SEED.read_bytes())
    assert page.status == 200 and re.search(r"/ingest/\d+/$", page.url), page.text[:500]
    article = Article.objects.get()
    assert article.text == SEED.read_text() and article.published.isoformat() == "2022-01-31"
    marks = re.findall(r'<mark class="proposal ([a-z ]+)"', page.text)
    assert "claim" in " ".join(marks) and "person" in " ".join(marks)
    # every proposal's span is marked where it stands in the text
    text = html.unescape(re.sub(r"<a class=\"anchor\"[^>]*>\d+</a>", "", page.text))
    for proposal in article.proposals.all():
        assert f'id="p{proposal.pk}"' in page.text
        assert article.text[proposal.start : proposal.end] in text
    # a volunteer reads but does not decide
    assert "Accept</button>" not in page.text
    claim = article.proposals.filter(kind="claim").first()
    token = browser.csrf_token("/ingest/")
    refused = browser.post(
        f"/ingest/{article.pk}/proposals/{claim.pk}/",
        {"csrfmiddlewaretoken": token, "action": "accept"},
    )
    assert refused.status == 403 and Claim.objects.count() == 0


def test_pasted_text_without_a_date_is_kept_until_the_date_is_given(live_server, staff):
    browser = browser_as(live_server, "vol")
    token = browser.csrf_token("/ingest/")
    fields = {
        "csrfmiddlewaretoken": token,
        "source": "pasted",
        "text": FIRST[len("Taraz, 14 January 2022. ") :],
    }
    page = browser.post("/ingest/", {**fields, "published": "", "language": ""})
    assert page.status == 200 and "does not say its date" in page.text
    assert "Serik Abenov" in page.text  # the text is still in the form
    assert Article.objects.count() == 0
    page = browser.post("/ingest/", {**fields, "published": "2022-01-14", "language": "en"})
    assert re.search(r"/ingest/\d+/$", page.url), page.text[:500]
    assert Article.objects.get().kind == "paste"


def test_a_source_named_in_words_is_given_a_short_name_and_keeps_the_words(live_server, staff):
    browser = browser_as(live_server, "vol")
    fields = {
        "csrfmiddlewaretoken": browser.csrf_token("/ingest/"),
        "text": FIRST,
        "published": "2022-01-14",
        "language": "en",
    }
    page = browser.post("/ingest/", {**fields, "source": "!!! ?"})
    assert "Give the source a name with letters or digits" in html.unescape(page.text)
    assert FIRST[:40] in html.unescape(page.text) and Article.objects.count() == 0
    page = browser.post("/ingest/", {**fields, "source": "Чат родственников, Шиели"})
    assert re.search(r"/ingest/\d+/$", page.url), page.text[:500]
    source = Article.objects.get().source
    assert (source.name, source.title) == ("chat-rodstvennikov-shieli", "Чат родственников, Шиели")
    # a short name is kept as typed, capitals and all: the source named so before
    page = browser.post("/ingest/", {**fields, "source": "NYT_Jan", "text": FIRST + " More."})
    assert re.search(r"/ingest/\d+/$", page.url), page.text[:500]
    assert Article.objects.order_by("pk").last().source.name == "NYT_Jan"


def test_bad_uploads_say_why_and_write_nothing(live_server, staff):
    browser = browser_as(live_server, "vol")
    for name, content, message in [
        ("photo.jpg", bytes(range(256)) * 40, "binary file"),
        ("empty.html", b"<html><body><nav>menu</nav></body></html>", "no article text"),
    ]:
        page = upload(browser, name, content, published="2022-01-14")
        assert page.status == 200 and message in html.unescape(page.text), name
    assert Article.objects.count() == 0


def test_reviewer_accepts_corrects_and_rejects(live_server, staff, articles):
    first, _ = articles
    browser = browser_as(live_server, "rev")
    review = f"/ingest/{first.pk}/"
    page = browser.get(review)
    assert page.status == 200 and page.text.count("Accept</button>") == 2
    claim = first.proposals.get(kind="claim")
    person = first.proposals.get(kind="person")
    token = browser.csrf_token(review)
    prefix = f"p{claim.pk}-"
    corrected = {
        "value": "45", "qualifier": "at_least", "counted": "people were detained",
        "fate_group": "custody", "measure": "ever", "claimant": "Zhambyl police",
        "as_of": "2022-01-11", "region": "jambyl-region", "status": "",
    }  # fmt: skip
    page = browser.post(
        f"/ingest/{first.pk}/proposals/{claim.pk}/",
        {
            "csrfmiddlewaretoken": token,
            "action": "accept",
            **{prefix + k: v for k, v in corrected.items()},
        },
    )
    assert page.status == 200 and "Accepted." in page.text
    assert Claim.objects.get().value == 45
    assert Proposal.objects.get(pk=claim.pk).state == "corrected"
    page = browser.post(
        f"/ingest/{first.pk}/proposals/{person.pk}/",
        {"csrfmiddlewaretoken": token, "action": "reject"},
    )
    assert "Rejected." in page.text and Record.objects.count() == 0
    assert page.text.count("Accept</button>") == 0
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"ingest.article", "ingest.accept", "ingest.reject", "claim.create"} <= actions


def test_a_bad_correction_is_refused_and_the_proposal_waits(live_server, staff, articles):
    first, _ = articles
    browser = browser_as(live_server, "rev")
    claim = first.proposals.get(kind="claim")
    token = browser.csrf_token(f"/ingest/{first.pk}/")
    page = browser.post(
        f"/ingest/{first.pk}/proposals/{claim.pk}/",
        {"csrfmiddlewaretoken": token, "action": "accept", f"p{claim.pk}-value": "many"},
    )
    assert "Not accepted" in page.text
    assert Proposal.objects.get(pk=claim.pk).state == "pending" and Claim.objects.count() == 0


@pytest.mark.parametrize(("who", "status"), [("ana", 403), (None, 302)])
def test_others_cannot_see_articles(live_server, staff, articles, who, status):
    browser = browser_as(live_server, who) if who else Browser(live_server.url)
    assert browser.get("/ingest/", follow=False).status == status
    assert browser.get(f"/ingest/{articles[0].pk}/", follow=False).status == status


def test_a_claim_shows_every_article_reporting_it(live_server, staff, articles):
    from tizim.ingest import services

    for article in articles:
        proposal = article.proposals.get(kind="claim", proposed__value=40)
        services.accept(proposal, actor=staff["reviewer"])
    claim = Claim.objects.get()
    page = browser_as(live_server, "vol").get(f"/ingest/claims/{claim.pk}/")
    assert page.status == 200 and "Reported by 2 articles" in page.text
    assert "taraz-police" in page.text and "rights-digest" in page.text
    review = browser_as(live_server, "vol").get(f"/ingest/{articles[0].pk}/")
    assert f"/ingest/claims/{claim.pk}/" in review.text
    assert browser_as(live_server, "ana").get(f"/ingest/claims/{claim.pk}/").status == 403


def paste(browser: Browser, text: str, **fields: str):
    """The review page of ``text`` pasted on the Ingest page as source "pasted"."""
    token = browser.csrf_token("/ingest/")
    page = browser.post(
        "/ingest/", {"csrfmiddlewaretoken": token, "source": "pasted", "text": text, **fields}
    )
    assert re.search(r"/ingest/\d+/$", page.url), page.text[:500]
    return page


def test_a_possible_figure_is_marked_apart_with_its_chance(live_server, staff):
    browser = browser_as(live_server, "vol")
    text = "Жаркент, 14 января. Задержаны 41 человек. Уголовных дел возбуждено 56."
    page = paste(browser, text, published="2022-01-14", language="ru")
    possible = Proposal.objects.get(kind="claim", proposed__value=56)
    chance = round(possible.proposed["chance"] * 100)
    assert Proposal.objects.get(kind="claim", proposed__value=41).proposed["chance"] is None
    marks = re.findall(
        r'<mark class="proposal ([a-z ]+)"[^>]*>(?:<a[^>]*>\d+</a>)*([^<]*)<', page.text
    )
    assert ("possible", "56") in marks and ("claim", "41") in marks
    item = page.text[page.text.index(f'id="p{possible.pk}"') :]
    assert f"gives it a {chance} % chance" in item[: item.index("</li>")]


def test_a_possible_person_is_marked_apart_and_accepted_as_a_record(live_server, staff):
    browser = browser_as(live_server, "rev")
    text = (
        "Шиелі, 12 қаңтар. Еріктілер хабарласа алмаған адамдар тізімі:\n"
        "Сәрсенов Ерұлан, 1999 ж.т., жүргізуші."
    )
    page = paste(browser, text, published="2022-01-12", language="kk")
    possible = Proposal.objects.get(kind="person")
    assert possible.proposed["fate"] == "missing" and possible.chance is not None
    marks = re.findall(
        r'<mark class="proposal ([a-z -]+)"[^>]*>(?:<a[^>]*>\d+</a>)*([^<]*)<', page.text
    )
    assert ("possible-person", "Сәрсенов Ерұлан, 1999 ж.т., жүргізуші.") in marks, marks
    item = page.text[page.text.index(f'id="p{possible.pk}"') :]
    item = html.unescape(item[: item.index("</li>")])
    assert "Possible person: " in item and f"gives it a {round(possible.chance * 100)} %" in item
    review = page.url.removeprefix(live_server.url)
    page = browser.post(
        f"{review}proposals/{possible.pk}/",
        {"csrfmiddlewaretoken": browser.csrf_token(review), "action": "accept",
         f"p{possible.pk}-name": "Сәрсенов Ерұлан", f"p{possible.pk}-fate": "missing"},
    )  # fmt: skip
    assert page.status == 200 and "Accepted." in page.text
    assert json.loads(Record.objects.get().raw_json) == {"sentence": possible.quote}
