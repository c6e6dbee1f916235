from typing import Any

from django.urls import reverse
from rest_framework import viewsets

from core.api.views import JSONBodyMixin
from students.api.serializers import StudentSerializer
from students.models import Student


class StudentViewSet(JSONBodyMixin, viewsets.ModelViewSet):
    """Students: anyone may read; signed-in users (Bearer token or session) may write."""

    queryset = Student.objects.order_by("id")
    serializer_class = StudentSerializer

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": reverse("api:student-detail", args=[data["id"]])}
