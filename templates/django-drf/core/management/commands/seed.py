from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Adds the demo rows each app declares (AppConfig.seed_rows) that are not there yet."

    def handle(self, *args: Any, **options: Any) -> None:
        added = 0
        with transaction.atomic():
            for config in apps.get_app_configs():
                for model_name, rows in getattr(config, "seed_rows", {}).items():
                    added += _add_missing(config.get_model(model_name), rows)
        self.stdout.write(f"Added {added} demo row{'' if added == 1 else 's'}.")


def _add_missing(model: Any, rows: list[dict[str, Any]]) -> int:
    """Adds each row unless one with its first field's value exists (edited since, say), so
    that running the command again adds nothing."""
    added = 0
    for row in rows:
        key = next(iter(row))
        if not model._default_manager.filter(**{key: row[key]}).exists():
            model._default_manager.create(**row)
            added += 1
    return added
