"""``scaffold doctor``: what this machine lacks for the chosen stacks, and the fixes."""

from typing import TYPE_CHECKING, Annotated

import typer

from ..stacks import StackName
from . import output
from .boundary import EXIT_USER_ERROR, command, one_of

if TYPE_CHECKING:
    from ..doctor import Report


@command
def doctor_cmd(
    stack: Annotated[
        StackName | None,
        typer.Option(
            metavar="STACK", help=f"Check only what this stack needs: {one_of(StackName)}."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            envvar="SCAFFOLD_OFFLINE",
            help="Unreachable package registries are warnings (installs use the caches).",
        ),
    ] = False,
) -> None:
    """Check the prerequisites (Python, uv, git, Node, npm, ports, caches, registries).

    Prints the command that fixes each missing one; exits 1 unless everything needed is
    there (warnings, such as a busy port, are allowed).
    """
    from ..doctor import diagnose

    with output.progress(as_json)("Checking this machine"):
        report = diagnose([stack] if stack else None, offline=offline)
    if as_json:
        output.json_out(report.as_dict())
    else:
        _show(report)
    if not report.ok:
        raise typer.Exit(EXIT_USER_ERROR)


def _show(report: "Report") -> None:
    width = max(len(c.name) for c in report.checks)
    for check in report.checks:
        mark = "[green]✓[/]" if check.ok else "[red]✗[/]" if check.required else "[yellow]![/]"
        output.out.print(f"{mark} {check.name.ljust(width)}  {output.escape(check.detail)}")
        if not check.ok and check.fix:
            output.out.print(f"  {' ' * width}  fix: {output.escape(check.fix)}")
    missing = [c.name for c in report.checks if c.required and not c.ok]
    if missing:
        output.err.print(
            f"[red]Missing:[/] {output.escape(', '.join(missing))}. "
            "Run the fixes above, then `scaffold doctor` again."
        )
    else:
        output.err.print("[green]Ready.[/] Everything needed is there.")
