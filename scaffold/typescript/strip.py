"""TypeScript to JavaScript by erasing types, the way Node's type stripping runs the code.

Only erasable syntax is accepted (what tsconfig's `erasableSyntaxOnly` allows): enums,
namespaces and parameter properties would need a compiler, so they are refused. Erased
declarations take their own lines with them (and the comments just above them); relative
imports of `.ts` files, and `.ts` file names in comments, become `.js`. What is left is
the author's code, character for character, so the JavaScript reads as written.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

# Declarations that exist only for the type checker: the whole statement goes.
_TYPE_ONLY_STATEMENTS = frozenset(
    {"type_alias_declaration", "interface_declaration", "ambient_declaration", "function_signature"}
)
# Type syntax inside code: the node's own text goes.
_TYPE_SYNTAX = frozenset(
    {
        "type_annotation",
        "type_arguments",
        "type_parameters",
        "asserts_annotation",
        "type_predicate_annotation",
    }
)
# Keywords that go with the whitespace after them (`private readonly x` → `x`).
_TYPE_KEYWORDS = frozenset({"accessibility_modifier", "override_modifier", "readonly"})
_NOT_ERASABLE = {
    "enum_declaration": "enums",
    "internal_module": "namespaces",
    "module": "namespaces",
    "abstract_class_declaration": "abstract classes",
}
_RELATIVE_TS = re.compile(r"^\.{1,2}/.*\.ts$")
_TS_FILE_IN_COMMENT = re.compile(r"(?<![\w.])([\w./-]*\w)\.ts\b")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

Cut = tuple[int, int, bytes]  # bytes [start, end) replaced by the third item


class NotErasable(ValueError):
    """The source uses TypeScript that cannot run by erasing types."""


@cache
def _parser() -> Parser:
    # Imported on first use: every render loads this module, only JavaScript ones strip.
    import tree_sitter_typescript
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_typescript.language_typescript()))


def strip_types(source: str) -> str:
    """The JavaScript Node would run for this TypeScript module."""
    data = source.encode()
    root = _parser().parse(data).root_node
    if root.has_error:
        raise NotErasable(f"not valid TypeScript (line {_first_error_line(root)})")
    cuts: list[Cut] = []
    _visit(root, data, cuts)
    out = bytearray(data)
    for start, end, replacement in reversed(_outermost(cuts)):
        out[start:end] = replacement
    text = _BLANK_LINES.sub("\n\n", out.decode())
    if not source.startswith("\n"):
        text = text.lstrip("\n")
    return text.rstrip("\n") + "\n" if source.endswith("\n") else text


def _outermost(cuts: list[Cut]) -> list[Cut]:
    """The cuts in order, without those inside another (a comment that goes with the
    declaration below it is also a comment whose `.ts` names were rewritten)."""
    kept: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if kept and cut[0] < kept[-1][1]:
            continue
        kept.append(cut)
    return kept


def _visit(node: Node, data: bytes, cuts: list[Cut]) -> None:
    kind = node.type
    if kind in _NOT_ERASABLE:
        raise NotErasable(f"{_NOT_ERASABLE[kind]} are not erasable (line {_line(node)})")
    if _is_type_only_statement(node) or _is_declared_field(node):
        cuts.append(_whole_lines(node, data))
        return
    if _is_parenthesized_assertion(node):  # `(row as Row).id` → `row.id`
        parens = (node.children[0], node.children[-1])
        cuts.extend((paren.start_byte, paren.end_byte, b"") for paren in parens)
    if kind in _TYPE_SYNTAX:
        cuts.append((node.start_byte, node.end_byte, b""))
        return
    if kind in _TYPE_KEYWORDS:
        if node.parent is not None and node.parent.type == "required_parameter":
            raise NotErasable(f"parameter properties are not erasable (line {_line(node)})")
        cuts.append((node.start_byte, _skip_spaces(data, node.end_byte), b""))
        return
    if kind in ("as_expression", "satisfies_expression"):
        expression = node.children[0]
        cuts.append((expression.end_byte, node.end_byte, b""))
        _visit(expression, data, cuts)
        return
    if kind == "implements_clause":
        cuts.append((_back_over_spaces(data, node.start_byte), node.end_byte, b""))
        return
    _cut_marks(node, cuts)
    if kind == "named_imports" or kind == "export_clause":
        _cut_type_specifiers(node, data, cuts)
    elif kind == "string_fragment":
        _rewrite_relative_import(node, cuts)
    elif kind == "comment":
        _rewrite_comment(node, data, cuts)
    for child in node.children:
        _visit(child, data, cuts)


def _is_type_only_statement(node: Node) -> bool:
    if node.type in _TYPE_ONLY_STATEMENTS:
        return True
    if node.type not in ("import_statement", "export_statement"):
        return False
    children = node.children
    if any(child.type == "type" for child in children):  # import type …, export type { … }
        return True
    if node.type == "export_statement" and any(c.type in _TYPE_ONLY_STATEMENTS for c in children):
        return True
    specifiers = _specifiers(node)
    return (
        bool(specifiers)
        and all(_is_type_specifier(s) for s in specifiers)
        and not any(
            c.type in ("identifier", "namespace_import") for c in _import_clause_parts(node)
        )
    )


def _is_declared_field(node: Node) -> bool:
    """`declare x: T;` in a class: a field only the type checker sees."""
    kinds = (child.type for child in node.children)
    return node.type == "public_field_definition" and "declare" in kinds


# Expressions that need no parentheses once an assertion around them is gone.
_PLAIN = frozenset(
    {"identifier", "member_expression", "subscript_expression", "this", "call_expression"}
)


def _is_parenthesized_assertion(node: Node) -> bool:
    if node.type != "parenthesized_expression" or node.named_child_count != 1:
        return False
    inner = node.named_children[0]
    if inner.type not in ("as_expression", "satisfies_expression"):
        return False
    asserted = inner.children[0].type
    in_new = node.parent is not None and node.parent.type == "new_expression"
    return asserted in _PLAIN and not (in_new and asserted == "call_expression")


def _specifiers(statement: Node) -> list[Node]:
    lists = [c for c in _import_clause_parts(statement) if c.type in ("named_imports",)]
    lists += [c for c in statement.children if c.type == "export_clause"]
    return [s for lst in lists for s in lst.named_children if s.type.endswith("_specifier")]


def _import_clause_parts(statement: Node) -> list[Node]:
    clause = next((c for c in statement.children if c.type == "import_clause"), None)
    return list(clause.children) if clause is not None else []


def _is_type_specifier(specifier: Node) -> bool:
    return any(child.type == "type" for child in specifier.children)


def _cut_marks(node: Node, cuts: list[Cut]) -> None:
    """`?` of optional parameters and fields, `!` of non-null and definite assignments."""
    if node.type in ("optional_parameter", "public_field_definition", "variable_declarator"):
        marks = [c for c in node.children if c.type in ("?", "!")]
    elif node.type == "non_null_expression":
        marks = [node.children[-1]]
    else:
        return
    cuts.extend((mark.start_byte, mark.end_byte, b"") for mark in marks)


def _cut_type_specifiers(braces: Node, data: bytes, cuts: list[Cut]) -> None:
    """`{ type A, b }` → `{ b }`, `{ a, type B, type C }` → `{ a }`: each type specifier
    with the separator before the next specifier, or after the last one kept."""
    specifiers = [s for s in braces.named_children if s.type.endswith("_specifier")]
    kept_end = None
    for index, specifier in enumerate(specifiers):
        if not _is_type_specifier(specifier):
            kept_end = specifier.end_byte
            continue
        later_kept = any(not _is_type_specifier(s) for s in specifiers[index + 1 :])
        if later_kept:
            cuts.append((specifier.start_byte, specifiers[index + 1].start_byte, b""))
        elif kept_end is not None:
            cuts.append((kept_end, specifier.end_byte, b""))


def _rewrite_relative_import(fragment: Node, cuts: list[Cut]) -> None:
    string = fragment.parent
    holder = string.parent if string is not None else None
    if holder is None or holder.type not in ("import_statement", "export_statement", "arguments"):
        return
    text = fragment.text.decode() if fragment.text else ""
    if _RELATIVE_TS.match(text):
        cuts.append((fragment.end_byte - 3, fragment.end_byte, b".js"))


def _rewrite_comment(comment: Node, data: bytes, cuts: list[Cut]) -> None:
    text = data[comment.start_byte : comment.end_byte].decode()
    rewritten = _TS_FILE_IN_COMMENT.sub(r"\1.js", text)
    if rewritten != text:
        cuts.append((comment.start_byte, comment.end_byte, rewritten.encode()))


def _whole_lines(statement: Node, data: bytes) -> Cut:
    """The statement, the comment lines right above it and a comment after it on its line.

    An import keeps the comments above it: there they describe the module, not the import."""
    first = statement
    previous = statement.prev_sibling
    while (
        statement.type != "import_statement"
        and previous is not None
        and previous.type == "comment"
        and previous.end_point.row == first.start_point.row - 1
        and _line_start(data, previous.start_byte) == _back_over_spaces(data, previous.start_byte)
    ):
        first, previous = previous, previous.prev_sibling
    end = statement.end_byte
    after = statement.next_sibling
    if after is not None and after.type == ";":  # a class field's `;` is its sibling
        end, after = after.end_byte, after.next_sibling
    if (
        after is not None
        and after.type == "comment"
        and after.start_point.row == statement.end_point.row
    ):
        end = after.end_byte
    start = _line_start(data, first.start_byte)
    if data[start : first.start_byte].strip() or data[end : _line_end(data, end)].strip():
        return (first.start_byte, end, b"")  # shares its line with code: only its own text
    return (start, min(_line_end(data, end) + 1, len(data)), b"")


def _line_start(data: bytes, index: int) -> int:
    return data.rfind(b"\n", 0, index) + 1


def _line_end(data: bytes, index: int) -> int:
    end = data.find(b"\n", index)
    return len(data) if end == -1 else end


def _skip_spaces(data: bytes, index: int) -> int:
    while index < len(data) and data[index : index + 1] in (b" ", b"\t"):
        index += 1
    return index


def _back_over_spaces(data: bytes, index: int) -> int:
    while index > 0 and data[index - 1 : index] in (b" ", b"\t"):
        index -= 1
    return index


def _line(node: Node) -> int:
    return node.start_point.row + 1


def _first_error_line(root: Node) -> int:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return _line(node)
        stack.extend(reversed(node.children))
    return 1
