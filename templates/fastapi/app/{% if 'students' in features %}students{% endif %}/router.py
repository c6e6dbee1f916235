from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status

from app.db import SessionDep
from app.students import repository
from app.students.models import Student
from app.students.schemas import Problem, StudentCreate, StudentPatch, StudentRead

router = APIRouter(prefix="/api/students", tags=["students"])

# Documented beside the 422s FastAPI adds itself, so clients see every answer they can get.
NOT_FOUND = {404: {"model": Problem, "description": "No student has this id"}}
UNREADABLE_BODY = {400: {"model": Problem, "description": "The body could not be decoded"}}

# Ids are 32-bit integers (PostgreSQL `integer`); larger ones are a 422, not a database error.
StudentId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def get_student_or_404(session: SessionDep, student_id: StudentId) -> Student:
    student = repository.get_student(session, student_id)
    if student is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Student not found")
    return student


StudentDep = Annotated[Student, Depends(get_student_or_404)]


@router.get("", response_model=list[StudentRead])
def list_students(
    session: SessionDep,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> list[Student]:
    return list(repository.list_students(session, offset=offset, limit=limit))


@router.post(
    "",
    response_model=StudentRead,
    status_code=status.HTTP_201_CREATED,
    responses=UNREADABLE_BODY,
)
def create_student(session: SessionDep, data: StudentCreate) -> Student:
    return repository.create_student(session, data)


@router.get("/{student_id}", response_model=StudentRead, responses=NOT_FOUND)
def read_student(student: StudentDep) -> Student:
    return student


@router.put("/{student_id}", response_model=StudentRead, responses={**NOT_FOUND, **UNREADABLE_BODY})
def replace_student(session: SessionDep, student: StudentDep, data: StudentCreate) -> Student:
    return repository.update_student(session, student, data)


@router.patch(
    "/{student_id}", response_model=StudentRead, responses={**NOT_FOUND, **UNREADABLE_BODY}
)
def update_student(session: SessionDep, student: StudentDep, data: StudentPatch) -> Student:
    return repository.update_student(session, student, data)


@router.delete("/{student_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_student(session: SessionDep, student: StudentDep) -> None:
    repository.delete_student(session, student)
