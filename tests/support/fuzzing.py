"""Fuzzing a running API with schemathesis (its CLI, ``st run``) from its OpenAPI schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# A 5xx is always a bug; every documented answer must match its declared schema.
CONFORMANCE = (
    "not_a_server_error",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)
# Also every status code must be documented (for schemas that document their errors).
STRICT = (*CONFORMANCE, "status_code_conformance")
MAX_EXAMPLES = 50  # per operation and phase: a run stays well under two minutes


@dataclass
class FuzzRun:
    passed: bool
    cases: int
    output: str


def fuzz(
    schema_url: str,
    workdir: Path,
    *,
    checks: Sequence[str] = CONFORMANCE,
    headers: Sequence[str] = (),
) -> FuzzRun:
    """Run every schemathesis phase (examples, coverage, fuzzing, stateful) against the API."""
    reports = workdir / "schemathesis"
    argv = [
        str(Path(sys.executable).with_name("st")),
        "run",
        schema_url,
        "--checks",
        ",".join(checks),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-database",
        "none",
        "--report",
        "json",
        "--report-dir",
        str(reports),
        "--no-color",
        *(arg for header in headers for arg in ("--header", header)),
    ]
    done = subprocess.run(
        argv, cwd=workdir, capture_output=True, text=True, timeout=300, check=False
    )
    output = done.stdout + done.stderr
    written = list(reports.glob("*.json"))
    if not written:  # e.g. the schema could not be loaded
        return FuzzRun(passed=False, cases=0, output=output)
    report = json.loads(written[0].read_text())
    return FuzzRun(
        passed=done.returncode == 0 and report["complete"],
        cases=report["test_cases"]["generated"],
        output=output,
    )
