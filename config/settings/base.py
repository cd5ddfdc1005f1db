"""Settings for every environment. Every value that differs between a laptop and production
is read from the environment (see README.md, "Environment variables").

The defaults are the embedded development setup used by `make run`: SQLite in var/,
Celery tasks run eagerly in-process, local-memory cache, emails printed to the console.
Production sets DEBUG=false, which makes SECRET_KEY and ALLOWED_HOSTS required and turns on
every HTTPS protection that `manage.py check --deploy` looks for.
"""

from pathlib import Path

import django.conf.locale
import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="development-only-secret-key-never-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not SECRET_KEY or not ALLOWED_HOSTS:
        raise ImproperlyConfigured("With DEBUG=false, SECRET_KEY and ALLOWED_HOSTS must be set in the environment.")

# The public address of the site, used in emails and admin links (no trailing slash).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The site's name as people know it: page titles, the admin, and every email.
SITE_NAME = env("SITE_NAME", default="Safer Leicester")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications -------------------------------------------------------------------------

INSTALLED_APPS = [
    "core",
    "strategy",
    "consultation",
    "events",
    "forum",
    "allauth",
    "allauth.account",
    "localpicture",
    "subscriptions",
    "home",
    # Translating what editors write: pages, their survey questions and the help texts
    # (README "Languages"). Replaces wagtail.locales in the admin.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "core.users_app.StaffUsersAppConfig",  # wagtail.users, with messages that name nobody
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
]

MIDDLEWARE = [
    # The page cache answers anonymous visitors before any other work is done, and stores
    # responses after every other middleware has added its headers. See core/pagecache.py.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry it too; inside the page cache, so cached pages do.
    "core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, forms and views: no NUL character reaches a query (core/textguard.py).
    "core.textguard.NulGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/ur/...: core/languages.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.headers.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------

# The embedded default keeps its SQLite file in var/, which git ignores: make sure the folder
# exists, so the first `migrate` on a fresh clone can create the database in it.
if not env("DATABASE_URL", default=""):
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
# Persistent connections: opening a PostgreSQL connection per request triples response times.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    # If Redis goes down the site keeps working without its cache (every read is a miss,
    # writes are dropped) instead of failing every request. https://github.com/jazzband/django-redis
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="safer"),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # The embedded default: files in var/cache, shared by every process on the machine (the
    # server, `manage.py import_police_data`, a shell), so an import or a publish from one of
    # them clears the page cache of the others. Local memory would keep a copy per process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Seconds an anonymous page stays in the page cache; publishing clears it at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# The longest a browser may keep an HTML page. Publishing cannot clear browsers, so keep it
# short: a cancelled event must not stay on someone's screen for days. See core/pagecache.py.
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=300)

# --- Celery -------------------------------------------------------------------------------
# Without REDIS_URL, tasks run in-process as they are queued (the embedded default).

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "Europe/London"
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when the broker is down: the submission is already saved, and the periodic
# task picks up the work from the state on each row.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}

# Email updates ("Keep me posted"): emails a second at most, to be kind to the mail server and
# its sending reputation (0: no limit); emails one address may be sent about signing up (a
# confirmation or a manage link), so the form cannot flood someone's inbox; and when the
# weekly digests go (a day of the week, mon to sun, and a time, UK time).
SUBSCRIPTION_SEND_RATE = env.float("SUBSCRIPTION_SEND_RATE", default=10.0)
SUBSCRIPTION_EMAIL_LIMIT = env("SUBSCRIPTION_EMAIL_LIMIT", default="3/h")
SUBSCRIPTION_DIGEST_DAY = env("SUBSCRIPTION_DIGEST_DAY", default="mon")
SUBSCRIPTION_DIGEST_TIME = env("SUBSCRIPTION_DIGEST_TIME", default="08:00")

CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "core.publish_scheduled_pages", "schedule": 5 * 60},
    "process-pending-feedback": {"task": "consultation.feedback_process_pending", "schedule": 2 * 60},
    "forum-send-pending": {"task": "forum.notifications_send_pending", "schedule": 5 * 60},
    "forum-daily-digest": {"task": "forum.digests_send", "schedule": crontab(hour=7, minute=0)},
    # Moderators hear about held posts within 15 minutes of the queue filling, then daily while any wait.
    "forum-held-posts-digest": {"task": "forum.held_posts_digest_send", "schedule": 15 * 60},
    "clear-expired-sessions": {"task": "core.clear_expired_sessions", "schedule": 24 * 60 * 60},
    "expire-export-files": {"task": "consultation.export_files_expire", "schedule": 60 * 60},
    "requeue-stalled-exports": {"task": "consultation.export_jobs_requeue", "schedule": 60},
    "events-emails-pending": {"task": "events.emails_send_pending", "schedule": 5 * 60},
    "events-reminders": {"task": "events.reminders_send", "schedule": 15 * 60},
    "events-feedback-requests": {"task": "events.feedback_requests_send", "schedule": 60 * 60},
    # The retention schedule (Settings > Data retention): bookings' personal data, contact details,
    # unused forum accounts, old log detail and more, in batches, at night.
    "retention-schedule": {"task": "core.retention_apply", "schedule": crontab(hour=2, minute=30)},
    # Email updates: whatever a lost task left (every minute), and the weekly digests.
    "subscriptions-send-pending": {"task": "subscriptions.deliveries_send_pending", "schedule": 60},
    "subscriptions-weekly-digests": {
        "task": "subscriptions.digests_send",
        "schedule": crontab(
            day_of_week=SUBSCRIPTION_DIGEST_DAY,
            hour=int(SUBSCRIPTION_DIGEST_TIME.split(":")[0]),
            minute=int(SUBSCRIPTION_DIGEST_TIME.split(":")[1]),
        ),
    },
    "resume-police-imports": {"task": "localpicture.police_imports_resume", "schedule": 10 * 60},
    # The theme suggester learns from the day's confirmed themes (when there are enough new ones).
    "theme-model-retrain": {"task": "consultation.theme_model_retrain", "schedule": crontab(hour=3, minute=15)},
}

