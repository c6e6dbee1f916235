"""The marked spots where a resource is registered in the app (pure text edits).

Each stack's main template holds marker comments; ``scaffold add resource`` writes one line
per resource just above a marker, with the marker's indentation. Adding the same resource
twice changes nothing; a marker the user moved away or deleted stops the command with the
lines to add by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import UserError


@dataclass(frozen=True)
class Spot:
    """``line`` (a str.format template over the resource's spellings) goes above ``marker``
    in ``path`` (relative to the render root). An ``optional`` spot is one projects made by
    older releases lack (they register that part another way): no marker, no line."""

    path: str
    marker: str
    line: str
    optional: bool = False

    def render(self, names: Mapping[str, object]) -> str:
        return self.line.format(**names)


class MarkerMissing(UserError):
    def __init__(self, path: str, marker: str, lines: Sequence[str]) -> None:
        super().__init__(
            f"{path} no longer has the line '{marker}' where scaffold registers resources; "
            "nothing was written.",
            f"Put '{marker}' back where these lines belong, then run the command again: "
            + " | ".join(lines),
        )


def insert_lines(text: str, path: str, marker: str, lines: Sequence[str]) -> str:
    """``text`` with each of ``lines`` above its one ``marker`` line, unless already there."""
    rows = text.splitlines(keepends=True)
    at = [i for i, row in enumerate(rows) if row.strip() == marker]
    if len(at) != 1:
        raise MarkerMissing(path, marker, lines)
    indent = rows[at[0]][: len(rows[at[0]]) - len(rows[at[0]].lstrip())]
    present = {row.strip() for row in rows}
    new = [f"{indent}{line}\n" for line in lines if line.strip() not in present]
    return "".join(rows[: at[0]] + new + rows[at[0] :])


def has_marker(text: str, marker: str) -> bool:
    return any(row.strip() == marker for row in text.splitlines())


def apply(
    texts: Mapping[str, str], spots: Sequence[Spot], names: Mapping[str, object]
) -> dict[str, str]:
    """The new text of every file the spots touch (``texts``: their current text)."""
    result = dict(texts)
    for spot in spots:
        if spot.optional and not has_marker(result.get(spot.path, ""), spot.marker):
            continue
        result[spot.path] = insert_lines(
            result[spot.path], spot.path, spot.marker, [spot.render(names)]
        )
    return result
