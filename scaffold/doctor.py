"""``scaffold doctor``: is this machine ready for the chosen stacks? Checks as data.

Each check says what was found and, when something is missing, the exact command that
fixes it. A check that is not ``required`` is a warning: ``scaffold new --run`` still
works without it (a busy port is replaced; an unreachable registry is fine offline).
"""

from __future__ import annotations

import os
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from . import template_source
from .errors import ToolMissing
from .net import port_is_free
from .stacks import STACKS
from .toolchain import MIN_NODE, install_advice, probe, resolve

MIN_PYTHON = (3, 11)  # the templates' requires-python
PYPI = "https://pypi.org/simple/"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        """Everything needed is there (warnings allowed)."""
        return all(c.ok or not c.required for c in self.checks)

    def as_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "checks": [c.as_dict() for c in self.checks]}


def diagnose(
    stacks: Sequence[str] | None = None, *, offline: bool = False, timeout: float = 5.0
) -> Report:
    """Check what ``stacks`` (default: every stack) need on this machine.

    ``offline``: the package registries may be unreachable (warnings, not failures),
    because installs will come from the caches ``scaffold warm`` filled.
    """
    chosen = [STACKS[name] for name in (stacks or STACKS)]
    python = any("python" in s.toolchain for s in chosen)
    node = any("node" in s.toolchain for s in chosen)
    checks: list[Check] = []
    if python:
        checks += [check_uv(), check_python()]
    checks.append(check_git())
    if node:
        checks += [check_node(), check_npm()]
    ports = sorted({svc.default_port for s in chosen for svc in s.services})
    checks += [check_port(port) for port in ports]
    checks += check_caches(python=python, node=node)
    probes: list[Callable[[], Check]] = []
    if python:
        probes.append(lambda: check_registry("PyPI", python_index(), offline, timeout))
    if node:
        probes.append(lambda: check_registry("npm registry", npm_registry(), offline, timeout))
    with ThreadPoolExecutor(max_workers=2) as pool:  # the two network probes at once
        checks += list(pool.map(lambda probe: probe(), probes))
    return Report(tuple(checks))


def _version(argv: Sequence[str]) -> tuple[tuple[int, ...], str]:
    """The first dotted version in a tool's ``--version`` output, and that output."""
    done = probe(argv, timeout=20)
    text = done.stdout.strip() if done else ""
    found = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", text)
    return (tuple(int(p) for p in found.groups() if p) if found else ()), text


def check_uv() -> Check:
    try:
        uv = resolve("uv")
    except ToolMissing as exc:
        return Check("uv", False, "not found", exc.hint)
    return Check("uv", True, _version([uv, "--version"])[1] or uv)


def check_python() -> Check:
    """A Python that uv will use for the projects (it never downloads one in a classroom
    without network, so one must be found now)."""
    wanted = ".".join(map(str, MIN_PYTHON))
    fix = f"uv python install {wanted}"
    try:
        uv = resolve("uv")
    except ToolMissing:
        return Check("python", False, "cannot look for Python without uv", fix)
    found = probe([uv, "python", "find", "--system", f">={wanted}"], timeout=60)
    path = found.stdout.strip() if found else ""
    if not found or found.returncode != 0 or not path:
        return Check("python", False, f"no Python >= {wanted} found by uv", fix)
    version = _version([path, "--version"])[1]
    return Check("python", True, f"{version} ({path})")


def check_git() -> Check:
    fix = install_advice("git")
    git = shutil.which("git")
    if not git:
        return Check("git", False, "not found on PATH", fix)
    return Check("git", True, _version([git, "--version"])[1])


def check_node() -> Check:
    wanted = ".".join(map(str, MIN_NODE))
    node = shutil.which("node")
    if not node:
        return Check(
            "node", False, f"not found on PATH (Node.js >= {wanted} needed)", install_advice("node")
        )
    version, text = _version([node, "--version"])
    if version < MIN_NODE:
        return Check(
            "node",
            False,
            f"{text or 'unknown version'}; >= {wanted} needed",
            install_advice("node"),
        )
    return Check("node", True, text)


