"""The production shape in docker-compose.yml and the Dockerfile, checked without Docker."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_every_service_the_platform_needs():
    assert set(COMPOSE["services"]) == {"db", "redis", "migrate", "web", "worker", "beat", "caddy"}


def test_web_worker_and_beat_share_one_definition_and_production_settings():
    web, worker, beat = (COMPOSE["services"][name] for name in ("web", "worker", "beat"))
    assert web["image"] == worker["image"] == beat["image"]
    assert web["environment"] == worker["environment"] == beat["environment"]
    environment = web["environment"]
    assert environment["DEBUG"] == "false"
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "celery" in " ".join(worker["command"]) and "beat" in beat["command"]


def test_services_have_health_checks_and_data_lives_in_named_volumes():
    services = COMPOSE["services"]
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert {"pgdata", "redisdata", "media", "exports"} <= set(COMPOSE["volumes"])
    assert "exports:/app/exports" in services["web"]["volumes"]
    assert not any("exports" in volume for volume in services["caddy"]["volumes"])  # never served
    assert "police-uploads:/app/police-uploads" in services["worker"]["volumes"]
    assert not any("police-uploads" in volume for volume in services["caddy"]["volumes"])


def test_gunicorn_runs_without_a_control_socket():
    assert "--no-control-socket" in (ROOT / "Dockerfile").read_text()
