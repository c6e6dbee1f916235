from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base

NAME_MAX_LENGTH = 100


class Student(Base):
    __tablename__ = "students"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    grade: Mapped[str] = mapped_column(String(2))
