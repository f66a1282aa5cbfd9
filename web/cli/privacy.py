"""Privacy requests at the command line: `person export`, `person erase` and `retention apply`.

The same services as the administration pages (ledger.services.privacy), called as the operator: the
person who runs this holds the database anyway, so no admin account is needed, and the audit row says
the command line did it (no actor). Erasure cannot be undone, so it asks first — on a terminal; anywhere
else (cron, a pipe) it refuses unless --yes says the question was answered beforehand.
"""

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from ledger.db import session_scope
from ledger.models import Person
from ledger.services import people, privacy
from ledger.services.settings import RETENTION_MAX_MONTHS, get_settings
from web.cli.common import confirm_or_refuse, engine, require_current_schema

WHO_HELP = "WHO is a person's exact name, their e-mail address or their id (as shown in the administration)."


@click.group("person")
def person_group() -> None:
    """A person's privacy requests: export everything stored about them, or erase them."""


def _find(who: str) -> tuple[int, str, bool]:
    """(id, name, already erased) of the one person WHO names; one line when nobody or several match."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        person = privacy.find_person(session=session, key=who)
        return person.id, person.display_name, person.erased_at is not None


@person_group.command("export", epilog=WHO_HELP)
@click.argument("who")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the JSON to this file instead of printing it.")
@with_appcontext
def export_command(who: str, output: Path | None) -> None:
    """Everything stored about one person, as JSON (a privacy request; the export is audited)."""
    person_id, name, _erased = _find(who)
    if output is not None and not output.parent.is_dir():
        raise click.ClickException(f"cannot write {output}: the folder {output.parent} does not exist")
    with session_scope(engine()) as session:
        data = privacy.export_person(session=session, actor=None, person_id=person_id)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"Wrote everything stored about {name} (person {person_id}) to {output}.")


def _erase_question(session, person: Person) -> str:
    teams = ", ".join(t.name for t in people.teams_of(session=session, person_id=person.id)) or "no team"
    return (f"Erase {person.display_name} (person {person.id}, {person.role}, {teams})? Their name becomes "
            f"{privacy.pseudonym(person.id)}, the texts they wrote are removed and they can no longer sign "
            "in; every number stays. This cannot be undone.")


@person_group.command("erase", epilog=WHO_HELP)
@click.argument("who")
@click.option("--yes", is_flag=True, help="Erase without asking (needed when not run in a terminal).")
@with_appcontext
def erase_command(who: str, yes: bool) -> None:
    """Erase a person: a pseudonym instead of the name, their texts and sign-ins gone, the numbers kept."""
    person_id, name, erased = _find(who)
    if erased:
        click.echo(f"{name} (person {person_id}) was erased before; nothing left to erase.")
        return
    with session_scope(engine()) as session:
        question = _erase_question(session, session.get(Person, person_id))
    confirm_or_refuse(question, f"not erasing {name} without --yes (no terminal to ask in)", yes)
    with session_scope(engine()) as session:
        alias = privacy.erase_person(session=session, actor=None, person_id=person_id)
    click.echo(f"Erased person {person_id}: shown as {alias} from now on; their texts and sign-ins are gone, "
               "their numbers stay in the team's totals.")


@click.group("retention")
def retention_group() -> None:
    """Retention of free texts: blank the stories and notes older than the retention period."""


def _months(session, months: int | None) -> int:
    months = get_settings(session=session).retention_months if months is None else months
    if not months:
        raise click.ClickException("retention is off (free texts are kept until a person is erased): set "
                                   "the months in the administration's settings, or give --months")
    if not 1 <= months <= RETENTION_MAX_MONTHS:
        raise click.ClickException(f"--months must be between 1 and {RETENTION_MAX_MONTHS}")
    return months


NOUNS = {"gestures": ("gesture", "gestures"), "appreciations": ("appreciation note", "appreciation notes"),
         "reviews": ("prompt note", "prompt notes"), "audit": ("audit row", "audit rows")}


def _counted(counts: dict[str, int]) -> str:
    words = NOUNS.get
    return ", ".join(f"{n} {(words(what) or (what, what))[n != 1]}" for what, n in counts.items())


@retention_group.command("apply")
@click.option("--dry-run", is_flag=True, help="Only count what would be blanked; change nothing.")
@click.option("--months", type=int, help="Blank texts older than this many months (default: the setting).")
@with_appcontext
def retention_apply_command(dry_run: bool, months: int | None) -> None:
    """Blank every free text older than the retention period; costs, reactions and dates all stay."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        months = _months(session, months)
        counts = privacy.apply_retention(session=session, actor=None, months=months, dry_run=dry_run)
    if dry_run:
        click.echo(f"Dry run: texts older than {months} months in {_counted(counts)} would be blanked; "
                   "nothing was changed.")
    else:
        click.echo(f"Blanked the texts older than {months} months in {_counted(counts)}; every number stays.")
