"""Correcting where it is seen, over real HTTP: the person page's merge (found by name in
another script), split, undo, notes and record corrections; the quarantine's fix; sources added
and edited; who may do what."""

from __future__ import annotations

import datetime
import re
import urllib.parse

import pytest

from tests.factories import import_rows, make_staff
from tests.http_client import Browser
from tests.registry.test_corrections import ROWS
from tizim.registry.models import PersonNote, Record, RecordCorrection, Source

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password 42"


@pytest.fixture
def rows(tmp_path, transactional_db, settings):
    settings.TIZIM_HOME = tmp_path
    import_rows(tmp_path, ROWS[:2], obtained_on=datetime.date(2022, 1, 10))
    import_rows(
        tmp_path,
        [("Yerlan Serikbayev", "36", "Almaty", "detained", "January 8, 2022")],
        source="press-list",
        headers=("Name", "Age", "City", "Status", "Date"),
        filename="press.csv",
    )
    return {r.source.name: r for r in Record.objects.filter(quarantine_reason="")}


def logged_in(live_server, role: str) -> Browser:
    make_staff(role, role, PASSWORD)
    browser = Browser(live_server.url)
    assert browser.login(role, PASSWORD).status == 200
    return browser


def post(browser: Browser, page: str, action: str, data: dict[str, str]):
    data = {"csrfmiddlewaretoken": browser.csrf_token(page), **data}
    return browser.post(action, data)


def test_reviewer_merges_found_by_name_in_another_script_then_undoes(live_server, rows):
    browser = logged_in(live_server, "reviewer")
    ngo, press = rows["ngo-sheet"], rows["press-list"]
    page = f"/persons/{ngo.person.public_id}/"
    found = browser.get(f"{page}?find={urllib.parse.quote('Серикбаев')}")
    assert press.person.public_id in found.text  # Serikbayev found by a Cyrillic search
    response = post(browser, page, f"{page}merge/", {"other": press.person.public_id})
    assert "merged into this person" in response.text
    assert Record.objects.get(pk=press.pk).person_id == ngo.person_id
    change = re.search(r'/undo/(\d+)/"', response.text)
    assert change, "the merge is offered for undo"
    response = post(browser, page, f"{page}undo/{change.group(1)}/", {})
    assert "undone" in response.text
    assert Record.objects.get(pk=press.pk).person_id == press.person_id


def test_reviewer_splits_records_off(live_server, rows):
    browser = logged_in(live_server, "reviewer")
    ngo, press = rows["ngo-sheet"], rows["press-list"]
    page = f"/persons/{ngo.person.public_id}/"
    post(browser, page, f"{page}merge/", {"other": press.person.public_id})
    response = post(
        browser,
        page,
        f"{page}regroup/",
        {"records": str(press.pk), "action": "split", "reason": "born apart"},
    )
    assert response.status == 200
    press.refresh_from_db()
    assert press.person_id not in (ngo.person_id, None)


def test_reviewer_moves_a_record_to_a_person_found_by_name(live_server, rows, tmp_path):
    import_rows(
        tmp_path,
        [("Серикбаев Ерлан", "36", "Алматы", "задержан", "08.01.2022")],
        source="radio-list",
        headers=("Name", "Age", "City", "Status", "Date"),
        filename="radio.csv",
    )
    radio = Record.objects.get(source__name="radio-list")
    browser = logged_in(live_server, "reviewer")
    ngo, press = rows["ngo-sheet"], rows["press-list"]
    page = f"/persons/{ngo.person.public_id}/"
    post(browser, page, f"{page}merge/", {"other": press.person.public_id})
    # Before a search nothing is offered to move to, and a move names what is missing.
    assert 'name="target"' not in browser.get(page).text
    response = post(browser, page, f"{page}regroup/", {"records": str(press.pk), "action": "move"})
    assert "Choose the person to move the records to" in response.text
    # A name search in another script offers the person as a choice, not an id to type.
    searched = f"{page}?find={urllib.parse.quote('Serikbayev')}"
    found = browser.get(searched).text
    choice = re.search(r'name="target" value="([^"]+)"', found)
    assert choice and choice.group(1) == radio.person.public_id
    response = post(
        browser,
        searched,
        f"{page}regroup/",
        {"records": str(press.pk), "action": "move", "target": choice.group(1)},
    )
    assert "can be undone" in response.text
    press.refresh_from_db()
    assert press.person_id == radio.person_id != ngo.person_id


