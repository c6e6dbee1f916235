"""The students API as docs/api-contract.md of scaffold describes it: paths, bodies,
statuses, the error body; one test per rule."""

import json

import pytest
from django.urls import reverse

from students.models import Student
from students.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:student-list")
GRADES = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"]


def detail_url(pk) -> str:
    return f"{LIST_URL}{pk}/"


def error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"]["code"] == code
    return body["error"]


def invalid_fields(response) -> set[str]:
    return set(error(response, 422, "invalid")["fields"])


# Reading: open to everyone, a page at a time.


def test_list_is_a_page_ordered_by_id(api_client):
    Student.objects.all().delete()
    students = [StudentFactory(name=name) for name in ["Zoe", "Ada", "Mia"]]

    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert response.json() == {
        "count": 3,
        "limit": 20,
        "offset": 0,
        "results": [{"id": s.id, "name": s.name, "grade": s.grade} for s in students],
    }


def test_limit_and_offset_page_the_list(api_client):
    Student.objects.all().delete()
    ids = [StudentFactory().id for _ in range(5)]

    body = api_client.get(LIST_URL, {"limit": 2, "offset": 3}).json()

    assert (body["count"], body["limit"], body["offset"]) == (5, 2, 3)
    assert [s["id"] for s in body["results"]] == ids[3:5]


def test_an_offset_past_the_end_is_an_empty_page(api_client):
    body = api_client.get(LIST_URL, {"offset": 10**30}).json()

    assert body["results"] == []
    assert body["count"] == Student.objects.count()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"limit": ""}, "limit"),
        ({"limit": "1.5"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": "x"}, "offset"),
    ],
)
def test_bad_paging_parameters_are_a_422(api_client, params, field):
    assert invalid_fields(api_client.get(LIST_URL, params)) == {field}


def test_limit_100_is_the_largest_page(api_client):
    assert api_client.get(LIST_URL, {"limit": 100}).json()["limit"] == 100


def test_read_one(api_client):
    student = StudentFactory(name="Ada Lovelace", grade="A+")

    response = api_client.get(detail_url(student.id))

    assert response.status_code == 200
    assert response.json() == {"id": student.id, "name": "Ada Lovelace", "grade": "A+"}


@pytest.mark.parametrize("pk", ["abc", "-1", "0", "2147483000", "100000000000000000000"])
def test_an_id_that_is_no_student_is_a_404(api_client, token_client, pk):
    url = detail_url(pk)
    for response in [
        api_client.get(url),
        token_client.put(url, {"name": "X", "grade": "A"}),
        token_client.patch(url, {"grade": "A"}),
        token_client.delete(url),
    ]:
        error(response, 404, "not_found")


# Writing: only with a token (or a session).


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer forged-0123456789abcdef", "Basic YWRhOnNlY3JldA==", "Token abc"],
    ids=["none", "forged", "other scheme", "DRF's default scheme"],
)
def test_writes_without_a_valid_token_are_a_401(api_client, authorization):
    if authorization:
        api_client.credentials(HTTP_AUTHORIZATION=authorization)
    student = StudentFactory(grade="C")

    for response in [
        api_client.post(LIST_URL, {"name": "Eve", "grade": "A"}),
        api_client.put(detail_url(student.id), {"name": "Eve", "grade": "A"}),
        api_client.patch(detail_url(student.id), {"grade": "F"}),
        api_client.delete(detail_url(student.id)),
    ]:
        error(response, 401, "unauthorized")
        assert response["WWW-Authenticate"] == "Bearer"

    student.refresh_from_db()
    assert student.grade == "C"
    assert not Student.objects.filter(name="Eve").exists()


def test_create(token_client):
    response = token_client.post(LIST_URL, {"name": "  Grace Hopper ", "grade": "A"})

    assert response.status_code == 201
    body = response.json()
    assert body == {"id": body["id"], "name": "Grace Hopper", "grade": "A"}
    assert response["Location"] == detail_url(body["id"])
    assert Student.objects.get(pk=body["id"]).name == "Grace Hopper"


def test_replace(token_client):
    student = StudentFactory(name="Asha", grade="C")
    body = {"name": "Asha K", "grade": "C-"}

    response = token_client.put(detail_url(student.id), body)

    assert response.status_code == 200
    assert response.json() == {"id": student.id, "name": "Asha K", "grade": "C-"}


def test_patch_changes_only_what_it_names(token_client):
    student = StudentFactory(name="Asha", grade="A-")

    response = token_client.patch(detail_url(student.id), {"grade": "D+"})

    assert response.json() == {"id": student.id, "name": "Asha", "grade": "D+"}


def test_an_empty_patch_changes_nothing(token_client):
    student = StudentFactory(name="Asha", grade="A-")

    response = token_client.patch(detail_url(student.id), {})

    assert response.status_code == 200
    assert response.json() == {"id": student.id, "name": "Asha", "grade": "A-"}


def test_delete(token_client):
    student = StudentFactory()

    response = token_client.delete(detail_url(student.id))

    assert response.status_code == 204
    assert response.content == b""
    assert not Student.objects.filter(pk=student.id).exists()


def test_session_users_can_write(api_client, user):
    api_client.force_login(user)

    response = api_client.post(LIST_URL, {"name": "Linus", "grade": "B-"})

    assert response.status_code == 201


# Validation: well-formed JSON that breaks a rule is a 422 naming the field.


