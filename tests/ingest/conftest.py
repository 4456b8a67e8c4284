"""Shared set-up of the ingest tests: staff of each role and two fictional articles read."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import make_staff
from tizim.core.ingest import extract
from tizim.core.ingest.readers import Document
from tizim.ingest import services

#: Two fictional reports of one figure, and a person told of with a speaker beside him.
FIRST = (
    "Taraz, 14 January 2022. On Tuesday the regional police said that at least 40 people were "
    "detained in Taraz. Activist Serik Abenov, 34, was detained on 5 January and beaten in the "
    "police station, his lawyer Dana Kemelova said."
)
SECOND = (
    "Human rights groups repeat the police figure: at least 40 people were detained in Taraz. "
    "Relatives of Nurlan Beisenov say he has been missing since 6 January."
)


@pytest.fixture
def staff(transactional_db):
    return {role: make_staff(role[:3], role) for role in ("reviewer", "volunteer", "analyst")}


def read(source: str, text: str, published: datetime.date):
    """Store ``text`` under ``source`` as the CLI does."""
    extraction = extract(text, published=published)
    return services.store_article(
        source, Document(text, "text", published), extraction, published=published, actor="test"
    ).article


@pytest.fixture
def articles(transactional_db):
    first = read("taraz-police", FIRST, datetime.date(2022, 1, 14))
    second = read("rights-digest", SECOND, datetime.date(2022, 1, 20))
    return first, second
