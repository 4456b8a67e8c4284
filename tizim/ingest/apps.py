"""App configuration for ingest (articles in, claims and persons out)."""

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_triggers(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from tizim.ingest.triggers import install_text_immutability_trigger

    install_text_immutability_trigger(using)


class IngestConfig(AppConfig):
    name = "tizim.ingest"
    label = "ingest"
    verbose_name = "Articles"

    def ready(self) -> None:
        post_migrate.connect(_install_triggers, sender=self)
