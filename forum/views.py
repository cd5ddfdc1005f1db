"""The forum's pages. Thin: access is decided in `forum_view`, everything else in services.

Every forum response is private and tells search engines to stay away (X-Robots-Tag and a
robots meta tag). Anyone who is not an approved member gets the join page at /forum/ and a
403 for every other forum address.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from core.forms import validation_error_list

from . import selectors, services
from .forms import DeleteAccountForm, JoinForm, PostForm, ProfileForm, ReportForm, ThreadForm
from .models import Member, Post
from .rendering import quote_markdown

POSTS_PER_PAGE = 20
THREADS_PER_PAGE = 25


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _refused(request, member: Member | None):
    return _private(render(request, "forum/refused.html", {"member": member}, status=403))


def forum_view(view=None, *, members_only: bool = True):
    """Load the member; refuse anyone who is not an approved member (403); mark the response private."""

    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            member = selectors.member_for_user(request.user)
            request.member = member
            if members_only and (member is None or not member.is_approved):
                return _refused(request, member)
            return _private(func(request, *args, **kwargs))

        return wrapper

    return decorate(view) if view else decorate


def _limited(request) -> bool:
    return is_ratelimited(
        request, group="forum-post", key="user", rate=settings.FORUM_POST_RATE_LIMIT, method="POST", increment=True
    )


def _form_page(request, template: str, form, **context):
    context.update(form=form, error_list=validation_error_list(form) if form.is_bound else [])
    return render(request, template, context, status=400 if form.is_bound and form.errors else 200)


# --- Joining -------------------------------------------------------------------------------


@forum_view(members_only=False)
def index(request):
    """Members: the categories. Everyone else: what the forum is and how to join."""
    member = request.member
    if member is None or not member.is_approved:
        return render(request, "forum/landing.html", {"member": member})
    return render(request, "forum/index.html", {"categories": selectors.categories_overview(member=member)})


@forum_view(members_only=False)
def join(request):
    """Ask to join (signed-in parents who are not members yet)."""
    member = request.member
    if member is None:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={reverse('forum:join')}")
        return _refused(request, None)
    if member.status not in (Member.Status.NONE, Member.Status.DECLINED):
        return redirect("forum:index")
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.membership_request(
            member=member,
            reason=form.cleaned_data["reason"],
            bereaved=form.cleaned_data["bereaved"],
            language=translation.get_language(),
        )
        messages.success(request, gettext("Thank you. A moderator will read your request and email you."))
        return redirect("forum:index")
    return _form_page(request, "forum/join.html", form)


# --- Reading -------------------------------------------------------------------------------


@forum_view
def category(request, slug: str):
    member = request.member
    found = get_object_or_404(selectors.categories_for(member=member), slug=slug)
    paginator = Paginator(selectors.threads_in(category=found, member=member), THREADS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "forum/category.html", {"category": found, "page_obj": page, "threads": page.object_list})


def _thread_or_404(member, pk):
    thread = selectors.thread_for(member=member, pk=pk)
    if thread is None:
        raise Http404
    return thread


@forum_view
def thread(request, pk: int):
    member = request.member
    found = _thread_or_404(member, pk)
    return _thread_page(request, found, PostForm())


def _thread_page(request, found, form, status=200):
    member = request.member
    paginator = Paginator(selectors.posts_in(thread=found, member=member), POSTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    posts = list(page.object_list)
    read_before = selectors.last_read_at(member=member, thread=found)
    newest = max((post.created_at for post in posts), default=None)
    if newest is not None and (read_before is None or newest > read_before):
        # Only when there is something new: reading a page again writes nothing.
        services.thread_mark_read(member=member, thread=found, until=newest)
    edit_after = timezone.now() - timezone.timedelta(minutes=settings.FORUM_EDIT_MINUTES)
    for post in posts:
        post.is_new = read_before is None or post.created_at > read_before
        post.is_mine = post.author_id == member.pk
        post.can_edit = post.is_mine and post.created_at >= edit_after and not found.locked
    context = {
        "thread": found,
        "category": found.category,
        "page_obj": page,
        "posts": posts,
        "following": selectors.is_following(member=member, thread=found),
        "form": form,
        "error_list": validation_error_list(form) if form.is_bound else [],
    }
    return render(request, "forum/thread.html", context, status=status)


@forum_view
def post_link(request, pk: int):
    """A link to one post (as in emails): its thread, at the right page."""
    member = request.member
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    found = _thread_or_404(member, post.thread_id)
    position = selectors.post_position(post=post, member=member)
    page = position // POSTS_PER_PAGE + 1
    return redirect(f"{found.get_absolute_url()}?page={page}#post-{post.pk}")


# --- Writing -------------------------------------------------------------------------------


@forum_view
def thread_new(request, slug: str):
    member = request.member
    found = get_object_or_404(selectors.categories_for(member=member), slug=slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _limited(request):
            form.add_error(None, "You have posted a lot in a short time. Wait a few minutes and try again.")
        else:
            try:
                created = services.thread_create(
                    member=member, category=found, title=form.cleaned_data["title"], body=form.cleaned_data["body"]
                )
            except services.ForumError as error:
                form.add_error(None, str(error))
            else:
                _posted_message(request, created.posts.first())
                return redirect(created)
    return _form_page(request, "forum/thread_new.html", form, category=found)


def _posted_message(request, post: Post) -> None:
    if post.status == Post.Status.HELD:
        messages.info(request, gettext("Thank you. A moderator will read your post before it appears to others."))
    else:
        messages.success(request, gettext("Your post is up."))


@forum_view
def reply(request, pk: int):
    member = request.member
    found = _thread_or_404(member, pk)
    if request.method != "POST":
        initial = {}
        quoted = request.GET.get("quote", "")
        if quoted.isdigit():
            post = selectors.posts_in(thread=found, member=member).filter(pk=int(quoted)).first()
            if post is not None:
                initial["body"] = quote_markdown(author=post.author.public_name, text=post.body)
        return _form_page(request, "forum/reply.html", PostForm(initial=initial), thread=found)
    form = PostForm(request.POST)
    if form.is_valid():
        if found.locked:
            form.add_error(None, "This thread is locked: a moderator has closed it to new replies.")
        elif _limited(request):
            form.add_error(None, "You have posted a lot in a short time. Wait a few minutes and try again.")
        else:
            try:
                post = services.post_reply(member=member, thread=found, body=form.cleaned_data["body"])
            except services.ForumError as error:
                form.add_error(None, str(error))
            else:
                _posted_message(request, post)
                return redirect(post)
    return _form_page(request, "forum/reply.html", form, thread=found)


def _own_post(member, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk, author=member)
    _thread_or_404(member, post.thread_id)
    return post


@forum_view
def post_edit(request, pk: int):
    member = request.member
    post = _own_post(member, pk)
    if not services.post_can_edit(member=member, post=post):
        messages.error(
            request,
            gettext("Posts can be changed for %(minutes)s minutes after posting.")
            % {"minutes": settings.FORUM_EDIT_MINUTES},
        )
        return redirect(post)
    form = PostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        services.post_edit(member=member, post=post, body=form.cleaned_data["body"])
        messages.success(request, gettext("Your post has been changed."))
        return redirect(post)
    return _form_page(request, "forum/post_edit.html", form, post=post, thread=post.thread)


@forum_view
def post_delete(request, pk: int):
    member = request.member
    post = _own_post(member, pk)
    if request.method == "POST":
        services.post_delete(member=member, post=post)
        messages.success(request, gettext("Your post has been deleted."))
        return redirect(post.thread)
    return render(request, "forum/post_delete.html", {"post": post, "thread": post.thread})


@forum_view
def post_report(request, pk: int):
    member = request.member
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk, status=Post.Status.VISIBLE)
    _thread_or_404(member, post.thread_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(member=member, post=post, reason=form.cleaned_data["reason"])
        messages.success(request, gettext("Thank you. A moderator will look at this post."))
        return redirect(post)
    return _form_page(request, "forum/post_report.html", form, post=post, thread=post.thread)


@forum_view
@require_POST
def follow(request, pk: int):
    member = request.member
    found = _thread_or_404(member, pk)
    following = request.POST.get("follow") == "1"
    services.follow_set(member=member, thread=found, following=following)
    messages.success(
        request,
        gettext("You are following this thread.") if following else gettext("You have stopped following this thread."),
    )
    return redirect(found)


# --- The parent's account (under /accounts/) -----------------------------------------------


@forum_view(members_only=False)
def profile(request):
    """Display name and email preferences; links to password, email and account deletion."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    member = request.member
    if member is None:
        return _refused(request, None)
    form = ProfileForm(
        request.POST or None, member=member, initial={"display_name": member.display_name, "notify": member.notify}
    )
    if request.method == "POST" and form.is_valid():
        services.member_update(member=member, **form.cleaned_data)
        messages.success(request, gettext("Your details have been saved."))
        return redirect("forum_profile")
    return _form_page(request, "account/profile.html", form, member=member)


@forum_view(members_only=False)
def account_delete(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        if services.account_is_staff(user=user):
            messages.error(request, gettext("Staff accounts are closed by an administrator, not here."))
            return redirect("forum_profile")
        logout(request)
        services.account_delete(user=user)
        messages.success(request, gettext("Your account has been deleted."))
        return redirect("/")
    return _form_page(request, "account/delete.html", form)


@csrf_exempt
@forum_view(members_only=False)
def unsubscribe(request, token: str):
    """One click from an email (and RFC 8058 one-click POST): no more reply emails."""
    member = services.unsubscribe_member(token=token)
    if member is None:
        raise Http404
    done = False
    if request.method == "POST":
        services.notifications_stop(member=member)
        done = True
    return render(request, "account/unsubscribe.html", {"done": done, "token": token})
