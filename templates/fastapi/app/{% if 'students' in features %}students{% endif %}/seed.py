"""Starter data, inserted once into an empty table."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.students.models import Student

STARTER_STUDENTS = [
    {"name": "Rahul", "grade": "A"},
    {"name": "Priya", "grade": "B+"},
]


def seed_students(session: Session) -> None:
    if session.scalar(select(exists().select_from(Student))):
        return
    session.add_all(Student(**row) for row in STARTER_STUDENTS)
    session.commit()
