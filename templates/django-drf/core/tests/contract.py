"""The API contract every resource obeys (scaffold's docs/api-contract.md) as tests: paths,
bodies, statuses, the error body, and every field's rules by its type. A resource's test
module subclasses ``APIContract`` with its factory, serializer and field table, and adds
tests of its own rules only; ``AdminContract`` does the same for its admin."""

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib import admin
from django.urls import reverse
from rest_framework.exceptions import ValidationError

# Per type: values that are accepted, with what the API returns for them.
VALID = {
    "str": [
        ("Ada", "Ada"),
        ("\u00a0 Ada\u3000", "Ada"),  # Unicode white space trimmed
        ("\ufeffAda", "\ufeffAda"),  # U+FEFF is not white space
        ("é" * 255, "é" * 255),
    ],
    "text": [
        ("Two\nlines,\ta tab", "Two\nlines,\ta tab"),
        ("  kept  ", "  kept  "),
        ("x" * 10_000, "x" * 10_000),
    ],
    "int": [(0, 0), (-(2**31), -(2**31)), (2**31 - 1, 2**31 - 1), (7.0, 7)],
    "decimal": [("12.50", "12.50"), (12.5, "12.50"), (3, "3.00"), ("-99999999.99", "-99999999.99")],
    "bool": [(True, True), (False, False)],
    "date": [("2024-02-29", "2024-02-29"), ("0001-01-01", "0001-01-01")],
    "datetime": [
        ("2026-01-05T09:30:00Z", "2026-01-05T09:30:00Z"),
        ("2026-01-05T10:30:00+01:00", "2026-01-05T09:30:00Z"),
        ("2026-01-05T09:30:00.123-00:30", "2026-01-05T10:00:00.123000Z"),
    ],
    "email": [("ada@example.com", "ada@example.com"), (" ada@example.com ", "ada@example.com")],
    "url": [
        ("https://example.com", "https://example.com"),
        ("http://example.com/a?b=c", "http://example.com/a?b=c"),
    ],
    "ref": [],  # an existing row's id: see test_a_reference_takes_the_id_of_an_existing_row
}
# Per type: values that are refused (a 422 naming the field). No coercion: "5" is no number.
INVALID = {
    "str": ["", "   ", "é" * 256, "Nul\0", "Two\nlines", "\tTab", "\ud800", 5, True, ["Ada"]],
    "text": ["", "x" * 10_001, "Esc\x1b", "Nul\0", "\ud800", 5, False, ["text"]],
    "int": [1.5, "5", True, 2**31, -(2**31) - 1, [1], {"n": 1}],
    "decimal": ["1e3", " 12.5", "+1", "12.345", 12.345, "123456789", "abc", "", True, [1]],
    "bool": ["true", 1, 0, "yes", [True]],
    "date": ["2026-02-30", "2026-1-5", "20260105", "2026-01-05T00:00:00Z", "", 20260105],
    "datetime": [
        "2026-01-05T09:30:00",
        "2026-01-05",
        "2026-01-05 09:30:00Z",
        "2026-02-30T09:30:00Z",
        "9999-12-31T23:00:00-05:00",
        "",
        1767605400,
    ],
    "email": ["not-an-email", "ada@", "@example.com", "ada lovelace@example.com", "", 5],
    "url": ["example.com", "ftp://example.com", "https://", "javascript:alert(1)", "", 5],
    "ref": ["1", True, 1.5, 2**31 - 1, [1]],
}


