"""wrk, the load generator: the Lua script it runs, running it, reading its summary."""

from __future__ import annotations

import json
import resource
import shutil
from collections.abc import Sequence
from pathlib import Path

from ..errors import CommandFailed, ToolMissing
from ..toolchain import install_advice, probe
from .model import LoadRun

WRK_THREADS = 1  # one load thread leaves the other core(s) to the server under test
WRK_TIMEOUT_S = 10  # a response slower than this counts as a (timeout) error
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


def require_wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        raise ToolMissing("wrk", install_advice("wrk"))
    return found


def run_wrk(url: str, script: Path, *, connections: int, seconds: int) -> LoadRun:
    """Drive ``url`` with wrk for ``seconds``; also measure wrk's own CPU time."""
    argv = [
        require_wrk(),
        f"-t{min(WRK_THREADS, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={WRK_TIMEOUT_S}s",
        f"-s{script}",
        url,
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = probe(argv, timeout=seconds + 60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done is None or done.returncode != 0:
        output = "(did not finish)" if done is None else done.stdout + done.stderr
        raise CommandFailed("Running wrk", argv, script.parent, output)
    return parse_wrk(done.stdout, wrk_cpu_s=cpu)
