"""docker/ is for production and cannot run here (no Docker engine): check
the compose file with Debian's docker-compose and that what it mounts and
copies exists in the repository."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker" / "compose.yaml"


def compose(*args, env_file=True):
    if shutil.which("docker-compose") is None:
        pytest.fail("docker-compose is missing: run `make install`")
    cmd = ["docker-compose", "-f", str(COMPOSE)]
    if env_file:
        cmd += ["--env-file", str(ROOT / "docker" / ".env.example")]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})


def test_compose_file_is_valid():
    result = compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_compose_refuses_to_run_without_secrets():
    result = compose("config", "-q", env_file=False)
    assert result.returncode != 0
    assert "POSTGRES_PASSWORD" in result.stderr


def test_services_use_official_images_and_a_worker():
    services = compose("config", "--services").stdout.split()
    assert set(services) == {"ckan", "worker", "harvest-gather", "harvest-fetch", "scheduler", "usage",
                             "db", "solr", "redis"}
    text = COMPOSE.read_text()
    assert "image: postgres:15" in text and "image: solr:9" in text and "image: redis:7" in text
    dockerfile = (ROOT / "docker" / "ckan" / "Dockerfile").read_text()
    assert "ARG CKAN_VERSION=2.12" in dockerfile and "FROM ckan/ckan-base:${CKAN_VERSION}" in dockerfile


def test_worker_runs_with_the_web_services_config_and_recovers_first():
    config = compose("config").stdout
    worker = config[config.index("  worker:"):]
    assert "ckanext-tokyo/ckan:0.1.0" in worker and "/srv/app/tokyo-worker.sh" in worker
    script = (ROOT / "docker" / "ckan" / "tokyo-worker.sh").read_text()
    recover, start = script.index("tokyo validate --pending"), script.index("exec ckan")
    assert recover < start and '-c "$INI"' in script[start - 20:]
    # editors' runs before the bulk backlog, unless other queues are named
    assert "set -- priority default" in script and script.index("set -- priority default") < start


def test_worker_scales_and_cookies_are_same_site():
    assert "--scale worker=" in COMPOSE.read_text()
    config = (ROOT / "docker" / "ckan" / "tokyo-config.sh").read_text()
    assert '"REMEMBER_COOKIE_SAMESITE = Lax"' in config
    assert "REMEMBER_COOKIE_SAMESITE = Lax" in (ROOT / "config" / "ckan.ini.in").read_text()


def test_production_image_carries_no_test_tools():
    dockerfile = (ROOT / "docker" / "ckan" / "Dockerfile").read_text()
    assert "test.in" not in dockerfile and "ckan-2.1" not in dockerfile.replace("ckan-${CKAN_VERSION}", "")
    plugins = (ROOT / "requirements" / "plugins.in").read_text().lower()
    for tool in ("pytest", "pyshacl", "playwright", "hypothesis"):
        assert tool not in plugins


def test_mounted_and_copied_files_exist():
    mounts = re.findall(r"- \.\./([^:]+):", COMPOSE.read_text())
    assert mounts
    dockerfile = (ROOT / "docker" / "ckan" / "Dockerfile").read_text()
    copies = [w for line in dockerfile.splitlines() if line.startswith("COPY")
              for w in line.split()[1:-1]]
    for rel in mounts + copies:
        assert (ROOT / rel).exists(), rel


def test_harvest_consumers_and_the_scheduler_run_the_same_image():
    config = compose("config").stdout
    for service, command in (("harvest-gather", "gather-consumer"), ("harvest-fetch", "fetch-consumer"),
                             ("scheduler", "/srv/app/tokyo-scheduler.sh")):
        assert "ckanext-tokyo/ckan:0.1.0" in config[config.index(f"  {service}:"):][:2000]
        assert command in config[config.index(f"  {service}:"):][:2000], service
    dockerfile = (ROOT / "docker" / "ckan" / "Dockerfile").read_text()
    assert "harvest tokyo_harvest tokyo_dcat_harvester tokyo_ckan_harvester" in dockerfile
    assert "tokyo schedule" in (ROOT / "docker" / "ckan" / "tokyo-scheduler.sh").read_text()
