"""The data of ``scaffold compare``: what to measure, and what was measured."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from ..stacks import STACKS

ENDPOINTS = ("list", "read", "create")
COMPARABLE = tuple(
    name
    for name, stack in STACKS.items()
    if "students" in stack.features
    and len(stack.services) == 1
    and stack.services[0].serve_production
    and stack.services[0].admin_login
)


def parse_target(target: str) -> tuple[str, str | None]:
    """``node-express:js`` → (stack, language); a bare stack takes its default language."""
    stack, _, language = target.partition(":")
    return stack, language or None


@dataclass(frozen=True)
class Settings:
    # Stacks, each optionally with a language: ("node-express:ts", "node-express:js").
    stacks: tuple[str, ...] = COMPARABLE
    duration: int = 10  # seconds per counted round
    connections: int = 64
    rounds: int = 3
    workers: int = 2  # WEB_CONCURRENCY of the Python servers; Node runs one process

    @property
    def warmup(self) -> int:
        """Seconds of uncounted load before each endpoint's rounds."""
        return max(1, min(5, self.duration // 2))


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    memory_mb: int
    kernel: str
    python: str
    node: str
    wrk: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]


@dataclass(frozen=True)
class StackResult:
    stack: str
    server: str
    install_s: float
    startup_s: float
    peak_rss_bytes: int
    loc: int
    deps: Dependencies
    endpoints: dict[str, EndpointResult]
    paths: dict[str, str]
    language: str | None = None  # of the Node code; None: a Python stack

    @property
    def label(self) -> str:
        """How the report names the build: ``node-express (ts)``, ``fastapi``."""
        return f"{self.stack} ({self.language})" if self.language else self.stack


@dataclass(frozen=True)
class Report:
    machine: Machine
    settings: Settings
    ceiling: LoadRun | None
    stacks: tuple[StackResult, ...]

    @property
    def max_wrk_cpu_share(self) -> float:
        runs = [r for s in self.stacks for e in s.endpoints.values() for r in e.rounds]
        return max((r.wrk_cpu_share for r in runs), default=0.0)


@dataclass(frozen=True)
class LoadRun:
    """One wrk run: what it counted and what it cost the load generator itself."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    socket_errors: int  # connect, read, write errors and timeouts
    status_errors: int  # responses with a status of 400 or more
    wrk_cpu_s: float = 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    @property
    def errors(self) -> int:
        return self.socket_errors + self.status_errors

    @property
    def wrk_cpu_share(self) -> float:
        """wrk's CPU time over wall time: 1.0 is one core kept fully busy."""
        return self.wrk_cpu_s / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class EndpointResult:
    """The counted rounds against one endpoint and their medians."""

    rounds: tuple[LoadRun, ...]

    @property
    def rps(self) -> float:
        return median(r.rps for r in self.rounds)

    @property
    def p50_ms(self) -> float:
        return median(r.p50_ms for r in self.rounds)

    @property
    def p99_ms(self) -> float:
        return median(r.p99_ms for r in self.rounds)

    @property
    def requests(self) -> int:
        return sum(r.requests for r in self.rounds)

    @property
    def errors(self) -> int:
        """Every error of every round (not a median: one failed request matters)."""
        return sum(r.errors for r in self.rounds)


def median(values: Iterable[float]) -> float:
    """The median; 0.0 for no values."""
    items = list(values)
    return float(statistics.median(items)) if items else 0.0


@dataclass(frozen=True)
class Dependencies:
    direct: int  # runtime dependencies the project declares
    total: int  # every package in its lock file (runtime and dev, transitive included)
