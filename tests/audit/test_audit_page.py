"""The audit log's staff page over real HTTP: admins see the checkpoint to keep elsewhere."""

from __future__ import annotations

import html
import io
import re

import pytest

from tests.factories import STAFF_PASSWORD, make_source, make_staff
from tests.http_client import Browser
from tizim.audit.selectors import current_checkpoint

pytestmark = pytest.mark.django_db(transaction=True)


def test_admins_see_a_checkpoint_that_verify_accepts(live_server):
    make_staff("chief", "admin")
    make_source("ngo-sheet")
    browser = Browser(live_server.url)
    assert browser.login("chief", STAFF_PASSWORD).status == 200
    page = browser.get("/audit/")
    assert page.status == 200
    assert 'href="/audit/"' in page.text  # in the menu
    found = re.search(r'<pre class="checkpoint" id="checkpoint">([^<]+)</pre>', page.text)
    assert found
    line = html.unescape(found.group(1))
    assert line.startswith(f"tizim-audit-checkpoint entries={current_checkpoint().entries} ")
    assert "source.create" in page.text

    from tizim.cli import main

    out = io.StringIO()
    assert main(["audit", "verify", "--checkpoint", line], out=out) == 0, out.getvalue()


@pytest.mark.parametrize("role", ["reviewer", "volunteer", "analyst"])
def test_other_roles_are_refused(live_server, role):
    make_staff("someone", role)
    browser = Browser(live_server.url)
    browser.login("someone", STAFF_PASSWORD)
    response = browser.get("/audit/")
    assert response.status == 403
    assert "checkpoint" not in response.text


def test_anonymous_visitors_are_sent_to_log_in(live_server):
    response = Browser(live_server.url).get("/audit/", follow=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login/")
