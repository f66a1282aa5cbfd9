"""Customer personal data in free text is found and redacted; prices, times, rooms and dates are not."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.pii import MARKER, redact, scan

FOUND = [
    ("Mail jan.de.vries@example.nl for the photos", "email"),
    ("Bel haar op 06-12345678 terug", "phone"),
    ("Bel haar op 06 1234 5678 terug", "phone"),
    ("mobiel 0612345678.", "phone"),
    ("nummer +31 6 1234 5678", "phone"),
    ("nummer +31 (0)6 12345678", "phone"),
    ("nummer 0031 6 12345678", "phone"),
    ("kantoor 020-1234567", "phone"),
    ("kantoor (020) 123 4567", "phone"),
    ("kantoor 0318-123456", "phone"),
    ("UK guest +44 20 7946 0958", "phone"),
    ("US guest +1 (555) 123-4567", "phone"),
    ("Refund to NL91ABNA0417164300 today", "iban"),
    ("Refund to NL91 ABNA 0417 1643 00 today", "iban"),
    ("iban nl91abna0417164300", "iban"),
    ("German DE89 3704 0044 0532 0130 00", "iban"),
    ("card 4111 1111 1111 1111 expired", "card"),
    ("card 4111-1111-1111-1111", "card"),
    ("card 5500005555555559", "card"),
    ("amex 3782 822463 10005", "card"),
    ("car 12-ABC-3 blocked", "licence_plate"),
    ("car AB-12-CD blocked", "licence_plate"),
    ("car 1-ABC-23 blocked", "licence_plate"),
    ("car XX-99-XX blocked", "licence_plate"),
    ("car 99-XX-99 blocked", "licence_plate"),
    ("car GBX-12-Z blocked", "licence_plate"),
    ("car AB12CD blocked", "licence_plate"),
    ("car ab-12-cd blocked", "licence_plate"),
]

NOT_FOUND = [
    "Coffee and cake, € 12,50",
    "€12.50 refund",
    "At 14:30 they came back",
    "kamer 212 had no towels",
    "room 1204, floor 12",
    "Arrived 12-11-2026 at 14:30",
    "Booked for 06-11-2026 14:30",
    "Born 01-11-1950 and celebrating",
    "2026-11-12",
    "postcode 1234 AB",
    "postcode 1234AB",
    "3 x koffie, 2 x thee",
    "table 4, 2 adults 2 kids",
    "order 123456",
    "waited 45 min",
    "COVID19 rules, A4 paper, MP3 player, 4K screen",
    "NL91ABNA0417164301 is a typo, not an IBAN",
    "4111 1111 1111 1112 fails Luhn",
    "The price was 12-15 euro",
    "Twee-drie keer per week",
    "Version 1.2.3-rc1",
    "Opening 09:00-17:30",
    "Reaction went +150 % on Monday",
    "ab12 cdef ghij klmn opqr",
]


@pytest.mark.parametrize(("text", "category"), FOUND)
def test_personal_data_is_found_and_replaced_by_the_marker(text, category):
    redacted, categories = redact(text)
    assert categories == (category,)
    assert MARKER in redacted
    assert [f.category for f in scan(text)] == [category]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_ordinary_numbers_are_left_alone(text):
    assert redact(text) == (text, ())


def test_the_surrounding_text_is_kept():
    assert redact("Mail jan@example.nl or call 06-12345678, thanks") == (
        f"Mail {MARKER} or call {MARKER}, thanks", ("email", "phone"))


def test_findings_report_where_they_are():
    text = "call 020-1234567 now"
    [finding] = scan(text)
    assert text[finding.start:finding.end] == "020-1234567"


def test_empty_text_has_nothing_to_find():
    assert scan("") == [] and redact("") == ("", ())


# --- properties -----------------------------------------------------------------------------------

noisy_text = st.text(alphabet=st.sampled_from("0123456789 -+().,:@abcdeNLXZ€\n"), max_size=80)


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        digits = body + check
        total = sum(int(d) if i % 2 == 0 else (int(d) * 2 - 9 if int(d) > 4 else int(d) * 2)
                    for i, d in enumerate(reversed(digits)))
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def _nl_iban(bank: str, account: str) -> str:
    rearranged = bank + account + "NL00"
    check = 98 - int("".join(str(int(c, 36)) for c in rearranged)) % 97
    return f"NL{check:02d}{bank}{account}"


emails = st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,6})?@[a-z]{2,8}\.(nl|com|de)", fullmatch=True)
mobiles = st.from_regex(r"06-?[0-9]{8}", fullmatch=True)
cards = st.from_regex(r"4[0-9]{14}", fullmatch=True).map(_luhn_complete)
ibans = st.builds(_nl_iban, st.from_regex(r"[A-Z]{4}", fullmatch=True),
                  st.from_regex(r"[0-9]{10}", fullmatch=True))
plates = st.from_regex(r"[A-Z]{2}-[0-9]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{3}-[0-9]", fullmatch=True)
words = st.text(alphabet=st.sampled_from("abcdefghij klm,."), max_size=20)


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_redacting_twice_changes_nothing(text):
    once, _ = redact(text)
    assert redact(once) == (once, ())


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_redacted_text_contains_no_finding(text):
    assert scan(redact(text)[0]) == []


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([("email", emails), ("phone", mobiles), ("card", cards), ("iban", ibans),
                        ("licence_plate", plates)]).flatmap(lambda p: st.tuples(st.just(p[0]), p[1])),
       words, words)
def test_personal_data_between_ordinary_words_is_always_removed(case, before, after):
    category, secret = case
    redacted, categories = redact(f"{before} {secret} {after}")
    assert secret not in redacted and category in categories


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 999), st.integers(0, 99), st.integers(0, 23), st.integers(0, 59),
       st.dates().map(lambda d: d.strftime("%d-%m-%Y")))
def test_prices_times_rooms_and_dates_are_never_redacted(euros, cents, hour, minute, day):
    text = f"€ {euros},{cents:02d} om {hour:02d}:{minute:02d} in kamer {euros} op {day}"
    assert redact(text) == (text, ())
