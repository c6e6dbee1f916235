"""``.env`` gets fresh secrets; everything else is copied from ``.env.example``."""

from __future__ import annotations

from pathlib import Path

from scaffold.envfile import (
    add_missing_keys,
    fill_secrets,
    is_secret,
    read_env_file,
    write_env_files,
)

EXAMPLE = """# settings
DATABASE_URL=sqlite:///./app.db
SECRET_KEY=change-me
INTERNAL_SECRET=
API_TOKEN=x
DJANGO_SUPERUSER_PASSWORD=
# OLD_SECRET=kept-as-a-comment
"""


def test_secret_keys_are_recognised_by_their_suffix() -> None:
    assert all(
        map(
            is_secret,
            [
                "SECRET_KEY",
                "DJANGO_SECRET_KEY",
                "INTERNAL_SECRET",
                "API_TOKEN",
                "DJANGO_SUPERUSER_PASSWORD",
            ],
        )
    )
    assert not any(map(is_secret, ["DATABASE_URL", "SECRETS_DIR", "PORT"]))


def test_fill_secrets_replaces_only_secret_values() -> None:
    filled = fill_secrets(EXAMPLE, lambda key: f"<{key}>").splitlines()
    assert filled == [
        "# settings",
        "DATABASE_URL=sqlite:///./app.db",
        "SECRET_KEY=<SECRET_KEY>",
        "INTERNAL_SECRET=<INTERNAL_SECRET>",
        "API_TOKEN=<API_TOKEN>",
        "DJANGO_SUPERUSER_PASSWORD=<DJANGO_SUPERUSER_PASSWORD>",
        "# OLD_SECRET=kept-as-a-comment",
    ]


def test_env_files_are_private_fresh_and_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / ".env.example").write_text(EXAMPLE)
    (tmp_path / "realtime").mkdir()
    (tmp_path / "realtime/.env.example").write_text("INTERNAL_SECRET=\n")
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept/.env.example").write_text("SECRET_KEY=\n")
    (tmp_path / "kept/.env").write_text("SECRET_KEY=mine\n")

    written = write_env_files(tmp_path)

    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [".env", "realtime/.env"]
    assert (tmp_path / "kept/.env").read_text() == "SECRET_KEY=mine\n"
    root = dict(
        line.split("=", 1)
        for line in (tmp_path / ".env").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert len(root["SECRET_KEY"]) >= 40 and root["SECRET_KEY"] != "change-me"
    shared = (tmp_path / "realtime/.env").read_text().strip().split("=", 1)[1]
    assert shared == root["INTERNAL_SECRET"], "services of one project share their secrets"
    assert (tmp_path / ".env").stat().st_mode & 0o077 == 0


def test_keys_an_update_adds_to_env_example_reach_env_and_nothing_else_changes(
    tmp_path: Path,
) -> None:
    (tmp_path / ".env.example").write_text("PORT=8000\nADMIN_USERNAME=admin\nADMIN_PASSWORD=x\n")
    (tmp_path / ".env").write_text("PORT=9000")  # the user's value, no final newline

    added = add_missing_keys(tmp_path)

    assert added == {tmp_path / ".env": ["ADMIN_USERNAME", "ADMIN_PASSWORD"]}
    env = read_env_file(tmp_path / ".env")
    assert env["PORT"] == "9000" and env["ADMIN_USERNAME"] == "admin"
    assert len(env["ADMIN_PASSWORD"]) > 30, "a secret gets a fresh value, not the example's"
    assert add_missing_keys(tmp_path) == {}, "a second run adds nothing"


def test_a_project_without_env_gets_none_from_an_update(tmp_path: Path) -> None:
    (tmp_path / ".env.example").write_text("PORT=8000\n")
    assert add_missing_keys(tmp_path) == {}
    assert not (tmp_path / ".env").exists()
