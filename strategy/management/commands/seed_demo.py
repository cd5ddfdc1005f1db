"""python manage.py seed_demo: load the demo site. Safe to run again: it changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand

from config.demo import demo_seed_all


class Command(BaseCommand):
    help = "Load the demo content (the Leicester strategy briefing) and demo staff accounts."

    def handle(self, *args, **options):
        username, password = demo_seed_all()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(f"Admin: {settings.SITE_URL}/admin/  username: {username}")
        if password:
            self.stdout.write(f"Password: {password}  (also for: editor, officer, moderator, safeguarding)")
            self.stdout.write(
                f"Parent forum: {settings.SITE_URL}/accounts/login/  parent1@example.com or parent2@example.com,"
                " same password"
            )
        else:
            self.stdout.write("Password: unchanged. Set a new one with: python manage.py changepassword admin")
