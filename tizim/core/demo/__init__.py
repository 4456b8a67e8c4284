"""The demo data generator: a FICTIONAL crackdown in Kazakhstan-like geography, told by several
overlapping lists in the shapes real ones take, with the ground truth kept beside them.

FICTIONAL DEMO DATA – not real people. Names are random combinations of common Kazakh and
Russian given names, surnames and fathers' names; the events and the lists are invented.

The lists, in import order:

1. ``ngo-sheet-week1``: a lawyers' NGO's shared sheet in Russian Cyrillic (Kazakh letters
   folded), names in several orders and cases, births as dates, years or ages, a few typos and
   four deliberately broken rows (an empty row, a date of 31.02.2022, a status of ``???``, a row
   with only a name and its №).
2. ``ngo-sheet-week2``: the same sheet re-sent a week later: the same rows in the same order
   with the same № ids, about 10% of statuses moved on along the person's timeline (the rest of
   such a row kept exactly as typed), three rows deleted and about 5% new rows appended.
3. ``radio-list``: a radio station's list of the dead in Kazakh Cyrillic, given name first.
4. ``official-list``: the government's list of the dead, surname in capitals, often initials.
5. ``press-list``: an English press list, each row in its writer's transliteration habits.
6. ``web-form``: relatives' reports in Kazakh, Russian or English, some people reported twice.

Ground truth: ``truth[(source name, row number)] = person_id``, the row number being the one a
spreadsheet shows (header = row 1, first data row = 2). Every row that describes a person is
in it, the broken ones included (their name is right even where a date or status is not); only
the empty row is absent.

Its modules: ``vocabulary`` (the words, data only), ``spelling``, ``people``, ``lists`` and
``dataset`` (``generate_demo``, ``write_demo``). The generator has its own small
transliteration and must stay independent of the name matcher it is used to evaluate: it
imports nothing from tizim but the vocabulary of fates.
"""
