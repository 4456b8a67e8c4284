"""Staff pages that correct the registry where it is seen: from a person's page (merge, split,
move, undo, correct a record, notes), from the quarantine (fix and re-admit a row) and from the
sources list (add and edit a source). Thin: forms in, services (``person_changes``,
``corrections``, ``annotations``, ``sources``) do the work and check the actor's role."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.registry import annotations as notes
from tizim.registry import corrections, person_changes, selectors
from tizim.registry.errors import RegistryError
from tizim.registry.forms import (
    CorrectionForm,
    FindPersonForm,
    MergeForm,
    NoteForm,
    ReadmitForm,
    RecordsForm,
    SourceForm,
)
from tizim.registry.models import LinkChange, Person, PersonNote, Record, RecordCorrection, Source
from tizim.registry.providers import link_admitted
from tizim.registry.sources import EDITABLE, create_source, update_source


def person_tools(request: HttpRequest, person: Person) -> dict[str, Any]:
    """What the person's page shows to correct it: the forms, the persons a name search found
    (to merge with or move records to), the changes that can be undone, corrections, notes."""
    find = FindPersonForm(request.GET or None)
    found = []
    if find.is_valid() and find.cleaned_data["find"]:
        found = selectors.persons_like(find.cleaned_data["find"], besides=person)
    return {
        "find_form": find,
        "found": found,
        "records_form": RecordsForm(choices=_record_choices(person)),
        "note_form": NoteForm(),
        "undoable": selectors.undoable_changes(person),
        "corrections": selectors.corrections_of(person),
        "notes": selectors.notes_on(person),
    }


def _record_choices(person: Person) -> list[tuple[int, str]]:
    return [
        (r.pk, f"{r.source.name}, {_('row')} {r.row_number}: {r.full_name}")
        for r in selectors.records_of(person)
    ]


def _person(public_id: str) -> Person:
    return get_object_or_404(Person, public_id=public_id)


def _back(public_id: str) -> HttpResponse:
    return redirect("registry:person-detail", public_id=public_id)


@require_perms("registry.change_person")
@require_POST
def merge(request: HttpRequest, public_id: str) -> HttpResponse:
    """Merge the person chosen in the search into this one."""
    person = _person(public_id)
    form = MergeForm(request.POST)
    if form.is_valid():
        other = get_object_or_404(Person, public_id=form.cleaned_data["other"])
        try:
            change = person_changes.merge_into(
                person, other, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except RegistryError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(other)s merged into this person (change #%(change)s, can be undone).")
                % {"other": other.public_id, "change": change.pk},
            )
    return _back(public_id)


@require_perms("registry.change_person")
@require_POST
def regroup(request: HttpRequest, public_id: str) -> HttpResponse:
    """Split the chosen records off into a new person, or move them to another person."""
    person = _person(public_id)
    form = RecordsForm(request.POST, choices=_record_choices(person))
    if not form.is_valid():
        messages.error(request, _("Choose the records first."))
        return _back(public_id)
    chosen, reason = form.cleaned_data["records"], form.cleaned_data["reason"]
    try:
        if request.POST.get("action") == "move":
            target = Person.objects.filter(public_id=form.cleaned_data["target"].strip()).first()
            if target is None:
                raise RegistryError(
                    _(
                        "Choose the person to move the records to: find them by name above, "
                        "then choose them in the list."
                    )
                )
            change = person_changes.move_to(
                person, chosen, target, actor=request.user, reason=reason
            )
        else:
            change = person_changes.split_off(person, chosen, actor=request.user, reason=reason)
    except RegistryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Done (change #%(change)s, can be undone).") % {"change": change.pk}
        )
    return _back(public_id)


@require_perms("registry.change_person")
@require_POST
def undo(request: HttpRequest, public_id: str, change_id: int) -> HttpResponse:
    """Undo a merge, split or move made by hand."""
    change = get_object_or_404(LinkChange, pk=change_id)
    try:
        person_changes.undo(change, actor=request.user)
    except RegistryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Change #%(change)s undone.") % {"change": change.pk})
    return _back(public_id)


@require_perms("registry.add_personnote")
@require_POST
def add_note(request: HttpRequest, public_id: str) -> HttpResponse:
    """Add a staff note to the person."""
    person = _person(public_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            notes.annotate(person, form.cleaned_data["text"], actor=request.user)
        except RegistryError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("The note is empty or too long."))
    return _back(public_id)


@require_perms("registry.add_personnote")
@require_POST
def withdraw_note(request: HttpRequest, public_id: str, note_id: int) -> HttpResponse:
    """Withdraw a note (kept, no longer shown)."""
    note = get_object_or_404(PersonNote, pk=note_id, person__public_id=public_id)
    try:
        notes.withdraw_note(note, actor=request.user)
    except (RegistryError, PermissionDenied) as exc:
        messages.error(request, str(exc))
    return _back(public_id)


@require_perms("registry.view_record", "registry.add_recordcorrection")
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct what was read from a record: a new version, the raw values untouched."""
    record = get_object_or_404(Record.objects.select_related("source", "person"), pk=pk)
    form = CorrectionForm(request.POST or None, initial=corrections.typed_values(record))
    if request.method == "POST" and form.is_valid():
        typed = {k: form.cleaned_data[k] for k in form.changed_data if k != "note"}
        try:
            done = corrections.correct_record(
                record, typed, actor=request.user, note=form.cleaned_data["note"]
            )
        except RegistryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Record corrected: a new version, the row as written kept.")
            )
            person = done.corrected.person
            return _back(person.public_id) if person else redirect("registry:person-list")
    return render(request, "registry/record_correct.html", {"record": record, "form": form})


