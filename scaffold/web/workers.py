"""Renders run in worker processes, never in the server's threads.

copier changes the process's working directory while it clones a template (plumbum's
``local.cwd``), so two renders in one process could run each other's git commands in the
wrong repository. A process each also lets two renders use two cores (no shared GIL).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from types import FrameType

from . import snapshot, zipping
from .cache import Built
from .params import Answers


def build(answers: Answers) -> Built:
    """Render one configuration and zip it (in a worker process)."""
    rendered = snapshot.render(answers)
    return Built(rendered, zipping.build_zip(answers.name, rendered))


class RenderPool:
    """``pool(answers)`` renders in one of ``workers`` processes and waits for the result
    (call it from a thread). Workers are fresh interpreters ("spawn": forking a threaded
    server is unsafe); ``close`` stops them at once, a render under way included."""

    def __init__(self, workers: int = 2) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_exit_on_sigterm,
        )

    def __call__(self, answers: Answers) -> Built:
        return self._pool.submit(build, answers).result()

    def close(self) -> None:
        # SIGTERM: a render under way unwinds and removes its temporary directory.
        processes = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(10)


def _exit_on_sigterm() -> None:
    """In a worker: SIGTERM, or the server going away, ends it the way an exception would,
    so the render under way removes its temporary directory."""

    def leave(signum: int, frame: FrameType | None) -> None:
        # The executor's worker loop catches the SystemExit (to report it): end for sure.
        hard_exit = threading.Timer(5, os._exit, (128 + signum,))
        hard_exit.daemon = True
        hard_exit.start()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
    parent = os.getppid()

    def watch_parent() -> None:  # a killed server must not leave workers behind
        while os.getppid() == parent:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch_parent, daemon=True).start()
