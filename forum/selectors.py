"""Reads for the forum pages. Each list is one query however long it is (no query per row)."""

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from .models import Category, Follow, Member, Notification, Post, Report, Thread, ThreadRead


def member_for_user(user) -> Member | None:
    """The signed-in person's forum profile, if they have one."""
    if not user.is_authenticated:
        return None
    return Member.objects.filter(user=user).first()


def categories_for(*, member: Member) -> QuerySet[Category]:
    """The categories a member may see: restricted ones only with the matching access."""
    allowed = Q(restricted_to="")
    if member.bereaved:
        allowed |= Q(restricted_to=Category.Restriction.BEREAVED)
    return Category.objects.filter(allowed)


def categories_overview(*, member: Member) -> QuerySet[Category]:
    """The forum's front page: categories with their number of threads and last activity."""
    visible = Q(threads__is_visible=True)
    return categories_for(member=member).annotate(
        thread_count=Count("threads", filter=visible), last_post_at=Max("threads__last_post_at", filter=visible)
    )


def _last_read(member: Member):
    return Subquery(ThreadRead.objects.filter(member=member, thread=OuterRef("pk")).values("last_read_at")[:1])


def threads_in(*, category: Category, member: Member) -> QuerySet[Thread]:
    """A category's threads, pinned first then latest activity, each with when the member last
    read it (for the unread marker). The member's own threads waiting for approval are included."""
    # "Visible, or mine" keeps PostgreSQL from reading the list in index order, so the member's
    # own waiting threads are looked for first, and only then asked for (rarely).
    own_waiting = Thread.objects.filter(category=category, author=member, is_visible=False).exists()
    visible = Q(is_visible=True) | Q(author=member) if own_waiting else Q(is_visible=True)
    return (
        Thread.objects.filter(category=category)
        .filter(visible)
        .select_related("author")
        .annotate(last_read_at=_last_read(member))
        .order_by("-pinned", "-last_post_at", "-pk")
    )


def thread_for(*, member: Member, pk: int) -> Thread | None:
    """A thread the member may read, or None."""
    return (
        Thread.objects.select_related("category")
        .filter(category__in=categories_for(member=member))
        .filter(Q(is_visible=True) | Q(author=member))
        .filter(pk=pk)
        .first()
    )


def posts_in(*, thread: Thread, member: Member) -> QuerySet[Post]:
    """The posts a member sees in a thread: visible ones, and their own waiting for approval."""
    return (
        Post.objects.filter(thread=thread)
        .filter(Q(status=Post.Status.VISIBLE) | Q(author=member, status=Post.Status.HELD))
        .select_related("author")
        .order_by("created_at", "pk")
    )


def post_position(*, post: Post, member: Member) -> int:
    """How many posts the member sees before this one in its thread (to find its page)."""
    return (
        posts_in(thread=post.thread, member=member)
        .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
        .count()
    )


def last_read_at(*, member: Member, thread: Thread):
    return ThreadRead.objects.filter(member=member, thread=thread).values_list("last_read_at", flat=True).first()


def is_following(*, member: Member, thread: Thread) -> bool:
    return Follow.objects.filter(member=member, thread=thread).exists()


# --- The moderation queue ------------------------------------------------------------------


def join_requests() -> QuerySet[Member]:
    return Member.objects.filter(status=Member.Status.PENDING).select_related("user").order_by("requested_at")


def held_posts() -> QuerySet[Post]:
    """Held posts, safeguarding ones first."""
    return (
        Post.objects.filter(status=Post.Status.HELD)
        .select_related("author", "thread__category")
        .order_by("-safeguarding_flag", "created_at")
    )


def open_reports() -> QuerySet[Post]:
    """Posts with reports nobody has dealt with yet, most reported first."""
    return (
        Post.objects.annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))
        .filter(open_reports__gt=0)
        .select_related("author", "thread")
        .order_by("-open_reports", "created_at")
    )


def moderation_counts() -> dict:
    """What waits for a moderator, counted: join requests, held posts (and how many of them the
    safeguarding phrases flagged), posts with open reports, and reply emails that failed."""
    held = held_posts()
    return {
        "join_requests": join_requests().count(),
        "held_posts": held.count(),
        "held_safeguarding": held.filter(safeguarding_flag=True).count(),
        "reported_posts": open_reports().count(),
        "failed_notifications": notifications_failed().count(),
    }


def reports_for(*, post: Post) -> QuerySet[Report]:
    return Report.objects.filter(post=post).select_related("reporter", "handled_by")


def notifications_failed() -> QuerySet[Notification]:
    """Reply emails that could not be sent and will not be retried, newest first, for moderators."""
    return (
        Notification.objects.filter(failed_at__isnull=False)
        .select_related("member", "post__thread")
        .order_by("-failed_at")
    )
