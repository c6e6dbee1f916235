import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.main import create_app
from app.users import passwords
from app.users.__main__ import ensure_admin
from app.users.dependencies import CurrentUser
from app.users.models import Token, User
from tests.conftest import PASSWORD


def test_a_user_gets_a_token(client: TestClient, user: User, session: Session) -> None:
    response = client.post("/api/auth/token", json={"username": "tester", "password": PASSWORD})

    assert response.status_code == 200
    token = response.json()["token"]
    assert len(token) >= 40
    # Only a digest is stored: the table alone authorizes nothing.
    digests = session.scalars(select(Token.digest)).all()
    assert digests == [hashlib.sha256(token.encode()).hexdigest()]


def test_each_login_gets_its_own_token(client: TestClient, user: User) -> None:
    credentials = {"username": "tester", "password": PASSWORD}

    first = client.post("/api/auth/token", json=credentials).json()["token"]
    second = client.post("/api/auth/token", json=credentials).json()["token"]

    assert first != second


@pytest.mark.parametrize(
    "credentials",
    [
        {"username": "tester", "password": "wrong password"},
        {"username": "tester", "password": ""},
        {"username": "nobody", "password": PASSWORD},
        {"username": "TESTER", "password": PASSWORD},
        {"username": "\ud800", "password": PASSWORD},
        {"username": "tes\u0000ter", "password": PASSWORD},
        {"username": "tester", "password": "\ud800\u0000"},
    ],
)
def test_wrong_credentials_are_401(
    client: TestClient, user: User, credentials: dict[str, str]
) -> None:
    # json.dumps escapes lone surrogates (\ud800), which are valid JSON.
    response = client.post(
        "/api/auth/token",
        content=json.dumps(credentials),
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"username": "tester"}, {"password"}),
        ({"password": PASSWORD}, {"username"}),
        ({"username": "tester", "password": 123}, {"password"}),
        ({"username": None, "password": PASSWORD}, {"username"}),
        ({"username": "tester", "password": PASSWORD, "scope": "all"}, {"scope"}),
        (["tester", PASSWORD], set()),
    ],
)
def test_malformed_token_requests_are_422(
    client: TestClient, user: User, body: object, fields: set[str]
) -> None:
    response = client.post("/api/auth/token", json=body)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == fields


def test_a_token_request_must_be_json(client: TestClient) -> None:
    response = client.post("/api/auth/token", data={"username": "tester", "password": PASSWORD})

    assert response.status_code == 415


@pytest.fixture
def protected(settings: Settings) -> Iterator[TestClient]:
    """An app with one route that needs a user, as every write does."""
    app = create_app(settings)

    @app.get("/whoami")
    def whoami(user: CurrentUser) -> dict[str, str]:
        return {"username": user.username}

    with TestClient(app) as client:
        yield client


def test_a_token_identifies_its_user(protected: TestClient, token: str) -> None:
    response = protected.get("/whoami", headers={"Authorization": f"Bearer {token}"})

    assert response.json() == {"username": "tester"}


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-token-anyone-issued", "Bearer ", "Basic dGVzdGVyOnNlY3JldA==", "Token x"],
)
def test_no_valid_token_is_401(
    protected: TestClient, token: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    response = protected.get("/whoami", headers=headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_deleted_users_tokens_stop_working(
    protected: TestClient, token: str, user: User, session: Session
) -> None:
    session.delete(user)
    session.commit()

    response = protected.get("/whoami", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert session.scalars(select(Token)).all() == [], "its tokens went with it"


def test_passwords_are_stored_as_scrypt_hashes(user: User) -> None:
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("scrypt$")
    assert passwords.verify_password(PASSWORD, user.password_hash)
    assert not passwords.verify_password(PASSWORD + "!", user.password_hash)


def test_the_same_password_hashes_differently_each_time() -> None:
    assert passwords.hash_password("secret") != passwords.hash_password("secret")


@pytest.mark.parametrize("stored", ["", "plain", "md5$x$y", "scrypt$1$2$3$not base64$@@"])
def test_a_malformed_hash_matches_nothing(stored: str) -> None:
    assert not passwords.verify_password("secret", stored)


# --- python -m app.users ensure-admin -----------------------------------------------------


def admin_settings(settings: Settings, username: str, password: str) -> Settings:
    return settings.model_copy(
        update={"admin_username": username, "admin_password": SecretStr(password)}
    )


def test_ensure_admin_creates_the_user_once(
    client: TestClient, settings: Settings, session: Session
) -> None:
    first = ensure_admin(admin_settings(settings, "admin", "first password"))
    again = ensure_admin(admin_settings(settings, "admin", "another password"))

    assert first == "Created user 'admin'."
    assert again == "User 'admin' already exists; left unchanged."
    assert len(session.scalars(select(User)).all()) == 1
    # The password it was created with still works; the later one changed nothing.
    login = client.post("/api/auth/token", json={"username": "admin", "password": "first password"})
    assert login.status_code == 200


def test_ensure_admin_needs_a_username_and_a_password(settings: Settings) -> None:
    with pytest.raises(SystemExit, match="ADMIN_USERNAME and ADMIN_PASSWORD"):
        ensure_admin(admin_settings(settings, "admin", ""))


def test_ensure_admin_says_when_the_database_is_not_migrated(
    settings: Settings, tmp_path: Path
) -> None:
    empty = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path}/empty.db"})

    with pytest.raises(SystemExit, match="alembic upgrade head"):
        ensure_admin(admin_settings(empty, "admin", "pw"))


# Failed logins are throttled per client: LOGIN_ATTEMPTS within LOGIN_WINDOW_SECONDS.


@pytest.fixture
def limited_client(settings: Settings) -> Iterator[TestClient]:
    limited = settings.model_copy(update={"login_attempts": 3, "login_window_seconds": 60})
    with TestClient(create_app(limited)) as client:
        yield client


def fail_logins(client: TestClient, times: int) -> None:
    for _ in range(times):
        response = client.post("/api/auth/token", json={"username": "tester", "password": "no"})
        assert response.status_code == 401


def test_too_many_failed_logins_are_a_429_with_retry_after(
    limited_client: TestClient, user: User
) -> None:
    fail_logins(limited_client, 3)

    response = limited_client.post(
        "/api/auth/token", json={"username": "tester", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "too_many_requests"
    assert 1 <= int(response.headers["Retry-After"]) <= 60


def test_successful_logins_do_not_count(limited_client: TestClient, user: User) -> None:
    credentials = {"username": "tester", "password": PASSWORD}
    for _ in range(5):
        assert limited_client.post("/api/auth/token", json=credentials).status_code == 200
    fail_logins(limited_client, 2)

    assert limited_client.post("/api/auth/token", json=credentials).status_code == 200


def test_logins_work_again_after_the_window(settings: Settings, user: User) -> None:
    tiny = settings.model_copy(update={"login_attempts": 1, "login_window_seconds": 1})
    with TestClient(create_app(tiny)) as client:
        fail_logins(client, 1)
        credentials = {"username": "tester", "password": PASSWORD}
        assert client.post("/api/auth/token", json=credentials).status_code == 429

        time.sleep(1.1)

        assert client.post("/api/auth/token", json=credentials).status_code == 200
