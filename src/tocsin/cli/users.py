"""tocsin users add / list: roles (admin, analyst, viewer)."""

from __future__ import annotations

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, format_option
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
