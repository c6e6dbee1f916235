import pytest

from students.models import Student


@pytest.mark.django_db
def test_migrations_add_the_starter_students_in_order():
    starters = Student.objects.order_by("id").values_list("name", "grade")

    assert list(starters) == [("Rahul", "A"), ("Priya", "B+")]