@dataclass(frozen=True)
class Field:
    """A field of the resource's JSON: its type and what narrows it."""

    type: str
    required: bool = True
    unique: bool = False
    max_length: int | None = None  # a str's, when shorter than 255
    choices: Collection[str] = ()  # the model's choices, when the field takes one of them
    default: Any = None  # what a row left without a value gets (as the API returns it)

    def valid(self) -> list[tuple[Any, Any]]:
        if self.choices:
            return [(choice, choice) for choice in self.choices]
        if self.max_length:
            n = self.max_length
            return [("x" * n, "x" * n), ("\N{GRINNING FACE}" * n,) * 2, ("\u00a0 é\u3000", "é")]
        return VALID[self.type]

    def invalid(self) -> list[Any]:
        if self.choices:  # near misses: spaced, in another case, run together
            first = next(iter(self.choices))
            near = ["", f" {first}", f"{first} ", first.swapcase(), "".join(self.choices) + "?"]
            return [value for value in near if value not in self.choices] + [5, True, [first]]
        if self.max_length:
            n = self.max_length
            return ["x" * (n + 1), "é" * (n + 1), "", "   ", "Nul\0", "\tTab", 5, ["x"]]
        return INVALID[self.type]


def request_body(factory: Any, serializer: Any, **changes: Any) -> dict[str, Any]:
    """A request body that passes every rule (its unique values are free), with changes."""
    row = factory()
    body = dict(serializer(row).data)
    row.delete()
    del body["id"]
    return {**body, **changes}


def error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"]["code"] == code
    return body["error"]


def invalid_fields(response: Any) -> set[str]:
    return set(error(response, 422, "invalid")["fields"])


@pytest.mark.django_db
class AdminContract:
    """The admin lists, searches and shows rows, to staff only. Set ``factory``."""

    factory: Any

    def url(self, view: str, *args: Any) -> str:
        meta = self.factory._meta.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)

    def test_the_admin_lists_and_searches_rows(self, admin_client):
        row, _ = self.factory.create_batch(2)
        searched = admin.site.get_model_admin(type(row)).search_fields[:1]
        query = {"q": getattr(row, searched[0])} if searched else {}

        response = admin_client.get(self.url("changelist"), query)

        assert response.status_code == 200
        assert response.context["cl"].result_count == (1 if searched else 2)

    def test_the_admin_shows_a_row(self, admin_client):
        assert admin_client.get(self.url("change", self.factory().pk)).status_code == 200

    def test_anonymous_users_are_sent_to_sign_in(self, client):
        response = client.get(self.url("changelist"))

        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.django_db
