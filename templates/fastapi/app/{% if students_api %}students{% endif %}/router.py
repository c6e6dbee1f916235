from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from app.db import SessionDep
from app.dependencies import JSONBody
from app.errors import ApiError, error_responses
from app.students import repository
from app.students.models import Student
from app.students.schemas import StudentCreate, StudentPage, StudentPatch, StudentRead
from app.users.dependencies import CurrentUser

router = APIRouter(prefix="/api/students", tags=["students"])

# Every answer an operation can give is documented (the 422 replaces FastAPI's own shape).
NOT_FOUND = error_responses(404)
WRITE = error_responses(400, 401, 413, 415, 422)

# Ids are 32-bit integers (PostgreSQL `integer`). Any other value names no student:
# app.errors answers a path parameter that doesn't validate with 404.
StudentId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def get_student_or_404(session: SessionDep, student_id: StudentId) -> Student:
    student = repository.get_student(session, student_id)
    if student is None:
        raise ApiError(status.HTTP_404_NOT_FOUND, "No student has this id.")
    return student


StudentDep = Annotated[Student, Depends(get_student_or_404)]


@router.get("", responses=error_responses(422))
def list_students(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
) -> StudentPage:
    students = repository.list_students(session, offset=offset, limit=limit)
    return StudentPage(
        count=repository.count_students(session),
        limit=limit,
        offset=offset,
        results=[StudentRead.model_validate(student) for student in students],
    )


@router.post(
    "",
    response_model=StudentRead,
    status_code=status.HTTP_201_CREATED,
    dependencies=[JSONBody],
    responses=WRITE,
)
def create_student(
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    data: StudentCreate,
) -> Student:
    student = repository.create_student(session, data)
    response.headers["Location"] = str(request.url_for("read_student", student_id=student.id))
    return student


@router.get("/{student_id}", response_model=StudentRead, responses=NOT_FOUND)
def read_student(student: StudentDep) -> Student:
    return student


@router.put(
    "/{student_id}",
    response_model=StudentRead,
    dependencies=[JSONBody],
    responses={**NOT_FOUND, **WRITE},
)
def replace_student(
    session: SessionDep, user: CurrentUser, student: StudentDep, data: StudentCreate
) -> Student:
    return repository.update_student(session, student, data)


@router.patch(
    "/{student_id}",
    response_model=StudentRead,
    dependencies=[JSONBody],
    responses={**NOT_FOUND, **WRITE},
)
def update_student(
    session: SessionDep, user: CurrentUser, student: StudentDep, data: StudentPatch
) -> Student:
    return repository.update_student(session, student, data)


@router.delete(
    "/{student_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 404),
)
def delete_student(session: SessionDep, user: CurrentUser, student: StudentDep) -> None:
    repository.delete_student(session, student)
