"""Pure measurement functions of ``scaffold compare``: parsing, aggregating, counting.

Nothing here starts a process or touches the network, so each is unit-tested on its own.
"""

from __future__ import annotations

import json
import re
import statistics
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The line the wrk Lua `done` hook prints (see ``wrk_script``).
WRK_MARKER = "SCAFFOLD_WRK "
_DONE_HOOK = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\\n',
    "MARKER", summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
"""


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


def wrk_script(method: str = "GET", body: str = "", headers: Sequence[tuple[str, str]] = ()) -> str:
    """A wrk Lua script: a fixed request (built once by wrk, not per request) and a
    ``done`` hook that prints the summary as one JSON line."""
    lines = [f"wrk.method = {_lua_string(method)}"]
    if body:
        lines.append(f"wrk.body = {_lua_string(body)}")
    lines += [f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers]
    return "\n".join(lines) + "\n" + _DONE_HOOK.replace("MARKER", WRK_MARKER)


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal


def parse_wrk(output: str, wrk_cpu_s: float = 0.0) -> LoadRun:
    """The LoadRun in wrk's output; ValueError when the summary line is missing."""
    for line in output.splitlines():
        if line.startswith(WRK_MARKER):
            data = json.loads(line[len(WRK_MARKER) :])
            return LoadRun(
                requests=int(data["requests"]),
                seconds=data["duration_us"] / 1e6,
                p50_ms=data["p50_us"] / 1e3,
                p99_ms=data["p99_us"] / 1e3,
                socket_errors=sum(int(data[k]) for k in ("connect", "read", "write", "timeout")),
                status_errors=int(data["status"]),
                wrk_cpu_s=wrk_cpu_s,
            )
    raise ValueError(f"no wrk summary in its output:\n{output[-2000:]}")


# --- the generated project: lines of code and dependencies --------------------------------

CODE_SUFFIXES = {".py": "#", ".js": "//", ".mjs": "//", ".cjs": "//", ".ts": "//"}
MARKUP_SUFFIXES = {".html", ".css"}
SKIPPED_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache"}


def count_loc(text: str, comment: str | None) -> int:
    """Lines that are neither blank nor a whole-line comment starting with ``comment``."""
    lines = (line.strip() for line in text.splitlines())
    return sum(1 for line in lines if line and not (comment and line.startswith(comment)))


def project_loc(project: Path) -> int:
    """Lines of code of a project's own source (.py, .js, .html, .css; tests included),
    without installed packages, lock files, data or configuration."""
    total = 0
    for path in project.rglob("*"):
        rel_parts = path.relative_to(project).parts
        if not path.is_file() or SKIPPED_DIRS.intersection(rel_parts):
            continue
        if path.suffix in CODE_SUFFIXES or path.suffix in MARKUP_SUFFIXES:
            comment = CODE_SUFFIXES.get(path.suffix)
            total += count_loc(path.read_text(errors="replace"), comment)
    return total


@dataclass(frozen=True)
class Dependencies:
    direct: int  # runtime dependencies the project declares
    total: int  # every package in its lock file (runtime and dev, transitive included)


def python_dependencies(pyproject: str, uv_lock: str) -> Dependencies:
    """From a pyproject.toml and its uv.lock (the project itself is not counted)."""
    declared = tomllib.loads(pyproject).get("project", {}).get("dependencies", [])
    packages = tomllib.loads(uv_lock).get("package", [])
    locked = [p for p in packages if not _is_virtual_root(p)]
    return Dependencies(direct=len(declared), total=len(locked))


def _is_virtual_root(package: dict[str, object]) -> bool:
    source = package.get("source")
    return isinstance(source, dict) and source.get("virtual") == "."


def node_dependencies(package_json: str, package_lock: str) -> Dependencies:
    """From a package.json and its package-lock.json (lockfile v2/v3)."""
    declared = json.loads(package_json).get("dependencies", {})
    packages = json.loads(package_lock).get("packages", {})
    return Dependencies(direct=len(declared), total=sum(1 for key in packages if key))


def project_dependencies(project: Path) -> Dependencies:
    if (project / "package.json").is_file():
        return node_dependencies(
            (project / "package.json").read_text(), (project / "package-lock.json").read_text()
        )
    return python_dependencies(
        (project / "pyproject.toml").read_text(), (project / "uv.lock").read_text()
    )


# --- processes: resident memory of a process group, from /proc ----------------------------


def parse_proc_stat(text: str) -> tuple[str, int]:
    """(command name, process group id) from the text of /proc/PID/stat."""
    head, _, rest = text.rpartition(")")
    comm = head.partition("(")[2]
    fields = rest.split()
    return comm, int(fields[2])  # after ")": state, ppid, pgrp


def parse_statm_rss(text: str, page_size: int) -> int:
    """Resident bytes from the text of /proc/PID/statm."""
    return int(text.split()[1]) * page_size


# --- the machine ---------------------------------------------------------------------------


def parse_cpu_model(cpuinfo: str) -> str:
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in {"model name", "Model", "Hardware"}:
            return value.strip()
    return "unknown"


def parse_mem_total_mb(meminfo: str) -> int:
    match = re.search(r"^MemTotal:\s+(\d+)\s*kB", meminfo, re.MULTILINE)
    return int(match.group(1)) // 1024 if match else 0


def parse_venv_python(pyvenv_cfg: str) -> str:
    """The Python version a virtualenv was made with (``version_info`` or ``version``)."""
    for line in pyvenv_cfg.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in {"version_info", "version"}:
            return value.strip()
    return "unknown"
