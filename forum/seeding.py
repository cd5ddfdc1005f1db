"""Demo content for the parent forum: the six categories, and two demo parents with a couple
of threads. Creates what is missing and leaves what exists alone."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import Category, Follow, Member, Post, Thread
from .rendering import post_html

CATEGORIES = [
    ("Introductions", "introductions", "Say hello and tell others a little about you, if you want to.", ""),
    ("Getting support", "getting-support", "Ask for help, share what has helped you.", ""),
    ("Schools and education", "schools-and-education", "Exclusions, school moves, talking to teachers.", ""),
    ("Police and the courts", "police-and-the-courts", "What happens next, and how others got through it.", ""),
    ("Bereavement", "bereavement", "For parents who have lost a child.", Category.Restriction.BEREAVED),
    ("Events and meet-ups", "events-and-meet-ups", "Groups, drop-ins and meet-ups near you.", ""),
]

# Demo parents sign in at /accounts/login/ with their email and the demo password.
DEMO_PARENTS = [
    ("parent1", "parent1@example.com", "Sam", True),
    ("parent2", "parent2@example.com", "Jo", False),
]

THREADS = [
    (
        "introductions",
        "parent1",
        "Hello from Braunstone",
        "Hi everyone. My son is 15 and was *stabbed* last year. He is recovering.\n\nI'm here to listen and to learn.",
        [("parent2", "Welcome, Sam. You're not on your own here.")],
    ),
    (
        "schools-and-education",
        "parent2",
        "Managed moves: what to ask the school",
        "Our daughter is being offered a managed move. What should we ask?\n\n- how long is the trial?\n- who decides?",
        [("parent1", "> who decides?\n\nAsk for the panel's terms of reference in writing.")],
    ),
    (
        "events-and-meet-ups",
        "parent1",
        "Coffee morning in Belgrave",
        "There is a parents' coffee morning at the community centre on the first Saturday of the month.",
        [("parent2", "Thank you, I'll try to come along.")],
    ),
]


def categories_seed() -> None:
    for order, (name, slug, description, restricted_to) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order, "restricted_to": restricted_to},
        )


def parents_seed(*, password: str | None) -> dict[str, Member]:
    User = get_user_model()
    members = {}
    now = timezone.now()
    for username, email, display_name, bereaved in DEMO_PARENTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, email=email, password=password)
            if password is None:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        member, _ = Member.objects.get_or_create(
            user=user,
            defaults={
                "display_name": display_name,
                "status": Member.Status.APPROVED,
                "bereaved": bereaved,
                "join_reason": "Demo member.",
                "requested_at": now,
                "decided_at": now,
            },
        )
        members[username] = member
    return members


def threads_seed(*, members: dict[str, Member]) -> None:
    now = timezone.now()
    for index, (slug, starter, title, body, replies) in enumerate(THREADS):
        if Thread.objects.filter(title=title).exists():
            continue
        started = now - timezone.timedelta(days=3 - index)
        thread = Thread.objects.create(
            category=Category.objects.get(slug=slug),
            author=members[starter],
            title=title,
            created_at=started,
            last_post_at=started,
            is_visible=True,
        )
        messages = [(starter, body), *replies]
        for offset, (username, text) in enumerate(messages):
            created = started + timezone.timedelta(hours=offset)
            Post.objects.create(
                thread=thread,
                author=members[username],
                body=text,
                body_html=post_html(text),
                created_at=created,
                approved_at=created,
                notified_at=created,
                status=Post.Status.VISIBLE,
            )
            Follow.objects.get_or_create(member=members[username], thread=thread)
        thread.post_count = len(messages)
        thread.last_post_at = started + timezone.timedelta(hours=len(messages) - 1)
        thread.save(update_fields=["post_count", "last_post_at"])


def demo_seed(*, password: str | None, accounts: bool = True) -> None:
    """The forum's demo content. `password` is the demo staff password, shared by the demo parents.
    Without `accounts`, only the categories: the demo parents are accounts, and the threads need them."""
    categories_seed()
    if not accounts:
        return
    members = parents_seed(password=password)
    threads_seed(members=members)
