"""The admin's page search without the language trees' aliases.

Every language has its own page tree, and until a page is translated its place in the other
languages' trees is held by an alias: a copy of the English page that Wagtail keeps up to date
and that cannot be edited itself (core/translations.py). Wagtail's page search lists them all,
so an editor searching for "Have your say" would find the page seven times over, six of them
copies that only lead back to the English page.

What an editor looks for is a page they can edit: the English page, and each real translation
(listed with its language's label). So:

- the admin's page search (/admin/pages/search/, the sidebar's search box) lists no aliases;
  config/urls.py puts this view in front of Wagtail's;
- a search in the page explorer across several languages (from the root, or with "Search the
  whole site") lists none either (`explorer_search_without_aliases`, a Wagtail hook in
  core/wagtail_hooks.py). Browsing a language's tree, or searching within it, still shows its
  aliases: that is the tree the editor chose to look at.
"""

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


class _FindablePagesPolicy(PagePermissionPolicy):
    """The page permissions as Wagtail's own, except that the pages one can find by searching
    are the explorable ones less the aliases."""

    def explorable_instances(self, user):
        return super().explorable_instances(user).filter(alias_of__isnull=True)


class PageSearchView(SearchView):
    """Wagtail's page search. Wagtail narrows both the results and the page-type counts beside
    them to the pages the permission policy lets the user explore; this policy leaves the
    aliases out of those (the test in tests/core/test_admin_page_search.py fails if a Wagtail
    release stops narrowing the search this way)."""

    permission_policy = _FindablePagesPolicy()


# Made as Wagtail makes its own (its base page viewset's settings), for config/urls.py.
page_search_view = base_page_viewset.construct_view(PageSearchView)
page_search_results_view = base_page_viewset.construct_view(PageSearchView, results_only=True)


def explorer_search_without_aliases(parent_page, pages, request):
    """For the `construct_explorer_page_queryset` hook: no aliases in a search that spans every
    language's tree (from the root, or with "Search the whole site")."""
    searching = bool(request.GET.get("q", "").strip())
    across_languages = parent_page.is_root() or bool(request.GET.get("search_all"))
    if searching and across_languages:
        # By id: the search backend filters only on the fields it indexes, and the page's id is one.
        return pages.filter(pk__in=Page.objects.filter(alias_of__isnull=True).values_list("pk", flat=True))
    return pages
