"""Words a resource or field may not be called: they break a language, SQL or a framework."""

from __future__ import annotations

import keyword
import sys


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_JAVASCRIPT = _words(
    """await break case catch class const continue debugger default delete do else enum export
    extends false finally for function if implements import in instanceof interface let new null
    package private protected public return static super switch this throw true try typeof var
    void while with yield arguments eval constructor prototype undefined"""
)
# SQL words that would need quoting in the Node stack's hand-written SQL (SQLite and PostgreSQL).
_SQL = _words(
    """abort action add all alter analyze and as asc between by cascade case cast check collate
    column commit constraint create cross current current_date current_time current_timestamp
    current_user database default deferrable delete desc distinct drop else end escape except
    exists false fetch filter for foreign from full glob grant group having ilike in index inner
    insert intersect into is isnull join key left like limit natural not notnull null offset on
    only or order outer over partition primary references returning right row rows select
    session_user set some table then to transaction trigger true union unique update user using
    values view when where window with"""
)
# Attributes every Django model or DRF serializer already has.
_FRAMEWORK = _words(
    """pk objects save clean delete refresh_from_db full_clean validate_unique serializable_value
    check data errors fields instance initial_data validated_data meta model query"""
)

# Resource names (singular or plural) that the generated projects already use.
TAKEN_NAMES = _words(
    """user users auth token tokens health healthz api app apps config settings test tests
    migration migrations realtime chat static media admin docs openapi schema schemas
    catalog product products student students main db models node_modules src"""
)

WORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | _JAVASCRIPT | _SQL | _FRAMEWORK


def reserved_word(word: str) -> bool:
    return word in WORDS


def shadows_module(plural: str) -> bool:
    """A Django app at the project's top level must not hide a standard-library module."""
    return plural in sys.stdlib_module_names
