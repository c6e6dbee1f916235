"""The OpenAPI document's operationIds, as the API contract names them: ``listStudents``,
``createStudent``, ``readStudent``, ``replaceStudent``, ``updateStudent``,
``deleteStudent`` for every resource, and a verb and the view's name otherwise
(``TokenView``'s POST is ``createToken``)."""

from drf_spectacular import openapi

# A viewset action, or else the HTTP method, and the verb that names it.
VERBS = {
    "list": "list",
    "create": "create",
    "retrieve": "read",
    "update": "replace",
    "partial_update": "update",
    "destroy": "delete",
    "GET": "read",
    "POST": "create",
    "PUT": "replace",
    "PATCH": "update",
    "DELETE": "delete",
}


class AutoSchema(openapi.AutoSchema):
    def get_operation_id(self) -> str:
        action = getattr(self.view, "action", None)
        verb = VERBS[action or self.method]
        queryset = getattr(self.view, "queryset", None)
        if action is None or queryset is None:
            return verb + type(self.view).__name__.removesuffix("View")
        meta = queryset.model._meta
        name = meta.verbose_name_plural if action == "list" else meta.verbose_name
        return verb + str(name).title().replace(" ", "")
