import pytest
from django.urls import reverse

from students.models import Student
from students.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:student-list")


def detail_url(pk) -> str:
    return reverse("api:student-detail", args=[pk])


# Reading: open to everyone.


def test_anyone_can_list_students(api_client):
    student = StudentFactory(name="Ada Lovelace", grade="A+")

    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == Student.objects.count()
    assert {"id": student.id, "name": "Ada Lovelace", "grade": "A+"}.items() <= next(
        s for s in body["results"] if s["id"] == student.id
    ).items()


def test_anyone_can_read_a_student(api_client):
    student = StudentFactory()

    response = api_client.get(detail_url(student.id))

    assert response.status_code == 200
    assert response.json()["name"] == student.name


# Writing: only with credentials.


def test_anonymous_users_cannot_write(api_client):
    student = StudentFactory()

    assert api_client.post(LIST_URL, {"name": "Eve", "grade": "A"}).status_code == 401
    assert api_client.patch(detail_url(student.id), {"grade": "F"}).status_code == 401
    assert api_client.delete(detail_url(student.id)).status_code == 401
    assert not Student.objects.filter(name="Eve").exists()


def test_create_with_token(token_client):
    response = token_client.post(
        LIST_URL, {"name": "Grace Hopper", "grade": "A", "email": "grace@example.com"}
    )

    assert response.status_code == 201
    created = Student.objects.get(pk=response.json()["id"])
    assert created.name == "Grace Hopper"
    assert created.grade == "A"
    assert created.email == "grace@example.com"


def test_email_is_optional(token_client):
    response = token_client.post(LIST_URL, {"name": "Alan", "grade": "B"}, format="json")

    assert response.status_code == 201
    assert response.json()["email"] == ""


def test_update_and_delete_with_token(token_client):
    student = StudentFactory(grade="C")

    response = token_client.patch(detail_url(student.id), {"grade": "B+"}, format="json")
    assert response.status_code == 200
    assert response.json()["grade"] == "B+"

    assert token_client.delete(detail_url(student.id)).status_code == 204
    assert not Student.objects.filter(pk=student.id).exists()


def test_session_users_can_write(api_client, user):
    api_client.force_login(user)

    response = api_client.post(LIST_URL, {"name": "Linus", "grade": "B-"}, format="json")

    assert response.status_code == 201


# Bad input: 400 or 404, never a server error.


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"grade": "A"}, "name"),
        ({"name": "", "grade": "A"}, "name"),
        ({"name": "x" * 101, "grade": "A"}, "name"),
        ({"name": ["Rahul"], "grade": "A"}, "name"),
        ({"name": "Rahul"}, "grade"),
        ({"name": "Rahul", "grade": "Z"}, "grade"),
        ({"name": "Rahul", "grade": 5}, "grade"),
        ({"name": "Rahul", "grade": "A", "email": "not-an-email"}, "email"),
    ],
    ids=[
        "missing name",
        "blank name",
        "long name",
        "name not a string",
        "missing grade",
        "unknown grade",
        "grade not a string",
        "bad email",
    ],
)
def test_invalid_body_is_a_400(token_client, body, field):
    response = token_client.post(LIST_URL, body, format="json")

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("body", ["{", "[1, 2]", "null", '"Rahul"'])
def test_malformed_or_non_object_json_is_a_400(token_client, body):
    response = token_client.post(LIST_URL, body, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("pk", ["999999", "9" * 30, "-1", "abc"])
def test_unknown_student_is_a_404(api_client, token_client, pk):
    url = f"{LIST_URL}{pk}/"

    assert api_client.get(url).status_code == 404
    assert token_client.patch(url, {"grade": "A"}, format="json").status_code == 404
    assert token_client.delete(url).status_code == 404


def test_bad_page_number_is_a_404(api_client):
    assert api_client.get(LIST_URL, {"page": "9" * 30}).status_code == 404
