"""What a visitor's browser and the server's log keep of a visit, and how refused requests
look: over real HTTP."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.http_client import Browser
from tests.intake.test_report_pages import FIELDS, multipart
from tizim.intake.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_report_form_sets_only_a_cookie_the_browser_forgets(live_server):
    response = Browser(live_server.url).get("/en/report/")
    cookies = [v for k, v in response.headers.items() if k.lower() == "set-cookie"]
    assert cookies and all(c.startswith("csrftoken=") for c in cookies)
    assert all("max-age" not in c.lower() and "expires" not in c.lower() for c in cookies)


@pytest.mark.parametrize(("value", "secure"), [("1", True), ("", False)])
def test_tizim_https_marks_the_cookies_secure(value, secure):
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)\n"
    )
    env = {**os.environ, "TIZIM_HTTPS": value, "DJANGO_SETTINGS_MODULE": "tizim.settings"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == [str(secure), str(secure)], done.stderr


def test_refused_requests_leave_no_visitor_details_in_the_log(live_server, caplog):
    caplog.set_level(logging.DEBUG)
    request = urllib.request.Request(
        live_server.url + "/en/report/?canary-path", headers={"Host": "canary-host.example"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 400
    logged = "\n".join(r.getMessage() + str(r.exc_info) for r in caplog.records)
    assert "canary-host" not in logged and "canary-path" not in logged


def test_a_post_of_too_many_fields_gets_a_page_in_the_sites_style(live_server):
    fields = {**FIELDS, **{f"field{i}": "x" for i in range(1000)}}
    status, text = multipart("/en/report/", fields, browser=Browser(live_server.url))
    assert status == 400
    assert "The request could not be read" in text and "public.css" in text
    assert "Back to the form" in text
    assert Report.objects.count() == 0


def test_an_over_long_file_name_gets_a_page_in_the_sites_style(live_server):
    browser = Browser(live_server.url)
    status, text = multipart(
        "/ru/report/", FIELDS, [("attachments", "я" * 3000 + ".jpg", b"x")], browser=browser
    )
    assert status == 400
    assert "Запрос не удалось прочитать" in text and "public.css" in text
    assert Report.objects.count() == 0
