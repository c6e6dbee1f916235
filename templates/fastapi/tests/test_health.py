from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app


def test_healthy_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unavailable_when_the_database_does_not(settings: Settings, tmp_path: Path) -> None:
    unreachable = f"sqlite:///{tmp_path / 'no-such-directory' / 'app.db'}"
    app = create_app(settings.model_copy(update={"database_url": unreachable}))

    with TestClient(app) as client:
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
