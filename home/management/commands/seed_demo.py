"""python manage.py seed_demo: load the demo site. Safe to run again: it changes nothing.

The demo accounts (a superuser and a member of each staff group, and two forum parents) share
one password, printed here: fine on a laptop, an open door on a live site. So with DEBUG off the
command refuses, unless told `--i-know-this-is-production`, and then loads the content only and
makes no accounts. The refusal is here, not in the seeding functions, which the tests use."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from consultation.seeding import demo_responses_seed
from core.seeding import DEMO_STAFF
from home.demo import demo_seed_all

PRODUCTION_FLAG = "--i-know-this-is-production"


class Command(BaseCommand):
    help = (
        "Load the demo content (the Leicester strategy briefing) and, with DEBUG on, demo staff and forum "
        f"accounts that share one password. With DEBUG off it refuses unless given {PRODUCTION_FLAG}, and "
        "then makes no accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            PRODUCTION_FLAG,
            action="store_true",
            dest="production",
            help="Load the demo content on a live site: pages, surveys, events and figures, but no accounts.",
        )

    def handle(self, *args, production: bool = False, **options):
        if not settings.DEBUG and not production:
            raise CommandError(
                "DEBUG is off, so this looks like a live site, and the demo accounts would share one password. "
                f"Nothing was loaded. To load the demo content without any accounts, run it again with "
                f"{PRODUCTION_FLAG}; create your own administrator with: python manage.py createsuperuser"
            )
        if production:
            demo_seed_all(accounts=False)
            self.stdout.write(self.style.SUCCESS("Demo content is loaded. No accounts were made."))
            self.stdout.write("Create an administrator with: python manage.py createsuperuser")
            return

        username, password = demo_seed_all()
        # Made-up survey responses, so the results report shows something: on a developer's
        # machine only, never on a live site, where they could be read as real.
        demo_responses_seed()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(f"Admin: {settings.SITE_URL}/admin/  username: {username}")
        if password:
            others = ", ".join(name for name, group in DEMO_STAFF if group)
            self.stdout.write(f"Password: {password}  (also for: {others})")
            self.stdout.write(
                f"Parent forum: {settings.SITE_URL}/accounts/login/  parent1@example.com or parent2@example.com,"
                " same password"
            )
        else:
            self.stdout.write("Password: unchanged. Set a new one with: python manage.py changepassword admin")