class APIContract:
    """Set ``factory``, ``serializer`` and ``fields`` (each JSON name's ``Field``)."""

    factory: Any
    serializer: Any
    fields: dict[str, Field]

    def pytest_generate_tests(self, metafunc):
        """Tests taking ``valid`` or ``invalid`` run once per case of each field."""
        cases = {
            "valid": [
                pytest.param((name, *case), id=f"{name}-{i}")
                for name, field in self.fields.items()
                for i, case in enumerate(field.valid())
            ],
            "invalid": [
                pytest.param((name, value), id=f"{name}-{i}")
                for name, field in self.fields.items()
                for i, value in enumerate(field.invalid())
            ],
        }
        for name, params in cases.items():
            if name in metafunc.fixturenames:
                metafunc.parametrize(name, params)

    @property
    def model(self) -> Any:
        return self.factory._meta.model

    def url(self, pk: Any = None) -> str:
        name = self.model._meta.model_name
        return (
            reverse(f"api:{name}-list") if pk is None else reverse(f"api:{name}-detail", args=[pk])
        )

    def body(self, **changes: Any) -> dict[str, Any]:
        return request_body(self.factory, self.serializer, **changes)

    def json(self, row: Any) -> dict[str, Any]:
        return dict(self.serializer(row).data)

    def names(self, **wanted: bool) -> list[str]:
        """The JSON names of the fields with the given options (``required=True``…)."""
        return [
            name
            for name, field in self.fields.items()
            if all(getattr(field, option) == value for option, value in wanted.items())
        ]

    # Reading: open to everyone, a page at a time.

    def test_list_is_a_page_ordered_by_id(self, api_client):
        rows = self.factory.create_batch(3)

        response = api_client.get(self.url())

        assert response.status_code == 200
        results = [self.json(row) for row in rows]
        assert response.json() == {"count": 3, "limit": 20, "offset": 0, "results": results}

    def test_limit_and_offset_page_the_list(self, api_client):
        ids = [row.id for row in self.factory.create_batch(5)]

        body = api_client.get(self.url(), {"limit": 2, "offset": 3}).json()

        assert (body["count"], body["limit"], body["offset"]) == (5, 2, 3)
        assert [row["id"] for row in body["results"]] == ids[3:5]

    def test_an_offset_past_the_end_is_an_empty_page(self, api_client):
        assert api_client.get(self.url(), {"offset": 2**31 - 1}).json()["results"] == []

    @pytest.mark.parametrize(
        "params",
        [
            {"limit": 0},
            {"limit": 101},
            {"limit": "abc"},
            {"limit": ""},
            {"limit": "1.5"},
            {"offset": -1},
            {"offset": "x"},
            {"offset": 2**31},
        ],
    )
    def test_bad_paging_parameters_are_a_422(self, api_client, params):
        assert invalid_fields(api_client.get(self.url(), params)) == set(params)

    def test_limit_100_is_the_largest_page(self, api_client):
        assert api_client.get(self.url(), {"limit": 100}).json()["limit"] == 100

    def test_read_one(self, api_client):
        row = self.factory()

        response = api_client.get(self.url(row.id))

        assert response.status_code == 200
        assert response.json() == self.json(row)
        assert set(response.json()) == {"id", *self.fields}

    @pytest.mark.parametrize("pk", ["abc", "-1", "0", "2147483000", "100000000000000000000"])
    def test_an_id_that_is_no_row_is_a_404(self, api_client, token_client, pk):
        url = f"{self.url()}{pk}/"
        for response in [
            api_client.get(url),
            token_client.put(url, self.body()),
            token_client.patch(url, {}),
            token_client.delete(url),
        ]:
            error(response, 404, "not_found")

    def test_the_operations_are_named_as_the_contract_says(self, client):
        schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
        paths = schema.json()["paths"]
        meta = self.model._meta
        one, many = (
            str(name).title().replace(" ", "")
            for name in (meta.verbose_name, meta.verbose_name_plural)
        )
        detail = self.url(1).replace("1", "{id}")

        assert {method: op["operationId"] for method, op in paths[self.url()].items()} == {
            "get": f"list{many}",
            "post": f"create{one}",
        }
        assert {method: op["operationId"] for method, op in paths[detail].items()} == {
            "get": f"read{one}",
            "put": f"replace{one}",
            "patch": f"update{one}",
            "delete": f"delete{one}",
        }

    # Writing: only with a token (or a session).

    @pytest.mark.parametrize(
        "authorization",
        [None, "Bearer forged-0123456789abcdef", "Basic YWRhOnNlY3JldA==", "Token abc"],
        ids=["none", "forged", "other scheme", "DRF's default scheme"],
    )
    def test_writes_without_a_valid_token_are_a_401(self, api_client, authorization):
        row = self.factory()
        if authorization:
            api_client.credentials(HTTP_AUTHORIZATION=authorization)

        for response in [
            api_client.post(self.url(), self.body()),
            api_client.put(self.url(row.id), self.body()),
            api_client.patch(self.url(row.id), {}),
            api_client.delete(self.url(row.id)),
        ]:
            error(response, 401, "unauthorized")
            assert response["WWW-Authenticate"] == "Bearer"
        assert self.model.objects.count() == 1

    def test_create(self, token_client):
        sent = self.body()

        response = token_client.post(self.url(), sent)

        assert response.status_code == 201, response.content
        body = response.json()
        assert body == {"id": body["id"], **sent}
        assert response["Location"] == self.url(body["id"])
        assert self.json(self.model.objects.get(pk=body["id"])) == body

    def test_replace(self, token_client):
        row, sent = self.factory(), self.body()

        response = token_client.put(self.url(row.id), sent)

        assert response.status_code == 200, response.content
        assert response.json() == {"id": row.id, **sent}

    def test_patch_changes_only_what_it_names(self, token_client):
        row = self.factory()
        before = self.json(row)
        name, value = next(iter(self.body().items()))

        response = token_client.patch(self.url(row.id), {name: value})

        assert response.status_code == 200, response.content
        assert response.json() == {**before, name: value}

    def test_an_empty_patch_changes_nothing(self, token_client):
        row = self.factory()

        response = token_client.patch(self.url(row.id), {})

        assert response.status_code == 200
        assert response.json() == self.json(row)

    def test_delete(self, token_client):
        row = self.factory()

        response = token_client.delete(self.url(row.id))

        assert response.status_code == 204
        assert response.content == b""
        assert not self.model.objects.filter(pk=row.id).exists()

    def test_session_users_can_write(self, api_client, user):
        api_client.force_login(user)

        assert api_client.post(self.url(), self.body()).status_code == 201

    # Validation: well-formed JSON that breaks a rule is a 422 naming the field.

    def test_valid_values_are_taken(self, token_client, valid):
        name, sent, returned = valid

        response = token_client.post(self.url(), self.body(**{name: sent}))

        assert response.status_code == 201, response.content
        assert response.json()[name] == returned

    def test_invalid_values_are_a_422(self, token_client, invalid):
        name, value = invalid
        body = json.dumps(self.body(**{name: value}))  # a lone surrogate is written \ud800

        response = token_client.generic("POST", self.url(), body, content_type="application/json")

        assert invalid_fields(response) == {name}
        assert not self.model.objects.exists()

    @pytest.mark.parametrize("key", ["id", "unknown", "\udc00"])
    def test_the_id_and_unknown_keys_are_refused(self, token_client, key):
        body = json.dumps(self.body(**{key: 1}))

        response = token_client.generic("POST", self.url(), body, content_type="application/json")

        assert invalid_fields(response) == {key}

    def test_a_required_field_may_not_be_missing_or_null(self, token_client):
        row = self.factory()
        for name in self.names(required=True, default=None):
            body = self.body()
            missing = {key: value for key, value in body.items() if key != name}

            assert invalid_fields(token_client.post(self.url(), missing)) == {name}
            assert invalid_fields(token_client.put(self.url(row.id), missing)) == {name}
            assert invalid_fields(token_client.post(self.url(), {**body, name: None})) == {name}
            assert invalid_fields(token_client.patch(self.url(row.id), {name: None})) == {name}

    def test_a_field_left_out_takes_its_default_and_is_never_null(self, token_client):
        row = self.factory()
        for name, field in self.fields.items():
            if field.default is None:
                continue
            # A new body each time: the one before took its unique values.
            without = [{k: v for k, v in self.body().items() if k != name} for _ in range(3)]

            assert token_client.post(self.url(), without[0]).json()[name] == field.default
            assert token_client.put(self.url(row.id), without[1]).json()[name] == field.default
            assert invalid_fields(token_client.post(self.url(), {**without[2], name: None})) == {
                name
            }
            assert invalid_fields(token_client.patch(self.url(row.id), {name: None})) == {name}

    def test_an_optional_field_may_be_null_or_left_out(self, token_client):
        for name in self.names(required=False):
            without_it = {key: value for key, value in self.body().items() if key != name}

            assert token_client.post(self.url(), without_it).json()[name] is None
            assert token_client.post(self.url(), self.body(**{name: None})).json()[name] is None
            row = token_client.post(self.url(), self.body()).json()
            # A new body: the first one's unique values are taken now.
            without_it = {key: value for key, value in self.body().items() if key != name}
            assert token_client.put(self.url(row["id"]), without_it).json()[name] is None

    def test_a_value_not_among_the_choices_is_refused_with_them_listed(self, token_client):
        for name, field in self.fields.items():
            if field.choices:
                response = token_client.post(self.url(), self.body(**{name: "?"}))

                message = f"Must be one of {', '.join(field.choices)}."
                assert error(response, 422, "invalid")["fields"] == {name: message}

    # The body as a whole.

    @pytest.mark.parametrize("body", [[], "Asha", 7, None])
    def test_a_body_that_is_not_an_object_is_a_422_with_no_fields(self, token_client, body):
        response = token_client.generic(
            "POST", self.url(), json.dumps(body), content_type="application/json"
        )

        assert error(response, 422, "invalid")["fields"] == {}

    @pytest.mark.parametrize(
        "body", [b"{not json", b"", b"\xc3\x28"], ids=["syntax", "empty", "utf-8"]
    )
    def test_a_body_that_is_not_json_is_a_400(self, token_client, body):
        response = token_client.generic("POST", self.url(), body, content_type="application/json")

        error(response, 400, "malformed_json")

    def test_a_form_body_is_a_415(self, token_client):
        response = token_client.post(
            self.url(), "a=1", content_type="application/x-www-form-urlencoded"
        )

        error(response, 415, "unsupported_media_type")

    def test_a_body_over_64_kib_is_a_413(self, token_client):
        body = json.dumps({"padding": "x" * 70_000})

        response = token_client.generic("POST", self.url(), body, content_type="application/json")

        error(response, 413, "payload_too_large")

    def test_a_method_the_path_does_not_offer_is_a_405(self, token_client):
        collection = token_client.put(self.url())  # no body: the method is refused first
        item = token_client.post(self.url(1), {}, format="json")

        error(collection, 405, "method_not_allowed")
        assert collection.headers["Allow"] == "GET, POST, HEAD, OPTIONS"
        error(item, 405, "method_not_allowed")
        assert item.headers["Allow"] == "GET, PUT, PATCH, DELETE, HEAD, OPTIONS"

    # Unique fields: a value another row has is refused; nulls never collide.

    def test_a_value_another_row_has_is_a_422(self, token_client):
        for name in self.names(unique=True):
            taken = token_client.post(self.url(), self.body()).json()[name]
            row = token_client.post(self.url(), self.body()).json()

            assert invalid_fields(token_client.post(self.url(), self.body(**{name: taken}))) == {
                name
            }
            assert invalid_fields(token_client.patch(self.url(row["id"]), {name: taken})) == {name}

    def test_a_row_keeps_its_own_unique_values(self, token_client):
        row = token_client.post(self.url(), self.body()).json()
        body = {name: row[name] for name in self.fields}

        assert token_client.put(self.url(row["id"]), body).status_code == 200
        assert token_client.patch(self.url(row["id"]), body).status_code == 200

    def test_a_value_taken_after_validation_is_a_422_not_a_500(self):
        """Two requests racing for one value: the database's unique constraint decides."""
        for name in self.names(unique=True):
            serializer = self.serializer(data=self.body())
            assert serializer.is_valid(), serializer.errors
            source = serializer.fields[name].source
            self.factory(**{source: serializer.validated_data[source]})

            with pytest.raises(ValidationError) as raised:
                serializer.save()

            assert set(raised.value.detail) == {name}

    def test_nulls_never_collide(self, token_client):
        for name in self.names(unique=True, required=False):
            for _ in range(2):
                response = token_client.post(self.url(), self.body(**{name: None}))
                assert response.status_code == 201, response.content

    # References: the id of an existing row; a row that others refer to cannot be deleted.

    def test_a_reference_takes_the_id_of_an_existing_row(self, token_client):
        for name in self.names(type="ref"):
            other = self.factory()  # and the row it refers to, which stays
            referred = getattr(other, name)
            other.delete()

            response = token_client.post(self.url(), self.body(**{name: referred}))

            assert response.status_code == 201, response.content
            assert response.json()[name] == referred

    def test_deleting_a_referenced_row_is_a_409(self, token_client):
        for name in self.names(type="ref"):
            row = self.factory()
            model = self.serializer().fields[name].queryset.model
            referred = getattr(row, name)

            response = token_client.delete(
                reverse(f"api:{model._meta.model_name}-detail", args=[referred])
            )

            error(response, 409, "conflict")
            assert model.objects.filter(pk=referred).exists()
