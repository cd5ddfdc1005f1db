"""The forum's moderation pages in the Wagtail admin: the queue (join requests, held posts,
reports), one member, one post, and the moderation log.

Every view needs `forum.moderate_forum`, granted to the Forum moderators and Safeguarding groups:
ForumModerationViewSet, the admin area they make, checks it for each of them.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_POST

from core.viewsets import PermissionViewSet

from . import selectors, services
from .models import Member, ModerationAction, Post

MODERATE_PERMISSION = "forum.moderate_forum"


def queue(request):
    """What needs a moderator: join requests, held posts (safeguarding first) and reports."""
    return TemplateResponse(
        request,
        "forum/admin/queue.html",
        {
            "join_requests": selectors.join_requests(),
            "held_posts": selectors.held_posts()[:200],
            "reported_posts": selectors.open_reports()[:200],
            "failed_notifications": selectors.notifications_failed()[:50],
            "failed_notification_count": selectors.notifications_failed().count(),
            "page_title": "Parent forum: moderation",
            "header_icon": "group",
        },
    )


def members(request):
    queryset = Member.objects.exclude(status=Member.Status.LEFT).select_related("user").order_by("display_name")
    status = request.GET.get("status", "")
    if status in Member.Status.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "forum/admin/members.html",
        {
            "page_obj": page,
            "members": page.object_list,
            "statuses": Member.Status.choices,
            "status": status,
            "page_title": "Parent forum: members",
            "header_icon": "group",
        },
    )


def member(request, pk: int):
    found = get_object_or_404(Member.objects.select_related("user"), pk=pk)
    return TemplateResponse(
        request,
        "forum/admin/member.html",
        {
            "member": found,
            "actions": ModerationAction.objects.filter(member=found)[:50],
            "page_title": f"Forum member: {found.public_name}",
            "header_icon": "user",
        },
    )


@require_POST
def member_action(request, pk: int, action: str):
    found = get_object_or_404(Member.objects.select_related("user"), pk=pk)
    reason = request.POST.get("reason", "").strip()[:2000]
    try:
        if action == "approve":
            services.membership_approve(member=found, actor=request.user, bereaved=request.POST.get("bereaved") == "1")
            messages.success(request, f"{found.display_name} is now a member and has been emailed.")
        elif action == "decline":
            services.membership_decline(member=found, actor=request.user, reason=reason)
            messages.success(request, f"{found.display_name}'s request was declined and they have been emailed.")
        elif action == "suspend":
            services.member_suspend(member=found, actor=request.user, reason=reason)
            messages.success(request, f"{found.display_name} is suspended and has been emailed the reason.")
        elif action == "reinstate":
            services.member_reinstate(member=found, actor=request.user, reason=reason)
            messages.success(request, f"{found.display_name} is a member again.")
        elif action == "access":
            services.member_access_set(member=found, actor=request.user, bereaved=request.POST.get("bereaved") == "1")
            messages.success(request, "Access to the Bereavement space is updated.")
        else:
            raise services.ForumError("Unknown action.")
    except services.ForumError as error:
        messages.error(request, str(error))
    return redirect("forum_admin:member", pk=found.pk)


def post(request, pk: int):
    found = get_object_or_404(Post.objects.select_related("author", "thread__category"), pk=pk)
    return TemplateResponse(
        request,
        "forum/admin/post.html",
        {
            "post": found,
            "thread": found.thread,
            "reports": selectors.reports_for(post=found),
            "actions": ModerationAction.objects.filter(post=found)[:50],
            "page_title": f"Forum post {found.pk}",
            "header_icon": "doc-full",
        },
    )


@require_POST
def post_action(request, pk: int, action: str):
    found = get_object_or_404(Post.objects.select_related("author__user", "thread"), pk=pk)
    reason = request.POST.get("reason", "").strip()[:2000]
    thread = found.thread
    from_queue = request.POST.get("from") == "queue" and action in ("approve", "hide")
    try:
        if action == "approve":
            services.post_approve(post=found, actor=request.user)
            services.reports_close(post=found, actor=request.user, reason="approved")
            messages.success(request, f"Post {found.pk} is approved and visible.")
        elif action == "hide":
            services.post_hide(post=found, actor=request.user, reason=reason)
            services.reports_close(post=found, actor=request.user, reason=reason)
            messages.success(request, f"Post {found.pk} is hidden and its author has been emailed the reason.")
        elif action == "restore":
            services.post_restore(post=found, actor=request.user, reason=reason)
            messages.success(request, "The post is visible again.")
        elif action == "close_reports":
            services.reports_close(post=found, actor=request.user, reason=reason)
            messages.success(request, "The reports are closed.")
        elif action in ("lock", "unlock"):
            services.thread_lock(thread=thread, actor=request.user, locked=action == "lock", reason=reason)
            messages.success(request, "The thread is locked." if action == "lock" else "The thread is open again.")
        elif action in ("pin", "unpin"):
            services.thread_pin(thread=thread, actor=request.user, pinned=action == "pin", reason=reason)
            messages.success(request, "The thread is pinned." if action == "pin" else "The thread is unpinned.")
        else:
            raise services.ForumError("Unknown action.")
    except services.ForumError as error:
        messages.error(request, f"Post {found.pk}: {error}" if from_queue else str(error))
    if from_queue:
        # Approved or hidden from the list in the queue: back to the list, for the next one.
        return redirect("forum_admin:queue")
    return redirect("forum_admin:post", pk=found.pk)


def log(request):
    queryset = ModerationAction.objects.select_related("member", "thread", "post")
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "forum/admin/log.html",
        {
            "page_obj": page,
            "entries": page.object_list,
            "page_title": "Parent forum: moderation log",
            "header_icon": "history",
        },
    )


class ForumModerationViewSet(PermissionViewSet):
    """The "Parent forum" menu, for moderators: the queue, the members and the moderation log."""

    name = "forum_admin"
    url_prefix = "forum"
    permission = MODERATE_PERMISSION
    add_to_admin_menu = True
    menu_label = "Parent forum"
    icon = "group"
    menu_order = 260
    menu_entries = (
        ("Moderation queue", "queue", "warning"),
        ("Members", "members", "group"),
        ("Moderation log", "log", "history"),
    )

    def get_routes(self):
        return [
            path("", queue, name="queue"),
            path("members/", members, name="members"),
            path("members/<int:pk>/", member, name="member"),
            path("members/<int:pk>/<slug:action>/", member_action, name="member_action"),
            path("posts/<int:pk>/", post, name="post"),
            path("posts/<int:pk>/<slug:action>/", post_action, name="post_action"),
            path("log/", log, name="log"),
        ]