@require_perms("registry.add_recordcorrection")
@require_POST
def undo_correction(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a correction back (a further version with the reading from before)."""
    correction = get_object_or_404(RecordCorrection, pk=pk)
    try:
        restored = corrections.undo_correction(correction, actor=request.user)
    except RegistryError as exc:
        messages.error(request, str(exc))
        restored = None
    else:
        messages.success(request, _("Correction undone."))
    person = (restored.corrected if restored else correction.corrected).person
    return _back(person.public_id) if person else redirect("registry:quarantine")


@require_perms("registry.view_record", "registry.add_recordcorrection")
def fix_quarantined(request: HttpRequest, pk: int) -> HttpResponse:
    """Fix a quarantined row (its cells as written) and re-admit it, linked like a new row."""
    record = get_object_or_404(Record.objects.select_related("source"), pk=pk)
    form = ReadmitForm(request.POST or None, cells=corrections.raw_cells(record))
    if request.method == "POST" and form.is_valid():
        try:
            done = corrections.readmit_record(
                record, form.cells(), actor=request.user, note=form.cleaned_data["note"]
            )
        except RegistryError as exc:
            form.add_error(None, str(exc))
        else:
            _link_readmitted(request)
            done.corrected.refresh_from_db()
            messages.success(request, _("The row is re-admitted."))
            person = done.corrected.person
            return _back(person.public_id) if person else redirect("registry:quarantine")
    return render(request, "registry/record_fix.html", {"record": record, "form": form})


def _link_readmitted(request: HttpRequest) -> None:
    """Link the re-admitted row at once (a few seconds), unless another linkage is running:
    then the next import or ``tizim link`` links it."""
    try:
        outcome = link_admitted(request.user.get_username())
    except RegistryError as exc:
        messages.error(request, str(exc))
        return
    if outcome is None:
        return
    if outcome.busy:
        messages.info(
            request, _("Another linkage is running: the row will be linked with the next import.")
        )
    elif outcome.joined_existing:
        messages.info(request, _("It joined a person already in the registry."))
    elif outcome.for_review:
        messages.info(
            request, _("It may be a person already in the registry: it waits for review.")
        )


@require_perms("registry.view_source", "registry.add_source")
def source_add(request: HttpRequest) -> HttpResponse:
    """Register a new source (list or channel)."""
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            source = create_source(
                data["name"],
                kind=data["kind"],
                title=data["title"],
                organisation=data["organisation"],
                language=data["language"],
                url=data["url"],
                obtained_on=data["obtained_on"],
                reliability_note=data["reliability_note"],
                default_fate=data["default_fate"],
                actor=request.user.get_username(),
            )
        except RegistryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Source %(name)s added.") % {"name": source.name})
            following = request.GET.get("next", "")
            if following == "import":
                return redirect(f"{reverse('intake:upload')}?source={source.name}")
            return redirect("registry:source-list")
    return render(request, "registry/source_form.html", {"form": form, "source": None})


@require_perms("registry.view_source", "registry.change_source")
def source_edit(request: HttpRequest, name: str) -> HttpResponse:
    """Change what is known about a source."""
    source = get_object_or_404(Source, name=name)
    initial = {field: getattr(source, field) for field in EDITABLE}
    form = SourceForm(request.POST or None, initial=initial, editing=source)
    if request.method == "POST" and form.is_valid():
        try:
            update_source(source, actor=request.user, **form.cleaned_data)
        except RegistryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Source %(name)s saved.") % {"name": source.name})
            return redirect("registry:source-list")
    return render(request, "registry/source_form.html", {"form": form, "source": source})
