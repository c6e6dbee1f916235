"""The by-hand route of the seeds (../shared/seeds/): a venv or npm project, installed with
pip or npm, and the seed's minimal students app. Each builder returns how to serve it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bench.common import run

EXPRESS_APP = """\
const express = require('express');
const app = express();
app.use(express.json());

const students = [
  { id: 1, name: 'Rahul', grade: 'A' },
  { id: 2, name: 'Priya', grade: 'B+' }
];

app.get('/api/students', (req, res) => {
  res.json(students);
});

app.post('/api/students', (req, res) => {
  const student = { id: Date.now(), ...req.body };
  students.push(student);
  res.status(201).json(student);
});

app.listen(Number(process.env.PORT) || 3000, () => console.log('Server running'));
"""

FASTAPI_APP = """\
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Student(BaseModel):
    name: str
    grade: str


students = [{"id": 1, "name": "Rahul", "grade": "A"}, {"id": 2, "name": "Priya", "grade": "B+"}]


@app.get("/api/students")
def list_students():
    return students


@app.post("/api/students", status_code=201)
def create_student(student: Student):
    row = {"id": len(students) + 1, **student.model_dump()}
    students.append(row)
    return row
"""

DJANGO_MODELS = """\
from django.db import models


class Student(models.Model):
    name = models.CharField(max_length=100)
    grade = models.CharField(max_length=2)
"""
DJANGO_SERIALIZERS = """\
from rest_framework import serializers

from .models import Student


class StudentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Student
        fields = ["id", "name", "grade"]
"""
DJANGO_VIEWS = """\
from rest_framework import viewsets

from .models import Student
from .serializers import StudentSerializer


class StudentViewSet(viewsets.ModelViewSet):
    queryset = Student.objects.all()
    serializer_class = StudentSerializer
"""
DJANGO_URLS = """\
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from students.views import StudentViewSet

router = DefaultRouter()
router.register(r'students', StudentViewSet)
urlpatterns = [path('api/', include(router.urls))]
"""
DJANGO_SEED = (
    "from students.models import Student; "
    "Student.objects.exists() or Student.objects.bulk_create("
    "[Student(name='Rahul', grade='A'), Student(name='Priya', grade='B+')])"
)


@dataclass(frozen=True)
class SeedApp:
    path: Path
    dev: list[str]  # the seed's own way to run it ({port} filled in by the caller)
    production: list[str]  # the same production server as the generated project
    env: dict[str, str]
    list_path: str


def build(stack: str, where: Path, *, with_production_server: bool = False) -> SeedApp:
    return {"node-express": _express, "fastapi": _fastapi, "django-drf": _django}[stack](
        where, with_production_server
    )


def _venv(where: Path, packages: list[str]) -> Path:
    run([sys.executable, "-m", "venv", str(where / "venv")])
    pip = where / "venv" / "bin" / "pip"
    run([str(pip), "install", "-q", "--disable-pip-version-check", *packages])
    return where / "venv" / "bin"


def _express(where: Path, _: bool) -> SeedApp:
    where.mkdir(parents=True)
    run(["npm", "init", "-y"], cwd=where)
    run(["npm", "install", "--no-audit", "--no-fund", "express"], cwd=where)
    (where / "app.js").write_text(EXPRESS_APP)
    argv = ["node", "app.js"]
    return SeedApp(where, argv, argv, {"NODE_ENV": "production"}, "/api/students")


def _fastapi(where: Path, _: bool) -> SeedApp:
    where.mkdir(parents=True)
    bin_dir = _venv(where, ["fastapi", "uvicorn[standard]"])
    (where / "main.py").write_text(FASTAPI_APP)
    serve = [str(bin_dir / "uvicorn"), "main:app", "--host", "127.0.0.1", "--port", "{port}"]
    return SeedApp(
        where, serve, [*serve, "--no-access-log"], {"WEB_CONCURRENCY": "2"}, "/api/students"
    )


def _django(where: Path, production: bool) -> SeedApp:
    where.mkdir(parents=True)
    extra = ["gunicorn"] if production else []
    bin_dir = _venv(where, ["django", "djangorestframework", *extra])
    run([str(bin_dir / "django-admin"), "startproject", "mysite", "."], cwd=where)
    python = str(bin_dir / "python")
    run([python, "manage.py", "startapp", "students"], cwd=where)
    app = where / "students"
    (app / "models.py").write_text(DJANGO_MODELS)
    (app / "serializers.py").write_text(DJANGO_SERIALIZERS)
    (app / "views.py").write_text(DJANGO_VIEWS)
    (where / "mysite" / "urls.py").write_text(DJANGO_URLS)
    settings = where / "mysite" / "settings.py"
    text = settings.read_text().replace(
        "INSTALLED_APPS = [", "INSTALLED_APPS = [\n    'rest_framework',\n    'students',"
    )
    # startproject's DEBUG=True stays for the seed's runserver; production turns it off.
    settings.write_text(
        text + "\nimport os\n\nDEBUG = os.environ.get('SEED_DEBUG', '1') == '1'\n"
        "ALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
    )
    run([python, "manage.py", "makemigrations", "students"], cwd=where)
    run([python, "manage.py", "migrate"], cwd=where)
    run([python, "manage.py", "shell", "-c", DJANGO_SEED], cwd=where)
    dev = [python, "manage.py", "runserver", "127.0.0.1:{port}"]
    gunicorn = [str(bin_dir / "gunicorn"), "mysite.wsgi", "--bind", "127.0.0.1:{port}"]
    env = {"WEB_CONCURRENCY": "2", "SEED_DEBUG": "0"}
    return SeedApp(where, dev, gunicorn, env, "/api/students/")
