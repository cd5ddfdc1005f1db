"""Test settings: base settings made fast and hermetic. Services come from the environment
exactly as in production, so CI runs the suite on PostgreSQL and Redis."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import env

# Files the tests write (uploads, the demo password) never land in the repository.
_TEST_FILES = tempfile.mkdtemp(prefix="safer-tests-")
atexit.register(shutil.rmtree, _TEST_FILES, ignore_errors=True)
MEDIA_ROOT = env("MEDIA_ROOT", default=f"{_TEST_FILES}/media")
DEMO_CREDENTIALS_FILE = env("DEMO_CREDENTIALS_FILE", default=f"{_TEST_FILES}/demo-login.txt")
EXPORT_ROOT = env("EXPORT_ROOT", default=f"{_TEST_FILES}/exports")
POLICE_UPLOAD_ROOT = env("POLICE_UPLOAD_ROOT", default=f"{_TEST_FILES}/police-uploads")

SECRET_KEY = "tests-only-secret-key"  # noqa: S105 - used only by the test suite
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In-process tests read mail.outbox; a server started by the browser tests writes mail to files.
if env("EMAIL_FILE_PATH", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Unit tests run tasks in-process; the integration tests start a real worker on Redis.
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = env("REDIS_URL", default="")
