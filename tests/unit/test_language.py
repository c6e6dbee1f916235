"""The language of a project's Node code: chosen once at creation (ts by default), recorded
as copier's ``language`` answer, read back by every command that touches Node files; a
Node project recorded before the question existed is JavaScript."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from scaffold import runner
from scaffold.answers import Recorded, asks_language, language_of, project_language
from scaffold.api import make_spec
from scaffold.errors import InvalidChoice, UserError
from scaffold.net import free_port
from scaffold.recommend import Needs, recommend
from scaffold.resources.stacks import LAYOUTS
from scaffold.stacks import DEFAULT_LANGUAGE, LANGUAGES, STACKS, Service, catalogue
from scaffold.updating import LanguageFixed, kept_language, normalise_data
from scaffold.validation import validate_language

ROOT = Path(__file__).resolve().parents[2]
COPIER = yaml.safe_load((ROOT / "copier.yml").read_text())
NODE = ["node-express", "hybrid"]
PYTHON = ["django-drf", "fastapi"]


def test_copier_asks_exactly_the_languages_of_stacks_py() -> None:
    assert list(COPIER["language"]["choices"].values()) == list(LANGUAGES)
    assert DEFAULT_LANGUAGE == "ts"


@pytest.mark.parametrize("stack", NODE)
def test_a_stack_with_node_code_offers_typescript_and_javascript(stack: str) -> None:
    assert STACKS[stack].languages == ("ts", "js")


@pytest.mark.parametrize("stack", PYTHON)
def test_a_python_stack_offers_no_language(stack: str) -> None:
    assert STACKS[stack].languages == ()


def test_the_catalogue_lists_each_stacks_languages_and_what_each_language_is() -> None:
    data = catalogue()
    by_stack = {s["name"]: s["languages"] for s in data["stacks"]}  # type: ignore[attr-defined]
    assert by_stack == {
        "node-express": ["ts", "js"],
        "django-drf": [],
        "fastapi": [],
        "hybrid": ["ts", "js"],
    }
    assert [lang["name"] for lang in data["languages"]] == ["ts", "js"]  # type: ignore[attr-defined]
    assert {"name", "title", "when"} == set(data["languages"][0])  # type: ignore[index]


def test_the_recommendation_names_the_language_of_a_node_stack_only() -> None:
    node = recommend(Needs(team="js", realtime=True))
    assert node.stack == "node-express" and node.to_json()["language"] == "ts"
    assert recommend(Needs(team="python")).to_json()["language"] is None


# --- new: validated answers ---------------------------------------------------------


@pytest.mark.parametrize("stack", NODE)
def test_a_node_project_is_typescript_unless_javascript_is_asked_for(stack: str) -> None:
    assert make_spec(name="shop", stack=stack).language == "ts"
    assert make_spec(name="shop", stack=stack).answers["language"] == "ts"
    assert make_spec(name="shop", stack=stack, language="js").answers["language"] == "js"


def test_a_language_given_as_an_extra_answer_is_the_language() -> None:
    spec = make_spec(name="shop", stack="node-express", extra={"language": "js"})
    assert spec.language == "js" and spec.answers["language"] == "js"
    with pytest.raises(UserError, match="Python only"):
        make_spec(name="shop", stack="fastapi", extra={"language": "js"})


def test_every_part_of_a_hybrid_renders_with_the_language() -> None:
    spec = make_spec(name="shop", stack="hybrid", language="js")
    assert [answers["language"] for _, answers in spec.renders] == ["js", "js", "js"]


@pytest.mark.parametrize("stack", PYTHON)
def test_a_python_project_has_no_language_and_refuses_one(stack: str) -> None:
    spec = make_spec(name="shop", stack=stack)
    assert spec.language is None and "language" not in spec.answers
    with pytest.raises(UserError, match="Python only"):
        make_spec(name="shop", stack=stack, language="ts")


def test_an_unknown_language_names_the_choices() -> None:
    with pytest.raises(InvalidChoice, match="Unknown language 'coffee'") as caught:
        validate_language("node-express", "coffee")
    assert "ts, js" in caught.value.hint


# --- what a project recorded ----------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "language"),
    [
        ({"stack": "node-express", "language": "ts"}, "ts"),
        ({"stack": "node-express", "language": "js"}, "js"),
        ({"stack": "node-express"}, "js"),  # made before the question existed
        ({"stack": "hybrid"}, "js"),  # the root part
        ({"stack": "hybrid", "part": "realtime", "language": "ts"}, "ts"),
        ({"stack": "hybrid", "part": "backend"}, None),  # Django only
        ({"stack": "fastapi"}, None),
        ({"stack": "django-drf"}, None),
    ],
)
def test_the_recorded_language(answers: dict[str, object], language: str | None) -> None:
    assert language_of(answers) == language
    assert asks_language(answers) is (language is not None)


def test_a_projects_language_is_read_from_its_answers_file(tmp_path: Path) -> None:
    (tmp_path / ".copier-answers.yml").write_text("stack: node-express\nlanguage: ts\n")
    assert project_language(tmp_path) == "ts"
    (tmp_path / ".copier-answers.yml").write_text("stack: node-express\n")
    assert project_language(tmp_path) == "js"


# --- update: the language is kept, never changed ---------------------------------------


def test_an_update_replays_javascript_for_a_node_project_recorded_without_a_language() -> None:
    assert kept_language({"stack": "node-express"}) == {"language": "js"}
    assert kept_language({"stack": "hybrid", "part": "realtime"}) == {"language": "js"}


def test_an_update_replays_a_recorded_language_as_copier_does() -> None:
    assert kept_language({"stack": "node-express", "language": "ts"}) == {}
    assert kept_language({"stack": "hybrid", "part": "backend"}) == {}
    assert kept_language({"stack": "fastapi"}) == {}


def _recorded(raw: dict[str, object]) -> Recorded:
    return Recorded(Path("."), "src", "v1", str(raw["stack"]), (), "sqlite", raw)


def test_an_update_refuses_to_change_the_language() -> None:
    js = _recorded({"stack": "node-express"})
    with pytest.raises(LanguageFixed, match="fixed at creation; this one's is js") as caught:
        normalise_data(js, {"language": "ts"})
    assert "scaffold new --lang ts" in caught.value.hint
    with pytest.raises(LanguageFixed):
        normalise_data(_recorded({"stack": "fastapi"}), {"language": "ts"})


def test_an_update_accepts_the_language_a_project_already_has() -> None:
    ts = _recorded({"stack": "node-express", "language": "ts"})
    assert normalise_data(ts, {"language": "ts"}) == {"language": "ts"}


# --- Node file names --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ts", "js"])
def test_the_node_server_file_is_in_the_projects_language(language: str) -> None:
    for stack in NODE:
        service = next(s for s in STACKS[stack].services if "node" in s.serve)
        assert service.serve[-1].format(language=language) == f"server.{language}"
        assert service.serve_production[-1].format(language=language) == f"server.{language}"


@pytest.mark.parametrize("language", ["ts", "js"])
def test_a_resource_is_registered_in_the_registry_of_the_projects_language(
    language: str,
) -> None:
    layout = LAYOUTS["node-express"].in_language(language)
    names = {"plural": "teachers", "plural_camel": "teachers"}
    assert {spot.path for spot in layout.spots} == {f"src/resources.{language}"}
    assert layout.spots[0].render(names) == (f"import teachers from './teachers/index.{language}';")


def test_python_layouts_have_no_language_to_fill_in() -> None:
    for stack in PYTHON:
        assert LAYOUTS[stack].in_language(None) == LAYOUTS[stack]


def test_a_service_starts_the_server_file_of_the_projects_language(tmp_path: Path) -> None:
    (tmp_path / ".copier-answers.yml").write_text("stack: node-express\nlanguage: ts\n")
    service = Service("web", serve=(sys.executable, "-c", "pass", "server.{language}"))
    running = runner.start(tmp_path, service, ports={"web": free_port()})
    try:
        assert running.service.serve[-1] == "server.ts"
    finally:
        runner.stop(running)
