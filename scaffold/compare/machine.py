"""The machine a comparison ran on: CPU, memory, kernel, tool versions, load."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

from ..toolchain import probe
from .model import Machine


def describe_machine(work: Path, load_before: tuple[float, float, float]) -> Machine:
    """CPU, cores, memory, kernel, the projects' Python, Node and wrk versions, load."""
    venvs = sorted(work.glob("*/.venv/pyvenv.cfg"))
    python = parse_venv_python(venvs[0].read_text()) if venvs else platform.python_version()
    return Machine(
        cpu=parse_cpu_model(_read("/proc/cpuinfo")),
        cores=os.cpu_count() or 1,
        memory_mb=parse_mem_total_mb(_read("/proc/meminfo")),
        kernel=f"{platform.system()} {platform.release()}",
        python=python,
        node=_version(["node", "--version"]),
        wrk=_version(["wrk", "--version"]).split(" Copyright")[0],
        load_before=load_before,
        load_after=os.getloadavg(),
    )


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


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(argv: list[str]) -> str:
    done = probe(argv)
    if done is None:
        return "not installed"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if lines else "unknown"
