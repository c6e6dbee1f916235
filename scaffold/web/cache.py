"""Identical answers render once: a bounded in-memory cache in front of the renderer.

Thirty participants asking for one configuration at the same moment share one render
(the later ones wait for the first). Different configurations render side by side up to
``max_renders`` (the machine's cores), up to ``max_waiting`` more wait their turn, and
beyond that ``Busy`` tells the caller to come back later (HTTP 503 + Retry-After).
A render runs as its own task, so a participant closing the tab does not waste it.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import anyio.to_thread

from .params import Answers
from .snapshot import Snapshot


@dataclass(frozen=True)
class Built:
    """A rendered configuration: its files for Explore and its zip (without ``.env``)."""

    snapshot: Snapshot
    zip: bytes

    @property
    def size(self) -> int:
        files = (*self.snapshot.files.values(), *self.snapshot.git.values())
        return len(self.zip) + sum(len(entry.data) for entry in files)


class Busy(Exception):
    """Too many different configurations are rendering right now."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"busy, retry after {retry_after}s")
        self.retry_after = retry_after


class RenderCache:
    """``await cache.get(answers)``: cached, joined to a render under way, or rendered."""

    def __init__(
        self,
        build: Callable[[Answers], Built],
        *,
        max_renders: int = 2,
        max_waiting: int = 16,
        max_bytes: int = 256 * 1024 * 1024,
        retry_after: int = 2,
    ) -> None:
        self._build = build
        self.max_renders = max_renders
        self.max_waiting = max_waiting
        self._slots = asyncio.Semaphore(max_renders)
        self.max_bytes = max_bytes
        self.retry_after = retry_after
        self.renders = 0  # how many times ``build`` ran: what the cache saves shows here
        self._done: OrderedDict[Answers, Built] = OrderedDict()
        self._pending: dict[Answers, asyncio.Task[Built]] = {}

    async def get(self, answers: Answers) -> Built:
        built = self._done.get(answers)
        if built is not None:
            self._done.move_to_end(answers)
            return built
        task = self._pending.get(answers)
        if task is None:
            if len(self._pending) >= self.max_renders + self.max_waiting:
                raise Busy(self.retry_after)
            task = asyncio.create_task(self._render(answers))
            self._pending[answers] = task
            task.add_done_callback(lambda done: self._settle(answers, done))
        return await asyncio.shield(task)

    async def _render(self, answers: Answers) -> Built:
        async with self._slots:
            self.renders += 1
            built = await anyio.to_thread.run_sync(self._build, answers)
        self._done[answers] = built
        self._evict()
        return built

    def _settle(self, answers: Answers, task: asyncio.Task[Built]) -> None:
        self._pending.pop(answers, None)
        if not task.cancelled():
            task.exception()  # retrieved: a failed render is reported to its waiters only

    def _evict(self) -> None:
        """Drop the least recently used renders beyond the memory budget (keep the newest)."""
        total = sum(built.size for built in self._done.values())
        while total > self.max_bytes and len(self._done) > 1:
            _, oldest = self._done.popitem(last=False)
            total -= oldest.size
