"""Renders run in worker processes, never in the server's threads.

copier changes the process's working directory while it clones a template (plumbum's
``local.cwd``), so two renders in one process could run each other's git commands in the
wrong repository. A process each also lets two renders use two cores (no shared GIL).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from . import snapshot, zipping
from .cache import Built
from .params import Answers


def build(answers: Answers) -> Built:
    """Render one configuration and zip it (in a worker process)."""
    rendered = snapshot.render(answers)
    return Built(rendered, zipping.build_zip(answers.name, rendered))


class RenderPool:
    """``pool(answers)`` renders in one of ``workers`` processes and waits for the result
    (call it from a thread). Workers start on first use, with a fresh interpreter
    ("spawn": forking a threaded server is unsafe)."""

    def __init__(self, workers: int = 2) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))

    def __call__(self, answers: Answers) -> Built:
        return self._pool.submit(build, answers).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
