"""Real PostgreSQL and Redis servers for tests: temp dirs, free loopback ports, stopped by PID."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scaffold.runner import free_port


def _wait_for(check: Any, what: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {timeout}s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _as_postgres_user() -> dict[str, Any]:
    """initdb refuses root: run the server as the ``postgres`` system user when we are root."""
    if os.geteuid() != 0:
        return {}
    return {"user": "postgres", "group": "postgres", "extra_groups": []}


@contextlib.contextmanager
def postgres_server(bin_dir: str) -> Iterator[str]:
    """Yield the URL of a throwaway PostgreSQL cluster (trust auth, user ``postgres``)."""
    tmp = Path(tempfile.mkdtemp(prefix="scaffold-pg-"))
    drop = _as_postgres_user()
    if drop:
        pw = pwd.getpwnam("postgres")
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
    data, port = tmp / "data", free_port()
    subprocess.run(
        [
            f"{bin_dir}/initdb",
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        cwd=tmp,
        **drop,
    )
    server = subprocess.Popen(
        [
            f"{bin_dir}/postgres",
            "-D",
            str(data),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-k",
            str(tmp),
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp,
        **drop,
    )
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    try:
        _wait_for(lambda: _psql(url, "select 1", check=False) == 0, "PostgreSQL", server)
        yield url
    finally:
        _stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


def _psql(url: str, sql: str, *, check: bool = True) -> int:
    done = subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql],
        capture_output=True,
        text=True,
        check=False,
    )
    if check and done.returncode != 0:
        raise RuntimeError(done.stderr)
    return done.returncode


def create_database(server_url: str, name: str) -> str:
    """Create database ``name`` on the server and return its URL."""
    _psql(server_url, f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@contextlib.contextmanager
def redis_server(binary: str) -> Iterator[str]:
    """Yield the URL of a throwaway Redis (no persistence) on a free loopback port."""
    tmp = Path(tempfile.mkdtemp(prefix="scaffold-redis-"))
    port = free_port()
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _redis_ping(port), "Redis", server)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False
