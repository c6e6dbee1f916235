"""The Jinja extension copier loads for scaffold's template (copier.yml `_jinja_extensions`).

Node source templates are named `*.{{ language }}.jinja` and written in TypeScript. Each is
rendered inside a filter that, for a `js` project, strips the rendered module's types, so
both languages come from one source and `copier update` renders them the same way.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.ext import Extension

from scaffold.typescript.strip import strip_types

NODE_SOURCE_MARK = ".{{ language }}"


class NodeSourceExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["node_source"] = node_source

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is None or NODE_SOURCE_MARK not in name:
            return source
        # A module that includes another (a starter's stub includes its resource template)
        # strips once, at the outermost: the included one sees `_node_source` defined.
        return (
            "{% filter node_source(language, outermost=_node_source is not defined) %}"
            "{% with _node_source = true %}" + source + "{% endwith %}{% endfilter %}"
        )


def node_source(module: str, language: object, *, outermost: bool = True) -> str:
    """The rendered module in the project's language (a project without the answer is JS)."""
    return module if language == "ts" or not outermost else strip_types(module)