@pytest.mark.parametrize("grade", GRADES)
def test_every_grade_of_the_scale_is_accepted(token_client, grade):
    response = token_client.post(LIST_URL, {"name": "Scale", "grade": grade})

    assert response.status_code == 201
    assert response.json()["grade"] == grade


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("x" * 100, "x" * 100),
        ("\N{GRINNING FACE}" * 100, "\N{GRINNING FACE}" * 100),
        ("é", "é"),
        ("\u00a0Asha\u3000", "Asha"),
        ("\ufeffAsha", "\ufeffAsha"),
    ],
    ids=["100 letters", "100 emoji", "one letter", "Unicode white space trimmed", "BOM kept"],
)
def test_names_of_1_to_100_characters_are_accepted(token_client, name, stored):
    response = token_client.post(LIST_URL, {"name": name, "grade": "B"})

    assert response.status_code == 201
    assert response.json()["name"] == stored


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"grade": "A"}, {"name"}),
        ({"name": "", "grade": "A"}, {"name"}),
        ({"name": "   ", "grade": "A"}, {"name"}),
        ({"name": "x" * 101, "grade": "A"}, {"name"}),
        ({"name": "x" * 10_240, "grade": "A"}, {"name"}),
        ({"name": "Nul\0here", "grade": "A"}, {"name"}),
        ({"name": "Bell\x07", "grade": "A"}, {"name"}),
        ({"name": "Two\nlines", "grade": "A"}, {"name"}),
        ({"name": "\tRahul\x1f", "grade": "A"}, {"name"}),  # refused before trimming
        ({"name": 123, "grade": "A"}, {"name"}),
        ({"name": True, "grade": "A"}, {"name"}),
        ({"name": None, "grade": "A"}, {"name"}),
        ({"name": ["Rahul"], "grade": "A"}, {"name"}),
        ({"name": {"first": "Rahul"}, "grade": "A"}, {"name"}),
        ({"name": "Rahul"}, {"grade"}),
        ({"name": "Rahul", "grade": "E+"}, {"grade"}),
        ({"name": "Rahul", "grade": "F+"}, {"grade"}),
        ({"name": "Rahul", "grade": "a"}, {"grade"}),
        ({"name": "Rahul", "grade": " A"}, {"grade"}),
        ({"name": "Rahul", "grade": None}, {"grade"}),
        ({"name": "Rahul", "grade": 5}, {"grade"}),
        ({"name": "Rahul", "grade": "A", "age": 20}, {"age"}),
        ({"id": 5, "name": "Rahul", "grade": "A"}, {"id"}),
        ({"name": 1, "grade": "Z", "email": "x"}, {"name", "grade", "email"}),
    ],
)
def test_a_body_that_breaks_a_rule_is_a_422(token_client, body, fields):
    response = token_client.post(LIST_URL, body)

    assert invalid_fields(response) == fields
    assert not Student.objects.filter(name="Rahul", grade__in=["E+", "F+", "a"]).exists()


def test_the_grade_message_lists_the_scale(token_client):
    response = token_client.post(LIST_URL, {"name": "X", "grade": "E"})

    assert response.json()["error"]["fields"]["grade"] == f"Must be one of {', '.join(GRADES)}."


def test_a_lone_surrogate_is_a_422(token_client):
    body = b'{"name": "\\ud800", "grade": "A"}'

    response = token_client.generic("POST", LIST_URL, body, content_type="application/json")

    assert invalid_fields(response) == {"name"}


def test_a_lone_surrogate_key_is_refused_not_a_crash(token_client):
    body = b'{"\\udc00": 1, "name": "X", "grade": "A"}'

    response = token_client.generic("POST", LIST_URL, body, content_type="application/json")

    assert response.status_code == 422
    assert json.loads(response.content)["error"]["fields"] == {"\udc00": "Unknown field."}


def test_replace_needs_every_field(token_client):
    student = StudentFactory()

    response = token_client.put(detail_url(student.id), {"name": "X"})

    assert invalid_fields(response) == {"grade"}


def test_a_patch_with_an_unknown_field_is_refused(token_client):
    student = StudentFactory()

    response = token_client.patch(detail_url(student.id), {"nickname": "X"})

    assert invalid_fields(response) == {"nickname"}


@pytest.mark.parametrize("body", [["name", "grade"], "Asha", 7, None])
def test_a_body_that_is_not_an_object_is_a_422_with_no_fields(token_client, body):
    response = token_client.generic(
        "POST", LIST_URL, json.dumps(body), content_type="application/json"
    )

    assert error(response, 422, "invalid")["fields"] == {}


# Bodies that are not JSON at all.


@pytest.mark.parametrize("body", [b"{not json", b"", b"\xc3\x28"], ids=["syntax", "empty", "utf-8"])
def test_a_body_that_is_not_json_is_a_400(token_client, body):
    response = token_client.generic("POST", LIST_URL, body, content_type="application/json")

    error(response, 400, "malformed_json")


def test_a_form_body_is_a_415(token_client):
    form = "application/x-www-form-urlencoded"

    response = token_client.post(LIST_URL, "name=X&grade=A", content_type=form)

    error(response, 415, "unsupported_media_type")


def test_a_body_over_64_kib_is_a_413(token_client):
    response = token_client.post(LIST_URL, {"name": "x" * 100_000, "grade": "A"})

    error(response, 413, "payload_too_large")
    assert not Student.objects.filter(grade="A", name__startswith="xxx").exists()


def test_a_method_the_path_does_not_offer_is_a_405(token_client):
    error(token_client.delete(LIST_URL), 405, "method_not_allowed")
