"""Seeding helpers every app's demo loader uses, and the demo's wards and staff accounts.

Every step creates what is missing and leaves what exists alone, so running it again changes
nothing.
"""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Page

from . import demo_content as demo
from .models import Ward
from .staff_groups import DATA_PROTECTION, EDITORS, FORUM_MODERATORS, OFFICERS, SAFEGUARDING

# Demo staff: one account per group, all sharing the printed demo password.
DEMO_STAFF = [
    ("admin", None),
    ("editor", EDITORS),
    ("officer", OFFICERS),
    ("moderator", FORUM_MODERATORS),
    ("safeguarding", SAFEGUARDING),
    ("dataprotection", DATA_PROTECTION),
]


def publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child_by_slug(parent: Page, slug: str):
    """The child page of `parent` with this slug, as its own type, or None."""
    return parent.get_children().filter(slug=slug).specific().first()


def wards_seed() -> None:
    """The council's wards."""
    for name in demo.WARDS:
        Ward.objects.get_or_create(slug=slugify(name), defaults={"name": name})


def staff_seed(*, credentials_file: Path) -> tuple[str, str | None]:
    """The demo staff accounts. Returns the demo password: new if the accounts were just made,
    read back from the credentials file otherwise (None if that file is gone). An account a
    later version added to the demo is made on an older demo database too, with the same
    password (with none that signs in, if the password file is gone)."""
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        password = credentials_file.read_text().strip() if credentials_file.exists() else None
        _staff_accounts_make(password, existing=set(User.objects.values_list("username", flat=True)))
        return "admin", password

    password = secrets.token_urlsafe(12)
    _staff_accounts_make(password, existing=set())
    credentials_file.parent.mkdir(parents=True, exist_ok=True)
    credentials_file.write_text(password + "\n")
    credentials_file.chmod(0o600)
    return "admin", password


def _staff_accounts_make(password: str | None, *, existing: set[str]) -> None:
    User = get_user_model()
    for username, group_name in DEMO_STAFF:
        if username in existing:
            continue
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            is_staff=group_name is None,
            is_superuser=group_name is None,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
