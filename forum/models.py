"""The Community Parent Forum: members, categories, threads, posts, and what moderators do.

A `Member` is a parent's forum profile, kept apart from the Django user so that deleting an
account removes the person (user, email, name) while their posts stay, shown as "Former
member". Everything a moderator does is written to `ModerationAction`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMER_MEMBER = "Former member"


class Member(models.Model):
    """A parent's forum profile: the pseudonym others see, and where their membership stands."""

    class Status(models.TextChoices):
        NONE = "none", "Not asked to join"
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Member"
        DECLINED = "declined", "Declined"
        SUSPENDED = "suspended", "Suspended"
        LEFT = "left", "Account deleted"

    class Notify(models.TextChoices):
        EACH = "each", _("An email for each reply")
        DIGEST = "digest", _("One email a day")
        OFF = "off", _("No emails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="forum_member"
    )
    display_name = models.CharField(max_length=40)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NONE, db_index=True)
    join_reason = models.TextField(blank=True)
    # Access to categories restricted to bereaved parents; asked for when joining, given by a moderator.
    bereaved = models.BooleanField("Bereavement space", default=False)
    asked_bereaved = models.BooleanField(default=False)
    notify = models.CharField(max_length=8, choices=Notify.choices, default=Notify.EACH)
    # The site language the member last used to sign up or ask to join: their emails are in it.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    requested_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    suspended_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the owner was emailed that the unused account will be deleted (the retention
    # schedule, forum/personal_data.py). Set before the email goes, so it goes once; a sign-in
    # after it makes it void.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["display_name"]
        permissions = [("moderate_forum", "Can moderate the parent forum")]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        return FORMER_MEMBER if self.status == self.Status.LEFT else self.display_name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class Category(models.Model):
    """A forum section. A restricted one is seen only by members given that access."""

    class Restriction(models.TextChoices):
        NONE = "", "All members"
        BEREAVED = "bereaved", "Bereaved parents only"

    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=240, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    restricted_to = models.CharField(max_length=12, choices=Restriction.choices, default="", blank=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:category", args=[self.slug])


class Thread(models.Model):
    """A conversation in a category. Visible once its first post is approved."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="threads")
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(max_length=120)
    created_at = models.DateTimeField()
    # Kept up to date by the services, so lists need no aggregate over posts.
    last_post_at = models.DateTimeField()
    post_count = models.PositiveIntegerField(default=0)
    is_visible = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    pinned = models.BooleanField(default=False)

    class Meta:
        ordering = ["-pinned", "-last_post_at"]
        indexes = [
            models.Index(fields=["category", "is_visible", "-pinned", "-last_post_at"], name="forum_thread_list")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:thread", args=[self.pk])


class Post(models.Model):
    """One message in a thread. The Markdown is kept as written; the HTML is rendered and
    sanitised once, when it is saved."""

    class Status(models.TextChoices):
        HELD = "held", "Waiting for a moderator"
        VISIBLE = "visible", "Visible"
        HIDDEN = "hidden", "Hidden by a moderator"
        DELETED = "deleted", "Deleted by its author"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="posts")
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField()
    edited_at = models.DateTimeField(null=True, blank=True)
    # When it first became visible: a new member's first posts are held until a moderator approves them.
    approved_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, db_index=True)
    held_reason = models.CharField(max_length=40, blank=True)
    hidden_reason = models.TextField(blank=True)
    safeguarding_flag = models.BooleanField(default=False)
    safeguarding_alerted_at = models.DateTimeField(null=True, blank=True)
    # Set once followers' notifications have been created for this post.
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "status", "created_at"], name="forum_post_thread")]

    def __str__(self):
        return f"Post {self.pk} in {self.thread_id}"

    def get_absolute_url(self):
        return reverse("forum:post", args=[self.pk])


class ThreadRead(models.Model):
    """When a member last read a thread: posts after it are marked new."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="reads")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "thread"], name="forum_read_once")]

    def __str__(self):
        return f"{self.member_id} read {self.thread_id}"


class Follow(models.Model):
    """A member follows a thread they started or replied to, and hears about replies."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="follows")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "thread"], name="forum_follow_once")]

    def __str__(self):
        return f"{self.member_id} follows {self.thread_id}"


class Notification(models.Model):
    """One reply a follower is to hear about. Sent once: `sent_at` is claimed before the email goes.

    A send that failed for a reason trying again cannot fix (a header or address the mail
    library refuses, a recipient the server refuses for good) is marked `failed_at` with the
    reason, shown to moderators, and never tried again; other failures are retried."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="notifications")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    failure_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "post"], name="forum_notify_once")]

    def __str__(self):
        return f"Notify {self.member_id} of post {self.post_id}"


class Report(models.Model):
    """A member's report of a post, with their reason, until a moderator deals with it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="reports_made")
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Report of post {self.post_id}"


class ModerationAction(models.Model):
    """The log of moderation: who did what to which member, thread or post, when and why."""

    class Action(models.TextChoices):
        MEMBER_APPROVE = "member_approve", "Approved member"
        MEMBER_DECLINE = "member_decline", "Declined member"
        MEMBER_SUSPEND = "member_suspend", "Suspended member"
        MEMBER_REINSTATE = "member_reinstate", "Reinstated member"
        MEMBER_ACCESS = "member_access", "Changed bereavement access"
        POST_APPROVE = "post_approve", "Approved post"
        POST_HIDE = "post_hide", "Hid post"
        POST_RESTORE = "post_restore", "Restored post"
        THREAD_LOCK = "thread_lock", "Locked thread"
        THREAD_UNLOCK = "thread_unlock", "Unlocked thread"
        THREAD_PIN = "thread_pin", "Pinned thread"
        THREAD_UNPIN = "thread_unpin", "Unpinned thread"
        REPORT_CLOSE = "report_close", "Closed report"

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=Action.choices)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.actor_name}: {self.get_action_display()}"


class HeldPostsDigest(models.Model):
    """One email to moderators saying how many posts wait for them (counts only: no text, no
    names). `occasion` says why it was due, and is unique, so two workers that find the same
    digest due send it once; the row is deleted again if sending fails, so the next run retries.
    See `forum.services.held_posts_digest_send` for when a digest is due."""

    occasion = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    held_count = models.PositiveIntegerField(default=0)
    flagged_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Held posts digest {self.created_at:%Y-%m-%d %H:%M} ({self.held_count} held)"
