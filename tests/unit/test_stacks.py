"""stacks.py is the one source of stacks and features; copier.yml must agree with it."""

from __future__ import annotations

from pathlib import Path

import yaml

from scaffold.stacks import DATABASES, FEATURES, STACKS

ROOT = Path(__file__).resolve().parents[2]
COPIER = yaml.safe_load((ROOT / "copier.yml").read_text())


def test_copier_offers_exactly_the_stacks_features_and_databases_of_stacks_py() -> None:
    assert list(COPIER["stack"]["choices"].values()) == list(STACKS)
    assert list(COPIER["features"]["choices"].values()) == list(FEATURES)
    assert list(COPIER["db"]["choices"].values()) == list(DATABASES)


def test_copier_default_features_and_validator_use_each_stacks_feature_list() -> None:
    for text in (COPIER["features"]["default"], COPIER["features"]["validator"]):
        for stack in STACKS.values():
            assert f"'{stack.name}': {list(stack.features)!r}" in text.replace("\n", "")


def test_every_stack_has_a_template_folder_with_the_shared_answers_file() -> None:
    for name in STACKS:
        answers = ROOT / "templates" / name / "{{_copier_conf.answers_file}}.jinja"
        assert answers.is_symlink(), name
        assert answers.resolve() == (ROOT / "templates/_shared/{{_copier_conf.answers_file}}.jinja")


def test_a_url_is_listed_only_while_its_feature_is_on() -> None:
    for stack in STACKS.values():
        for service in stack.services:
            for url in service.urls_for(()):
                assert url.feature is None, (stack.name, url)
            every = {u.label for u in service.urls_for(stack.features)}
            assert every == {u.label for u in service.urls}, stack.name
    node = STACKS["node-express"].services[0]
    assert [u.label for u in node.urls_for(["students"])] == ["app", "students API"]


def test_each_feature_url_names_a_feature_its_stack_offers() -> None:
    for stack in STACKS.values():
        for service in stack.services:
            for url in service.urls:
                assert url.feature is None or url.feature in stack.features, (stack.name, url)


def test_django_spells_every_contract_path_with_a_trailing_slash() -> None:
    django, node = STACKS["django-drf"].services[0], STACKS["node-express"].services[0]
    assert django.path("/api/students?limit=1") == "/api/students/?limit=1"
    assert django.health_path == "/healthz/" and node.health_path == "/healthz"
    assert node.path("/api/auth/token") == "/api/auth/token"
