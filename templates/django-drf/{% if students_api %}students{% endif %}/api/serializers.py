from core.api.serializers import StrictModelSerializer
from students.models import Student

GRADE_ERRORS = {"invalid_choice": f"Must be one of {', '.join(Student.Grade.values)}."}


class StudentSerializer(StrictModelSerializer):
    """A student is exactly ``{"id", "name", "grade"}``; ``id`` is the server's."""

    class Meta:
        model = Student
        fields = ["id", "name", "grade"]
        extra_kwargs = {"grade": {"error_messages": GRADE_ERRORS}}
