"""What every resource's API does, as tests each resource's module runs on itself:
`class TestLessons(ResourceContract)` with its URL, model, bodies and the values each
field takes and refuses (tests/field_values.py).

Rules the model declares are tested where it has them: unique columns, references to rows
of other tables (`REFERENCES`), required and optional fields, and fields with a default.
"""

import json
from collections.abc import Callable
from typing import Any, ClassVar

import httpx2
import pytest
from fastapi.testclient import TestClient
from pydantic_core import to_jsonable_python
from sqlalchemy.orm import Session

from app import crud
from app.crud import Body
from app.db import Base

NOT_IDS = ["abc", "-1", "0", "1.5", "2147483648", "100000000000000000000", "2147483000"]
Values = tuple[list[tuple[object, object]], list[object]]


def assert_error(
    response: httpx2.Response, status: int, code: str, fields: set[str] | None = None
) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    if fields is not None:
        assert set(error["fields"]) == fields


class ResourceContract:
    URL: ClassVar[str]
    MODEL: ClassVar[type[Base]]
    CREATE: ClassVar[type[Body]]
    # Each field (its key in the API) with the values it takes (and what is stored) and refuses.
    VALUES: ClassVar[dict[str, Values]]
    # Each reference and the collection of the rows it names.
    REFERENCES: ClassVar[dict[str, str]] = {}
    # A valid request body (made anew each call; the rows it refers to are made in the
    # session), and a stored row; keyword arguments replace fields.
    body: Callable[..., dict[str, Any]]
    make: Callable[..., Any]

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Each test runs once per case of this resource that its arguments name."""
        fields = self.CREATE.model_fields
        required = [name for name, info in fields.items() if info.is_required()]
        # A field with a default, and that default as the API returns it.
        defaults = {
            name: to_jsonable_python(info.default)
            for name, info in fields.items()
            if name not in required and info.default is not None
        }
        cases: dict[str, list[Any]] = {
            "field,value,stored": [
                pytest.param(field, value, stored, id=f"{field}-{i}")
                for field, (valid, _) in self.VALUES.items()
                for i, (value, stored) in enumerate(valid)
            ],
            "field,bad": [
                pytest.param(field, value, id=f"{field}-{i}")
                for field, (_, invalid) in self.VALUES.items()
                for i, value in enumerate(invalid)
            ],
            "required": required,
            "optional": [name for name in fields if name not in {*required, *defaults}],
            "defaulted,default": list(defaults.items()),
            "unique": [column.name for column in self.MODEL.__table__.columns if column.unique],
            "text": [f for f, (ok, _) in self.VALUES.items() if ok and isinstance(ok[0][0], str)],
            "reference,collection": list(self.REFERENCES.items()),
        }
        for names, values in cases.items():
            if set(names.split(",")) <= set(metafunc.fixturenames):
                metafunc.parametrize(names, values)

    def read(self, client: TestClient, row_id: int) -> dict[str, Any]:
        response = client.get(f"{self.URL}/{row_id}")
        assert response.status_code == 200, response.text
        return response.json()

    def count(self, client: TestClient) -> int:
        return int(client.get(self.URL).json()["count"])

    # --- reads are public -------------------------------------------------------------------

    def test_limit_and_offset_page_the_list_in_id_order(
        self, client: TestClient, session: Session
    ) -> None:
        before = self.count(client)
        ids = [self.make(session).id for _ in range(3)]

        page = client.get(self.URL, params={"limit": 2, "offset": before + 1}).json()

        assert (page["count"], page["limit"], page["offset"]) == (before + 3, 2, before + 1)
        assert [row["id"] for row in page["results"]] == ids[1:]
        assert client.get(self.URL, params={"offset": before + 3}).json()["results"] == []
        assert client.get(self.URL).json()["limit"] == 20

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"limit": "0"}, "limit"),
            ({"limit": "101"}, "limit"),
            ({"limit": "abc"}, "limit"),
            ({"offset": "-1"}, "offset"),
        ],
    )
    def test_bad_paging_is_invalid(
        self, client: TestClient, params: dict[str, str], field: str
    ) -> None:
        assert_error(client.get(self.URL, params=params), 422, "invalid", {field})

    @pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
    @pytest.mark.parametrize("not_id", NOT_IDS)
    def test_an_id_that_names_no_row_is_404(
        self, client: TestClient, auth: dict[str, str], session: Session, method: str, not_id: str
    ) -> None:
        body = self.body(session) if method in {"PUT", "PATCH"} else None

        response = client.request(method, f"{self.URL}/{not_id}", json=body, headers=auth)

        assert_error(response, 404, "not_found")

    # --- writes -----------------------------------------------------------------------------

    def test_create(self, client: TestClient, auth: dict[str, str], session: Session) -> None:
        body = self.body(session)

        response = client.post(self.URL, json=body, headers=auth)

        assert response.status_code == 201, response.text
        created = response.json()
        assert created == {"id": created["id"], **body}
        assert response.headers["location"].endswith(f"{self.URL}/{created['id']}")
        assert client.get(response.headers["location"]).json() == created

    def test_replace(self, client: TestClient, auth: dict[str, str], session: Session) -> None:
        row_id, body = self.make(session).id, self.body(session)

        response = client.put(f"{self.URL}/{row_id}", json=body, headers=auth)

        assert response.status_code == 200, response.text
        assert response.json() == {"id": row_id, **body} == self.read(client, row_id)

    def test_patch_changes_only_the_fields_sent(
        self, client: TestClient, auth: dict[str, str], session: Session
    ) -> None:
        before = self.read(client, self.make(session).id)
        field, value = next(iter(self.body(session).items()))

        response = client.patch(f"{self.URL}/{before['id']}", json={field: value}, headers=auth)

        assert response.status_code == 200, response.text
        assert response.json() == {**before, field: value}
        assert client.patch(f"{self.URL}/{before['id']}", json={}, headers=auth).json() == {
            **before,
            field: value,
        }

    def test_delete(self, client: TestClient, auth: dict[str, str], session: Session) -> None:
        path = f"{self.URL}/{self.make(session).id}"

        response = client.delete(path, headers=auth)

        assert (response.status_code, response.content) == (204, b"")
        assert_error(client.get(path), 404, "not_found")

    @pytest.mark.parametrize(
        "headers",
        [{}, {"Authorization": "Bearer forged"}, {"Authorization": "Basic dGVzdGVyOnBhc3N3b3Jk"}],
    )
    @pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
    def test_writes_without_a_valid_token_are_401(
        self, client: TestClient, session: Session, headers: dict[str, str], method: str
    ) -> None:
        row_id = self.make(session).id
        path = self.URL if method == "POST" else f"{self.URL}/{row_id}"
        body = None if method == "DELETE" else self.body(session)
        before = self.count(client)

        response = client.request(method, path, json=body, headers=headers)

        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
        assert self.count(client) == before

    def test_a_method_the_path_does_not_offer_is_405(
        self, client: TestClient, auth: dict[str, str]
    ) -> None:
        collection = client.delete(self.URL, headers=auth)
        item = client.post(f"{self.URL}/1", headers=auth, json={})

        assert_error(collection, 405, "method_not_allowed")
        assert collection.headers["allow"] == "GET, POST"
        assert_error(item, 405, "method_not_allowed")
        assert item.headers["allow"] == "GET, PUT, PATCH, DELETE"

    def test_the_docs_describe_the_api(self, client: TestClient) -> None:
        paths = client.get("/openapi.json").json()["paths"]

        assert {"get", "post"} <= set(paths[self.URL])
        assert {"get", "put", "patch", "delete"} <= set(paths[self.URL + "/{id}"])

    # --- bodies -----------------------------------------------------------------------------

    def test_a_valid_value_is_stored(
        self,
        client: TestClient,
        auth: dict[str, str],
        session: Session,
        field: str,
        value: object,
        stored: object,
    ) -> None:
        response = client.post(self.URL, json=self.body(session, **{field: value}), headers=auth)

        assert response.status_code == 201, response.text
        assert response.json()[field] == stored
        path = f"{self.URL}/{response.json()['id']}"
        assert client.patch(path, json={field: value}, headers=auth).json()[field] == stored

    def test_an_invalid_value_is_refused(
        self, client: TestClient, auth: dict[str, str], session: Session, field: str, bad: object
    ) -> None:
        path = f"{self.URL}/{self.make(session).id}"
        before = self.count(client)
        body = self.body(session, **{field: bad})

        assert_error(client.post(self.URL, json=body, headers=auth), 422, "invalid", {field})
        assert_error(client.patch(path, json={field: bad}, headers=auth), 422, "invalid", {field})
        assert self.count(client) == before

    @pytest.mark.parametrize("key", ["id", "not a field"])
    def test_a_key_that_is_not_a_field_is_refused(
        self, client: TestClient, auth: dict[str, str], session: Session, key: str
    ) -> None:
        path = f"{self.URL}/{self.make(session).id}"
        body = self.body(session, **{key: 1})

        assert_error(client.post(self.URL, json=body, headers=auth), 422, "invalid", {key})
        assert_error(client.put(path, json=body, headers=auth), 422, "invalid", {key})
        assert_error(client.patch(path, json={key: 1}, headers=auth), 422, "invalid", {key})

    @pytest.mark.parametrize("body", [[], "text", 42, None])
    def test_a_body_that_is_not_an_object_is_invalid(
        self, client: TestClient, auth: dict[str, str], body: object
    ) -> None:
        headers = {**auth, "Content-Type": "application/json"}

        response = client.post(self.URL, content=json.dumps(body), headers=headers)

        assert_error(response, 422, "invalid", set())

    def test_a_lone_surrogate_is_refused(
        self, client: TestClient, auth: dict[str, str], session: Session, text: str
    ) -> None:
        # Valid JSON (json.dumps writes it as \ud800), but no UTF-8 string can hold it.
        content = json.dumps(self.body(session, **{text: "\ud800"}))
        headers = {**auth, "Content-Type": "application/json"}

        response = client.post(self.URL, content=content, headers=headers)

        assert_error(response, 422, "invalid", {text})

    @pytest.mark.parametrize(
        "content", [b"{not json", b"", b'{"key": 1', b'{"key": 1} trailing', b"\xff\xfe"]
    )
    def test_a_body_that_is_not_json_is_400(
        self, client: TestClient, auth: dict[str, str], content: bytes
    ) -> None:
        headers = {**auth, "Content-Type": "application/json"}

        response = client.post(self.URL, content=content, headers=headers)

        assert_error(response, 400, "malformed_json")

    @pytest.mark.parametrize(
        "content_type", ["application/x-www-form-urlencoded", "text/plain", None]
    )
    def test_a_body_that_is_not_declared_json_is_415(
        self, client: TestClient, auth: dict[str, str], session: Session, content_type: str | None
    ) -> None:
        headers = {**auth, "Content-Type": content_type} if content_type else auth

        response = client.post(self.URL, content=json.dumps(self.body(session)), headers=headers)

        assert_error(response, 415, "unsupported_media_type")

    def test_json_with_a_charset_is_json(
        self, client: TestClient, auth: dict[str, str], session: Session
    ) -> None:
        headers = {**auth, "Content-Type": "application/json; charset=utf-8"}

        response = client.post(self.URL, content=json.dumps(self.body(session)), headers=headers)

        assert response.status_code == 201, response.text

    def test_a_body_over_64_kib_is_413(self, client: TestClient, auth: dict[str, str]) -> None:
        big = {"padding": "x" * 100_000}
        # Sent in parts, without Content-Length: the size is counted as the body arrives.
        parts = iter([b'{"padding": "', *[b"x" * 4096] * 20, b'"}'])
        headers = {**auth, "Content-Type": "application/json"}

        assert_error(client.post(self.URL, json=big, headers=auth), 413, "payload_too_large")
        assert_error(
            client.post(self.URL, content=parts, headers=headers), 413, "payload_too_large"
        )

    def test_a_required_field_is_needed_and_never_null(
        self, client: TestClient, auth: dict[str, str], session: Session, required: str
    ) -> None:
        path = f"{self.URL}/{self.make(session).id}"
        body = self.body(session)
        del body[required]
        null = {**body, required: None}
        for method, sent in [("POST", body), ("PUT", body), ("POST", null), ("PATCH", null)]:
            response = client.request(
                method, self.URL if method == "POST" else path, json=sent, headers=auth
            )
            assert_error(response, 422, "invalid", {required})

    def test_a_field_left_out_takes_its_default_and_is_never_null(
        self,
        client: TestClient,
        auth: dict[str, str],
        session: Session,
        defaulted: str,
        default: object,
    ) -> None:
        path = f"{self.URL}/{self.make(session).id}"

        def left_out() -> dict[str, Any]:
            return {key: value for key, value in self.body(session).items() if key != defaulted}

        assert client.post(self.URL, json=left_out(), headers=auth).json()[defaulted] == default
        # A replace stores the default for a field it leaves out.
        assert client.put(path, json=left_out(), headers=auth).json()[defaulted] == default
        null = {**left_out(), defaulted: None}
        assert_error(client.post(self.URL, json=null, headers=auth), 422, "invalid", {defaulted})
        patch = client.patch(path, json={defaulted: None}, headers=auth)
        assert_error(patch, 422, "invalid", {defaulted})

    def test_an_optional_field_may_be_left_out_or_null(
        self, client: TestClient, auth: dict[str, str], session: Session, optional: str
    ) -> None:
        path = f"{self.URL}/{self.make(session).id}"
        null = self.body(session, **{optional: None})

        def left_out() -> dict[str, Any]:
            return {key: value for key, value in self.body(session).items() if key != optional}

        assert client.post(self.URL, json=null, headers=auth).json()[optional] is None
        assert client.post(self.URL, json=left_out(), headers=auth).json()[optional] is None
        # A replace stores null for an optional field it leaves out.
        assert client.put(path, json=left_out(), headers=auth).json()[optional] is None

    # --- rules of the table -----------------------------------------------------------------

    def test_a_value_another_row_has_is_refused(
        self, client: TestClient, auth: dict[str, str], session: Session, unique: str
    ) -> None:
        taken = self.read(client, self.make(session).id)[unique]
        mine = self.read(client, self.make(session).id)
        path = f"{self.URL}/{mine['id']}"
        body = self.body(session, **{unique: taken})

        assert_error(client.post(self.URL, json=body, headers=auth), 422, "invalid", {unique})
        assert_error(client.put(path, json=body, headers=auth), 422, "invalid", {unique})
        patch = client.patch(path, json={unique: taken}, headers=auth)
        assert_error(patch, 422, "invalid", {unique})
        # A row may keep its own value, and nulls never collide.
        same = {key: value for key, value in mine.items() if key != "id"}
        assert client.put(path, json=same, headers=auth).json() == mine
        if (
            unique not in self.CREATE.model_fields
            or not self.CREATE.model_fields[unique].is_required()
        ):
            for _ in range(2):
                response = client.post(
                    self.URL, json=self.body(session, **{unique: None}), headers=auth
                )
                assert response.status_code == 201, response.text

    def test_the_database_refuses_a_duplicate_the_check_missed(
        self,
        client: TestClient,
        auth: dict[str, str],
        session: Session,
        monkeypatch: pytest.MonkeyPatch,
        unique: str,
    ) -> None:
        """Two requests at once can both pass the check: the unique constraint decides."""
        taken = self.read(client, self.make(session).id)[unique]
        before = self.count(client)
        check = crud.problems
        calls = iter([lambda *args: {}])
        monkeypatch.setattr(crud, "problems", lambda *a: next(calls, check)(*a))

        response = client.post(self.URL, json=self.body(session, **{unique: taken}), headers=auth)

        assert_error(response, 422, "invalid", {unique})
        assert self.count(client) == before

    def test_a_row_that_is_referred_to_cannot_be_deleted(
        self,
        client: TestClient,
        auth: dict[str, str],
        session: Session,
        reference: str,
        collection: str,
    ) -> None:
        row = self.read(client, self.make(session).id)
        target = f"{collection}/{row[reference]}"

        assert_error(client.delete(target, headers=auth), 409, "conflict")
        assert client.get(target).status_code == 200
        # Once nothing refers to it, it can go.
        assert client.delete(f"{self.URL}/{row['id']}", headers=auth).status_code == 204
        assert client.delete(target, headers=auth).status_code == 204

    def test_an_id_that_names_no_row_is_invalid(
        self,
        client: TestClient,
        auth: dict[str, str],
        session: Session,
        reference: str,
        collection: str,
    ) -> None:
        body = self.body(session, **{reference: 999_999})

        assert_error(client.post(self.URL, json=body, headers=auth), 422, "invalid", {reference})
