from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from consultation import open_data
from core import admin_accounts, admin_page_search
from core.sitemaps import LanguagesSitemap
from forum import urls as forum_urls
from home import views as home_views

urlpatterns = [
    # Staff sign-in and password reset with rate limits and a lockout, in front of Wagtail's own.
    path("admin/login/", admin_accounts.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/password_reset/", admin_accounts.AdminPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # The page search without the language trees' aliases (core/admin_page_search.py).
    path("admin/pages/search/", admin_page_search.page_search_view, name="admin_page_search"),
    path("admin/pages/search/results/", admin_page_search.page_search_results_view, name="admin_page_search_results"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every page in every language, each with its alternates (core/sitemaps.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguagesSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

# What the public sees, in every language: English at /, the others under their code
# (/gu/, /pa/, /ur/, /pl/, /so/, /ar/; core/languages.py).
public_patterns = [
    path("search/", home_views.search, name="search"),
    path("forum/", include(forum_urls)),
    path("accounts/", include(forum_urls.account_urlpatterns)),
    path("accounts/", include("allauth.urls")),
    path("open-data/", open_data.open_data_index, name="open_data"),
    path("open-data/feedback-summary.csv", open_data.feedback_summary_csv, name="open_data_feedback_csv"),
    path("open-data/feedback-summary.json", open_data.feedback_summary_json, name="open_data_feedback_json"),
    path("open-data/feedback-by-language.csv", open_data.feedback_language_csv, name="open_data_language_csv"),
    path("open-data/feedback-by-language.json", open_data.feedback_language_json, name="open_data_language_json"),
    path("", include("subscriptions.urls")),
    path("", include("events.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every other path.
urlpatterns += i18n_patterns(*public_patterns, path("", include(wagtail_urls)), prefix_default_language=False)


# django-allauth answers its own rate limits (sign-in, sign-up, password reset) through this.
handler429 = "core.ratelimit.too_many_requests"
