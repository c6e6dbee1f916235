import re

import pytest
from django.urls import reverse


def test_openapi_schema(client):
    response = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["paths"]["/api/auth/token/"]["post"]["operationId"] == "createToken"


# Closing a response fires request_finished, which looks at the database connection.
@pytest.mark.django_db
def test_swagger_ui_works_offline(client):
    """Every asset the docs page loads is served by this project, none by a CDN."""
    response = client.get(reverse("api-docs"))

    assert response.status_code == 200
    html = response.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "expected the page to load Swagger UI's scripts and styles"
    assert "://" not in html.replace("http://www.w3.org", "")
    for url in assets:
        assert url.startswith("/"), url
        asset = client.get(url)
        asset.close()  # a streamed file: release it
        assert asset.status_code == 200, url
