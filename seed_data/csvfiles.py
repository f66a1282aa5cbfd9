"""Reading an import folder's CSV files the way spreadsheets really write them.

Dutch Excel and LibreOffice write UTF-8 with or without a byte-order mark, CRLF line ends, ";" as the
separator (because "," is their decimal mark) and "," in amounts: all of that is accepted. A file in
another encoding is refused with a message that says how to save it instead, because guessing would
silently turn "café" into "cafÃ©" in the ledger.
"""

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Spec:
    """The columns of one file: those that must be in the header and those that may be."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Every known column, in the documented order."""
        return self.required + self.optional


# Import order matters: gestures name teams and people, appreciations name gestures.
SPECS: dict[str, Spec] = {
    "teams.csv": Spec(("name",), ("timezone", "why")),
    "people.csv": Spec(("name", "role"), ("teams", "email", "pin", "password", "member_since")),
    "mandates.csv": Spec(("team", "valid_from", "per_gesture_cap_eur", "allowance_eur"),
                         ("allowance_period", "kinds", "why")),
    "gestures.csv": Spec(("occurred_at", "team", "person", "kind", "trigger", "reaction"),
                         ("id", "description", "cost_eur", "effort_minutes", "trigger_note",
                          "reaction_note", "follow_up")),
    "appreciations.csv": Spec(("gesture_id", "from_person"), ("note", "created_at")),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the import, printed as `file:line: column: reason`."""

    file: str
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file} {self.reason}"
        column = f" {self.column}:" if self.column else ""
        return f"{self.file}:{self.line}:{column} {self.reason}"


class ImportFailed(Exception):
    """The import was refused; nothing was stored. `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Row:
    """One data row: its file, the line it starts on, and its cells by column name (trimmed)."""

    file: str
    line: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        """The cell's text; empty when the column is absent or blank."""
        return self.cells.get(column, "")


@dataclass
class Folder:
    """The rows of each file present, in import order, and the rows that could not be read."""

    files: dict[str, list[Row]]
    problems: list[Problem]

    @property
    def row_count(self) -> int:
        """How many data rows the folder holds."""
        return sum(len(rows) for rows in self.files.values())


def read_folder(folder: Path | str) -> Folder:
    """Read every known CSV file in a folder; ImportFailed lists every file that cannot be read at all."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportFailed([Problem(str(folder), None, None, "is not a folder")])
    present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    if not any(name in present for name in SPECS):
        expected = ", ".join(SPECS)
        raise ImportFailed([Problem(str(folder), None, None, f"holds none of the files {expected}")])
    result, fatal = Folder({}, []), []
    for name in SPECS:
        if name in present:
            try:
                result.files[name] = read_csv(present[name], name=name, problems=result.problems)
            except ImportFailed as exc:
                fatal += exc.problems
    if fatal:
        raise ImportFailed(fatal + result.problems)
    return result


def read_csv(path: Path, *, name: str | None = None, problems: list[Problem] | None = None) -> list[Row]:
    """The readable rows of one CSV file (blank rows skipped); bad rows are added to `problems`.

    ImportFailed when the file as a whole cannot be read (encoding, header).
    """
    name = name or path.name
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed([Problem(name, None, None, f"is larger than {MAX_FILE_BYTES // 2**20} MB")])
    text = decode(name, data)
    return parse(name, text, SPECS.get(name.lower()), problems if problems is not None else [])


def decode(name: str, data: bytes) -> str:
    """UTF-8 text without a byte-order mark; ImportFailed naming the likely encoding otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFailed([_not_utf8(name, "UTF-16, Excel's 'Unicode text'")])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFailed([_not_utf8(name, _guess_encoding(data))]) from None
    if "\x00" in text:
        raise ImportFailed([Problem(name, None, None, "is not a text file (it contains NUL bytes)")])
    return text


def _not_utf8(name: str, guess: str | None) -> Problem:
    looks = f" (looks like {guess})" if guess else ""
    return Problem(name, None, None, f"is not UTF-8{looks}: save it as 'CSV UTF-8'")


def _guess_encoding(data: bytes) -> str | None:
    # Windows-1252 is what Excel on Windows writes for "CSV (comma delimited)"; it leaves only five
    # byte values undefined, so anything it cannot decode is something else again.
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return "Windows-1252"


def sniff_delimiter(header_line: str) -> str:
    """The separator the header uses: ";" (Dutch spreadsheets), tab, or "," (the default)."""
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def parse(name: str, text: str, spec: Spec | None, problems: list[Problem]) -> list[Row]:
    """Rows of CSV text whose header is checked against `spec` (None: no check); bad rows go to `problems`."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        records = _records(reader)
        header_line, header = next(records, (1, []))
        columns = _check_header(name, header_line, header, spec)
        return [row for line, cells in records
                if (row := _row(name, line, cells, columns, problems)) is not None]
    except csv.Error as exc:
        raise ImportFailed([Problem(name, reader.line_num, None, f"cannot be read as CSV ({exc})")]) from None


def _records(reader):
    """(line the record starts on, cells) for every record; a quoted cell may span several lines."""
    last = 0
    for cells in reader:
        start, last = last + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _check_header(name: str, line: int, header: list[str], spec: Spec | None) -> list[str]:
    columns = [cell.strip().lower() for cell in header]
    if spec is None:
        return columns
    problems, known = [], ", ".join(spec.columns)
    if not any(columns):
        problems.append(Problem(name, line, None, f"the header row is missing (expected {known})"))
    else:
        problems += [Problem(name, line, col, f"unknown column (known columns: {known})")
                     for col in columns if col and col not in spec.columns]
        problems += [Problem(name, line, col, "column appears twice")
                     for i, col in enumerate(columns) if col and col in columns[:i]]
        problems += [Problem(name, line, col, "column is missing from the header")
                     for col in spec.required if col not in columns]
    if problems:
        raise ImportFailed(problems)
    return columns


def _row(name: str, line: int, cells: list[str], columns: list[str], problems: list[Problem]) -> Row | None:
    if any(c.strip() for c in cells[len(columns):]):
        # Spreadsheets pad rows with empty trailing cells; real extra values mean a stray separator.
        problems.append(Problem(name, line, None, f"has {len(cells)} values but the header has "
                                                  f"{len(columns)} columns (a stray separator?)"))
        return None
    return Row(name, line, {col: cell.strip() for col, cell in zip(columns, cells, strict=False) if col})
