"""Database access for students; the router stays free of queries."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.students.models import Student
from app.students.schemas import StudentCreate, StudentPatch


def count_students(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Student)) or 0


def list_students(session: Session, *, offset: int, limit: int) -> Sequence[Student]:
    query = select(Student).order_by(Student.id).offset(offset).limit(limit)
    return session.scalars(query).all()


def get_student(session: Session, student_id: int) -> Student | None:
    return session.get(Student, student_id)


def create_student(session: Session, data: StudentCreate) -> Student:
    student = Student(**data.model_dump())
    session.add(student)
    session.commit()
    return student


def update_student(
    session: Session, student: Student, data: StudentCreate | StudentPatch
) -> Student:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(student, field, value)
    session.commit()
    return student


def delete_student(session: Session, student: Student) -> None:
    session.delete(student)
    session.commit()
