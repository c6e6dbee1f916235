"""A compare Report as data: the JSON object, table rows, and a self-contained HTML page.

The page has inline SVG charts and inline CSS only: no script, no CDN, no external URL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from html import escape

from .model import ENDPOINTS, EndpointResult, LoadRun, Report, StackResult
from .wrk import WRK_THREADS, WRK_TIMEOUT_S

MB = 1024 * 1024


def method_notes(report: Report) -> list[str]:
    """How the figures were taken, in sentences (shown under the table and in JSON)."""
    s = report.settings
    notes = [
        f"Load: wrk, {WRK_THREADS} thread, {s.connections} connections, keep-alive; per "
        f"endpoint a {s.warmup} s warm-up (not counted), then {s.rounds} round(s) of "
        f"{s.duration} s; medians of the rounds are shown, errors are summed over them.",
        "Errors: responses with status >= 400 plus socket errors (connect, read, write, "
        f"timeouts over {WRK_TIMEOUT_S} s); each endpoint is checked to answer 2xx first.",
        f"Servers: production settings; Python stacks {s.workers} worker process(es) "
        "(WEB_CONCURRENCY), node-express one process as generated; SQLite; starter data "
        "Rahul and Priya; list and read are measured before any create.",
        "Peak RSS: sum over the server's process group sampled from /proc every 50 ms, "
        "the `uv run` launcher excluded. Startup: spawn to the first 200 on /, on a "
        "restart (a first start created the database). Install: uv sync / npm ci with "
        "warm caches. LOC: non-blank, non-comment lines of .py/.js/.ts/.html/.css (tests "
        "included). Deps: runtime dependencies declared / packages in the lock file.",
    ]
    notes.append(bottleneck_note(report))
    return notes


def bottleneck_note(report: Report) -> str:
    share = f"wrk used at most {report.max_wrk_cpu_share:.0%} of one core during the runs"
    if report.ceiling is None:
        return f"Load generator: {share} (Node missing: no ceiling check)."
    fastest = max((e.rps for s in report.stacks for e in s.endpoints.values()), default=0.0)
    ratio = report.ceiling.rps / fastest if fastest else 0.0
    return (
        f"Load generator: the same wrk settings reach {report.ceiling.rps:,.0f} req/s against "
        f"a trivial Node HTTP server on this machine, {ratio:.1f}x the fastest endpoint "
        f"measured; {share}. So the servers, not wrk, set the figures."
    )


def load_rows(report: Report) -> list[list[str]]:
    """stack, endpoint, req/s, p50 ms, p99 ms, errors."""
    rows = []
    for result in report.stacks:
        for endpoint in ENDPOINTS:
            e = result.endpoints[endpoint]
            path = result.paths[endpoint]
            method = "POST" if endpoint == "create" else "GET"
            rows.append(
                [
                    result.label,
                    f"{endpoint} ({method} {path})",
                    f"{e.rps:,.0f}",
                    f"{e.p50_ms:.1f}",
                    f"{e.p99_ms:.1f}",
                    str(e.errors),
                ]
            )
    return rows


LOAD_HEADERS = ["stack", "endpoint", "req/s", "p50 ms", "p99 ms", "errors"]
FOOTPRINT_HEADERS = ["stack", "peak RSS MB", "startup s", "install s", "LOC", "deps", "server"]


def footprint_rows(report: Report) -> list[list[str]]:
    return [
        [
            r.label,
            f"{r.peak_rss_bytes / MB:.0f}",
            f"{r.startup_s:.2f}",
            f"{r.install_s:.1f}",
            str(r.loc),
            f"{r.deps.direct} / {r.deps.total}",
            r.server,
        ]
        for r in report.stacks
    ]


def machine_line(report: Report) -> str:
    m = report.machine
    return (
        f"{m.cpu}, {m.cores} cores, {m.memory_mb:,} MB RAM, {m.kernel}; Python {m.python}, "
        f"Node {m.node}; {m.wrk}; load average {m.load_before[0]:.2f} before, "
        f"{m.load_after[0]:.2f} after"
    )


# --- JSON ------------------------------------------------------------------------------


def _run_dict(run: LoadRun) -> dict[str, object]:
    return {
        **asdict(run),
        "rps": run.rps,
        "errors": run.errors,
        "wrk_cpu_share": run.wrk_cpu_share,
    }


def _endpoint_dict(result: StackResult, endpoint: str, e: EndpointResult) -> dict[str, object]:
    return {
        "method": "POST" if endpoint == "create" else "GET",
        "path": result.paths[endpoint],
        "requests_per_s": e.rps,
        "latency_p50_ms": e.p50_ms,
        "latency_p99_ms": e.p99_ms,
        "errors": e.errors,
        "requests": e.requests,
        "rounds": [_run_dict(r) for r in e.rounds],
    }


def to_dict(report: Report) -> dict[str, object]:
    """Every figure of the report as one JSON-ready object (tuples become lists)."""
    data = {
        "machine": asdict(report.machine),
        "settings": {
            **asdict(report.settings),
            "warmup": report.settings.warmup,
            "wrk_threads": WRK_THREADS,
            "wrk_timeout_s": WRK_TIMEOUT_S,
        },
        "load_generator": {
            "tool": report.machine.wrk,
            "ceiling": _run_dict(report.ceiling) if report.ceiling else None,
            "max_wrk_cpu_share": report.max_wrk_cpu_share,
            "note": bottleneck_note(report),
        },
        "method": method_notes(report),
        "stacks": [
            {
                "stack": r.stack,
                "language": r.language,
                "server": r.server,
                "install_s": r.install_s,
                "startup_s": r.startup_s,
                "peak_rss_mb": r.peak_rss_bytes / MB,
                "loc": r.loc,
                "deps_direct": r.deps.direct,
                "deps_total": r.deps.total,
                "endpoints": {name: _endpoint_dict(r, name, e) for name, e in r.endpoints.items()},
            }
            for r in report.stacks
        ],
    }
    plain: dict[str, object] = json.loads(json.dumps(data))
    return plain


# --- HTML ------------------------------------------------------------------------------

_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2")
_CSS = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem}"
    "td{text-align:right}td:first-child,td:last-child{text-align:left}"
    ".charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}"
)


def bar_chart(title: str, bars: Sequence[tuple[str, float]], unit: str) -> str:
    """A horizontal bar chart as inline SVG (no namespace URL needed inside HTML)."""
    width, label_w, row_h = 420, 110, 26
    top = max((value for _, value in bars), default=0.0) or 1.0
    height = 30 + row_h * len(bars)
    parts = [
        f'<svg width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = 28 + i * row_h
        bar_w = (width - label_w - 90) * value / top
        color = _COLORS[i % len(_COLORS)]
        parts += [
            f'<text x="0" y="{y + 15}">{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{bar_w:.1f}" height="18" fill="{color}"/>',
            f'<text x="{label_w + bar_w + 6:.1f}" y="{y + 15}">{value:,.1f} {escape(unit)}</text>',
        ]
    return "<figure>" + "".join(parts) + "</svg></figure>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _charts(report: Report) -> list[str]:
    charts = []
    for endpoint in ENDPOINTS:
        per = [(r.label, r.endpoints[endpoint]) for r in report.stacks]
        charts.append(bar_chart(f"{endpoint}: requests/s", [(s, e.rps) for s, e in per], ""))
        charts.append(bar_chart(f"{endpoint}: p99 latency", [(s, e.p99_ms) for s, e in per], "ms"))
    stacks = report.stacks
    charts += [
        bar_chart("peak RSS", [(r.label, r.peak_rss_bytes / MB) for r in stacks], "MB"),
        bar_chart("startup", [(r.label, r.startup_s) for r in stacks], "s"),
        bar_chart("install", [(r.label, r.install_s) for r in stacks], "s"),
        bar_chart("lines of code", [(r.label, float(r.loc)) for r in stacks], ""),
        bar_chart("packages in lock file", [(r.label, float(r.deps.total)) for r in stacks], ""),
    ]
    return charts


def to_html(report: Report) -> str:
    """The whole report as one self-contained HTML page."""
    notes = "".join(f"<li>{escape(n)}</li>" for n in method_notes(report))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>scaffold compare</title><style>{_CSS}</style></head><body>"
        "<h1>scaffold compare: the same students API, side by side</h1>"
        f"<p><b>Machine:</b> {escape(machine_line(report))}</p>"
        f"{_table(LOAD_HEADERS, load_rows(report))}"
        f"{_table(FOOTPRINT_HEADERS, footprint_rows(report))}"
        f'<div class="charts">{"".join(_charts(report))}</div>'
        f"<h2>How these were measured</h2><ul>{notes}</ul></body></html>\n"
    )
