"""Signals other apps listen to, so the registry need not know them.

``persons_refreshed`` is sent (inside the transaction of the change) whenever the derived parts
of persons — name shown, fate timeline — are recomputed because records joined or left them:
merges, splits, undos, new versions of a row. The public site keeps its listings in step with
it, and withdraws a publication whose person lost its records or its reason to be listed.
"""

from django.dispatch import Signal

#: Sent with ``person_ids`` (a frozenset of primary keys) after ``refresh_persons``.
persons_refreshed = Signal()
