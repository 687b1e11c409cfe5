"""tocsin users add / list: roles (admin, analyst, viewer)."""

from __future__ import annotations

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, format_option
from tocsin.store.audit import actor
from tocsin.store.users import ROLES


@cli.group("users")
def users_group() -> None:
    """Who may do what in this store. With no users, its one user does everything."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.pass_obj
def add_cmd(obj: Context, name: str, role: str) -> None:
    """Give NAME a role (the first user must be an admin)."""
    obj.require("admin", "managing users")
    obj.store.set_role(name, role)
    console.print(f"{name}: {role}")


@users_group.command("list")
@format_option
@click.pass_obj
def list_cmd(obj: Context, fmt: str) -> None:
    """Users and their roles."""
    obj.require("admin", "listing users")
    emit(obj.store.users(), fmt, ["name", "role", "created_at", "created_by"])


def _self_or_admin(obj: Context, name: str, what: str) -> None:
    if name != actor():
        obj.require("admin", f"{what} for someone else")
    elif obj.store.role_of(name) is None:
        obj.require("admin", what)  # says who can help


@users_group.command("password")
@click.argument("name")
@click.password_option(
    "--password", envvar="TOCSIN_PASSWORD", help="Asked for, hidden, when not given."
)
@click.pass_obj
def password_cmd(obj: Context, name: str, password: str) -> None:
    """Set NAME's password for the web desk (yours, or anyone's if you are an admin).
    Open desk sessions of NAME end."""
    _self_or_admin(obj, name, "setting a password")
    obj.store.set_password(name, password)
    console.print(f"{name}: password set")


@users_group.command("token")
@click.argument("name")
@click.option("--label", required=True, help="What the token is for (kept, shown in the log).")
@click.pass_obj
def token_cmd(obj: Context, name: str, label: str) -> None:
    """A new API token for NAME (`Authorization: Bearer TOKEN` on /api/v1). Shown once:
    only its hash is kept."""
    _self_or_admin(obj, name, "issuing a token")
    if obj.store.role_of(name) is None or not obj.store.has_users():
        raise click.UsageError(
            f"{name} has no role in this store: tocsin users add {name} --role …"
        )
    print(obj.store.issue_credential(name, "token", label))
