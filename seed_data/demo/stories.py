"""What the demo's staff do for customers: situations with realistic Dutch descriptions, no customer names.

Each scenario fixes a kind × trigger combination, the costs and reactions it tends to have, and a few
ways staff would describe it. The generator picks from these; the reactions are chosen so that the
patterns the weekly report looks for are really in the data (cheap gestures that land well, pricey
ones that land no better, one combination that falls flat).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    key: str
    kind: str
    trigger: str
    costs: tuple[int, ...]  # cents, picked at random
    reactions: tuple[int, ...]
    descriptions: tuple[str, ...]
    trigger_notes: tuple[str, ...] = ("",)
    reaction_notes: tuple[str, ...] = ("",)
    efforts: tuple[int, ...] = (5,)
    follow_ups: tuple[str, ...] = ("",)


S = Scenario

HOTEL = (
    S("walk_to_taxi", "time", "in_need", (0,), (5, 5, 4),
      ("Gast met een gebroken pols geholpen: koffer naar de taxi gebracht en de deur opengehouden.",
       "Oudere gast die slecht ter been was naar de kamer begeleid en uitgelegd hoe de douche werkt.",
       "Gast die haar medicijnen thuis had laten liggen een apotheek in de buurt gewezen en gebeld of ze "
       "open waren."),
      ("Liep met krukken", "Zag er verloren uit", "Vroeg om hulp bij de balie"),
      ("Bedankte me twee keer", "Was zichtbaar opgelucht", "Vertelde het later aan de ontbijtzaal"),
      (10, 15, 20), ("", "", "thanked")),
    S("coffee_while_waiting", "treat", "waiting", (0, 200, 200), (4, 4, 5),
      ("Koffie en een stroopwafel gebracht terwijl de kamer nog werd schoongemaakt.",
       "Thee aangeboden aan een gezin dat moest wachten op de late check-in.",
       "Een glas limonade voor de kinderen gehaald terwijl de ouders incheckten."),
      ("Kamer nog niet klaar", "Lange rij bij de balie", "Vroeg aangekomen"),
      ("Wachten was geen probleem meer", "Glimlachte en ging rustig zitten", ""), (3, 5)),
    S("walking_route", "time", "first_visit", (0,), (4, 5, 4),
      ("Op de kaart de mooiste wandelroute langs de haven uitgetekend, met een koffietent onderweg.",
       "Uitgelegd hoe de pont werkt en een kaartje met de vertrektijden meegegeven.",
       "Een restaurant om de hoek aangeraden en gebeld of er nog een tafel vrij was."),
      ("Eerste keer in de stad", "Vroeg wat er te doen was"),
      ("Kwam enthousiast terug met foto's", "Schreef het op", ""), (5, 10), ("", "", "review")),
    S("birthday_card", "treat", "celebration", (200, 300), (5, 4),
      ("Verjaardagskaart van het team en een cupcake op de kamer gezet.",
       "Bij het ontbijt een kaarsje in het croissantje gezet voor een jarige gast."),
      ("Verjaardag", "Jarig tijdens het verblijf"),
      ("Was ontroerd", "Maakte een foto voor de familie"), (5,), ("", "review")),
    S("favourite_room", "time", "regular", (0,), (4, 5),
      ("Voor een vaste gast vooraf de kamer aan de havenkant vrijgehouden, zoals hij die graag heeft.",
       "De krant die een vaste gast altijd leest klaargelegd bij de balie."),
      ("Komt hier al jaren", "Vaste zakelijke gast"),
      ("Voelde zich herkend", ""), (5, 10), ("", "returned")),
    S("lift_luggage", "time", "complaint", (0,), (4, 4, 5),
      ("De lift is buiten gebruik: de koffers van een ouder echtpaar naar de derde verdieping gedragen.",
       "Omdat de lift stuk is een kamer op de begane grond geregeld voor een gast met een rollator."),
      ("Lift buiten gebruik",), ("Was blij dat iemand meedacht", "Begrijpend, ondanks het gedoe"), (10, 15)),
    S("suite_upgrade", "upgrade", "celebration", (1200, 1500), (3, 4, 3),
      ("Een huwelijksjubileum: gratis upgrade naar de suite met uitzicht op de haven.",
       "Huwelijksreis: kamer met balkon gegeven in plaats van de standaardkamer."),
      ("Jubileum", "Huwelijksreis"), ("Vriendelijk bedankt", "Leek het vooral normaal te vinden", "")),
    S("prosecco", "gift", "celebration", (1000, 1200), (3, 4, 3),
      ("Fles prosecco op de kamer gezet voor een trouwdag.",
       "Bos bloemen op de kamer laten zetten voor een verloving."),
      ("Trouwdag", "Verloofd"), ("Netjes bedankt", "")),
    S("noise_discount", "discount", "complaint", (1000, 1000), (3, 3, 4),
      ("Tien procent van de kamerprijs afgehaald na geluidsoverlast van de verbouwing.",),
      ("Klacht over lawaai",), ("Accepteerde het, maar bleef wat kortaf", "")),
    S("shower_recovery", "recovery", "complaint", (800, 1000), (4, 3),
      ("Douche werd niet warm: direct een andere kamer gegeven en het ontbijt aangeboden.",
       "Verkeerde kamer geboekt door ons: alsnog de gevraagde kamer geregeld en een drankje aangeboden."),
      ("Klacht over de kamer",), ("Was weer tevreden", "Het was daarna goed"), (15, 20)),
    # Falls flat: a voucher for waiting gets no visible reaction, again and again.
    S("bar_voucher", "discount", "waiting", (500,), (2, 2, 2, 2, 3),
      ("Tegoedbon van vijf euro voor de bar gegeven omdat de kamer niet op tijd klaar was.",
       "Barbon gegeven na lang wachten bij het inchecken."),
      ("Kamer niet op tijd klaar", "Lange rij bij de balie"),
      ("Nam de bon aan zonder iets te zeggen", "Geen reactie", "Stopte hem in de jaszak en liep door"),
      (2,)),
)

SUPERMARKET = (
    S("groceries_to_car", "time", "in_need", (0,), (5, 4, 5),
      ("Boodschappen naar de auto gebracht voor een klant met krukken.",
       "Een klant met een kinderwagen geholpen de tassen in te laden terwijl het regende."),
      ("Liep met krukken", "Handen vol"), ("Bedankte hartelijk", "Was er echt blij mee"), (10, 5)),
    S("gluten_free_tour", "time", "first_visit", (0,), (4, 5),
      ("Nieuwe klant rondgeleid naar de glutenvrije producten en laten zien waar het verse brood ligt.",
       "Nieuwe buurtbewoner uitgelegd waar alles staat en hoe de zelfscan werkt."),
      ("Nieuw in de buurt", "Zocht iets specifieks"), ("Komt voortaan hier", ""), (10, 15), ("", "returned")),
    S("taste_strawberries", "treat", "waiting", (200, 150), (4, 3, 4),
      ("Bij de lange rij aan de kassa een bakje aardbeien laten proeven.",
       "Wachtende klanten bij de servicebalie een kop koffie aangeboden."),
      ("Lange rij bij de kassa", "Kassa lag eruit"), ("Lachte en maakte een grapje", "")),
    S("flowers_grandpa", "gift", "celebration", (500, 700), (5, 4),
      ("Bos bloemen meegegeven aan een klant die net opa was geworden.",
       "Een taartje meegegeven aan een klant die vertelde dat ze geslaagd was."),
      ("Vertelde het goede nieuws", ""), ("Was ontroerd", "Stond te stralen")),
    S("damaged_pack", "discount", "complaint", (200, 400, 600), (3, 4, 3),
      ("Beschadigde verpakking: het product gratis meegegeven.",
       "Melk was over de datum: een nieuwe gepakt en de oude niet laten betalen."),
      ("Klacht over een product",), ("Was tevreden", "")),
    S("wrong_price", "recovery", "complaint", (100, 300), (4, 4),
      ("Verkeerde prijs op het schap: het verschil terugbetaald en het schapkaartje meteen aangepast.",),
      ("Prijs klopte niet",), ("Waardeerde dat het meteen werd opgelost",)),
    S("bread_saved", "time", "regular", (0,), (4, 5),
      ("Voor een vaste klant een desembrood achtergehouden, ze komt altijd na haar werk.",
       "Voor een vaste klant de zware kratten water naar de fiets gedragen."),
      ("Vaste klant",), ("Voelde zich gezien", ""), (5,), ("", "returned")),
    S("samples_bag", "gift", "first_visit", (400,), (2, 3, 2),
      ("Tasje met proefproducten gegeven aan een nieuwe klant.",),
      ("Eerste keer in de winkel",), ("Nam het mee zonder veel te zeggen", "")),
)

TRAVEL = (
    S("cancelled_flight", "time", "in_need", (0,), (5, 5, 4),
      ("Klant met een geannuleerde vlucht na sluitingstijd geholpen een nieuwe verbinding te vinden.",
       "Reiziger die haar paspoort kwijt was stap voor stap geholpen met de noodpaspoort-aanvraag."),
      ("Vlucht geannuleerd", "Paniek aan de balie"), ("Was enorm opgelucht", "Stuurde later een kaartje"),
      (45, 60, 30), ("", "thanked", "referred")),
    S("guidebook", "gift", "celebration", (1500, 1800), (4, 3),
      ("Reisgids van de bestemming meegegeven voor een huwelijksreis.",
       "Reisdagboek cadeau gedaan aan een stel dat op wereldreis gaat."),
      ("Huwelijksreis", "Wereldreis"), ("Vriendelijk bedankt", "")),
    S("legroom_seat", "upgrade", "regular", (2000, 2500), (4, 3),
      ("Vaste klant een stoel met extra beenruimte gegeven zonder meerprijs.",),
      ("Boekt al jaren bij ons",), ("Bedankt", ""), (10,), ("", "returned")),
    S("coffee_waiting", "treat", "waiting", (100,), (3, 4),
      ("Koffie en een koekje gebracht bij twintig minuten wachten op een adviseur.",),
      ("Druk op zaterdag",), ("", "Vond het prima")),
    S("hotel_complaint", "discount", "complaint", (2500, 3000), (3, 3, 2),
      ("Korting op de volgende boeking gegeven na een tegenvallend hotel.",),
      ("Klacht over het hotel",), ("Bleef teleurgesteld", "Accepteerde het")),
    S("vaccinations", "time", "first_visit", (0,), (5, 4),
      ("Eerste verre reis: samen de inentingen, het visum en de reisverzekering doorgelopen.",),
      ("Eerste verre reis",), ("Ging met een gerust hart naar huis",), (30, 40), ("", "referred")),
    S("transfer_fixed", "recovery", "complaint", (2000, 2500), (4, 5),
      ("De touroperator was de transfer vergeten: zelf een taxi geregeld en betaald.",),
      ("Transfer vergeten",), ("Was blij dat we het oplosten", ""), (20,)),
)

APPRECIATION_NOTES = (
    "", "", "", "Mooi gedaan!", "Wat attent.", "Dit wil ik maandag horen.", "Zo doen we het hier.",
    "Goed gezien.", "Dank je, dit maakt het verschil.",
)