def test_reviewer_corrects_a_field_and_sees_the_correction(live_server, rows):
    browser = logged_in(live_server, "reviewer")
    ngo = rows["ngo-sheet"]
    form = browser.get(f"/records/{ngo.pk}/correct/")
    assert 'value="12.03.1985"' in form.text and "пропал без вести" in form.text  # raw shown
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    values = {
        "csrfmiddlewaretoken": token,
        "full_name": ngo.full_name,
        "sex": ngo.sex,
        "birth_date": "12.03.1985",
        "place": ngo.place_text,
        "fate": "detained",
        "event_date": "06.01.2022",
        "facility": "",
        "notes": "",
        "note": "the family says detained",
    }
    response = browser.post(f"/records/{ngo.pk}/correct/", values)
    assert "Record corrected" in response.text and "missing" in response.text
    new = RecordCorrection.objects.get().corrected
    assert new.fate == "detained" and new.person_id == ngo.person_id
    # an unreadable date is refused on the form, nothing written
    values["fate"], values["event_date"] = "killed", "31.02.2022"
    response = browser.post(f"/records/{new.pk}/correct/", values)
    assert "date" in response.text and RecordCorrection.objects.count() == 1


def test_reviewer_fixes_a_quarantined_row(live_server, rows):
    browser = logged_in(live_server, "reviewer")
    quarantined = Record.objects.exclude(quarantine_reason="").get()
    listing = browser.get("/quarantine/")
    assert f"/records/{quarantined.pk}/fix/" in listing.text
    form = browser.get(f"/records/{quarantined.pk}/fix/")
    assert 'value="31.02.2022"' in form.text  # pre-filled with the raw values
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cells = dict(re.findall(r'name="(cell_\d+)"[^>]*value="([^"]*)"', form.text))
    date_cell = next(k for k, v in cells.items() if v == "31.02.2022")
    cells[date_cell] = "01.02.2022"
    response = browser.post(
        f"/records/{quarantined.pk}/fix/", {"csrfmiddlewaretoken": token, **cells}
    )
    assert "re-admitted" in response.text
    new = Record.objects.get(previous_version=quarantined)
    assert new.quarantine_reason == "" and new.raw_json == quarantined.raw_json
    assert f"/records/{quarantined.pk}/fix/" not in browser.get("/quarantine/").text


def test_volunteer_annotates_but_does_not_correct(live_server, rows):
    browser = logged_in(live_server, "volunteer")
    ngo = rows["ngo-sheet"]
    page = f"/persons/{ngo.person.public_id}/"
    text = browser.get(page).text
    assert (
        "Add the note" in text and "Merge into this person" not in text and "/correct/" not in text
    )
    response = post(browser, page, f"{page}notes/", {"text": "Brother called on 12 January."})
    assert "Brother called on 12 January." in response.text
    assert PersonNote.objects.get().author == "volunteer"
    assert browser.get(f"/records/{ngo.pk}/correct/").status == 403
    denied = browser.post(f"{page}merge/", {"other": rows["press-list"].person.public_id})
    assert denied.status == 403


def test_sources_are_added_and_edited_and_the_import_form_chooses_none(live_server, rows):
    browser = logged_in(live_server, "reviewer")
    upload = browser.get("/imports/")
    assert "choose a source" in upload.text and "/sources/new/?next=import" in upload.text
    assert "selected>ngo-sheet" not in upload.text
    token = browser.csrf_token("/sources/new/?next=import")
    response = browser.post(
        "/sources/new/?next=import",
        {
            "csrfmiddlewaretoken": token,
            "name": "radio-azattyq",
            "kind": "radio_list",
            "title": "Radio list of the dead",
            "language": "ru",
            "obtained_on": "2022-01-20",
            "default_fate": "killed",
        },
    )
    assert 'value="radio-azattyq" selected' in response.text  # back on the import page, chosen
    source = Source.objects.get(name="radio-azattyq")
    assert (source.kind, source.default_fate) == ("radio_list", "killed")
    token = browser.csrf_token("/sources/radio-azattyq/edit/")
    browser.post(
        "/sources/radio-azattyq/edit/",
        {
            "csrfmiddlewaretoken": token,
            "kind": "radio_list",
            "title": "Azattyq: the dead",
            "default_fate": "",
        },
    )
    source.refresh_from_db()
    assert (source.title, source.default_fate) == ("Azattyq: the dead", "")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_new_staff_words_are_translated(lang):
    from django.utils import translation

    with translation.override(lang):
        for text in (
            "Merge into this person",
            "Link the new records now",
            "records that joined persons already in the registry",
            "Fix and re-admit",
            "— choose a source —",
        ):
            assert translation.gettext(text) != text, text
        assert translation.ngettext("%(n)s record", "%(n)s records", 5) != "%(n)s records"
