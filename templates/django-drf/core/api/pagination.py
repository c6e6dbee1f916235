"""Limit/offset pages in the contract's shape: ``{count, limit, offset, results}``."""

import re
from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

DIGITS = re.compile(r"[0-9]+")


class LimitOffsetPagination(BasePagination):
    """``?limit=`` (1-100, default 20) and ``?offset=`` (0 to 2,147,483,647, default 0: no
    table holds more rows than ids).

    Any other value is a 422 naming the parameter, never a silent fallback: a client
    that asks for 500 rows must learn that it gets at most 100. Order the queryset
    (the students API orders by id) so that pages are stable.
    """

    default_limit = 20
    max_limit = 100
    max_offset = 2**31 - 1

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any]:
        errors = {}
        try:
            self.limit = self._number(request, "limit", self.default_limit, 1, self.max_limit)
        except ValueError:
            errors["limit"] = f"Must be a whole number from 1 to {self.max_limit}."
        try:
            self.offset = self._number(request, "offset", 0, 0, self.max_offset)
        except ValueError:
            errors["offset"] = f"Must be a whole number from 0 to {self.max_offset}."
        if errors:
            raise ValidationError(errors)

        self.count = queryset.count()
        if self.offset >= self.count:
            return []
        return list(queryset[self.offset : self.offset + self.limit])

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response(
            {"count": self.count, "limit": self.limit, "offset": self.offset, "results": data}
        )

    @staticmethod
    def _number(request: Request, name: str, default: int, low: int, high: int) -> int:
        raw = request.query_params.get(name)
        if raw is None:
            return default
        if not DIGITS.fullmatch(raw):
            raise ValueError(raw)
        value = int(raw)
        if not low <= value <= high:
            raise ValueError(raw)
        return value

    # The OpenAPI schema (drf-spectacular asks for these two).

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["count", "limit", "offset", "results"],
            "properties": {
                "count": {"type": "integer", "example": 2},
                "limit": {"type": "integer", "example": self.default_limit},
                "offset": {"type": "integer", "example": 0},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"Rows per page, 1 to {self.max_limit}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_limit,
                    "default": self.default_limit,
                },
            },
            {
                "name": "offset",
                "in": "query",
                "required": False,
                "description": "Rows to skip.",
                "schema": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": self.max_offset,
                    "default": 0,
                },
            },
        ]
