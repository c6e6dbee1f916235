"""Every rendered combination passes the validators its ecosystem uses, with no finding.

Each validator runs once over the files of all combinations (rendered once per session,
tests/render/conftest.py): hadolint on the Dockerfiles, zizmor (offline) and actionlint on
the workflows, check-jsonschema on workflows, Dependabot and compose files. A finding
judged wrong is silenced in the generated file itself, with a comment saying why. (Each
stack's OpenAPI document is validated where a served project is at hand:
tests/security/test_fuzzing.py.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.support import validators
from tests.support.combos import Combo, all_combinations
from tests.support.validators import files, findings

pytestmark = pytest.mark.render

WORKFLOWS = ".github/workflows/*.yml"
# `uses: owner/action@<full commit SHA> # v<version>`
PINNED = re.compile(r"uses: ([\w./-]+)@([0-9a-f]{40}) # (v\d+(?:\.\d+)*)$", re.MULTILINE)
# What every project (the hybrid: its root) holds for production and for its developers.
PRODUCTION_FILES = [
    "compose.yaml",
    ".editorconfig",
    ".pre-commit-config.yaml",
    ".github/dependabot.yml",
    ".github/workflows/ci.yml",
]


@pytest.fixture(scope="module")
def projects(renders: Callable[[Combo], Path]) -> list[Path]:
    return [renders(combo) for combo in all_combinations()]


def test_every_project_has_ci_compose_and_developer_tooling(projects: list[Path]) -> None:
    for project in projects:
        missing = [name for name in PRODUCTION_FILES if not (project / name).is_file()]
        assert not missing, f"{project.parent.name} lacks {missing}"
        dockerfiles = [project / "Dockerfile", *project.glob("*/Dockerfile")]
        assert any(d.is_file() for d in dockerfiles), f"{project.parent.name} has no Dockerfile"


def test_dockerfiles_pass_hadolint(projects: list[Path]) -> None:
    dockerfiles = files(projects, "Dockerfile") + files(projects, "*/Dockerfile")
    assert not (report := findings(validators.hadolint(dockerfiles))), report


def test_workflows_and_dependabot_pass_zizmor(projects: list[Path]) -> None:
    assert not (report := findings(validators.zizmor(projects))), report


def test_workflows_pass_actionlint(projects: list[Path]) -> None:
    assert not (report := findings(validators.actionlint(files(projects, WORKFLOWS)))), report


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", ".github/dependabot.yml"),
        ("vendor.compose-spec", "compose.yaml"),
    ],
)
def test_files_match_their_published_schema(
    projects: list[Path], schema: str, pattern: str
) -> None:
    report = findings(validators.check_jsonschema(schema, files(projects, pattern)))
    assert not report, report


def test_pre_commit_configs_are_valid(projects: list[Path]) -> None:
    configs = files(projects, ".pre-commit-config.yaml")
    assert not (report := findings(validators.pre_commit_validate(configs))), report


def test_workflows_use_one_pinned_version_of_each_action_and_a_read_only_token(
    projects: list[Path],
) -> None:
    """The same commit SHA per action in every stack, with its version beside it."""
    pins: dict[str, set[tuple[str, str]]] = {}
    for workflow in files(projects, WORKFLOWS):
        text = workflow.read_text()
        assert yaml.safe_load(text)["permissions"] == {"contents": "read"}, workflow
        assert text.count("uses:") == len(PINNED.findall(text)), f"unpinned action in {workflow}"
        for action, sha, version in PINNED.findall(text):
            pins.setdefault(action, set()).add((sha, version))
    assert pins and all(len(refs) == 1 for refs in pins.values()), pins


def test_compose_and_ci_start_postgresql_and_redis_exactly_when_the_project_uses_them(
    renders: Callable[[Combo], Path],
) -> None:
    """Each dependency is healthy before what needs it starts; CI tests against the same."""
    for stack, features, db in all_combinations():
        project = renders((stack, features, db))
        wanted = {
            name
            for name, used in [("postgres", db == "postgres"), ("redis", "chat" in features)]
            if used
        }
        compose = yaml.safe_load((project / "compose.yaml").read_text())["services"]
        # The hybrid's backend publishes its events through Redis, chat or not.
        in_compose = wanted | ({"redis"} if stack == "hybrid" else set())
        assert set(compose) - {"app", "backend", "realtime"} == in_compose, (project, compose)
        for service in compose.values():
            for needed, how in service.get("depends_on", {}).items():
                assert how == {"condition": "service_healthy"}, (project, needed)
                assert "healthcheck" in compose[needed], (project, needed)
        jobs = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())["jobs"]
        in_ci = {name for job in jobs.values() for name in job.get("services", {})}
        assert in_ci == wanted, (project, in_ci)
