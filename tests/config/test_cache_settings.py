"""The embedded default (no REDIS_URL) keeps its cache where every process sees it: an import
run from the command line, or a publish, clears the page cache that `make run` serves from."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SHOW_CACHES = "import json; from config.settings import base; print(json.dumps(base.CACHES['default']))"


def _default_cache(**env_overrides) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_CACHES], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_the_cache_is_files_that_every_process_shares():
    cache = _default_cache()
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(cache["LOCATION"]) == ROOT / "var" / "cache"


def test_with_redis_the_cache_is_redis():
    cache = _default_cache(REDIS_URL="redis://127.0.0.1:6379/0")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
