"""Find and redact customer personal data in free text before it is stored (DESIGN §2, §8).

Categories: ``email``, ``phone``, ``iban``, ``card``, ``licence_plate`` and ``customer_name`` (a title
such as mevrouw/meneer/mevr./dhr./mw./Mr/Mrs/Ms or "familie" followed by a capitalised name; the title
stays: "mevrouw de Vries" becomes "mevrouw […]", and "meneer vroeg om een taxi" is left alone).
Each finding is replaced by the language-neutral marker ``[…]`` (``MARKER``); the categories that were
removed are reported separately so the web layer can tell the user, in their language, what was taken out.

The patterns are deliberately narrow to keep false positives low: prices ("€ 12,50"), times ("14:30"),
room numbers ("kamer 212") and dates ("12-11-2026") are left alone. IBANs must pass the mod-97 check and
card numbers the Luhn check; Dutch phone numbers must have the digit grouping people actually write;
licence plates must follow a Dutch sidecode with dashes (or, in capitals, without them).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

MARKER = "[…]"
CATEGORIES = ("email", "phone", "iban", "card", "licence_plate", "customer_name")


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int


_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")

# Dutch numbers: 06 + 8 digits; area code of 3 (020) + 7 or of 4 (0318) + 6 digits; in common groupings.
_S = r"[ -]"
_MOBILE = rf"06{_S}?(?:\d{{8}}|\d{{4}}{_S}\d{{4}}|\d{{2}}(?:{_S}\d{{2}}){{3}}|\d{{2}}{_S}\d{{3}}{_S}\d{{3}})"
_AREA3 = rf"\(?0[1-57-9]\d\)?{_S}?(?:\d{{7}}|\d{{3}}{_S}\d{{4}}|\d{{3}}{_S}\d{{2}}{_S}\d{{2}})"
_AREA4 = rf"\(?0[1-57-9]\d{{2}}\)?{_S}?(?:\d{{6}}|\d{{3}}{_S}\d{{3}}|\d{{2}}{_S}\d{{2}}{_S}\d{{2}})"
_NL_INTL = r"(?:\+|00)31[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){8}"
_INTL = r"\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}"
_PHONE_NL = re.compile(rf"(?<![\w+@])(?:{_NL_INTL}|{_MOBILE}|{_AREA3}|{_AREA4})(?![\w@])")
_PHONE_INTL = re.compile(rf"(?<![\w+@]){_INTL}(?![\w@])")
_INTL_DIGITS = range(8, 16)  # E.164: at most 15 digits; fewer than 8 is a score or an amount ("+150")

_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![\w])")
_CARD = re.compile(
    r"(?<![\w.,])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\w.,]\d|\w)"
)

# Dutch licence plate sidecodes (L = letter, D = digit), see RDW "kentekens": with dashes.
_SIDECODES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
              "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D")


def _sidecode_regex(code: str, sep: str) -> str:
    parts = [("[A-Za-z]" if g[0] == "L" else r"\d") + f"{{{len(g)}}}" for g in code.split("-")]
    return sep.join(parts)


_PLATE_DASHED = re.compile(
    r"(?<![\w-])(?:" + "|".join(_sidecode_regex(c, "-") for c in _SIDECODES) + r")(?![\w-])"
)
# Without dashes only in capitals, and not DDDDLL, which is how a Dutch postcode is written.
_PLATE_BARE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_sidecode_regex(c, "").replace("[A-Za-z]", "[A-Z]")
                                  for c in _SIDECODES if c != "DD-DD-LL") + r")(?![\w-])"
)


# A title, then the name: Dutch particles (de, van der, 't…) and one or two capitalised words or initials.
# The title and particles ignore case; the name itself must start with a capital (that is what makes
# "meneer vroeg om een taxi" not a name). A lone "Mr"/"Ms" needs the name right after it.
_TITLE = (r"(?:(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mnr\.?|dhr\.?|de\s+heer|familie|fam\.)"
          r"|M(?:rs?|s)\.?|Miss)")  # Mr/Mrs/Ms with their capital: "20 ms" is a time
_PARTICLES = r"(?:(?i:van|de|der|den|ter|ten|te|het|'t|in|op|la|le|du|von|vd\.?)\s+)*"
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]+|['’][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)(?:['’-][A-Za-zß-öø-ÿ]+)*"  # O'Neill
_CUSTOMER = re.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<name>(?:[A-Z]\.\s?)*{_PARTICLES}{_NAME_WORD}(?:\s{_NAME_WORD})?)(?![\w])"
)


def _customer_findings(text: str) -> list[Finding]:
    return [Finding("customer_name", m.start("name"), m.end("name")) for m in _CUSTOMER.finditer(text)]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(compact: str) -> bool:
    text = compact.upper()
    if not (15 <= len(text) <= 34 and text[:2].isalpha() and text[2:4].isdigit() and text.isalnum()):
        return False
    rearranged = text[4:] + text[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


# IBAN lengths of the countries whose customers we are most likely to meet; others: 15..34.
_IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "LU": 20, "AT": 20,
                 "CH": 21, "IE": 22, "PL": 28, "PT": 25, "DK": 18, "SE": 24, "NO": 15, "FI": 18}


def _iban_findings(text: str) -> list[Finding]:
    out = []
    for m in _IBAN.finditer(text):
        positions = [m.start() + i for i, ch in enumerate(m.group()) if ch != " "]
        compact = m.group().replace(" ", "")
        known = _IBAN_LENGTHS.get(compact[:2].upper())
        # The match may run on into following words: try where an IBAN of this country would end,
        # and only cuts at a word end, longest first.
        for length in [known] if known else range(len(compact), 14, -1):
            end = positions[length - 1] + 1 if length <= len(compact) else None
            at_word_end = end is not None and (end == len(text) or not text[end].isalnum())
            if at_word_end and _iban_ok(compact[:length]):
                out.append(Finding("iban", m.start(), end))
                break
    return out


def _card_findings(text: str) -> list[Finding]:
    out = []
    for m in _CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits) and len(set(digits)) > 1:
            out.append(Finding("card", m.start(), m.end()))
    return out


def _phone_findings(text: str) -> list[Finding]:
    found = [Finding("phone", m.start(), m.end()) for m in _PHONE_NL.finditer(text)]
    for m in _PHONE_INTL.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) in _INTL_DIGITS:
            found.append(Finding("phone", m.start(), m.end()))
    return found


def _simple(category: str, *patterns: re.Pattern) -> Callable[[str], list[Finding]]:
    def find(text: str) -> list[Finding]:
        return [Finding(category, m.start(), m.end()) for p in patterns for m in p.finditer(text)]
    return find


_FINDERS = (
    _simple("email", _EMAIL),
    _iban_findings,
    _card_findings,
    _phone_findings,
    _simple("licence_plate", _PLATE_DASHED, _PLATE_BARE),
    _customer_findings,
)


def scan(text: str) -> list[Finding]:
    """All non-overlapping findings of personal data in `text`, in order of position."""
    if not text:
        return []
    found = [f for finder in _FINDERS for f in finder(text)]
    # Earlier findings win; among equal starts the longer one (an email beats the phone inside it).
    found.sort(key=lambda f: (f.start, -(f.end - f.start), CATEGORIES.index(f.category)))
    kept: list[Finding] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def redact(text: str) -> tuple[str, tuple[str, ...]]:
    """Replace every finding by MARKER; returns the text and the categories removed (in CATEGORIES order)."""
    removed: set[str] = set()
    # Replacing can only shorten the text (every finding is longer than the marker), so this ends;
    # repeating until nothing is found makes redaction idempotent.
    while findings := scan(text):
        removed.update(f.category for f in findings)
        for f in reversed(findings):
            text = text[:f.start] + MARKER + text[f.end:]
    return text, tuple(c for c in CATEGORIES if c in removed)
