"""The pure parts of `scaffold compare`: wrk output, medians, counting, the report."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from scaffold.compare import (
    ENDPOINTS,
    Machine,
    Report,
    Settings,
    StackResult,
    endpoint_paths,
    validate_settings,
)
from scaffold.compare.footprint import (
    count_loc,
    node_dependencies,
    parse_proc_stat,
    parse_statm_rss,
    project_loc,
    python_dependencies,
)
from scaffold.compare.machine import parse_cpu_model, parse_mem_total_mb, parse_venv_python
from scaffold.compare.model import Dependencies, EndpointResult, LoadRun, median, parse_target
from scaffold.compare.report import bar_chart, footprint_rows, load_rows, to_dict, to_html
from scaffold.compare.wrk import parse_wrk, wrk_script
from scaffold.errors import UserError
from scaffold.stacks import STACKS

# What wrk 4.1 prints with the script of `wrk_script()` (its own summary, then our line).
WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:41234/api/students
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.52ms    2.01ms  30.11ms   91.02%
    Req/Sec     1.07k    50.12     1.13k    70.00%
  2139 requests in 2.00s, 425.37KB read
  Non-2xx or 3xx responses: 3
Requests/sec:   1068.93
Transfer/sec:    212.56KB
SCAFFOLD_WRK {"requests": 2139, "duration_us": 2001070, "p50_us": 7102, "p99_us": 19873, \
"connect": 0, "read": 1, "write": 0, "status": 3, "timeout": 2}
"""


def test_parse_wrk_reads_the_summary_line() -> None:
    run = parse_wrk(WRK_OUTPUT, wrk_cpu_s=0.5)
    assert run.requests == 2139
    assert run.seconds == pytest.approx(2.00107)
    assert run.rps == pytest.approx(1068.93, rel=1e-3)
    assert (run.p50_ms, run.p99_ms) == (7.102, 19.873)
    assert (run.socket_errors, run.status_errors, run.errors) == (3, 3, 6)
    assert run.wrk_cpu_share == pytest.approx(0.25, rel=1e-3)


