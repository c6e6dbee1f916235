import pytest

from students.models import Student


@pytest.mark.django_db
def test_migrations_add_the_starter_students():
    starters = Student.objects.filter(name__in=["Rahul", "Priya"])

    assert dict(starters.values_list("name", "grade")) == {"Rahul": "A", "Priya": "B+"}
