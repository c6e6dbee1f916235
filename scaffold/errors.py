"""One error hierarchy. Every error a user can see carries a cause and a fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class ScaffoldError(Exception):
    """Base of every error scaffold raises on purpose."""


class UserError(ScaffoldError):
    """Something the user can fix: ``message`` says what is wrong, ``hint`` how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InvalidName(UserError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(
            f"Invalid project name {name!r}: {reason}.",
            "Use 1-50 lowercase letters, digits and single dashes, starting with a letter "
            "(e.g. my-shop).",
        )


class InvalidChoice(UserError):
    def __init__(self, what: str, value: str, allowed: Sequence[str]) -> None:
        super().__init__(f"Unknown {what} {value!r}.", f"Choose one of: {', '.join(allowed)}.")


class UnsupportedFeatures(UserError):
    def __init__(self, stack: str, features: Sequence[str], supported: Sequence[str]) -> None:
        super().__init__(
            f"The {stack} stack does not offer {', '.join(features)}.",
            f"Pick features from {', '.join(supported)}, or another stack "
            "(`scaffold list` shows which stack offers what).",
        )


class DestinationNotEmpty(UserError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Destination {path} already exists and is not empty.",
            "Choose another name or --dest; nothing was written.",
        )


class Cancelled(ScaffoldError):
    """The user chose Cancel before anything was written."""


class MissingAnswers(UserError):
    def __init__(self, flags: Sequence[str]) -> None:
        super().__init__(
            "No terminal to ask questions on, and some answers are missing.",
            f"Pass {' '.join(flags)}, or --defaults to accept the defaults.",
        )


class ToolMissing(UserError):
    def __init__(self, tool: str, fix: str) -> None:
        super().__init__(f"{tool} is not installed or not on PATH.", fix)


class CommandFailed(UserError):
    """A step (install, migrate, git) failed; the project stays in place for a retry."""

    def __init__(self, step: str, argv: Sequence[str], cwd: Path, output: str = "") -> None:
        tail = "\n".join(output.strip().splitlines()[-15:])
        super().__init__(
            f"{step} failed: `{' '.join(argv)}` exited non-zero." + (f"\n{tail}" if tail else ""),
            f"Your files are kept. Fix the cause above, then retry: cd {cwd} && {' '.join(argv)}",
        )
        self.argv = tuple(argv)
        self.cwd = cwd


class TemplateError(UserError):
    """copier refused the answers or the template."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The template could not be rendered: {detail}", "Check the answers given with --data."
        )
