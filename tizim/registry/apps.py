"""App configuration for the registry."""

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegistryConfig(AppConfig):
    name = "tizim.registry"
    label = "registry"
    verbose_name = "Registry"

    def ready(self) -> None:
        post_migrate.connect(_install_triggers, sender=self)


def _install_triggers(sender: Any, using: str = "default", **kwargs: Any) -> None:
    from tizim.registry.triggers import install_raw_immutability_trigger

    install_raw_immutability_trigger(using=using)
