"""What a prompt's texts are made of: the `Texts` of one prompt and the `Nn_` plural marker.

Apart from the texts themselves so that reports/prompts/texts_*.py can build on them without importing
reports/prompts/texts.py, which gathers them.
"""

from dataclasses import dataclass


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 -- the gettext marker convention
    """Mark a singular/plural msgid pair for extraction (`-k Nn_:1,2`)."""
    return singular, plural


Message = str | tuple[str, str]


@dataclass(frozen=True)
class Texts:
    """What a prompt says: the question, why it is asked, and one thing to try."""

    question: Message
    why: Message
    suggestion: Message
