"""Every error a user can see says what is wrong and how to fix it."""

from __future__ import annotations

import ast
from pathlib import Path

import scaffold
from scaffold import errors

PACKAGE = Path(scaffold.__file__).parent
USER_ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.UserError)
}


def raised_without_a_fix() -> list[str]:
    """``UserError(message)`` calls in scaffold/ that pass no hint (subclasses make their own)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "UserError"
                and len(node.args) + len(node.keywords) < 2
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_user_error_raised_in_scaffold_carries_a_fix() -> None:
    assert raised_without_a_fix() == []


def test_every_user_error_subclass_gives_a_fix() -> None:
    samples = {
        "InvalidName": ("Shop", "uppercase"),
        "InvalidChoice": ("stack", "rails", ["fastapi"]),
        "UnsupportedFeatures": ("fastapi", ["chat"], ["students"]),
        "DestinationNotEmpty": (Path("shop"),),
        "MissingAnswers": (["--stack"],),
        "ToolMissing": ("git", "apt-get install -y git"),
        "CommandFailed": ("git init", ["git", "init"], Path(".")),
        "TemplateError": ("bad answer",),
    }
    assert set(samples) == USER_ERRORS - {"UserError"}
    for name, args in samples.items():
        assert getattr(errors, name)(*args).hint, name