def check_npm() -> Check:
    npm = shutil.which("npm")
    if not npm:
        return Check(
            "npm", False, "not found on PATH (it ships with Node.js)", install_advice("node")
        )
    return Check("npm", True, _version([npm, "--version"])[1])


def check_port(port: int) -> Check:
    name = f"port {port}"
    if port_is_free(port):
        return Check(name, True, "free", required=False)
    return Check(
        name,
        False,
        "in use: `scaffold new --run` will pick another port and say so",
        f"see what holds it: lsof -i :{port}   (or choose one: PORT=8123 scaffold new … --run)",
        required=False,
    )


def check_caches(*, python: bool, node: bool) -> list[Check]:
    dirs: list[tuple[str, Path | None, str]] = [
        ("template store", template_source.store_dir().parent, "SCAFFOLD_HOME")
    ]
    if python:
        dirs.append(("uv cache", uv_cache_dir(), "UV_CACHE_DIR"))
    if node and shutil.which("npm"):  # without npm, the npm check already says what to do
        dirs.append(("npm cache", npm_cache_dir(), "npm_config_cache"))
    return [check_writable(name, path, variable) for name, path, variable in dirs]


def check_writable(name: str, path: Path | None, variable: str) -> Check:
    """``path`` is (or can be created as) a directory we can write to."""
    if path is None:
        return Check(name, False, "location unknown", f"export {variable}=<a writable directory>")
    existing = next(p for p in (path, *path.parents) if p.exists())
    if existing.is_dir() and os.access(existing, os.W_OK | os.X_OK):
        return Check(name, True, f"{path} is writable")
    return Check(
        name,
        False,
        f"{path} is not writable",
        f"sudo chown -R $(id -un) {existing}   (or: export {variable}=<a writable directory>)",
    )


def uv_cache_dir() -> Path | None:
    out = probe(["uv", "cache", "dir"])
    return Path(out.stdout.strip()) if out and out.returncode == 0 and out.stdout.strip() else None


def npm_config(key: str) -> str:
    """``npm config get key``: honours .npmrc files and ``npm_config_*`` variables."""
    npm = shutil.which("npm")
    if not npm:
        return ""
    done = probe([npm, "config", "get", key])
    return done.stdout.strip() if done and done.returncode == 0 else ""


def npm_cache_dir() -> Path | None:
    found = npm_config("cache")
    return Path(found) if found else None


def python_index() -> str:
    """The index uv installs from (uv's variables first, then pip's)."""
    names = ("UV_DEFAULT_INDEX", "UV_INDEX_URL", "PIP_INDEX_URL")
    return next((os.environ[n] for n in names if os.environ.get(n)), PYPI)


def npm_registry() -> str:
    # Without npm, its own variable (npm spells these in lower case) is the best guess.
    found = npm_config("registry") or os.environ.get("npm_config_registry")  # noqa: SIM112
    return found or "https://registry.npmjs.org/"


def check_registry(name: str, url: str, offline: bool, timeout: float) -> Check:
    """One HEAD request: any answer from the server (even 404/405) proves it reachable."""
    problem = _probe(url, timeout)
    if problem is None:
        return Check(name, True, f"{url} answers")
    if offline:
        return Check(
            name,
            False,
            f"{url} unreachable ({problem}); offline installs use the caches",
            "nothing, if `scaffold warm` ran on this machine; otherwise run it where "
            "the network works",
            required=False,
        )
    return Check(
        name,
        False,
        f"{url} unreachable ({problem})",
        "check the network or proxy (HTTPS_PROXY), or work from the caches: "
        "`scaffold warm` once online, then `scaffold new … --offline`",
    )


def _probe(url: str, timeout: float) -> str | None:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        # 407: the proxy wants credentials; 5xx: the registry is down.
        return None if exc.code < 500 and exc.code != 407 else f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return str(reason) or type(exc).__name__
