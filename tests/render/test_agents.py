"""Every project has an AGENTS.md rendered from its answers: its commands are the ones this
repository's tests run in that project (scaffold/stacks.py), and its `scaffold add
resource` example is one the project takes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scaffold import api
from scaffold.stacks import STACKS, Stack
from tests.support.combos import Combo, all_combinations, combo_id

pytestmark = pytest.mark.render

COMBOS = all_combinations()
SHELL_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
ADD_RESOURCE = re.compile(r"`scaffold add resource ([^`]+)`")


@pytest.fixture(scope="module", params=COMBOS, ids=[combo_id(*c) for c in COMBOS])
def agents(
    request: pytest.FixtureRequest, renders: Callable[[Combo], Path]
) -> tuple[Path, Stack, str]:
    project = renders(request.param)
    return project, STACKS[request.param[0]], (project / "AGENTS.md").read_text()


def test_every_command_in_agents_md_is_one_the_tests_run(agents: tuple[Path, Stack, str]) -> None:
    _, stack, text = agents
    documented = [command for block in SHELL_BLOCK.findall(text) for command in commands(block)]
    assert documented, "AGENTS.md lists the project's commands"
    assert set(documented) <= commands_tests_run(stack), "AGENTS.md names a command no test runs"


def test_the_add_resource_example_is_taken_by_the_project(
    agents: tuple[Path, Stack, str],
) -> None:
    project, _, text = agents
    (example,) = set(ADD_RESOURCE.findall(text))
    name, *fields = example.split()
    added = api.add_resource(path=project, name=name, fields=fields, pretend=True)
    assert added.files


def commands(block: str) -> Iterator[str]:
    """The commands of a shell block, without their trailing comments."""
    for line in block.splitlines():
        command = line.split("  #", 1)[0].strip()
        if command and not command.startswith("#"):
            yield command


def commands_tests_run(stack: Stack) -> set[str]:
    """What the spin-up tests run in a project of ``stack`` (and of each part of a hybrid):
    install, test, lint, each service's prepare and seed steps, the README's commands."""
    stacks = [stack, *(STACKS[name] for name in ("django-drf", "node-express") if stack.parts)]
    found: set[str] = set()
    for each in stacks:
        steps = [argv for _, argv in (*each.install, *each.test, *each.lint)]
        steps += [argv for service in each.services for argv in (*service.prepare, *service.seed)]
        found |= {" ".join(argv) for argv in steps}
        found |= {part for line in each.quickstart for part in line.split(" && ")}
    return found
