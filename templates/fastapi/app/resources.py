"""The resources `scaffold add resource` made, oldest first.

app.main serves their routers (app.models lists their models, for Alembic). The command
adds one line above each `# scaffold:` marker: keep the markers in place.
"""

# The imports stay in the order the resources were made (pyproject.toml tells ruff).

from fastapi import APIRouter

# scaffold: resource imports

ROUTERS: list[APIRouter] = [
    # scaffold: resource routers
]
