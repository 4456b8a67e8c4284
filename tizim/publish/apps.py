"""App configuration for the public site."""

from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "tizim.publish"
    label = "publish"
    verbose_name = "Public site"

    def ready(self) -> None:
        from tizim.publish.services import on_persons_refreshed
        from tizim.registry.signals import persons_refreshed

        # Listings follow their persons through merges, splits and new versions of rows.
        persons_refreshed.connect(on_persons_refreshed, dispatch_uid="publish.refresh_listings")
