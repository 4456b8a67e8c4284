"""What apps above the registry lend it, registered when they start (in their
``AppConfig.ready``), so that the registry never imports them: which membership changes a
reviewer's pair decision holds in place, and how to link records the registry has just
admitted. Without a provider (the registry alone) nothing is held and nothing is linked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Linked:
    """What linking newly admitted records did: how many joined persons already in the
    registry and how many wait for a reviewer; ``busy`` when another linkage run was going."""

    joined_existing: int = 0
    for_review: int = 0
    busy: bool = False


_held_by: list[Callable[[], Iterable[int]]] = []
_linker: list[Callable[[str], Linked]] = []


def hold_changes(provider: Callable[[], Iterable[int]]) -> None:
    """Register ``provider``: the ids of membership changes that only their owner may undo."""
    _held_by.append(provider)


def held_change_ids() -> set[int]:
    """The ids of membership changes some app holds in place (a reviewer's decision)."""
    return {change_id for provider in _held_by for change_id in provider()}


def lend_linker(linker: Callable[[str], Linked]) -> None:
    """Register how records admitted since the last link run are linked, for ``actor``."""
    _linker[:] = [linker]


def link_admitted(actor: str) -> Linked | None:
    """Link the records admitted since the last run; None when no linker is registered."""
    return _linker[0](actor) if _linker else None