def test_parse_wrk_without_summary_is_an_error() -> None:
    with pytest.raises(ValueError, match="no wrk summary"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_wrk_script_builds_a_fixed_request_and_the_done_hook() -> None:
    script = wrk_script("POST", '{"name": "Asha"}', [("Authorization", 'Token "x"')])
    assert 'wrk.method = "POST"' in script
    assert 'wrk.body = "{\\"name\\": \\"Asha\\"}"' in script
    assert 'wrk.headers["Authorization"] = "Token \\"x\\""' in script
    assert "done = function(summary, latency, requests)" in script
    assert "SCAFFOLD_WRK " in script
    # A per-request `request`/`response` hook would slow wrk down; there is none.
    assert "request = function" not in script and "response = function" not in script


def test_median_of_rounds() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([]) == 0.0


def _run(rps: float, p99: float, errors: int = 0) -> LoadRun:
    return LoadRun(int(rps * 2), 2.0, 1.0, p99, socket_errors=errors, status_errors=0)


def test_endpoint_result_takes_medians_and_sums_errors() -> None:
    result = EndpointResult((_run(100, 9), _run(300, 1, errors=2), _run(200, 5, errors=1)))
    assert result.rps == 200
    assert result.p99_ms == 5
    assert result.errors == 3
    assert result.requests == 1200


def test_count_loc_skips_blank_and_comment_lines() -> None:
    text = "# comment\nimport os\n\n   \nx = 1  # trailing comments count\n"
    assert count_loc(text, "#") == 2
    assert count_loc("// c\nconst a = 1;\n", "//") == 1
    assert count_loc("<p>\n\n</p>\n", None) == 2


def test_project_loc_counts_sources_not_installed_packages(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("a = 1\nb = 2\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.js").write_text("// hi\nexport const a = 1;\n")
    (tmp_path / "uv.lock").write_text("lots\nof\nlines\n")
    for skipped in (".venv", "node_modules"):
        (tmp_path / skipped).mkdir()
        (tmp_path / skipped / "dep.py").write_text("x = 1\n" * 50)
    assert project_loc(tmp_path) == 3


def test_python_dependencies_from_pyproject_and_uv_lock() -> None:
    pyproject = '[project]\nname = "x"\ndependencies = ["fastapi==1", "uvicorn==2"]\n'
    lock = (
        'version = 1\n[[package]]\nname = "x"\nsource = { virtual = "." }\n'
        '[[package]]\nname = "fastapi"\n[[package]]\nname = "uvicorn"\n'
        '[[package]]\nname = "starlette"\n'
    )
    assert python_dependencies(pyproject, lock) == Dependencies(direct=2, total=3)


def test_node_dependencies_from_package_and_lock() -> None:
    package = json.dumps({"dependencies": {"express": "^5"}, "devDependencies": {"eslint": "9"}})
    lock = json.dumps(
        {
            "packages": {
                "": {"name": "x"},
                "node_modules/express": {},
                "node_modules/eslint": {},
                "node_modules/qs": {},
            }
        }
    )
    assert node_dependencies(package, lock) == Dependencies(direct=1, total=3)


def test_proc_parsing() -> None:
    # A command name may hold spaces and parentheses; fields are counted after the last ")".
    comm, pgid = parse_proc_stat("123 (node (x) y) S 1 4242 4242 0 -1 4194560 ...")
    assert (comm, pgid) == ("node (x) y", 4242)
    assert parse_statm_rss("1000 250 30 1 0 80 0", 4096) == 250 * 4096


def test_machine_parsing() -> None:
    assert parse_cpu_model("processor\t: 0\nmodel name\t: AMD EPYC 7B13\n") == "AMD EPYC 7B13"
    assert parse_mem_total_mb("MemTotal:       24684312 kB\nMemFree: 1 kB\n") == 24105
    assert parse_venv_python("home = /usr/bin\nversion_info = 3.11.7\n") == "3.11.7"


def test_endpoint_paths_keep_each_stack_slash_style() -> None:
    django = endpoint_paths(STACKS["django-drf"].services[0])
    assert django == {
        "list": "/api/students/",
        "read": "/api/students/1/",
        "create": "/api/students/",
    }
    fastapi = endpoint_paths(STACKS["fastapi"].services[0])
    assert fastapi["read"] == "/api/students/1"


def test_production_servers_are_defined_and_dev_serve_is_untouched() -> None:
    fastapi = STACKS["fastapi"].services[0]
    assert "--reload" not in fastapi.serve_production
    assert "uvicorn" in fastapi.serve_production
    django = STACKS["django-drf"].services[0]
    assert "gunicorn" in django.serve_production and "runserver" in django.serve
    env = dict(django.production_env)
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert dict(STACKS["node-express"].services[0].production_env)["NODE_ENV"] == "production"


def _report() -> Report:
    endpoints = {e: EndpointResult((_run(100, 9), _run(120, 7))) for e in ENDPOINTS}
    stack = StackResult(
        stack="fastapi",
        server="uvicorn app.main:app",
        install_s=1.5,
        startup_s=0.8,
        peak_rss_bytes=150 * 1024 * 1024,
        loc=450,
        deps=Dependencies(7, 37),
        endpoints=endpoints,
        paths=endpoint_paths(STACKS["fastapi"].services[0]),
    )
    machine = Machine(
        "CPU <x>", 2, 24105, "Linux 6", "3.11.7", "v20", "wrk 4.1", (1, 1, 1), (2, 2, 2)
    )
    return Report(machine, Settings(stacks=("fastapi",)), _run(20000, 3), (stack,))


def test_report_dict_rows_and_html() -> None:
    report = _report()
    data = to_dict(report)
    stack = data["stacks"][0]  # type: ignore[index]
    assert stack["endpoints"]["list"]["requests_per_s"] == 110
    assert stack["peak_rss_mb"] == 150
    assert json.loads(json.dumps(data)) == data
    assert load_rows(report)[0][:3] == ["fastapi", "list (GET /api/students)", "110"]
    assert footprint_rows(report)[0][1] == "150"
    page = to_html(report)
    assert "<svg" in page and "CPU &lt;x&gt;" in page
    assert "http://" not in page and "https://" not in page


def test_bar_chart_scales_to_the_largest_value() -> None:
    svg = bar_chart("req/s", [("a", 50.0), ("b", 100.0)], "")
    assert svg.count("<rect") == 2
    assert 'width="220.0"' in svg  # the largest bar spans the full bar area


def test_a_target_is_a_stack_optionally_with_the_language_of_its_node_code() -> None:
    assert parse_target("node-express:js") == ("node-express", "js")
    assert parse_target("node-express") == ("node-express", None)  # its default: ts
    validate_settings(Settings(stacks=("node-express:ts", "node-express:js", "fastapi")))


@pytest.mark.parametrize("target", ["fastapi:ts", "node-express:py", "hybrid"])
def test_a_target_that_cannot_be_compared_names_the_ones_that_can(target: str) -> None:
    with pytest.raises(UserError, match=f"Cannot compare {target}") as caught:
        validate_settings(Settings(stacks=(target,)))
    assert "node-express:ts, node-express:js" in caught.value.hint


def test_the_report_shows_each_builds_language() -> None:
    fastapi = _report().stacks[0]
    builds = tuple(
        replace(fastapi, stack="node-express", server=f"node server.{lang}", language=lang)
        for lang in ("ts", "js")
    )
    report = replace(_report(), stacks=(*builds, fastapi))
    assert [row[0] for row in footprint_rows(report)] == [
        "node-express (ts)",
        "node-express (js)",
        "fastapi",
    ]
    assert load_rows(report)[0][0] == "node-express (ts)"
    stacks = to_dict(report)["stacks"]
    assert [(s["stack"], s["language"]) for s in stacks] == [  # type: ignore[attr-defined]
        ("node-express", "ts"),
        ("node-express", "js"),
        ("fastapi", None),
    ]
