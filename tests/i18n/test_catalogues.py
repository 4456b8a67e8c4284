"""The kk and ru catalogues: every msgid translated, none fuzzy, none missing from the code's
strings, and the committed .mo files compiled from the .po files as they are."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

polib = pytest.importorskip("polib", reason="polib is not installed")

PACKAGE = Path(__file__).parents[2] / "tizim"
LOCALES = ("kk", "ru")
needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None,
    reason="GNU gettext (msgfmt, xgettext) is not installed",
)


def catalogue(package: Path, language: str) -> polib.POFile:
    return polib.pofile(str(package / "locale" / language / "LC_MESSAGES" / "django.po"))


def keys(po: polib.POFile) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete}


@pytest.mark.parametrize("language", LOCALES)
def test_every_msgid_is_translated_and_none_is_fuzzy(language):
    po = catalogue(PACKAGE, language)
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in po if not e.obsolete and "fuzzy" in e.flags]
    assert untranslated == [] and fuzzy == []


@needs_gettext
def test_catalogues_hold_every_string_of_the_code_and_templates(tmp_path):
    """``makemessages`` over a copy of the package adds nothing the committed .po lacks: a new
    translatable string in a template or module fails here until it is translated."""
    copy = tmp_path / "tizim"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--settings=tizim.settings"]
        + [f"-l{language}" for language in LOCALES]
        + ["--no-obsolete", "--add-location=file"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for language in LOCALES:
        collected = keys(catalogue(copy, language))
        committed = keys(catalogue(PACKAGE, language))
        assert collected - committed == set(), f"{language}: run make messages and translate"
        assert committed - collected == set(), f"{language}: msgids no longer in the code"


@needs_gettext
@pytest.mark.parametrize("language", LOCALES)
def test_committed_mo_is_compiled_from_the_po(tmp_path, language):
    folder = PACKAGE / "locale" / language / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(folder / "django.po")],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (folder / "django.mo").read_bytes(), "run make messages"
