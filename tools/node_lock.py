"""Regenerate templates/node-express/package-lock.json.jinja from npm's own locks.

The Express template renders in eight dependency variants (standalone or the hybrid's
realtime part, with or without the chat, TypeScript or JavaScript). This renders each,
lets npm lock it (`npm install --package-lock-only`, keeping the versions the current
lock already pins), and writes one Jinja lock that renders to each variant's lock: every
entry that not all variants share sits under the simplest condition, over the named
conditions of copier.yml, that picks exactly the variants holding it.

Usage (from the repository root, Node/npm on PATH): python tools/node_lock.py
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from copier import run_copy

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "templates/node-express/package-lock.json.jinja"
CONDITIONS = ("standalone", "chat_page", "typescript")
NAME = "lockdemo"

Variant = tuple[bool, bool, bool]  # in CONDITIONS order
VARIANTS: tuple[Variant, ...] = tuple(itertools.product((True, False), repeat=3))


def answers(variant: Variant) -> dict[str, object]:
    standalone, chat, typescript = variant
    common = {"project_name": NAME, "language": "ts" if typescript else "js"}
    features = ["students"] if standalone else ["students", "admin"]
    features += ["chat"] if chat else []
    if standalone:
        return {**common, "stack": "node-express", "features": features}
    return {**common, "stack": "hybrid", "part": "realtime", "features": features}


def rendered(variant: Variant, workdir: Path) -> Path:
    """The variant rendered from the checkout (uncommitted changes included)."""
    dest = workdir / "-".join(str(int(flag)) for flag in variant)
    data = answers(variant)
    run_copy(str(ROOT), dest, data=data, defaults=True, unsafe=True, vcs_ref="HEAD", quiet=True)
    return dest


def locked(variant: Variant, workdir: Path) -> dict[str, object]:
    dest = rendered(variant, workdir)
    subprocess.run(
        ["npm", "install", "--package-lock-only", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=dest,
        check=True,
        capture_output=True,
    )
    return json.loads((dest / "package-lock.json").read_text(encoding="utf-8"))


# --- conditions -------------------------------------------------------------------------


def _literals() -> Iterator[tuple[str, int, bool]]:
    for index, name in enumerate(CONDITIONS):
        yield name, index, True
        yield f"not {name}", index, False


def condition(holders: frozenset[Variant]) -> str | None:
    """The simplest expression true for exactly ``holders`` among VARIANTS (None: all)."""
    if holders == frozenset(VARIANTS):
        return None
    literals = list(_literals())
    for size in (1, 2, 3):
        for combo in itertools.combinations(literals, size):
            for joiner, test in ((" and ", all), (" or ", any)):
                truth = frozenset(v for v in VARIANTS if test(v[i] == want for _, i, want in combo))
                if truth == holders:
                    return joiner.join(name for name, _, _ in combo)
    return " or ".join(
        "(" + " and ".join(n if v[i] else f"not {n}" for i, n in enumerate(CONDITIONS)) + ")"
        for v in sorted(holders, reverse=True)
    )


# --- emitting ---------------------------------------------------------------------------


def _dumped(value: object, indent: str) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


def _ordered_keys(dicts: list[dict[str, object]]) -> list[str]:
    keys: list[str] = []
    for mapping in dicts:
        previous = -1
        for key in mapping:
            if key in keys:
                previous = keys.index(key)
            else:
                previous += 1
                keys.insert(previous, key)
    return keys


class _NoAnchor(Exception):
    """Every entry of the object is conditional: it is emitted whole, per variant."""


def emit_object(values: dict[Variant, dict[str, object]], indent: str) -> str:
    """A JSON object whose entries differ between variants, as Jinja text."""
    inner = indent + "  "
    keys = _ordered_keys(list(values.values()))
    entries = [(key, _alternatives(values, key, inner)) for key in keys]
    anchor = next((i for i, (_, alts) in enumerate(entries) if alts[0][0] is None), None)
    if anchor is None:
        raise _NoAnchor
    text = "{\n" + inner
    for index, (key, alts) in enumerate(entries):
        if index < anchor:  # before the first unconditional entry: comma after
            text += _branches([(c, f'"{key}": {body},\n{inner}') for c, body in alts])
        elif index == anchor:
            text += f'"{key}": {alts[0][1]}'
        else:  # after it: comma before
            text += _branches([(c, f',\n{inner}"{key}": {body}') for c, body in alts])
    return text + "\n" + indent + "}"


def _alternatives(
    values: dict[Variant, dict[str, object]], key: str, indent: str
) -> list[tuple[str | None, str]]:
    holding = {v: d[key] for v, d in values.items() if key in d}
    distinct = {json.dumps(value, sort_keys=True) for value in holding.values()}
    dicts = all(isinstance(value, dict) for value in holding.values())
    if len(holding) == len(VARIANTS) and len(distinct) > 1 and dicts:
        try:
            return [(None, emit_object(holding, indent))]  # type: ignore[arg-type]
        except _NoAnchor:
            pass
    groups: dict[str, list[Variant]] = {}
    for variant, value in holding.items():
        groups.setdefault(json.dumps(value, ensure_ascii=False), []).append(variant)
    alternatives = [
        (condition(frozenset(variants)), _dumped(json.loads(dumped), indent))
        for dumped, variants in groups.items()
    ]
    if len(holding) == len(VARIANTS) and len(alternatives) > 1:  # the last one is the rest
        alternatives[-1] = ("else", alternatives[-1][1])
    return alternatives


def _branches(alternatives: list[tuple[str | None, str]]) -> str:
    if alternatives[0][0] is None:
        return alternatives[0][1]
    text = ""
    for index, (cond, body) in enumerate(alternatives):
        if cond == "else":
            text += "{% else %}" + body
        else:
            text += ("{% if " if index == 0 else "{% elif ") + f"{cond} %}}{body}"
    return text + "{% endif %}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        locks = {variant: locked(variant, Path(tmp)) for variant in VARIANTS}
    text = emit_object(locks, "") + "\n"  # type: ignore[arg-type]
    if "{{" in text or "{#" in text:
        raise SystemExit("a locked value looks like Jinja")
    LOCK.write_text(text.replace(f'"{NAME}"', '"{{ project_name }}"'), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for variant, lock in locks.items():
            written = rendered(variant, Path(tmp)) / "package-lock.json"
            if json.loads(written.read_text(encoding="utf-8")) != lock:
                raise SystemExit(f"the written lock does not render npm's lock for {variant}")
    print(f"wrote {LOCK.relative_to(ROOT)} from {len(VARIANTS)} variants", file=sys.stderr)


if __name__ == "__main__":
    main()
