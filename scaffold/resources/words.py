"""English plurals and the spellings one resource name takes in code (pure)."""

from __future__ import annotations

_IRREGULAR = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "mouse": "mice",
    "goose": "geese",
    "tooth": "teeth",
    "foot": "feet",
    "ox": "oxen",
    "leaf": "leaves",
    "life": "lives",
    "knife": "knives",
    "wife": "wives",
    "half": "halves",
    "shelf": "shelves",
    "wolf": "wolves",
    "thief": "thieves",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "datum": "data",
    "medium": "media",
    "curriculum": "curricula",
    "syllabus": "syllabi",
    "cactus": "cacti",
    "index": "indices",
    "matrix": "matrices",
    "vertex": "vertices",
    "appendix": "appendices",
    "hero": "heroes",
    "potato": "potatoes",
    "tomato": "tomatoes",
    "echo": "echoes",
    "veto": "vetoes",
    "quiz": "quizzes",
}
# Words whose plural is the word itself.
_UNCOUNTABLE = frozenset(
    {"sheep", "fish", "deer", "series", "species", "equipment", "information", "news", "aircraft"}
)


def pluralize(word: str) -> str:
    """The English plural of a lowercase word (``category`` → ``categories``)."""
    if word in _UNCOUNTABLE:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("is") and len(word) > 3:  # analysis → analyses
        return word[:-2] + "es"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def pluralize_name(name: str) -> str:
    """Plural of a snake_case name: its last word takes the plural (``lab_session``)."""
    head, _, last = name.rpartition("_")
    return f"{head}_{pluralize(last)}" if head else pluralize(last)


def camel(name: str) -> str:
    """``lab_session`` → ``labSession``."""
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def pascal(name: str) -> str:
    """``lab_session`` → ``LabSession``."""
    return "".join(word.capitalize() for word in name.split("_"))


def spellings(name: str) -> dict[str, str]:
    """Every spelling templates need of one resource name."""
    plural = pluralize_name(name)
    return {
        "name": name,
        "plural": plural,
        "class_name": pascal(name),
        "plural_class": pascal(plural),
        "camel": camel(name),
        "plural_camel": camel(plural),
        "url": plural.replace("_", "-"),
        "label": name.replace("_", " "),
        "plural_label": plural.replace("_", " "),
    }
