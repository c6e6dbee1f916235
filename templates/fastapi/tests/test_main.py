import re

import pytest
from fastapi import HTTPException, status
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app


def test_hello(client: TestClient) -> None:
    response = client.get("/")

    assert response.status_code == 200
    assert response.json() == {"message": "Hello World from FastAPI!"}


def test_openapi_schema(client: TestClient) -> None:
    response = client.get("/openapi.json")

    assert response.status_code == 200
    assert response.json()["info"]["title"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_are_served_without_a_cdn(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "cdn" not in response.text.lower()

    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets
    for url in assets:
        assert url.startswith("/"), f"{page} loads {url} from another host"
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.content, url


def test_cors_is_closed_by_default(client: TestClient) -> None:
    response = client.get("/", headers={"Origin": "https://example.com"})

    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_configured_origins(settings: Settings) -> None:
    settings = settings.model_copy(update={"cors_origins": ["https://example.com"]})
    with TestClient(create_app(settings)) as client:
        response = client.get("/", headers={"Origin": "https://example.com"})

    assert response.headers["access-control-allow-origin"] == "https://example.com"


def test_an_unknown_path_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/no-such-thing")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_a_method_a_path_does_not_offer_is_405(client: TestClient) -> None:
    response = client.delete("/")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert response.headers["allow"] == "GET"


def test_a_plain_http_exception_gets_the_error_body(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/teapot")
    def teapot() -> None:
        raise HTTPException(status.HTTP_418_IM_A_TEAPOT, "Short and stout.")

    with TestClient(app) as client:
        response = client.get("/teapot")

    assert response.status_code == 418
    assert response.json() == {"error": {"code": "im_a_teapot", "message": "Short and stout."}}


def test_an_unexpected_exception_is_a_500_with_the_error_body(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "a bug" not in response.text
