"""App configuration for acts."""

from django.apps import AppConfig


class ActsConfig(AppConfig):
    name = "tizim.acts"
    label = "acts"
    verbose_name = "Acts and evidence"
