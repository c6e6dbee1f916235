"""A JavaScript project's Node code is its TypeScript with the types erased, nothing else.

These are the rules the Node templates rely on (docs/templates.md, "One source for
TypeScript and JavaScript").
"""

from __future__ import annotations

import pytest

from scaffold.typescript.strip import NotErasable, strip_types
from scaffold.typescript.template import node_source


def test_annotations_generics_and_assertions_are_erased_in_place() -> None:
    source = (
        "export async function page<T>(db: Db, { limit }: Page = {}): Promise<T[]> {\n"
        "  const rows = (await db.all<Row>(sql, [limit])) as Row[];\n"
        "  return rows.map((row: Row) => fromRow(row)!) satisfies T[];\n"
        "}\n"
    )
    assert strip_types(source) == (
        "export async function page(db, { limit } = {}) {\n"
        "  const rows = (await db.all(sql, [limit]));\n"
        "  return rows.map((row) => fromRow(row));\n"
        "}\n"
    )


def test_type_only_declarations_go_with_their_comments_and_lines() -> None:
    source = (
        "import express from 'express';\n"
        "import type { Request } from 'express';\n"
        "\n"
        "// What a student is.\n"
        "export type Student = z.infer<typeof studentSchema>;\n"
        "\n"
        "interface Options {\n"
        "  db: Db;\n"
        "}\n"
        "\n"
        "export const app = express();\n"
    )
    assert strip_types(source) == (
        "import express from 'express';\n\nexport const app = express();\n"
    )


def test_type_specifiers_leave_the_values_imported_beside_them() -> None:
    source = (
        "import { type Db, openDatabase } from './db/database.ts';\n"
        "import { Router, type RequestHandler } from 'express';\n"
        "import { a, type B, type C } from './b.ts';\n"
        "import {\n  type D,\n  e,\n  type F,\n} from './d.ts';\n"
    )
    assert strip_types(source) == (
        "import { openDatabase } from './db/database.js';\n"
        "import { Router } from 'express';\n"
        "import { a } from './b.js';\n"
        "import {\n  e,\n} from './d.js';\n"
    )


def test_a_module_ending_in_types_ends_at_its_last_statement() -> None:
    assert (
        strip_types("export const a = 1;\n\nexport type A = typeof a;\n") == "export const a = 1;\n"
    )


def test_a_comment_naming_a_file_goes_with_the_type_below_it() -> None:
    source = (
        "// Rows as src/db/database.ts returns them.\ntype Row = { id: number };\nconst a = 1;\n"
    )
    assert strip_types(source) == "const a = 1;\n"


def test_declared_fields_go_and_asserted_values_lose_their_parentheses() -> None:
    source = (
        "class HttpError extends Error {\n"
        "  declare status: number;\n"
        "  code = (error as Coded).code;\n"
        "  late = (await load() as Late);\n"
        "}\n"
    )
    assert strip_types(source) == (
        "class HttpError extends Error {\n  code = error.code;\n  late = (await load());\n}\n"
    )


def test_a_type_import_leaves_the_module_comment_above_it() -> None:
    source = (
        "// The students API.\n"
        "import type { Request } from 'express';\n"
        "import { Router } from 'express';\n"
    )
    assert strip_types(source) == "// The students API.\nimport { Router } from 'express';\n"


def test_relative_ts_imports_and_file_names_in_comments_become_js() -> None:
    source = (
        "// Entry point; the app is built in src/app.ts.\n"
        "import { createApp } from './src/app.ts';\n"
        "import pino from 'pino';\n"
        "const tool = await import('../scripts/migrate.ts');\n"
    )
    assert strip_types(source) == (
        "// Entry point; the app is built in src/app.js.\n"
        "import { createApp } from './src/app.js';\n"
        "import pino from 'pino';\n"
        "const tool = await import('../scripts/migrate.js');\n"
    )


def test_optional_marks_modifiers_and_module_augmentation_are_erased() -> None:
    source = (
        "declare module 'express' {\n"
        "  interface Request {\n"
        "    user?: User;\n"
        "  }\n"
        "}\n"
        "\n"
        "export class HttpError extends Error implements Described {\n"
        "  readonly status: number;\n"
        "  detail?: string;\n"
        "}\n"
        "let ready!: boolean;\n"
    )
    assert strip_types(source) == (
        "export class HttpError extends Error {\n  status;\n  detail;\n}\nlet ready;\n"
    )


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        ("enum Grade { A, B }\n", "enums"),
        ("namespace Db { export const x = 1; }\n", "namespaces"),
        ("class Repo { constructor(private db: Db) {} }\n", "parameter properties"),
        ("const x: = 1;\n", "not valid TypeScript"),
    ],
)
def test_syntax_that_needs_a_compiler_is_refused_by_name(source: str, refused: str) -> None:
    with pytest.raises(NotErasable, match=refused):
        strip_types(source)


def test_a_typescript_project_gets_the_module_as_written() -> None:
    module = "const x: number = 1;\n"
    assert node_source(module, "ts") == module
    assert node_source(module, "js") == "const x = 1;\n"
    assert node_source(module, "js", outermost=False) == module  # its includer strips it
