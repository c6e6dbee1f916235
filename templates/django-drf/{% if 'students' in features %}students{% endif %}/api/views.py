from rest_framework import viewsets

from students.api.serializers import StudentSerializer
from students.models import Student


class StudentViewSet(viewsets.ModelViewSet):
    """Students: anyone may read; signed-in users (session or token) may write."""

    queryset = Student.objects.all()
    serializer_class = StudentSerializer
