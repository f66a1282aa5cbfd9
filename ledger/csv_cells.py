"""Cells for CSV and spreadsheet files that a spreadsheet shows as text, never runs (formula injection).

Excel and LibreOffice treat a cell starting with = + - @ as a formula (and strip a leading tab or CR
before looking), so a person named `=HYPERLINK("http://evil.test","klik")` would become a live link in
a manager's export. Every CSV the app writes passes its text cells through `safe_cell`.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text a spreadsheet shows as typed: a formula start gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values) -> list[str]:
    """Every cell of a row through safe_cell."""
    return [safe_cell(value) for value in values]
