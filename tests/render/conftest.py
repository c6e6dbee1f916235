"""Each stack x feature set x database rendered at most once per session, on first use,
so every render-tier test and validator reads the same rendered projects."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.combos import Combo, combo_id, render


@pytest.fixture(scope="session")
def renders(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Combo], Path]:
    """``renders(combo)``: the path of that combination's project, rendered on first use."""
    done: dict[Combo, Path] = {}

    def rendered(combo: Combo) -> Path:
        if combo not in done:
            done[combo] = render(tmp_path_factory.mktemp(combo_id(*combo)), *combo)
        return done[combo]

    return rendered
