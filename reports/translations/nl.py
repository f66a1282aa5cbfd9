# ruff: noqa: E501 -- long prose strings read better unbroken than split at an arbitrary column
"""Nederlandse rapportteksten (informeel "je"). Plaatshouders tussen {accolades} vullen de promptregels in."""

TEXTS = {
    "kind.gift": "Cadeautje", "kind.treat": "Traktatie", "kind.time": "Extra tijd", "kind.upgrade": "Upgrade",
    "kind.discount": "Korting of terugbetaling", "kind.recovery": "Een probleem oplossen", "kind.other": "Anders",
    "trigger.complaint": "klacht of probleem", "trigger.waiting": "wachten of vertraging",
    "trigger.celebration": "iets te vieren", "trigger.regular": "vaste klant",
    "trigger.in_need": "klant in nood", "trigger.first_visit": "eerste bezoek",
    "trigger.spontaneous": "spontaan", "trigger.other": "iets anders",
    "follow_up.returned": "kwam terug", "follow_up.review": "schreef een review",
    "follow_up.thanked": "bedankte nog eens", "follow_up.referred": "raadde ons aan",
    "band.free": "gratis", "band.up_to_5": "tot €\u00a05", "band.5_to_15": "€\u00a05–15",
    "band.over_15": "meer dan €\u00a015",
    "reaction.1": "negatief", "reaction.2": "geen zichtbare reactie", "reaction.3": "blij",
    "reaction.4": "verrukt", "reaction.5": "geraakt",
    "period.week": "week", "period.month": "maand",
    "setting.one_to_one": "een-op-een", "setting.team_session": "teamsessie",
    "pair": "{kind} · {trigger}",
    "prompt_kind.spend_contrast": "Verschil in gebruik van het mandaat",
    "prompt_kind.cost_vs_reaction": "Kosten en reactie",
    "prompt_kind.what_moves": "Wat klanten raakt",
    "prompt_kind.falls_flat": "Wat niet aankomt",
    "prompt_kind.quiet_mandate": "Een stil mandaat",
    "prompt_kind.over_frame": "Buiten het kader",
    "prompt_kind.shifting_triggers": "Verschuivende aanleidingen",
    "prompt_kind.trend": "Trend",
    "prompt_kind.story_of_week": "Verhaal van de week",
    "prompt_kind.unseen_work": "Onopgemerkt werk",
    "prompt_kind.since_last_session": "Sinds het kader veranderde",
    "confidence.thin": "Op basis van {n} gebaren: een eerste aanwijzing, nog geen patroon.",
    "confidence.fair": "Op basis van {n} gebaren: een redelijk teken, een vraag waard.",
    "confidence.solid": "Op basis van {n} gebaren: een duidelijk patroon voor dit team.",
    "confidence.interval": "Het ruwe gemiddelde ligt met 95% zekerheid tussen {low} en {high}.",
    "change.cap": "maximum per gebaar {before} → {after}",
    "change.allowance": "budget {before} → {after} per {period}",
    "change.other": "nieuwe afspraken",
    "story.note": " De klant: ‘{note}’",
    "fact.high_spent": "Meeste gebruik deze week", "fact.low_spent": "Minste gebruik deze week",
    "fact.high_reaction": "Reacties op hun gebaren (gemiddeld)",
    "fact.low_reaction": "Reacties op hun gebaren (gemiddeld)",
    "fact.allowance": "Weekbudget", "fact.spent_weeks": "Uitgegeven in deze weken",
    "fact.allowance_weeks": "Budget voor deze weken", "fact.weeks": "Weken",
    "fact.over_frame": "Gebaren buiten het kader", "fact.over_cap": "Boven het maximum per gebaar",
    "fact.over_allowance": "Boven het budget", "fact.spent_over_frame": "Daaraan uitgegeven",
    "fact.mean_reaction": "Gemiddelde reactie", "fact.per_week_before": "Gebaren per week ervoor",
    "fact.per_week_after": "Gebaren per week sindsdien", "fact.reaction_before": "Gemiddelde reactie ervoor",
    "fact.reaction_after": "Gemiddelde reactie sindsdien", "fact.spent_before": "Uitgegeven ervoor",
    "fact.spent_after": "Uitgegeven sindsdien", "fact.cheap_reaction": "Gratis en kleine gebaren (gekrompen gemiddelde)",
    "fact.pricey_reaction": "Duurdere gebaren (gekrompen gemiddelde)",
    "fact.pricey_spent": "Uitgegeven aan duurdere gebaren",
    "fact.band_free": "Gratis", "fact.band_up_to_5": "Tot €\u00a05", "fact.band_5_to_15": "€\u00a05–15",
    "fact.band_over_15": "Meer dan €\u00a015",
    "fact.shrunk_reaction": "Gemiddelde reactie (gekrompen naar het teamgemiddelde)",
    "fact.raw_reaction": "Gemiddelde reactie (ruw)", "fact.delighted_share": "Verrukt of geraakt",
    "fact.team_reaction": "Gemiddelde reactie van het team", "fact.basic_share": "Klachten en wachten",
    "fact.trigger_complaint": "Klacht of probleem", "fact.trigger_waiting": "Wachten of vertraging",
    "fact.flat_share": "Geen zichtbare reactie", "fact.recent_share": "Aandeel in de laatste weken",
    "fact.before_share": "Aandeel in de weken ervoor", "fact.reaction_first_half": "Gemiddelde reactie, eerste helft",
    "fact.reaction_second_half": "Gemiddelde reactie, tweede helft",
    "fact.per_week_first_half": "Gebaren per week, eerste helft",
    "fact.per_week_second_half": "Gebaren per week, tweede helft",
    "fact.spent_first_half": "Uitgegeven, eerste helft", "fact.spent_second_half": "Uitgegeven, tweede helft",
    "fact.reaction": "Reactie", "fact.cost": "Kosten", "fact.pair": "Soort · aanleiding",
    "fact.follow_up": "Daarna", "fact.unappreciated": "Verrukte klanten, nog geen waardering",
    "fact.appreciated": "Gewaardeerde gebaren", "fact.window_gestures": "Gebaren in de periode",
    "spend_contrast.question": "Wat merkten {high} en {low} deze week bij hun klanten, en wat maakte dat ze "
                               "iets extra's deden — of juist niet?",
    "spend_contrast.why": "{high} gebruikte deze week {high_spent} van het mandaat (n={high_n} gebaren), {low} "
                          "{low_spent} (n={low_n}); het weekbudget is {allowance}.",
    "spend_contrast.suggestion": "Vraag {high} en {low} elk apart naar één moment van deze week waarop ze het "
                                 "mandaat gebruikten of bewust niet — en luister naar wat het verschil maakte.",
    "cost_vs_reaction.cheap.question": "Gratis en kleine gebaren kwamen net zo warm aan als de duurdere. Wat maakt "
                                       "dat de kleine werken — en wanneer is een duurder gebaar het echt waard?",
    "cost_vs_reaction.cheap.why": "In de laatste {weeks} weken kregen gebaren tot {limit} gemiddeld {cheap_mean} "
                                  "(n={cheap_n}) en duurdere {pricey_mean} (n={pricey_n}), gekrompen naar het "
                                  "teamgemiddelde. Gevers verwachten vaak dat duurdere gebaren meer gewaardeerd "
                                  "worden; ontvangers meestal niet (Flynn & Adams 2009).",
    "cost_vs_reaction.cheap.suggestion": "Vraag in de teamsessie twee collega's naar een gratis gebaar dat goed "
                                         "aankwam, en kijk wie er deze week ook een wil proberen.",
    "cost_vs_reaction.pricey.question": "Hier raakten de duurdere gebaren klanten wél meer. Komt het door het geld, "
                                        "of door wat erbij hoort — de tijd, de aandacht, het moment?",
    "cost_vs_reaction.pricey.why": "In de laatste {weeks} weken kregen gebaren boven {limit} gemiddeld "
                                   "{pricey_mean} (n={pricey_n}) tegen {cheap_mean} (n={cheap_n}) voor gratis en "
                                   "kleine, gekrompen naar het teamgemiddelde. Dat gaat in tegen de bekende "
                                   "bevinding dat de prijs klanten minder uitmaakt dan gevers denken (Flynn & "
                                   "Adams 2009).",
    "cost_vs_reaction.pricey.suggestion": "Bekijk samen twee duurdere gebaren die aankwamen: wat deed de collega "
                                          "nog meer dan geld uitgeven?",
    "what_moves.question": "{pair} kreeg een van de warmste reacties van de laatste {weeks} weken. Wat maakt dat "
                           "het werkt — en kunnen anderen in het team het ook proberen?",
    "what_moves.why": "{pair}: gemiddelde reactie {mean} (n={n}, gekrompen naar het teamgemiddelde van "
                      "{team_mean}; ruw {raw}); {delighted} van de {n} klanten waren verrukt of geraakt.",
    "what_moves.suggestion": "Vraag iemand die het deed om in een korte huddle te vertellen hoe het ging, en "
                             "spreek af wie het deze week probeert.",
    "what_moves.basics.question": "Klachten en wachten waren de aanleiding voor {share} van de gebaren van de "
                                  "laatste {weeks} weken. Naast het goedmaken: welke basis kun je verbeteren, "
                                  "zodat klanten minder gered hoeven te worden?",
    "what_moves.basics.why": "{n_basic} van de {n} gebaren in de laatste {weeks} weken volgden op een klacht of "
                             "wachten. Klanten moeite besparen bouwt meer loyaliteit op dan ze verrassen (Dixon "
                             "e.a. 2010).",
    "what_moves.basics.suggestion": "Zet met het team de drie vaakste oorzaken op een rij en kies er één om deze "
                                    "week aan te pakken.",
    "falls_flat.question": "{pair} kreeg vaak geen zichtbare reactie. Wat leken die klanten eigenlijk nodig te "
                           "hebben?",
    "falls_flat.why": "{flat} van de {n} gebaren van {pair} in de laatste {weeks} weken kregen geen zichtbare of "
                      "een negatieve reactie; gemiddeld {mean} (gekrompen) tegen {team_mean} voor het team.",
    "falls_flat.suggestion": "Neem één van deze momenten mee naar de sessie en vraag samen: wat had deze klant "
                             "meer geholpen?",
    "quiet_mandate.question": "{name} gebruikte {spent} van {allowance} in de laatste {weeks} weken. Is het kader "
                              "duidelijk voor {name}, en voelt het veilig om het te gebruiken?",
    "quiet_mandate.why": "{name} registreerde {gestures} gebaren en gaf {spent} uit in {weeks} weken, bij een "
                         "budget van {allowance} voor die weken.",
    "quiet_mandate.suggestion": "Vraag {name} bij de koffie naar een moment met een klant waar iets kleins extra "
                                "had gepast — en wat je eventueel tegenhield. Een uitnodiging, geen doel.",
    "over_frame.question": "{n} gebaren gingen deze week buiten het afgesproken kader. Wat vroegen die situaties "
                           "— en moet het kader meebewegen?",
    "over_frame.why": "{n} gebaren buiten het kader ({parts}), samen {spent}; gemiddelde reactie {mean} (n={n}).",
    "over_frame.suggestion": "Kies er één voor de sessie: laat de collega vertellen wat de klant nodig had, en "
                             "vraag het team of het kader nog past.",
    "over_frame.person.question": "{n} gebaren van {name} gingen deze week buiten het kader. Wat zag {name} in "
                                  "die momenten dat om meer vroeg?",
    "over_frame.person.why": "{name}: {n} gebaren buiten het kader deze week, samen {spent}.",
    "over_frame.person.suggestion": "Vraag {name} je mee te nemen in één ervan — nieuwsgierig, niet controlerend.",
    "shifting_triggers.up.question": "‘{trigger}’ was de laatste tijd vaker de aanleiding ({recent_share} in de "
                                     "laatste {recent_weeks} weken tegen {before_share} ervoor). Wat is er "
                                     "veranderd voor klanten?",
    "shifting_triggers.basic.question": "‘{trigger}’ was de laatste tijd vaker de aanleiding ({recent_share} in de "
                                        "laatste {recent_weeks} weken tegen {before_share} ervoor). Wat is er "
                                        "veranderd — en is er een basis die je kunt verbeteren, zodat klanten "
                                        "helemaal geen gebaar nodig hebben?",
    "shifting_triggers.down.question": "‘{trigger}’ was de laatste tijd minder vaak de aanleiding ({recent_share} "
                                       "in de laatste {recent_weeks} weken tegen {before_share} ervoor). Wat is er "
                                       "veranderd — bij klanten, of in wat het team opmerkt?",
    "shifting_triggers.up.why": "{count} van de {recent_n} gebaren in de laatste {recent_weeks} weken tegen "
                                "{before_count} van de {before_n} in de {before_weeks} weken ervoor.",
    "shifting_triggers.basic.why": "{count} van de {recent_n} gebaren in de laatste {recent_weeks} weken tegen "
                                   "{before_count} van de {before_n} in de {before_weeks} weken ervoor. Klanten "
                                   "moeite besparen bouwt meer loyaliteit op dan ze verrassen (Dixon e.a. 2010).",
    "shifting_triggers.down.why": "{count} van de {recent_n} gebaren in de laatste {recent_weeks} weken tegen "
                                  "{before_count} van de {before_n} in de {before_weeks} weken ervoor.",
    "shifting_triggers.up.suggestion": "Begin de volgende sessie met de vraag wat het team de laatste tijd opvalt "
                                       "aan ‘{trigger}’.",
    "shifting_triggers.basic.suggestion": "Vraag het team naar de vaakste oorzaak van ‘{trigger}’ deze maand en "
                                          "wie één stap kan zetten om die weg te nemen.",
    "shifting_triggers.down.suggestion": "Begin de volgende sessie met de vraag wat het team de laatste tijd "
                                         "opvalt aan ‘{trigger}’.",
    "trend.reaction_up.question": "De reacties werden warmer in de laatste {weeks} weken. Wat doet het team "
                                  "anders?",
    "trend.reaction_down.question": "De reacties werden koeler in de laatste {weeks} weken. Wat vertellen klanten "
                                    "je — en wat zou helpen?",
    "trend.reaction_up.why": "Gemiddelde reactie {first_mean} (n={first_n}) in de eerste {half} weken tegen "
                             "{second_mean} (n={second_n}) in de laatste {half}.",
    "trend.reaction_down.why": "Gemiddelde reactie {first_mean} (n={first_n}) in de eerste {half} weken tegen "
                               "{second_mean} (n={second_n}) in de laatste {half}.",
    "trend.reaction_up.suggestion": "Deel de trend maandag en vraag het team om hun verklaring voordat je de "
                                    "jouwe geeft.",
    "trend.reaction_down.suggestion": "Deel de trend maandag en vraag het team om hun verklaring voordat je de "
                                      "jouwe geeft.",
    "trend.usage_up.question": "Het team gebruikte het mandaat meer in de laatste {weeks} weken. Wat maakte dat "
                               "mogelijk — en gaat het naar waar het het meest helpt?",
    "trend.usage_down.question": "Het team registreerde minder gebaren in de laatste {weeks} weken. Is het "
                                 "rustiger, of houdt iets mensen tegen?",
    "trend.usage_up.why": "{first_per_week} gebaren per week in de eerste {half} weken tegen {second_per_week} in "
                          "de laatste {half}; uitgegeven {first_spent} en daarna {second_spent}.",
    "trend.usage_down.why": "{first_per_week} gebaren per week in de eerste {half} weken tegen {second_per_week} "
                            "in de laatste {half}; uitgegeven {first_spent} en daarna {second_spent}.",
    "trend.usage_up.suggestion": "Vraag het team welke gebaren van de afgelopen weken ze opnieuw zouden doen.",
    "trend.usage_down.suggestion": "Vraag het team, zonder oordeel, of het registreren of het kader zelf de "
                                   "laatste tijd in de weg zat.",
    "story_of_week.named.question": "Wat maakte het moment van {name} zo goed — ‘{story}’ — en wat kan het team "
                                    "ervan meenemen?",
    "story_of_week.team.question": "Wat maakte dit moment zo goed — ‘{story}’ — en wat kan het team ervan "
                                   "meenemen?",
    "story_of_week.named.why": "De klant was {reaction_label} ({reaction}/5) na {pair}, kosten {cost}.{note}",
    "story_of_week.team.why": "De klant was {reaction_label} ({reaction}/5) na {pair}, kosten {cost}.{note}",
    "story_of_week.named.suggestion": "Vraag {name} dit verhaal te vertellen aan het begin van het volgende "
                                      "teamoverleg.",
    "story_of_week.team.suggestion": "Vertel dit verhaal aan het begin van het volgende teamoverleg en vraag wie "
                                     "zo'n moment herkent.",
    "unseen_work.question": "{n} gebaren die klanten deze week verrukten, zijn nog door niemand gewaardeerd. "
                            "Welke verdienen een woord van dank?",
    "unseen_work.why": "{n} van de {delighted_n} gebaren met een verrukte of geraakte klant deze week hebben nog "
                       "geen waardering.",
    "unseen_work.suggestion": "Waardeer er vandaag twee: één tik en één zin over wat je opviel.",
    "unseen_work.person.question": "Geen van de {n} gebaren van {name} in de laatste {weeks} weken is al "
                                   "gewaardeerd. Wordt het werk van {name} gezien?",
    "unseen_work.person.why": "{name}: {n} gebaren in {weeks} weken, door geen collega of manager gewaardeerd.",
    "unseen_work.person.suggestion": "Lees een van de verhalen van {name} en vertel {name} deze week wat je "
                                     "opviel.",
    "since_last_session.question": "Sinds het kader op {date} veranderde ({change}): wat valt je op — is het wat "
                                   "het team hoopte?",
    "since_last_session.why": "Ervoor: {before_per_week} gebaren per week, gemiddelde reactie {before_mean} "
                              "(n={before_n}). Sindsdien: {after_per_week} per week, gemiddelde reactie "
                              "{after_mean} (n={after_n}).",
    "since_last_session.suggestion": "Open de volgende sessie ermee: vraag iedere collega naar één moment waarop "
                                     "het nieuwe kader verschil maakte.",
    "text.title": "Weekrapport — {team}, {week}",
    "text.incomplete": "Deze week is nog niet voorbij: de cijfers kunnen nog veranderen.",
    "text.gestures": "Gebaren: {n} (mensen die gaven: {people})",
    "text.spent": "Uitgegeven: {spent} van een weekkader van {allowance}",
    "text.reaction": "Gemiddelde reactie: {mean} (n={n})",
    "text.over_frame": "Buiten het kader: {n}",
    "text.appreciated": "Gewaardeerd: {n} van {total}",
    "text.no_prompts": "Deze week geen gespreksvragen: er zijn te weinig gegevens voor een eerlijke vraag.",
    "text.why": "Waarom", "text.try": "Probeer deze week", "text.evidence": "Onderbouwing: {n} gebaren",
    "confidence.thin.one": "Op basis van één gebaar: een eerste aanwijzing, nog geen patroon.",
    "over_frame.question.one": "Eén gebaar ging deze week buiten het afgesproken kader. Wat vroeg die situatie — en moet het kader meebewegen?",
    "over_frame.why.one": "Eén gebaar buiten het kader ({parts}), {spent}; reactie {mean}.",
    "over_frame.part.over_cap": "{n} boven het maximum van {cap}",
    "over_frame.part.over_allowance": "{n} boven het budget",
    "over_frame.part.outside_kinds": "{n} van een soort buiten het kader",
    "over_frame.suggestion.one": "Breng het in de sessie: laat de collega vertellen wat de klant nodig had, en vraag het team of het kader nog past.",
    "text.evidence.one": "Onderbouwing: 1 gebaar",
    "confidence.weeks": "Op basis van {weeks} hele weken uit het logboek.",
    "confidence.story": "Eén gebaar, verteld als verhaal: een voorbeeld om van te leren, geen patroon.",
}
