"""App configuration for linkage."""

from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "tizim.linkage"
    label = "linkage"
    verbose_name = "Linkage"
