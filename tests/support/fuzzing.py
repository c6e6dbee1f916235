"""Fuzzing a running API with schemathesis (its CLI, ``st run``) from its OpenAPI schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Every check schemathesis has (`--checks all`) but these. positive_data_acceptance sends
# bodies the document calls valid and wants them stored; the stacks refuse some on purpose
# and the document does not say so yet (issue 25): control characters in strings, a
# number `price` with more than 2 decimals, a duplicate `unique` value (422 by the
# contract, a 409 to schemathesis), emails and URLs their validators refuse (Express:
# `a#b@c.com`; Django: a 63-character host label).
EXCLUDED_CHECKS = ("positive_data_acceptance",)
MAX_EXAMPLES = 30  # per operation and phase: the tier stays within two minutes of the suite


@dataclass
class FuzzRun:
    passed: bool
    cases: int
    output: str


def fuzz(
    schema_url: str,
    workdir: Path,
    *,
    exclude: Sequence[str] = EXCLUDED_CHECKS,
    headers: Sequence[str] = (),
) -> FuzzRun:
    """Run every schemathesis phase (examples, coverage, fuzzing, stateful) and check (but
    ``exclude``) against the API."""
    reports = workdir / "schemathesis"
    argv = [
        str(Path(sys.executable).with_name("st")),
        "run",
        schema_url,
        "--checks",
        "all",
        *(["--exclude-checks", ",".join(exclude)] if exclude else []),
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
