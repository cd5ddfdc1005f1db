"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-key-with-plenty-of-entropy-0123456789",
    "ALLOWED_HOSTS": "safer.example.org",
    "SITE_URL": "https://safer.example.org",
}


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION}
    del env["SECRET_KEY"]
    result = _manage("check", env_overrides={**env, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_models_and_migrations_agree():
    result = _manage(
        "makemigrations", "--check", "--dry-run", env_overrides={"DJANGO_SETTINGS_MODULE": "config.settings.test"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
