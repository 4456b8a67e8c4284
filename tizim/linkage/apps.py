"""App configuration for linkage."""

from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "tizim.linkage"
    label = "linkage"
    verbose_name = "Linkage"

    def ready(self) -> None:
        """Lend the registry what it needs of linkage without importing it: the changes
        reviewers' decisions hold, and linking the records it admits."""
        from tizim.linkage.incremental import link_admitted_records
        from tizim.linkage.selectors import pair_decision_changes
        from tizim.registry import providers

        providers.hold_changes(pair_decision_changes)
        providers.lend_linker(link_admitted_records)
