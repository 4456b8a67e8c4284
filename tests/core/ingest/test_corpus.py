"""The extractor against the 33-text corpus written by hand (``tests/ingest/data/corpus``): the
goals hold per language there, so a rule that breaks a case the corpus covers fails here. (How it
does on texts it has not seen: ``bench/ingest_eval.py`` on the held-out sets, in
docs/benchmarks.md.)"""

from __future__ import annotations

import pytest

from bench.ingest_eval import CORPUS, evaluate


@pytest.fixture(scope="module")
def totals():
    return evaluate(CORPUS, verbose=False)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_claims_and_persons_reach_the_goals_on_the_corpus(totals, language):
    claims, persons = totals[language]["claims"], totals[language]["persons"]
    matched, expected, proposed, _ = claims
    assert matched / proposed >= 0.95 and matched / expected >= 0.90, claims
    matched, expected, proposed, _ = persons
    assert matched / proposed >= 0.90 and matched / expected >= 0.85, persons


#: What the held-out sets are read as now, once rules were written for what most showed and
#: the second readers were trained on them all (the first looks, and each set read by a model
#: trained without it, are in docs/benchmarks.md): a change that loses one of these fails here.
HELD_OUT_FOUND = {  # claims found, persons found; share of the persons proposed that are
    # victims, and of the claims proposed that are figures (the second readers' too)
    "corpus-heldout": (23, 15, 0.9, 0.9),
    "corpus-heldout-2": (15, 11, 0.9, 0.85),
    "corpus-heldout-3": (16, 6, 0.9, 0.9),
    "corpus-heldout-4": (38, 15, 0.9, 0.95),
    "corpus-heldout-5": (75, 34, 0.9, 0.95),
    "corpus-heldout-6": (72, 27, 0.9, 0.95),
    "corpus-heldout-7": (133, 51, 0.9, 0.95),
    "corpus-heldout-8": (134, 59, 0.9, 0.9),
    "corpus-heldout-9": (115, 50, 0.85, 0.85),
    "corpus-heldout-10": (89, 67, 0.9, 0.9),
    "corpus-heldout-11": (140, 47, 0.9, 0.9),
    "corpus-heldout-12": (130, 46, 0.9, 0.85),
    "corpus-heldout-13": (127, 39, 0.9, 0.95),
    "corpus-heldout-14": (130, 46, 0.9, 0.95),
    "corpus-heldout-15": (131, 56, 0.8, 0.85),
    "corpus-heldout-16": (100, 42, 0.75, 0.8),
    "corpus-heldout-17": (123, 46, 0.85, 0.85),
    "corpus-heldout-18": (116, 39, 0.75, 0.9),
    "corpus-heldout-19": (127, 36, 0.85, 0.85),
    "corpus-heldout-21": (75, 43, 0.9, 0.85),
    "corpus-heldout-22": (67, 39, 0.8, 0.85),
    "corpus-heldout-23": (100, 47, 0.85, 0.8),
    "corpus-heldout-24": (112, 31, 0.85, 0.85),
    "corpus-heldout-25": (82, 39, 0.8, 0.8),
    "corpus-heldout-26": (91, 43, 0.85, 0.85),
    "corpus-heldout-27": (120, 45, 0.85, 0.9),
    "corpus-heldout-28": (65, 38, 0.75, 0.85),
    "corpus-heldout-29": (100, 41, 0.9, 0.9),
    "corpus-heldout-30": (98, 43, 0.9, 0.9),
    "corpus-heldout-31": (56, 45, 0.9, 0.85),
    "corpus-heldout-32": (118, 46, 0.95, 0.9),
    "corpus-heldout-33": (88, 38, 0.8, 0.85),
    "corpus-heldout-34": (77, 51, 0.9, 0.8),
    "corpus-heldout-35": (82, 37, 0.85, 0.85),
    "corpus-heldout-36": (84, 38, 0.9, 0.8),
    # (three who "had spent the investigation under house arrest" are custody by the annotation
    # page, not in the set's list)
    "corpus-heldout-37": (116, 54, 0.95, 0.85),
    "corpus-heldout-38": (49, 29, 0.95, 0.85),
    "corpus-heldout-39": (125, 37, 0.9, 0.85),
    "corpus-heldout-40": (103, 50, 0.95, 0.85),
    "corpus-heldout-41": (104, 53, 0.9, 0.8),
    "corpus-heldout-42": (70, 25, 0.8, 0.9),
    "corpus-heldout-43": (102, 40, 0.9, 0.9),
    "corpus-heldout-44": (106, 41, 0.85, 0.95),
    "corpus-heldout-45": (103, 40, 0.9, 0.9),
    "corpus-heldout-46": (79, 45, 0.95, 0.85),
    "corpus-heldout-47": (90, 37, 0.9, 0.8),
    "corpus-heldout-48": (78, 45, 0.9, 0.85),
    "corpus-heldout-49": (77, 50, 0.85, 0.9),
    "corpus-heldout-50": (81, 37, 0.9, 0.9),
    "corpus-heldout-51": (79, 48, 0.9, 0.85),
    "corpus-heldout-52": (85, 41, 0.9, 0.85),
    "corpus-heldout-53": (75, 40, 0.8, 0.8),
    "corpus-heldout-54": (104, 40, 0.9, 0.85),
    "corpus-heldout-55": (83, 29, 0.8, 0.85),
    "corpus-heldout-56": (86, 42, 0.85, 0.85),
    "corpus-heldout-57": (78, 38, 0.85, 0.85),
    "corpus-heldout-58": (69, 30, 0.8, 0.8),
    "corpus-heldout-59": (72, 29, 0.9, 0.85),
    "corpus-heldout-60": (67, 22, 0.85, 0.85),
    "corpus-heldout-61": (83, 46, 0.85, 0.85),
    "corpus-heldout-62": (125, 40, 0.9, 0.75),
    "corpus-heldout-63": (76, 31, 0.8, 0.85),
    "corpus-heldout-64": (112, 47, 0.95, 0.85),
    "corpus-heldout-65": (73, 40, 0.8, 0.8),
    "corpus-heldout-66": (57, 33, 0.9, 0.9),
    "corpus-heldout-67": (60, 40, 0.8, 0.9),
    "corpus-heldout-68": (166, 33, 0.7, 0.9),
    "corpus-heldout-69": (77, 75, 0.85, 0.8),
    "corpus-heldout-70": (110, 23, 0.9, 0.9),
    "corpus-heldout-71": (127, 31, 0.8, 0.8),
    "corpus-heldout-72": (93, 36, 0.9, 0.9),
    "corpus-heldout-73": (102, 51, 0.95, 0.85),
    "corpus-heldout-74": (99, 32, 0.9, 0.85),
    "corpus-heldout-75": (103, 40, 0.9, 0.9),
    "corpus-heldout-76": (96, 34, 0.9, 0.95),
    "corpus-heldout-77": (87, 29, 0.8, 0.9),
    "corpus-heldout-78": (88, 28, 0.8, 0.85),
    "corpus-heldout-79": (62, 18, 0.7, 0.95),
    "corpus-heldout-80": (90, 17, 0.8, 0.85),
    "corpus-heldout-81": (87, 18, 0.9, 0.95),
    "corpus-heldout-82": (52, 61, 0.9, 0.75),
    "corpus-heldout-83": (57, 29, 0.85, 0.85),
    "corpus-heldout-84": (68, 30, 0.9, 0.85),
    "corpus-heldout-85": (56, 30, 0.95, 0.95),
    "corpus-heldout-86": (62, 37, 0.95, 0.9),
    "corpus-heldout-87": (67, 26, 0.8, 0.9),
}


@pytest.mark.parametrize(("folder", "found"), sorted(HELD_OUT_FOUND.items()))
def test_the_held_out_sets_keep_what_they_are_read_as(folder, found):
    totals = evaluate(CORPUS.parent / folder, verbose=False)
    claims = sum(totals[language]["claims"][0] for language in ("en", "ru", "kk"))
    persons = sum(totals[language]["persons"][0] for language in ("en", "ru", "kk"))
    proposed = sum(totals[language]["persons"][2] for language in ("en", "ru", "kk"))
    figures = sum(totals[language]["claims"][2] for language in ("en", "ru", "kk"))
    assert claims >= found[0] and persons >= found[1]
    assert persons / proposed >= found[2]  # people proposed are victims, not speakers
    assert claims / figures >= found[3]  # numbers proposed are figures, not years or ages
