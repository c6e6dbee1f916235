"""Identical answers render once; renders are bounded and leave nothing on disk."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from scaffold.stacks import STACKS
from scaffold.web.app import create_app, first_views
from scaffold.web.cache import Built, RenderCache
from scaffold.web.params import Answers
from scaffold.web.snapshot import Entry, Snapshot
from tests.web.conftest import serving

pytestmark = pytest.mark.web

DEMO = "stack=fastapi&features=students&db=sqlite&name=demo"
DEMO_STACK = "stack=fastapi&features=students&db=sqlite"


def fake_build(answers: Answers) -> Built:
    readme = Entry(f"# {answers.name}\n".encode(), 0o644)
    return Built(Snapshot({"README.md": readme}, {}, ()), b"zip")


class Gate:
    """A build that waits until the test opens the gate, counting who is inside."""

    def __init__(self) -> None:
        self.entered = threading.Semaphore(0)
        self.open = threading.Event()

    def __call__(self, answers: Answers) -> Built:
        self.entered.release()
        assert self.open.wait(30)
        return fake_build(answers)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[tuple[str, RenderCache]]:
    """A server as `scaffold web` makes it (renders in worker processes, which it starts
    after this fixture has pointed their temporary files at ``tmp_path/tmp``)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    app = create_app()
    with serving(app) as url:
        yield url, app.state.cache


def test_a_second_identical_request_does_not_render(counted: tuple[str, RenderCache]) -> None:
    url, cache = counted
    first = httpx.get(f"{url}/api/files?{DEMO}", trust_env=False, timeout=60)
    assert first.status_code == 200 and cache.renders == 1
    again = httpx.get(f"{url}/api/files?{DEMO}", trust_env=False)
    zipped = httpx.get(f"{url}/starter.zip?{DEMO}", trust_env=False)
    shown = httpx.get(f"{url}/api/file?{DEMO}&path=README.md", trust_env=False)
    assert (again.json(), zipped.status_code, shown.status_code) == (first.json(), 200, 200)
    assert cache.renders == 1
    other = httpx.get(f"{url}/api/files?{DEMO.replace('demo', 'shop')}", trust_env=False)
    assert other.status_code == 200 and cache.renders == 2


def test_renders_leave_no_temporary_directory(
    counted: tuple[str, RenderCache], tmp_path: Path
) -> None:
    url, _ = counted
    assert httpx.get(f"{url}/starter.zip?{DEMO}", trust_env=False, timeout=60).status_code == 200
    bad = httpx.get(f"{url}/starter.zip?stack=fastapi&features=chat", trust_env=False)
    assert bad.status_code == 400
    assert list((tmp_path / "tmp").iterdir()) == []


def test_different_stacks_rendered_at_once_each_get_their_own_files(
    counted: tuple[str, RenderCache],
) -> None:
    url, _ = counted
    signature = {
        "fastapi": "alembic.ini",
        "node-express": "package.json",
        "django-drf": "manage.py",
    }

    def files(stack: str) -> set[str]:
        answer = httpx.get(f"{url}/api/files?stack={stack}", trust_env=False, timeout=60)
        return {f["path"] for f in answer.json()["files"]}

    with ThreadPoolExecutor(3) as pool:
        listed = dict(zip(signature, pool.map(files, signature), strict=True))
    for stack, own in signature.items():
        assert own in listed[stack]
        assert not (set(signature.values()) - {own}) & listed[stack]


def test_thirty_simultaneous_identical_requests_cost_one_render() -> None:
    gate = Gate()
    cache = RenderCache(gate, max_renders=1, max_waiting=0)
    with serving(create_app(cache)) as url, ThreadPoolExecutor(30) as pool:
        answers = [
            pool.submit(httpx.get, f"{url}/starter.zip?{DEMO}", trust_env=False, timeout=30)
            for _ in range(30)
        ]
        assert gate.entered.acquire(timeout=10)
        gate.open.set()
        assert [a.result().status_code for a in answers] == [200] * 30
    assert cache.renders == 1


def test_beyond_the_render_limit_the_answer_is_503_with_retry_after() -> None:
    gate = Gate()
    cache = RenderCache(gate, max_renders=1, max_waiting=0, retry_after=3)
    with serving(create_app(cache)) as url, ThreadPoolExecutor(2) as pool:
        busy = pool.submit(httpx.get, f"{url}/api/files?{DEMO}", trust_env=False, timeout=30)
        assert gate.entered.acquire(timeout=10)
        other = httpx.get(f"{url}/api/files?{DEMO.replace('demo', 'shop')}", trust_env=False)
        assert other.status_code == 503
        assert other.headers["retry-after"] == "3"
        assert "Retry in 3 seconds" in other.json()["error"]["fix"]
        gate.open.set()
        assert busy.result().status_code == 200
        later = httpx.get(f"{url}/api/files?{DEMO.replace('demo', 'shop')}", trust_env=False)
        assert later.status_code == 200


def test_up_to_max_waiting_other_configurations_wait_their_turn() -> None:
    gate = Gate()
    cache = RenderCache(gate, max_renders=1, max_waiting=1)
    with serving(create_app(cache)) as url, ThreadPoolExecutor(2) as pool:
        first, second = (
            pool.submit(
                httpx.get, f"{url}/api/files?{DEMO_STACK}&name={n}", trust_env=False, timeout=30
            )
            for n in ("one", "two")
        )
        assert gate.entered.acquire(timeout=10)  # "one" renders, "two" waits for the slot
        time.sleep(0.2)
        third = httpx.get(f"{url}/api/files?{DEMO_STACK}&name=three", trust_env=False)
        assert third.status_code == 503
        gate.open.set()
        assert (first.result().status_code, second.result().status_code) == (200, 200)
    assert cache.renders == 2


def test_the_cache_forgets_the_least_recently_used_beyond_its_budget() -> None:
    cache = RenderCache(fake_build, max_bytes=1)  # every entry is over budget: keep one
    with serving(create_app(cache)) as url:
        for name in ("one", "two", "one"):
            get = httpx.get(f"{url}/api/files?stack=fastapi&name={name}", trust_env=False)
            assert get.status_code == 200
    assert cache.renders == 3


def test_a_failed_render_is_reported_and_not_cached() -> None:
    calls = []

    def failing(answers: Answers) -> Built:
        calls.append(answers)
        raise RuntimeError("disk full")

    cache = RenderCache(failing)
    with serving(create_app(cache)) as url:
        for _ in range(2):
            assert httpx.get(f"{url}/api/files?{DEMO}", trust_env=False).status_code == 500
    assert len(calls) == 2


def test_the_first_views_are_rendered_at_start_up_one_at_a_time() -> None:
    inside = []

    def build(answers: Answers) -> Built:
        inside.append(answers)
        return fake_build(answers)

    cache = RenderCache(build)
    with serving(create_app(cache, warm=first_views())) as url:
        deadline = time.monotonic() + 10
        while cache.renders < len(STACKS):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        page_first = httpx.get(f"{url}/api/files", trust_env=False).json()["answers"]
    assert inside[0].stack == page_first["stack"] == "fastapi"
    assert {a.stack for a in inside} == set(STACKS)
    assert cache.renders == len(STACKS)  # the page's first request was served from memory
