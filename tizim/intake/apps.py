"""App configuration for intake."""

from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "tizim.intake"
    label = "intake"
    verbose_name = "Intake"
