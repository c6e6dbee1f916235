"""`scaffold web`'s HTTP API, in-process: every endpoint, every bad input, the path guard."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from scaffold import api
from scaffold.cli import app as cli_app
from scaffold.errors import UserError
from scaffold.web import assets
from scaffold.web.app import create_app
from scaffold.web.cache import Built, RenderCache
from scaffold.web.params import MAX_QUERY, MAX_VALUE
from scaffold.web.snapshot import read_tree
from tests.web.conftest import serving

pytestmark = [pytest.mark.web, pytest.mark.render]

FASTAPI = "stack=fastapi&features=students&db=sqlite&name=demo"


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(response.json()["error"])


def test_the_page_and_its_assets_come_from_scaffold_itself(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("style.css", "app.js", "highlight.js", "explore.js"):
        assert f'"/static/{asset}"' in page.text
        assert client.get(f"/static/{asset}").status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # no CDN


def test_the_page_weighs_at_most_300_kb() -> None:
    assert assets.page_weight() <= 300 * 1024


@pytest.mark.parametrize(
    "query, flags",
    [
        ("", []),
        ("team=python&needs=realtime,admin", ["--team", "python", "--realtime", "--admin"]),
        (
            "team=js&frontend=react&needs=api-only",
            ["--team", "js", "--frontend", "react", "--api-only"],
        ),
        ("needs=ai,beginner,compliance", ["--ai", "--beginner", "--compliance"]),
    ],
)
def test_recommend_answers_what_the_cli_answers(
    client: httpx.Client, query: str, flags: list[str]
) -> None:
    cli = CliRunner().invoke(cli_app, ["recommend", *flags, "--json"])
    assert cli.exit_code == 0
    answer = client.get(f"/api/recommend?{query}")
    assert answer.status_code == 200
    assert answer.json() == json.loads(cli.stdout)


def test_catalogue_lists_what_scaffold_list_lists(client: httpx.Client) -> None:
    listed = json.loads(CliRunner().invoke(cli_app, ["list", "--json"]).stdout)
    catalogue = client.get("/api/catalogue").json()
    assert {k: catalogue[k] for k in listed} == listed
    assert [q["value"] for q in catalogue["questions"]["needs"]] == [
        "realtime",
        "admin",
        "ai",
        "api-only",
        "beginner",
        "compliance",
    ]


def test_files_lists_what_scaffold_new_writes(client: httpx.Client, tmp_path: Path) -> None:
    answer = client.get(f"/api/files?{FASTAPI}")
    assert answer.status_code == 200
    listed = {f["path"]: f["size"] for f in answer.json()["files"]}
    project = api.create_project(
        spec=api.make_spec(
            name="demo", stack="fastapi", features=["students"], dest=tmp_path / "demo"
        ),
        install=False,
    ).path
    written = {
        p.relative_to(project).as_posix(): p.stat().st_size
        for p in project.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(project).parts and p.name != ".env"
    }
    assert listed == written
    assert answer.json()["command"] == (
        "scaffold new demo --stack fastapi --features students --db sqlite"
    )


def test_file_is_the_rendered_text(client: httpx.Client) -> None:
    answer = client.get(f"/api/file?{FASTAPI}&path=README.md")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.text.startswith("# Demo\n")


def test_absent_features_mean_the_stack_defaults_and_empty_means_none(client: httpx.Client) -> None:
    defaults = client.get("/api/files?stack=node-express&name=demo").json()
    none = client.get("/api/files?stack=node-express&name=demo&features=").json()
    assert defaults["answers"]["features"] == ["students", "chat"]
    assert none["answers"]["features"] == []
    assert none["command"].endswith("--features '' --db sqlite --lang ts")
    assert len(none["files"]) < len(defaults["files"])


def test_lang_picks_the_language_of_node_code_as_new_lang_does(client: httpx.Client) -> None:
    default = client.get("/api/files?stack=node-express&name=demo").json()
    js = client.get("/api/files?stack=node-express&name=demo&lang=js").json()
    assert default["answers"]["language"] == "ts"
    assert js["answers"]["language"] == "js"
    assert js["command"].endswith("--db sqlite --lang js")
    python = client.get(f"/api/files?{FASTAPI}").json()
    assert python["answers"]["language"] is None and "--lang" not in python["command"]


def test_lang_for_a_python_stack_is_refused_with_the_clis_message(client: httpx.Client) -> None:
    answer = client.get(f"/api/files?{FASTAPI}&lang=ts")
    assert answer.status_code == 400
    assert "Python only" in error_of(answer)["message"]


@pytest.mark.parametrize(
    "query, spec",
    [
        ("stack=rails", {"stack": "rails"}),
        ("stack=fastapi&features=chat", {"stack": "fastapi", "features": ["chat"]}),
        ("stack=fastapi&features=students,pets", {"stack": "fastapi", "features": ["pets"]}),
        ("db=oracle", {"db": "oracle"}),
        ("name=My%20Shop", {"name": "My Shop"}),
        ("name=..", {"name": ".."}),
        ("name=import", {"name": "import"}),
    ],
)
@pytest.mark.parametrize("endpoint", ["/api/files", "/api/file", "/starter.zip"])
def test_bad_answers_are_400_with_the_clis_message_and_fix(
    client: httpx.Client, endpoint: str, query: str, spec: dict[str, object]
) -> None:
    wanted = {"name": "my-project", "stack": "fastapi", "features": None, "db": "sqlite", **spec}
    with pytest.raises(UserError) as raised:
        api.make_spec(**wanted)  # type: ignore[arg-type]
    path = "&path=README.md" if endpoint == "/api/file" else ""
    answer = client.get(f"{endpoint}?{query}{path}")
    assert answer.status_code == 400
    assert error_of(answer) == {"message": raised.value.message, "fix": raised.value.hint}


def test_an_unsupported_feature_reads_as_the_cli_says_it() -> None:
    cli = CliRunner().invoke(
        cli_app, ["new", "x", "--stack", "fastapi", "--features", "chat", "--db", "sqlite"]
    )
    assert cli.exit_code == 1
    assert "The fastapi stack does not offer chat." in cli.stderr


@pytest.mark.parametrize(
    "query, message",
    [
        ("team=ruby", "Unknown team 'ruby'."),
        ("frontend=vue", "Unknown frontend 'vue'."),
        ("needs=realtime,speed", "Unknown need 'speed'."),
        ("realtime=1", "Unknown parameter 'realtime'."),
        ("team=js&team=python", "Parameter 'team' is given twice."),
        (
            f"team={'j' * (MAX_VALUE + 1)}",
            f"Parameter 'team' is longer than {MAX_VALUE} characters.",
        ),
    ],
)
def test_bad_needs_are_400_with_a_fix(client: httpx.Client, query: str, message: str) -> None:
    answer = client.get(f"/api/recommend?{query}")
    assert answer.status_code == 400
    assert error_of(answer)["message"] == message
    assert error_of(answer)["fix"]


def test_unknown_parameters_on_project_endpoints_are_refused(client: httpx.Client) -> None:
    answer = client.get("/api/files?stack=fastapi&feature=students")
    assert answer.status_code == 400
    assert "Unknown parameter 'feature'" in error_of(answer)["message"]


@pytest.mark.parametrize(
    "path", ["/nope", "/api", "/api/files/", "/static/nope.js", "/static/..%2Fapp.py"]
)
def test_unknown_paths_are_404(client: httpx.Client, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert error_of(answer)["message"]


def test_requests_are_limited_in_method_body_and_length(client: httpx.Client) -> None:
    assert client.post("/api/files", content=b"x").status_code == 405
    assert client.request("GET", "/api/recommend", content=b"x" * 10).status_code == 413
    long = client.get(f"/api/recommend?needs={'a,' * MAX_QUERY}")
    assert long.status_code == 414
    assert error_of(long)["message"].startswith("The query string is longer")


@pytest.mark.parametrize(
    "raw, status",
    [
        ("../pyproject.toml", 400),
        ("%2e%2e%2fpyproject.toml", 400),
        ("app/../../README.md", 400),
        ("app%2f..%2f..%2fREADME.md", 400),
        ("./README.md", 400),
        ("/etc/passwd", 400),
        ("%2fetc%2fpasswd", 400),
        ("..%5c..%5cREADME.md", 400),
        ("README.md%00.png", 400),
        ("", 400),
        # Encoded twice: decoded once, it is a literal name no file has.
        ("%252e%252e%252fREADME.md", 404),
        ("%c0%ae%c0%ae/README.md", 404),  # overlong UTF-8 for "."
        (".git/config", 404),
        (".git%2fHEAD", 404),
        (".env", 404),
        ("app", 404),
    ],
)
def test_path_never_leaves_the_project(client: httpx.Client, raw: str, status: int) -> None:
    answer = client.get(f"/api/file?{FASTAPI}&path={raw}")
    assert answer.status_code == status, answer.text
    assert error_of(answer)["message"]


def test_a_symlink_in_a_project_is_never_followed(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    project.mkdir()
    (project / "README.md").write_text("# Demo\n")
    (project / "passwd").symlink_to("/etc/passwd")
    (project / "etc").symlink_to("/etc")
    snapshot = read_tree(project)
    assert snapshot.files["passwd"].link and snapshot.files["passwd"].data == b"/etc/passwd"
    assert not any(path.startswith("etc/") for path in snapshot.files)
    cache = RenderCache(lambda answers: Built(snapshot, b""))
    with serving(create_app(cache)) as url:
        for path in ("passwd", "etc/passwd", "etc%2fpasswd"):
            answer = httpx.get(f"{url}/api/file?{FASTAPI}&path={path}", trust_env=False)
            assert answer.status_code == 404
            assert "root:" not in answer.text


def test_path_is_required_for_a_file(client: httpx.Client) -> None:
    assert client.get(f"/api/file?{FASTAPI}").status_code == 400


def test_the_zip_opens_on_the_readme_and_holds_the_project(client: httpx.Client) -> None:
    answer = client.get(f"/starter.zip?{FASTAPI}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["content-disposition"] == 'attachment; filename="demo.zip"'
    names = zipfile.ZipFile(BytesIO(answer.content)).namelist()
    assert names[0] == "demo/README.md"
    assert {"demo/.git/HEAD", "demo/.env", "demo/.copier-answers.yml"} <= set(names)
    assert all(name.startswith("demo/") for name in names)


def test_every_download_gets_its_own_secrets(client: httpx.Client) -> None:
    def env_of(content: bytes) -> str:
        return zipfile.ZipFile(BytesIO(content)).read("demo/.env").decode()

    first, second = (env_of(client.get(f"/starter.zip?{FASTAPI}").content) for _ in range(2))
    assert first != second

    def keys(env: str) -> list[str]:
        return [line.split("=")[0] for line in env.splitlines() if "=" in line]

    assert keys(first) == keys(second) and "ADMIN_PASSWORD" in keys(first)
