"""The one label (a gettext msgid) of every code the ledger speaks in; each surface translates it.

The tablet chips, the report page, print, CSV, JSON, the digest and the CLI all look labels up here, so a
code reads the same everywhere. `N_` only marks a msgid for pybabel (`-k N_`); translating happens where
the language is known (Flask-Babel in web/, ledger.i18n.catalogue elsewhere). Labels are short enough
for a tablet chip and full enough to stand alone in a report sentence.
"""

from ledger.vocab import EntryType, FollowUp, Kind, MandateCheck, Period, Role, Trigger


def N_(message: str) -> str:  # noqa: N802 -- the conventional gettext name for "mark, do not translate"
    """Mark a msgid for extraction; the translation happens later, in the reader's language."""
    return message


KINDS = {
    Kind.GIFT: N_("Gift"),
    Kind.TREAT: N_("Treat"),
    Kind.TIME: N_("Extra time"),
    Kind.UPGRADE: N_("Upgrade"),
    Kind.DISCOUNT: N_("Discount or refund"),
    Kind.RECOVERY: N_("Problem solved"),
    Kind.OTHER: N_("Other"),
}

TRIGGERS = {
    Trigger.COMPLAINT: N_("Complaint or problem"),
    Trigger.WAITING: N_("Waiting or delay"),
    Trigger.CELEBRATION: N_("Celebration"),
    Trigger.REGULAR: N_("Regular customer"),
    Trigger.IN_NEED: N_("Customer in need"),
    Trigger.FIRST_VISIT: N_("First visit"),
    Trigger.SPONTANEOUS: N_("Spontaneous"),
    Trigger.OTHER: N_("Other"),
}

# The 1–5 reaction scale in words (DESIGN §4).
REACTIONS = {
    1: N_("Negative"),
    2: N_("No visible reaction"),
    3: N_("Pleased"),
    4: N_("Delighted"),
    5: N_("Moved"),
}

FOLLOW_UPS = {
    FollowUp.RETURNED: N_("Came back"),
    FollowUp.REVIEW: N_("Wrote a review"),
    FollowUp.THANKED: N_("Thanked again"),
    FollowUp.REFERRED: N_("Referred someone"),
}

ROLES = {Role.STAFF: N_("Staff member"), Role.MANAGER: N_("Manager"), Role.ADMIN: N_("Administrator")}

# The mandate check recorded on a gesture: information for the conversation, never a verdict.
MANDATE_CHECKS = {
    MandateCheck.WITHIN: N_("Within the frame"),
    MandateCheck.OVER_CAP: N_("Above the per-gesture amount"),
    MandateCheck.OVER_ALLOWANCE: N_("Beyond this period's allowance"),
    MandateCheck.OUTSIDE_KINDS: N_("A kind the frame does not list"),
    MandateCheck.NO_MANDATE: N_("No frame agreed yet"),
}

PERIODS = {Period.WEEK: N_("week"), Period.MONTH: N_("month")}

ENTRY_TYPES = {EntryType.ORIGINAL: N_("Logged"), EntryType.CORRECTION: N_("Corrected"),
               EntryType.VOID: N_("Withdrawn")}

# Cost bands (ledger/queries.py); the amounts are filled in by the money formatter, as whole euros.
COST_BANDS = {
    "free": N_("Free"),
    "up_to_5": N_("Up to %(high)s"),
    "5_to_15": N_("%(low)s–%(high)s"),
    "over_15": N_("Over %(low)s"),
}

# Conversation prompt kinds (reports/prompts) and where a prompt is best raised.
PROMPT_KINDS = {
    "spend_contrast": N_("Different use of the mandate"),
    "cost_vs_reaction": N_("Cost and reaction"),
    "what_moves": N_("What moves customers"),
    "falls_flat": N_("What falls flat"),
    "quiet_mandate": N_("A quiet mandate"),
    "over_frame": N_("Beyond the frame"),
    "shifting_triggers": N_("Shifting triggers"),
    "trend": N_("Trend"),
    "story_of_week": N_("Story of the week"),
    "unseen_work": N_("Unseen work"),
    "since_last_session": N_("Since the frame changed"),
}
SETTINGS = {"one_to_one": N_("one-to-one"), "team_session": N_("team session")}

# Personal-data categories removed from free text (ledger/pii.py).
PII_CATEGORIES = {
    "email": N_("an e-mail address"),
    "phone": N_("a phone number"),
    "iban": N_("a bank account number"),
    "card": N_("a card number"),
    "licence_plate": N_("a licence plate"),
    "customer_name": N_("a customer's name"),
}

VOCABULARIES: dict[str, dict] = {
    "kind": KINDS, "trigger": TRIGGERS, "reaction": REACTIONS, "follow_up": FOLLOW_UPS, "role": ROLES,
    "mandate_check": MANDATE_CHECKS, "period": PERIODS, "entry_type": ENTRY_TYPES, "band": COST_BANDS,
    "prompt_kind": PROMPT_KINDS, "setting": SETTINGS, "pii": PII_CATEGORIES,
}


def msgid(vocabulary: str, code) -> str | None:
    """The msgid of a code in a vocabulary ("reaction" accepts 4 or "4"), or None when it is unknown."""
    table = VOCABULARIES[vocabulary]
    if vocabulary == "reaction" and isinstance(code, str) and code.isdigit():
        code = int(code)
    return table.get(code)
