"""A corpus of bad gesture input (issue 11, DESIGN §8), each with the field it is refused on.

Each case is a (name, form field, value, error field) row: the value replaces that field of an otherwise
valid gesture, sent through the log form, the tablet outbox's JSON and (where the column exists) a
gestures.csv import. The error field is where the refusal is shown; nothing is ever stored.
"""

NUL, RTL = "\x00", "\u202e"
LONG = "x" * 5000

COSTS = [
    ("negative cost", "-5"), ("huge cost", "99999999999999999999"), ("NaN cost", "NaN"),
    ("Infinity cost", "Infinity"), ("sNaN cost", "sNaN"), ("exponent cost", "1e3"), ("hex cost", "0x10"),
    ("underscore cost", "1_000"), ("Arabic-Indic digits cost", "٥"), ("comma-grouped cost", "1,000.50"),
    ("dot-grouped cost", "1.000,50"), ("cost with a currency word", "5 euro"),
]
REACTIONS = [("reaction 0", "0"), ("reaction 6", "6"), ("reaction 3.5", "3.5"), ("reaction in words", "good"),
             ("reaction in Arabic-Indic digits", "٤"), ("negative reaction", "-1")]
ENUMS = [("unknown kind", "kind", "bribe"), ("unknown trigger", "trigger", "because"),
         ("kind with a NUL", "kind", "treat" + NUL)]
TEXTS = [("overlong description", LONG), ("binary description", "\x01\x02\x03"),
         ("NUL in the description", "coffee" + NUL + "tea")]
DATES = [("invalid day", "2026-02-30", "10:00", "day"), ("far-past day", "1900-01-01", "10:00", "when"),
         ("far-future day", "2999-01-01", "10:00", "when"), ("invalid time", "2026-11-20", "25:61", "time"),
         ("day with an offset", "2026-11-20T10:00+14:30", "10:00", "day"),
         ("day in Arabic-Indic digits", "٢٠٢٦-١١-٢٠", "10:00", "day")]

# (name, overrides of the form's fields, the field the error is shown on)
CASES: list[tuple[str, dict, str]] = (
    [(name, {"cost_pick": "", "cost": value}, "cost") for name, value in COSTS]
    + [("cost pick not offered", {"cost_pick": "0003", "cost": ""}, "cost")]
    + [(name, {"reaction": value}, "reaction") for name, value in REACTIONS]
    + [(name, {field: value}, field) for name, field, value in ENUMS]
    + [(name, {"description": value}, "description") for name, value in TEXTS]
    + [(name, {"when": "earlier", "day": day, "time": time}, field) for name, day, time, field in DATES]
)

# JSON-only shapes: wrong JSON types where text belongs.
WRONG_TYPES: list[tuple[str, dict, str]] = [
    ("cost as a list", {"cost": [5]}, "cost"),
    ("reaction as an object", {"reaction": {"n": 4}}, "reaction"),
    ("kind as a number", {"kind": 3}, "kind"),
    ("description as a list", {"description": ["a"]}, "description"),
    ("reaction as true", {"reaction": True}, "reaction"),
]

# Free text that is stored, but never as markup or a direction trick shown raw (the escaping tests cover
# how it is shown): a script tag and a right-to-left override are accepted as plain text.
ACCEPTED_TEXT = ["<script>alert(1)</script>", "Room " + RTL + "4021"]

# The same corpus as gestures.csv cells: (name, column, value). History may be old (an import brings in
# years of it), so a far-past day is no error there; grouped costs are how a spreadsheet writes euros.
CSV_CASES: list[tuple[str, str, str]] = (
    [(name, "cost_eur", value) for name, value in COSTS if value not in ("1,000.50", "1.000,50")]
    + [(name, "reaction", value) for name, value in REACTIONS]
    + [(name, field, value) for name, field, value in ENUMS if NUL not in value]
    + [("overlong description", "description", LONG), ("binary description", "description", "\x01\x02")]
    + [(name, "occurred_at", value) for name, value in (
        ("invalid day", "2026-02-30 10:00"), ("far-future day", "2999-01-01 10:00"),
        ("invalid time", "2026-11-20 25:61"), ("odd offset", "2026-11-20T10:00+25:00"),
        ("day in Arabic-Indic digits", "٢٠٢٦-١١-٢٠ 10:00"))]
)
