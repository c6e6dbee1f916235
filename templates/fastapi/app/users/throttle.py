"""Failed logins per client in a sliding window: after too many, the token endpoint says 429."""

import math
import threading
import time
from collections import deque
from collections.abc import Callable

# Past this many clients in memory, forget the ones whose failures have all expired.
SWEEP_ABOVE = 10_000


class FailedLogins:
    """Counts each client's failed logins over the last ``window_seconds``, in memory.

    Only failures count, so people and scripts that log in correctly are never slowed
    down. The counts live in this process: with several workers, each counts its own
    (a shared store such as Redis would make them one limit).
    """

    def __init__(
        self,
        attempts: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # sync endpoints run in a thread pool

    def retry_after(self, client: str) -> int | None:
        """Whole seconds until ``client`` may try again; None when it may try now."""
        with self._lock:
            failures = self._recent(client)
            if len(failures) < self.attempts:
                return None
            return max(1, math.ceil(failures[0] + self.window - self.clock()))

    def record_failure(self, client: str) -> None:
        with self._lock:
            self._failures.setdefault(client, deque()).append(self.clock())
            if len(self._failures) > SWEEP_ABOVE:
                for other in list(self._failures):
                    self._recent(other)

    def _recent(self, client: str) -> deque[float]:
        """``client``'s failures still inside the window (expired ones are dropped)."""
        failures = self._failures.get(client, deque())
        oldest_kept = self.clock() - self.window
        while failures and failures[0] <= oldest_kept:
            failures.popleft()
        if not failures:
            self._failures.pop(client, None)
        return failures
