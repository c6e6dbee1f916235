"""The security tier's summary line: how many cases schemathesis ran against each stack."""

from __future__ import annotations

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    counts = [
        (report.nodeid, value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if isinstance(report, pytest.TestReport) and report.when == "call"
        for name, value in report.user_properties
        if name == "schemathesis_cases"
    ]
    if counts:
        terminalreporter.section("schemathesis cases")
        for nodeid, cases in counts:
            terminalreporter.write_line(f"{cases:6} {nodeid}")
