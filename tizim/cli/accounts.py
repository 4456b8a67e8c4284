"""``tizim user …``: staff users, their roles and passwords."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any, TextIO

from tizim.cli.base import EXIT_OK, CommandError, print_table, require_initialised, setup_django

# Mirrors accounts.roles.Role, for --help before Django is set up.
ROLES = ("admin", "reviewer", "volunteer", "analyst", "partner")


def password_for(username: str) -> str:
    """The password for a new or reset user: from TIZIM_ADMIN_PASSWORD, else asked twice."""
    password = os.environ.get("TIZIM_ADMIN_PASSWORD", "")
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError("no password: set TIZIM_ADMIN_PASSWORD or run in a terminal to be asked")
    password = getpass.getpass(f"password for {username}: ")
    if password != getpass.getpass("again: "):
        raise CommandError("the two passwords differ")
    return password


def ensure_user(
    username: str, password: str, *, admin: bool = False, role: str | None = None
) -> None:
    """Create ``username`` or reset its password; give it ``role`` (or keep its role).

    ``admin`` is role admin and also superuser. A new user without a role is a data-entry
    volunteer. A user who may unseal gets a recipient key wrapped with the password (a reset
    gives a new key: nobody can unwrap the old one).
    """
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from tizim.accounts import services as accounts
    from tizim.accounts.roles import Role, parse_role, user_role

    try:
        wanted = Role.ADMIN if admin else parse_role(role) if role else None
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    with transaction.atomic():
        user, created = accounts.account(username)
        if created:
            wanted = wanted or Role.VOLUNTEER
        if wanted is not None and (wanted != user_role(user) or admin):
            accounts.set_role(user, wanted, actor="cli")
        if admin and not user.is_superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        try:
            accounts.set_password(user, password, actor="cli")
        except ValidationError as exc:
            raise CommandError("password refused: " + " ".join(exc.messages)) from None


def cmd_user_add(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim user add``: create a staff user or reset its password."""
    setup_django()
    require_initialised()
    ensure_user(args.username, password_for(args.username), admin=args.admin, role=args.role)
    from django.contrib.auth import get_user_model

    from tizim.accounts.roles import requires_two_factor, user_role
    from tizim.accounts.selectors import active_key, has_two_factor

    user = get_user_model().objects.get(username=args.username)
    role = user_role(user)
    print(
        f"user '{args.username}' ready: role {role.value if role else 'none'}"
        f"{' (superuser)' if user.is_superuser else ''}",
        file=out,
    )
    key = active_key(user)
    if key is not None:
        print(f"recipient key fingerprint: {key.fingerprint}", file=out)
    if requires_two_factor(user) and not has_two_factor(user):
        print(
            "two-factor login is required for this role: at the first login the user sets up "
            "an authenticator app",
            file=out,
        )
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim user list``: users with their role, two-factor status and key fingerprint."""
    setup_django()
    require_initialised()
    from tizim.accounts.selectors import staff_accounts

    rows = [
        [
            a.username,
            (a.role.value if a.role else "-") if a.active else "disabled",
            "yes" if a.two_factor else "no",
            a.fingerprint or "-",
        ]
        for a in staff_accounts()
    ]
    print_table(["user", "role", "2FA", "recipient key"], rows, out)
    return EXIT_OK


def cmd_user_role(args: argparse.Namespace, out: TextIO) -> int:
    """``tizim user role``: give a user a role."""
    setup_django()
    require_initialised()
    from django.contrib.auth import get_user_model

    from tizim.accounts import services as accounts
    from tizim.accounts.roles import can_unseal, parse_role, requires_two_factor
    from tizim.accounts.selectors import active_key, has_two_factor

    try:
        role = parse_role(args.role)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    user = get_user_model().objects.filter(username=args.username).first()
    if user is None:
        raise CommandError(f"no user '{args.username}': add it with 'tizim user add'")
    accounts.set_role(user, role, actor="cli")
    print(f"user '{args.username}' now has role {role.value}", file=out)
    if can_unseal(user) and active_key(user) is None:
        print(
            "a recipient key is made at the user's next login (it needs their password)", file=out
        )
    if requires_two_factor(user) and not has_two_factor(user):
        print("the user sets up an authenticator app at their next login", file=out)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Add the ``user`` subcommands to ``sub`` (the subparsers of ``tizim``)."""
    p = sub.add_parser("user", help="manage staff users")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    pa = usub.add_parser(
        "add",
        help="create a staff user or reset its password "
        "(password from TIZIM_ADMIN_PASSWORD or asked)",
    )
    pa.add_argument("username")
    pa.add_argument(
        "--role",
        choices=ROLES,
        help="admin, reviewer, volunteer (data entry), analyst (aggregates only) or partner; "
        "a new user defaults to volunteer, an existing one keeps its role",
    )
    pa.add_argument("--admin", action="store_true", help="role admin, and superuser")
    pa.set_defaults(func=cmd_user_add)
    pa = usub.add_parser("list", help="users with their role, 2FA and recipient key fingerprint")
    pa.set_defaults(func=cmd_user_list)
    pa = usub.add_parser("role", help="give a user a role")
    pa.add_argument("username")
    pa.add_argument("role", choices=ROLES)
    pa.set_defaults(func=cmd_user_role)
