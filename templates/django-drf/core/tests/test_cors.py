def test_no_cross_origin_access_by_default(client):
    response = client.get("/", HTTP_ORIGIN="https://elsewhere.example")

    assert "access-control-allow-origin" not in response.headers


def test_configured_origins_may_call(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]

    allowed = client.get("/", HTTP_ORIGIN="https://app.example")
    other = client.get("/", HTTP_ORIGIN="https://elsewhere.example")

    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in other.headers