# --- The theme suggester's learned model (consultation/suggester.py) ---------------------------

# Reviewed feedback with confirmed themes needed since the last training before it trains again,
# nightly or from the admin.
THEME_MODEL_MIN_NEW_CONFIRMATIONS = env.int("THEME_MODEL_MIN_NEW_CONFIRMATIONS", default=50)
# Confirmations a theme needs before the model suggests it; below that, the word list alone does.
THEME_MODEL_MIN_EXAMPLES_PER_THEME = env.int("THEME_MODEL_MIN_EXAMPLES_PER_THEME", default=20)
# How long a process goes on with the model version it knows before asking the cache (Redis when
# REDIS_URL is set, shared by every process) whether a newer one is in use.
THEME_MODEL_CHECK_SECONDS = env.int("THEME_MODEL_CHECK_SECONDS", default=30)

# --- Email --------------------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Safer Leicester <no-reply@localhost>")
# Who gets safeguarding alerts if the Safeguarding group has nobody with an email address.
SAFEGUARDING_EMAILS = env.list("SAFEGUARDING_EMAILS", default=[])
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Days after an event ends that attendees' names, emails and access needs are kept: the
# starting value of Settings > Data retention, where administrators change it.
EVENT_BOOKING_RETENTION_DAYS = env.int("EVENT_BOOKING_RETENTION_DAYS", default=90)

# --- Users and passwords ------------------------------------------------------------------

