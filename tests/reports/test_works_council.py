"""Works-council mode and the team's minimum group size: no person on any surface of the report.

The test renders every surface a manager reads — the report page, its print view, the JSON and CSV
exports, the digest (text and HTML) and `gesture-ledger report` as text — and searches each for the
staff's names. The same team with person-level comparisons on shows the names (so the search can find them).
"""

import pytest

from reports.digest import build_digests
from tests.reports.scenes import NOW, WEEK, busy_team, sign_in
from web.cli import main

NAMES = ("Zwaantje Quist", "Yfke Oosterbroek", "Xander Pruim", "Wiebe Knol")
EN = {"Accept-Language": "en"}


def team_with_names(session, **team_kw):
    """The busy team of scenes.py, its four staff renamed to names no other text can contain."""
    scene = busy_team(session, **team_kw)
    for person, name in zip(scene.staff, NAMES, strict=True):
        person.display_name = name
        session.add(person)
    session.commit()
    return scene


def surfaces(client, runner, session, scene) -> dict[str, str]:
    """Every rendered surface of the week's report, by name."""
    team_id, week = scene.team.id, str(WEEK)
    sign_in(client, scene.manager)
    pages = {name: client.get(f"/reports/{team_id}{path}?week={week}", headers=EN)
             for name, path in (("page", ""), ("print", "/print"), ("json", "/export.json"),
                                ("csv", "/export.csv"))}
    assert all(r.status_code == 200 for r in pages.values()), {k: r.status_code for k, r in pages.items()}
    found = {name: r.get_data(as_text=True) for name, r in pages.items()}
    digest, = build_digests(session=session, public_url="http://ledger.test", week=WEEK, now=NOW)
    found |= {"digest text": digest.text, "digest html": digest.html}
    for fmt in ("text", "json", "csv"):
        result = runner.invoke(main, ["report", "--team", scene.team.name, "--week", week, "--format", fmt])
        assert result.exit_code == 0, result.output
        found[f"cli {fmt}"] = result.output
    return found


def named(found: dict[str, str]) -> dict[str, list[str]]:
    return {surface: hits for surface, text in found.items() if (hits := [n for n in NAMES if n in text])}


def test_works_council_mode_names_nobody_on_any_surface(client, runner, session):
    scene = team_with_names(session, person_comparisons=False)

    assert named(surfaces(client, runner, session, scene)) == {}


def test_with_person_comparisons_on_the_same_week_does_name_people(client, runner, session):
    scene = team_with_names(session)

    found = named(surfaces(client, runner, session, scene))

    assert {"page", "json", "csv", "cli json"} <= set(found), found


def test_works_council_mode_leaves_out_person_prompts_and_charts(client, session):
    scene = team_with_names(session, person_comparisons=False)
    sign_in(client, scene.manager)

    data = client.get(f"/reports/{scene.team.id}/export.json?week={WEEK}").get_json()

    assert data["person_level"] is False and not data.get("people")
    assert all(not p.get("person_ids") for p in data["prompts"])
    assert {p["kind"] for p in data["prompts"]}.isdisjoint({"spend_contrast", "quiet_mandate"})


@pytest.mark.parametrize(("min_group_size", "compares"), [(4, True), (5, False)])
def test_the_teams_minimum_group_size_counts_its_staff(client, runner, session, min_group_size, compares):
    scene = team_with_names(session, min_group_size=min_group_size)  # four staff and a manager

    found = named(surfaces(client, runner, session, scene))

    assert bool(found) is compares, found
