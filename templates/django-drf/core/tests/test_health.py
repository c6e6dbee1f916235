from unittest import mock

from django.db import OperationalError
from django.urls import reverse

URL = reverse("healthz")


def test_healthy_when_the_database_answers(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_when_the_database_does_not(client, db):
    with mock.patch("core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
