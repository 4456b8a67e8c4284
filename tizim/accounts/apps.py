"""App configuration for accounts: roles, recipient keys, two-factor login."""

from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tizim.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from tizim.accounts.roles import sync_roles_after_migrate

        # Not bound to this app as sender: the handler waits for the last app's signal, when
        # every app's permissions exist (see ``sync_roles_after_migrate``).
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="tizim-sync-roles")
