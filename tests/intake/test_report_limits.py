"""The public forms' limits over real HTTP, from many addresses (loopback addresses 127.x.y.z
stand for different senders): follow-ups and wrong receipt phrases are counted apart from new
reports, and the breaker over all reports slows the form down instead of closing it."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model

from tests.http_client import multipart_body
from tizim.accounts.roles import Role
from tizim.accounts.services import create_recipient_key, set_role
from tizim.intake import report_views
from tizim.intake.models import Report

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

WRONG_PHRASE = "bakado fenuli gomare kisuvo lamedi nopuga rivota"


@pytest.fixture(autouse=True)
def instance(settings, tmp_path, transactional_db):
    settings.TIZIM_HOME = tmp_path / "home"
    settings.MEDIA_ROOT = tmp_path / "home" / "media"
    settings.TIZIM_KEY_KDF = "min"
    # The shipped limits, whatever the environment says.
    settings.REPORT_RATE_PER_SENDER = 10
    settings.REPORT_RATE_OVERALL = 2000
    settings.FOLLOW_UP_RATE_PER_SENDER = 60
    settings.WRONG_PHRASES_PER_SENDER = 10
    user = get_user_model().objects.create_user("rev", password="a long test password 42")
    set_role(user, Role.REVIEWER, actor="test")
    create_recipient_key(user, "a long test password 42", actor="test")
    report_views._limits = None
    yield
    report_views._limits = None


class Sender:
    """Requests from one loopback address, carrying a CSRF cookie and token got once."""

    def __init__(self, base: str, address: str, csrf: tuple[str, str]) -> None:
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.address = address
        self.cookie, self.token = csrf

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=60, source_address=(self.address, 0)
        )
        try:
            connection.request(
                "POST",
                path,
                body=body,
                headers={"Content-Type": content_type, "Cookie": f"csrftoken={self.cookie}"},
            )
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def follow_up(self, phrase: str) -> int:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, "phrase": phrase})
        return self.post(
            "/en/report/follow-up/", body.encode(), "application/x-www-form-urlencoded"
        )[0]

    def report(self, name: str = "Сейтқали Айгерім") -> tuple[int, str]:
        content_type, body = multipart_body(
            {"csrfmiddlewaretoken": self.token, "person_name": name, "what_happened": "missing"},
            {},
        )
        return self.post("/en/report/", body, content_type)


def csrf_of(base: str) -> tuple[str, str]:
    """A CSRF cookie and a form token that goes with it."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port or 80, timeout=30)
    connection.request("GET", "/en/report/follow-up/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    connection.close()
    assert cookie and token
    return cookie.group(1), token.group(1)


def test_thousands_of_follow_ups_from_many_addresses_leave_the_form_open(live_server):
    csrf = csrf_of(live_server.url)
    senders = [
        Sender(live_server.url, f"127.0.{n // 250 + 1}.{n % 250 + 1}", csrf) for n in range(205)
    ]

    def ten_wrong_phrases(sender: Sender) -> list[int]:
        return [sender.follow_up(WRONG_PHRASE) for _ in range(10)]

    with ThreadPoolExecutor(2) as pool:
        codes = [code for codes in pool.map(ten_wrong_phrases, senders) for code in codes]
    assert len(codes) == 2050 and set(codes) == {404}

    status, page = Sender(live_server.url, "127.0.9.9", csrf).report()
    assert status == 200 and 'id="receipt-phrase"' in page
    assert Report.objects.count() == 1


def test_wrong_phrases_are_limited_but_never_stop_a_new_report(live_server):
    guesser = Sender(live_server.url, "127.0.5.5", csrf_of(live_server.url))
    assert [guesser.follow_up(WRONG_PHRASE) for _ in range(10)] == [404] * 10
    assert guesser.follow_up(WRONG_PHRASE) == 429  # the eleventh guess within the hour

    status, page = guesser.report()
    assert status == 200 and 'id="receipt-phrase"' in page
    phrase = re.search(r'id="receipt-phrase">([^<]+)<', page).group(1)  # type: ignore[union-attr]
    # Even the right phrase waits now: guesses are limited whatever they guess.
    assert guesser.follow_up(phrase) == 429
    csrf = (guesser.cookie, guesser.token)
    assert Sender(live_server.url, "127.0.5.6", csrf).follow_up(phrase) == 200


def test_past_the_overall_budget_a_new_address_is_slowed_not_refused(live_server, settings):
    settings.REPORT_RATE_OVERALL = 2
    settings.REPORT_BUSY_PACE_SECONDS = 0.5
    report_views._limits = None
    csrf = csrf_of(live_server.url)
    codes = [Sender(live_server.url, f"127.0.7.{n}", csrf).report()[0] for n in range(1, 6)]
    assert codes == [200] * 5
    assert Report.objects.count() == 5
