"""scaffold: from "which backend should I use?" to a running project.

The public API is small: ``recommend`` turns needs into a stack with reasons, and
``create_project`` renders, commits and installs a project. Neither prompts nor prints.
"""

from __future__ import annotations

__version__ = "0.3.0"

__all__ = ["__version__"]
