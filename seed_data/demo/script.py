"""The scripted parts of the demo: the hotel's last complete week, and a few gestures over the frame.

The hotel's last complete week is written out by hand so that its report is worth reading: Anouk gave
€20 in three gestures and Bram €4 in one (DESIGN §1), the umbrella story is the story of the week,
vouchers for waiting fall flat again, Fleur went over the cap to put a bad evening right, and since
the lift broke two weeks ago waiting and complaints drive most gestures.
"""

from dataclasses import dataclass

from seed_data.demo.cast import HOTEL, SUPERMARKET, TRAVEL


@dataclass(frozen=True)
class Planned:
    """One gesture to generate: who, when in the week, which scenario, and what differs from it."""

    person: str  # first name
    day: int  # 0 = Monday
    time: str  # local "HH:MM"
    scenario: str
    cost: int  # cents
    reaction: int
    description: str = ""  # empty: one of the scenario's own
    trigger_note: str = ""
    reaction_note: str = ""
    effort: int | None = None
    follow_up: str = ""
    appreciated_by: tuple[tuple[str, str], ...] = ()  # (first name, note)


UMBRELLA = (
    "Het stortregende en een gast moest over een halfuur naar een sollicitatiegesprek aan de andere kant "
    "van de stad, zonder paraplu. Ik heb haar de grote hotelparaplu meegegeven en een taxi voor haar "
    "geregeld en betaald. Een week later kwam ze de paraplu terugbrengen, met een doos bonbons voor de "
    "balie: ze had de baan."
)

HOTEL_LAST_WEEK = (
    Planned("Anouk", 1, "08:40", "walk_to_taxi", 800, 5, UMBRELLA, "Stortregen, geen paraplu",
            "Kwam een week later terug om te bedanken", 10, "returned",
            (("Marieke", "Dit verhaal wil ik maandag in de teamsessie horen."),
             ("Bram", "Zo doen we het hier."), ("Chen", ""))),
    Planned("Anouk", 3, "16:10", "coffee_while_waiting", 500, 4,
            "De lift is stuk en de bagage kwam pas na een halfuur boven: koffie en appeltaart gebracht voor "
            "een gezin met moe geworden kinderen.", "Wachten op de bagage",
            "De kinderen waren meteen weer vrolijk"),
    Planned("Anouk", 5, "19:25", "prosecco", 700, 4,
            "Kaart van het team en bonbons op de kamer voor een stel dat hun eerste trouwdag vierde.",
            "Eerste trouwdag", "Kwamen het beneden nog even zeggen"),
    Planned("Bram", 2, "14:05", "coffee_while_waiting", 400, 4,
            "Twee koffie en een appeltaart gebracht voor een stel dat een uur op de kamer moest wachten.",
            "Kamer nog niet klaar", "Gingen ontspannen in de lounge zitten"),
    Planned("Chen", 0, "10:15", "walk_to_taxi", 0, 5, appreciated_by=(("Marieke", "Wat attent."),)),
    Planned("Chen", 2, "15:40", "coffee_while_waiting", 200, 4),
    Planned("Chen", 4, "15:55", "bar_voucher", 500, 2),
    Planned("Chen", 6, "11:20", "walking_route", 0, 5),
    Planned("Dewi", 0, "16:30", "walking_route", 0, 4),
    Planned("Dewi", 1, "13:10", "lift_luggage", 0, 4),
    Planned("Dewi", 3, "15:20", "coffee_while_waiting", 300, 5),
    Planned("Dewi", 5, "16:45", "bar_voucher", 500, 2),
    Planned("Emre", 2, "18:30", "lift_luggage", 0, 4),
    Planned("Emre", 4, "09:05", "walk_to_taxi", 0, 5, appreciated_by=(("Anouk", "Mooi gedaan!"),)),
    Planned("Emre", 6, "15:10", "bar_voucher", 500, 2),
    Planned("Fleur", 4, "21:15", "shower_recovery", 1800, 3,
            "Geen warm water en door de kapotte lift een kamer op de vijfde: een andere kamer gegeven en een "
            "diner in ons restaurant aangeboden.", "Klacht over de kamer en de lift",
            "Het was daarna goed, maar de avond was al begonnen met ergernis", 25),
    Planned("Fleur", 6, "14:35", "coffee_while_waiting", 0, 4),
    Planned("Jeroen", 1, "17:50", "suite_upgrade", 1200, 3),
    Planned("Jeroen", 3, "12:40", "coffee_while_waiting", 200, 5),
    Planned("Jeroen", 5, "10:05", "favourite_room", 0, 4),
)

# Gestures over the cap in force, spread over the weeks (weeks_ago, team, planned). Before the hotel
# raised its cap, putting a bad stay right sometimes needed more than €10.
OVER_FRAME = (
    (7, HOTEL, Planned("Fleur", 2, "20:10", "shower_recovery", 1400, 4)),
    (5, HOTEL, Planned("Chen", 4, "11:30", "noise_discount", 1200, 3)),
    (3, SUPERMARKET, Planned("Lotte", 5, "16:20", "flowers_grandpa", 1200, 5,
                             "Grote bos bloemen meegegeven aan een klant die haar man net verloren had.",
                             "Vertelde het bij de kassa", "Moest even huilen en gaf me een hand")),
    (6, TRAVEL, Planned("Jasper", 2, "16:50", "transfer_fixed", 4500, 5,
                        "Touroperator vergat de transfer vanaf het vliegveld midden in de nacht: zelf een "
                        "taxi geregeld en betaald en wakker gebleven tot de klant in het hotel was.",
                        "Transfer vergeten", "Stuurde de volgende dag een bedankmail naar het kantoor", 60,
                        "thanked")),
)

# Sanne used her frame at first and then logged nothing: the quiet-mandate prompt asks whether the
# frame is clear and feels safe to use.
QUIET = {HOTEL: ("Sanne", 7)}  # first name, last weeks_ago in which she still logged

# Weekly gesture counts, oldest first (12 weeks ago … the current week). The hotel logs more after the
# mandate change four weeks ago; None marks the scripted week.
WEEKLY_COUNTS = {
    HOTEL: (12, 13, 12, 14, 13, 13, 14, 20, 21, 22, None, 21),
    SUPERMARKET: (10, 11, 12, 10, 11, 12, 11, 12, 10, 11, 12, 11),
    TRAVEL: (7, 8, 7, 9, 8, 7, 8, 9, 8, 7, 8, 8),
}

# Since the lift broke (two weeks ago) waiting and complaints drive most of the hotel's gestures.
LIFT_BROKE_WEEKS_AGO = 2