# Where `seed_demo` keeps the demo accounts' password, so `make run` can print it every time.
DEMO_CREDENTIALS_FILE = env("DEMO_CREDENTIALS_FILE", default=str(BASE_DIR / "var" / "demo-login.txt"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Sessions live in the database, read through the cache: a survey step does not hit the
# database for its session, and if Redis is down sessions still work.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Public accounts (the parent forum) -----------------------------------------------------
# Parents sign up and sign in at /accounts/ with django-allauth (https://docs.allauth.org/);
# staff keep signing in to the Wagtail admin at /admin/ with their username.

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "forum.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "forum.forms.SignupExtraForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SESSION_REMEMBER = None
# allauth's forms with the site's wording (forum/accounts.py), and the name shown for a person:
# their forum display name, never the username made from their email.
ACCOUNT_FORMS = {
    "login": "forum.accounts.LoginForm",
    "signup": "forum.accounts.SignupForm",
    "reset_password": "forum.accounts.ResetPasswordForm",
    "reset_password_from_key": "forum.accounts.ResetPasswordKeyForm",
    "add_email": "forum.accounts.AddEmailForm",
    "change_password": "forum.accounts.ChangePasswordForm",
    "set_password": "forum.accounts.SetPasswordForm",
    "reauthenticate": "forum.accounts.ReauthenticateForm",
}
ACCOUNT_USER_DISPLAY = "forum.accounts.user_display"
# Counted in the cache. "login_failed": after 5 wrong passwords for one email address in
# 15 minutes that account is locked out of signing in until the window has passed.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": env("FORUM_LOGIN_FAILED_LIMIT", default="20/m/ip,5/15m/key"),
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/h/key",
}
# Posts (new threads, replies) one member may make, counted per account.
FORUM_POST_RATE_LIMIT = env("FORUM_POST_RATE_LIMIT", default="10/10m")
# Minutes after posting in which an author may still edit their post.
FORUM_EDIT_MINUTES = 30
# A new member's first posts wait for a moderator.
FORUM_HELD_POST_COUNT = 3

# --- Staff sign-in and password reset (the Wagtail admin) -----------------------------------
# /admin/login/ and /admin/password_reset/ get the same protection as the public accounts,
# counted in the cache (see core/admin_accounts.py). Rates are "count/period", the period
# in s, m, h or d ("5/15m" is five in fifteen minutes).
# Wrong passwords for one submitted username (whether or not it exists) before that username
# is locked out for the period; while locked, even the right password is refused.
ADMIN_LOGIN_LOCKOUT = env("ADMIN_LOGIN_LOCKOUT", default="5/15m")
# Sign-in attempts from one address, for any usernames (a council office may share one address).
ADMIN_LOGIN_RATE_LIMIT = env("ADMIN_LOGIN_RATE_LIMIT", default="30/10m")
# Password reset requests from one address, and reset emails to one email address.
ADMIN_PASSWORD_RESET_RATE_LIMIT = env("ADMIN_PASSWORD_RESET_RATE_LIMIT", default="10/h")
ADMIN_PASSWORD_RESET_EMAIL_LIMIT = env("ADMIN_PASSWORD_RESET_EMAIL_LIMIT", default="1/5m")

# --- Language and time --------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# The languages Leicester's people speak, each named in its own language and script. English
# stays at /, the others live under their code (/gu/, /pa/, /ur/, /pl/, /so/, /ar/).
LANGUAGES = [
    ("en-gb", "English"),
    ("gu", "\u0a97\u0ac1\u0a9c\u0ab0\u0abe\u0aa4\u0ac0"),  # Gujarati
    ("pa", "\u0a2a\u0a70\u0a1c\u0a3e\u0a2c\u0a40"),  # Punjabi (Gurmukhi)
    ("ur", "\u0627\u0631\u062f\u0648"),  # Urdu
    ("pl", "Polski"),
    ("so", "Soomaali"),
    ("ar", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629"),  # Arabic
]
# Django does not know Gujarati or Somali: tell it their names and direction.
django.conf.locale.LANG_INFO.setdefault(
    "gu", {"bidi": False, "code": "gu", "name": "Gujarati", "name_local": LANGUAGES[1][1]}
)
django.conf.locale.LANG_INFO.setdefault("so", {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"})
LOCALE_PATHS = [BASE_DIR / "locale"]
# What editors write is translated too (wagtail-localize): one Wagtail locale per language,
# English the default. Every page has a copy in each language's tree: its translation once
# there is one, until then an alias of the English page (shown as English, with a notice).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Publishing a translation does not publish or unpublish anything else.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media files ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Feedback exports: outside MEDIA_ROOT, so the web server never serves them; downloaded only
# through the admin by the officer who made them, and deleted after the days in Settings > Data
# retention, which start from EXPORT_KEEP_DAYS.
EXPORT_ROOT = Path(env("EXPORT_ROOT", default=str(BASE_DIR / "var" / "exports")))
EXPORT_KEEP_DAYS = env.int("EXPORT_KEEP_DAYS", default=7)
# Exports with more rows than this run in the background and the officer is emailed a link.
EXPORT_SYNC_LIMIT = env.int("EXPORT_SYNC_LIMIT", default=10_000)
# A background export is made under a lease the worker renews as it writes rows; when a worker
# dies, the lease runs out and beat makes the export again, up to EXPORT_MAX_ATTEMPTS times.
EXPORT_LEASE_SECONDS = env.int("EXPORT_LEASE_SECONDS", default=120)
EXPORT_MAX_ATTEMPTS = env.int("EXPORT_MAX_ATTEMPTS", default=3)
# Police files uploaded for import wait here, outside MEDIA_ROOT so they are never served,
# and are deleted once imported. Uploads larger than POLICE_IMPORT_SYNC_BYTES are imported in
# the background, with progress in the admin.
POLICE_UPLOAD_ROOT = Path(env("POLICE_UPLOAD_ROOT", default=str(BASE_DIR / "var" / "police-uploads")))
POLICE_IMPORT_SYNC_BYTES = env.int("POLICE_IMPORT_SYNC_BYTES", default=2 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = SITE_NAME
# The database backend uses PostgreSQL full-text search on PostgreSQL, and a simpler
# search on SQLite. https://docs.wagtail.org/en/stable/topics/search/backends.html
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars are Wagtail's own or uploaded, never Gravatar's: the admin loads nothing from
# another host, and no hash of a staff email address leaves the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
TAGGIT_CASE_INSENSITIVE = True

# --- Security -----------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a proxy that terminates TLS (docker compose, a load balancer), trust its headers.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=not DEBUG)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Public submissions (surveys, youth voice) allowed per visitor address. A youth worker's
# kiosk at an event is one address, so leave room for a queue of young people.
SUBMISSION_RATE_LIMIT = env("SUBMISSION_RATE_LIMIT", default="20/10m")
# If the cache (Redis) is down, let submissions through rather than refuse everyone.
RATELIMIT_FAIL_OPEN = True

# The public site loads nothing from another host and runs no inline script or style.
# https://django-csp.readthedocs.io/
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The Wagtail admin has a policy of its own (core/headers.py): it still loads nothing from
# another host, but Wagtail 8 writes inline scripts (inline panels, date pickers) and style
# attributes, shows uploads before they are saved (blob:) and previews pages in a frame.
ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Browser features no page of the site uses: allowed to no one (core/headers.py). Only
# features Chromium recognises, as an unknown one is logged as an error on every page
# ("interest-cohort", FLoC's name, has been replaced by "browsing-topics").
PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Background task runs and page audit entries are recorded elsewhere; keep logs readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
