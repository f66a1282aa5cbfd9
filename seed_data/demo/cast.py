"""Who is in the demo installation: three teams, their people and their mandates.

The credentials are fixed and documented in the README ("Demo sign-ins"), so a newcomer can sign in
straight away. They exist only in the demo; never reuse them in a real installation.
"""

from dataclasses import dataclass

from ledger.vocab import Role

# Managers and the admin sign in with this (the service wants at least 10 characters); documented.
DEMO_PASSWORD = "samen-leren-demo"  # noqa: S105 - a published demo credential, not a secret
DEMO_TABLET_NAME = "Demo tablet"

HOTEL = "Harbour Hotel · Front desk"
SUPERMARKET = "Supermarkt De Linde · Floor"
TRAVEL = "Reisbureau Zuid · Desk"
TZ = "Europe/Amsterdam"


@dataclass(frozen=True)
class DemoTeam:
    name: str
    why: str
    timezone: str = TZ


@dataclass(frozen=True)
class DemoPerson:
    name: str
    role: Role
    teams: tuple[str, ...]
    pin: str = ""
    email: str = ""

    @property
    def password(self) -> str:
        """Managers and admins sign in with e-mail and the demo password; staff use their PIN."""
        return DEMO_PASSWORD if self.role != Role.STAFF else ""


@dataclass(frozen=True)
class DemoMandate:
    team: str
    weeks_ago: int  # valid from the Monday this many weeks before the current week
    cap_eur: int
    allowance_eur: int
    period: str
    why: str


TEAMS = (
    DemoTeam(HOTEL, "Every guest leaves with a story worth telling."),
    DemoTeam(SUPERMARKET, "Boodschappen doen zonder gedoe, en een praatje als je daar zin in hebt."),
    DemoTeam(TRAVEL, "Iedere reiziger vertrekt met een gerust hart."),
)


def _staff(team: str, first_pin: int, names: str) -> tuple[DemoPerson, ...]:
    return tuple(DemoPerson(name, Role.STAFF, (team,), pin=str(first_pin + i))
                 for i, name in enumerate(names.split(", ")))


HOTEL_STAFF = _staff(HOTEL, 1101, "Anouk Jansen, Bram Peters, Chen Li, Dewi Santoso, Emre Yilmaz, "
                                  "Fleur Bakker, Jeroen Visser, Sanne de Vries")
SUPERMARKET_STAFF = _staff(SUPERMARKET, 2201, "Kevin de Boer, Lotte Smit, Mohamed El Amrani, Noor Hendriks, "
                                              "Ruben Mulder, Tess de Graaf, Yara Bos, Daan Vermeulen")
TRAVEL_STAFF = _staff(TRAVEL, 3301, "Ingrid Kok, Jasper Dekker, Femke Brouwer, Lars van Leeuwen, "
                                    "Priya Ramdin, Wouter Koster")

MANAGERS = (
    DemoPerson("Marieke van Dijk", Role.MANAGER, (HOTEL, TRAVEL), email="marieke@harbour-hotel.example"),
    DemoPerson("Peter Willems", Role.MANAGER, (SUPERMARKET,), email="peter@delinde.example"),
)
ADMIN = DemoPerson("Ilse de Wit", Role.ADMIN, (), email="ilse@gesture-ledger.example")

PEOPLE = HOTEL_STAFF + SUPERMARKET_STAFF + TRAVEL_STAFF + MANAGERS + (ADMIN,)

# The hotel raised its cap four weeks ago, after a team session about complaints that needed more than
# €10 to put right; the report's "since the last session" prompt looks at what changed after that.
MANDATES = (
    DemoMandate(HOTEL, 30, 10, 40, "week",
                "Maak het verschil voor een gast zonder eerst toestemming te vragen."),
    DemoMandate(HOTEL, 4, 15, 50, "week",
                "In de teamsessie afgesproken: herstel na een klacht vraagt soms meer dan €10, "
                "dus het plafond gaat naar €15. Vertel in de sessie wat je deed."),
    DemoMandate(SUPERMARKET, 26, 10, 30, "week",
                "Een klant die met een probleem komt, gaat met een oplossing naar huis."),
    DemoMandate(TRAVEL, 26, 35, 100, "month",
                "Als een reis tegenzit, lossen wij het op voordat de klant erom hoeft te vragen."),
)


def staff_of(team: str) -> tuple[DemoPerson, ...]:
    """The demo staff of one team, in a fixed order."""
    return tuple(p for p in PEOPLE if p.role == Role.STAFF and team in p.teams)


def managers_of(team: str) -> tuple[DemoPerson, ...]:
    """The demo managers who belong to one team."""
    return tuple(p for p in MANAGERS if team in p.teams)
