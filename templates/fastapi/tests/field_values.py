"""Values each field type accepts (with what the API gives back) and refuses; a str with a
maximum length or choices takes fewer.

The tests of every resource (the starter's too) run each of its fields through the values
of its type (the rules: app/fields.py).
"""

VALID: dict[str, list[tuple[object, object]]] = {
    "str": [
        ("Ada", "Ada"),
        ("  Ada Lovelace ", "Ada Lovelace"),
        ("\u00a0Zoë\u3000", "Zoë"),
        ("\ufeffAda", "\ufeffAda"),  # U+FEFF is not white space
        ("李雷", "李雷"),
        ("x" * 255, "x" * 255),
    ],
    "text": [
        ("Line one\nLine two\tand a tab\r\n", "Line one\nLine two\tand a tab\r\n"),
        ("  kept as sent  ", "  kept as sent  "),
        ("x" * 10_000, "x" * 10_000),
    ],
    "int": [(0, 0), (-2147483648, -2147483648), (2147483647, 2147483647), (7.0, 7)],
    "decimal": [
        ("12.5", "12.50"),
        ("-0.01", "-0.01"),
        ("99999999.99", "99999999.99"),
        (3, "3.00"),
        (12.25, "12.25"),
    ],
    "bool": [(True, True), (False, False)],
    "date": [("2024-02-29", "2024-02-29"), ("1999-12-31", "1999-12-31")],
    "datetime": [
        ("2026-03-01T10:30:00+02:00", "2026-03-01T08:30:00Z"),
        ("2026-03-01T23:30:00-05:00", "2026-03-02T04:30:00Z"),
        ("2026-03-01T10:30:00.123Z", "2026-03-01T10:30:00.123000Z"),
    ],
    "email": [
        ("ada@example.com", "ada@example.com"),
        ("  ada@example.com ", "ada@example.com"),
        ("ada.lovelace+notes@mail.example.org", "ada.lovelace+notes@mail.example.org"),
    ],
    "url": [
        ("https://example.com/path?q=1#top", "https://example.com/path?q=1#top"),
        (" http://example.com ", "http://example.com"),
        ("http://localhost:8000", "http://localhost:8000"),
    ],
    # A reference's valid values are the ids of rows: each resource's factory makes one.
    "ref": [],
}

INVALID: dict[str, list[object]] = {
    "str": ["", "   ", "x" * 256, "Nul\u0000here", "As\nha", "\tpadded", 5, True, ["Ada"], {}],
    "text": ["", "Bell\u0007", "Nul\u0000", "x" * 10_001, 5, False, ["text"]],
    "int": [1.5, "5", True, 2147483648, -2147483649, "", [1]],
    "decimal": ["1e3", " 1.00", "+1.00", "1.005", "123456789", "1,5", "", 1.005, 123456789, True],
    "bool": ["true", 1, 0, "", [True]],
    "date": ["2026-02-30", "2026-2-3", "20260203", "2026-02-03T10:00:00Z", 20260203, ""],
    "datetime": [
        "2026-03-01T10:30:00",  # no offset
        "2026-03-01",
        "2026-03-01 10:30:00Z",
        "2026-13-01T00:00:00Z",
        "2026-03-01T10:30Z",
        1772361000,
        "",
    ],
    "email": [
        "not-an-email",
        "ada@",
        "@example.com",
        "ada lovelace@example.com",
        "x" * 243 + "@example.com",
        "",
        5,
    ],
    "url": [
        "example.com",
        "ftp://example.com",
        "https://",
        "javascript:alert(1)",
        "https://exa mple.com",
        "https://example.com/" + "x" * 1981,
        5,
    ],
    "ref": [999_999, 0, -1, 2147483648, 1.5, "1", True],
}


def shorter_str(max_length: int) -> tuple[list[tuple[object, object]], list[object]]:
    """A str of at most ``max_length`` characters (code points, once trimmed): the values
    it takes (with what is stored) and refuses."""
    longest = "x" * max_length
    valid = [(value, stored) for value, stored in VALID["str"] if len(str(stored)) <= max_length]
    valid += [
        (longest, longest),
        (f" {longest}\u3000", longest),
        ("\N{GRINNING FACE}" * max_length, "\N{GRINNING FACE}" * max_length),
    ]
    return valid, [*INVALID["str"], longest + "x", "\N{GRINNING FACE}" * (max_length + 1)]


def one_of(choices: list[str]) -> tuple[list[tuple[object, object]], list[object]]:
    """A str that is exactly one of ``choices`` (case-sensitive, not trimmed): the values
    it takes (each choice, stored as sent) and refuses."""
    first = choices[0]
    near = [f" {first}", f"{first} ", first.lower(), first.upper(), first * 2, "Ada"]
    invalid = [*INVALID["str"], *(value for value in near if value not in choices)]
    return [(choice, choice) for choice in choices], invalid
