"""App configuration for estimates."""

from django.apps import AppConfig


class EstimatesConfig(AppConfig):
    name = "tizim.estimates"
    label = "estimates"
    verbose_name = "Numbers and estimates"
