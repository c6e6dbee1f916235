"""What ``scaffold new`` shows once it knows the answers: the plan (``--pretend``), the
created project as one JSON object (``--json``), or the next steps."""

from typing import TYPE_CHECKING

from ..stacks import LANGUAGES
from . import output

if TYPE_CHECKING:
    from ..api import Project, ProjectSpec
    from ..stacks import Stack


def show_plan(spec: "ProjectSpec", files: list[str], *, as_json: bool) -> None:
    if as_json:
        output.json_out({**_spec_json(spec), "files": files})
        return
    output.out.print(
        f"Would create {spec.dest} ({spec.stack}; {', '.join(spec.features) or 'no'}"
        f" features; {spec.db}{_in_language(spec.language)}) with {len(files)} files:"
    )
    for path in files:
        output.out.print(f"  {path}")


def _in_language(language: str | None) -> str:
    return f"; {LANGUAGES[language].title}" if language else ""


def _spec_json(spec: "ProjectSpec") -> dict[str, object]:
    return {
        "path": str(spec.dest),
        "stack": spec.stack,
        "features": list(spec.features),
        "db": spec.db,
        "language": spec.language,
    }


def describe(project: "Project") -> dict[str, object]:
    """``new --json``: where the project is and how to install, run, test and open it."""
    stack = project.stack
    return {
        "path": str(project.path),
        "stack": stack.name,
        "features": list(project.features),
        "db": project.db,
        "language": project.language,
        "commands": {
            "install": install_command(stack),
            "run": stack.quickstart[0],
            "test": stack.quickstart[1],
        },
        "urls": {
            url.label: f"http://127.0.0.1:{service.default_port}{url.path}"
            for service in stack.services
            for url in service.urls_for(project.features)
        },
    }


def install_command(stack: "Stack") -> str:
    """The stack's install steps as one shell line, run from the project root."""
    return " && ".join(
        f"(cd {cwd} && {' '.join(argv)})" if cwd != "." else " ".join(argv)
        for cwd, argv in stack.install
    )


def next_steps(project: "Project") -> None:
    rows = [("cd", str(project.path))]
    if not project.installed:
        rows.append(("install", install_command(project.stack)))
    rows += [("run", project.stack.quickstart[0]), ("test", project.stack.quickstart[1])]
    if project.git:
        rows.append(("update", "scaffold update  (or: copier update)"))
    output.panel(f"Created {project.path.name} — next steps", rows)
