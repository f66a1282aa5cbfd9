# ruff: noqa: E501 -- long prose strings read better unbroken than split at an arbitrary column
"""English report texts. Placeholders in {braces} are filled by the prompt rules."""

TEXTS = {
    # Vocabularies (codes from ledger.vocab).
    "kind.gift": "Gift", "kind.treat": "Treat", "kind.time": "Extra time", "kind.upgrade": "Upgrade",
    "kind.discount": "Discount or refund", "kind.recovery": "Putting a problem right", "kind.other": "Other",
    "trigger.complaint": "complaint or problem", "trigger.waiting": "waiting or delay",
    "trigger.celebration": "celebration", "trigger.regular": "regular customer",
    "trigger.in_need": "customer in need", "trigger.first_visit": "first visit",
    "trigger.spontaneous": "spontaneous", "trigger.other": "something else",
    "follow_up.returned": "came back", "follow_up.review": "wrote a review",
    "follow_up.thanked": "thanked again", "follow_up.referred": "referred someone",
    "band.free": "free", "band.up_to_5": "up to €5", "band.5_to_15": "€5–15", "band.over_15": "over €15",
    "reaction.1": "negative", "reaction.2": "no visible reaction", "reaction.3": "pleased",
    "reaction.4": "delighted", "reaction.5": "moved",
    "period.week": "week", "period.month": "month",
    "setting.one_to_one": "one-to-one", "setting.team_session": "team session",
    "pair": "{kind} · {trigger}",
    "prompt_kind.spend_contrast": "Different use of the mandate",
    "prompt_kind.cost_vs_reaction": "Cost and reaction",
    "prompt_kind.what_moves": "What moves customers",
    "prompt_kind.falls_flat": "What falls flat",
    "prompt_kind.quiet_mandate": "A quiet mandate",
    "prompt_kind.over_frame": "Beyond the frame",
    "prompt_kind.shifting_triggers": "Shifting triggers",
    "prompt_kind.trend": "Trend",
    "prompt_kind.story_of_week": "Story of the week",
    "prompt_kind.unseen_work": "Unseen work",
    "prompt_kind.since_last_session": "Since the frame changed",
    # How sure a prompt is.
    "confidence.thin": "Based on {n} entries: a first hint, not yet a pattern.",
    "confidence.fair": "Based on {n} entries: a fair sign, worth a question.",
    "confidence.solid": "Based on {n} entries: a clear pattern for this team.",
    "confidence.interval": "The raw mean lies between {low} and {high} with 95% confidence.",
    "change.cap": "cap per gesture {before} → {after}",
    "change.allowance": "allowance {before} → {after} per {period}",
    "change.other": "new agreements",
    "story.note": " The customer: “{note}”",
    # Facts.
    "fact.high_spent": "Highest use this week", "fact.low_spent": "Lowest use this week",
    "fact.high_reaction": "Reactions to their gestures (mean)",
    "fact.low_reaction": "Reactions to their gestures (mean)",
    "fact.allowance": "Weekly allowance", "fact.spent_weeks": "Spent in these weeks",
    "fact.allowance_weeks": "Allowance for these weeks", "fact.weeks": "Weeks",
    "fact.over_frame": "Gestures beyond the frame", "fact.over_cap": "Over the cap per gesture",
    "fact.over_allowance": "Over the allowance", "fact.spent_over_frame": "Spent on them",
    "fact.mean_reaction": "Mean reaction", "fact.per_week_before": "Gestures per week before",
    "fact.per_week_after": "Gestures per week since", "fact.reaction_before": "Mean reaction before",
    "fact.reaction_after": "Mean reaction since", "fact.spent_before": "Spent before",
    "fact.spent_after": "Spent since", "fact.cheap_reaction": "Free and small gestures (shrunk mean)",
    "fact.pricey_reaction": "Pricier gestures (shrunk mean)", "fact.pricey_spent": "Spent on pricier gestures",
    "fact.band_free": "Free", "fact.band_up_to_5": "Up to €5", "fact.band_5_to_15": "€5–15",
    "fact.band_over_15": "Over €15", "fact.shrunk_reaction": "Mean reaction (shrunk toward the team mean)",
    "fact.raw_reaction": "Mean reaction (raw)", "fact.delighted_share": "Delighted or moved",
    "fact.team_reaction": "Team mean reaction", "fact.basic_share": "Complaints and waiting",
    "fact.trigger_complaint": "Complaint or problem", "fact.trigger_waiting": "Waiting or delay",
    "fact.flat_share": "No visible reaction", "fact.recent_share": "Share in the last weeks",
    "fact.before_share": "Share in the weeks before", "fact.reaction_first_half": "Mean reaction, first half",
    "fact.reaction_second_half": "Mean reaction, second half",
    "fact.per_week_first_half": "Gestures per week, first half",
    "fact.per_week_second_half": "Gestures per week, second half",
    "fact.spent_first_half": "Spent, first half", "fact.spent_second_half": "Spent, second half",
    "fact.reaction": "Reaction", "fact.cost": "Cost", "fact.pair": "Kind · trigger",
    "fact.follow_up": "Afterwards", "fact.unappreciated": "Delighted customers, no appreciation yet",
    "fact.appreciated": "Gestures appreciated", "fact.window_gestures": "Gestures in the window",
    # Prompts: question, why, suggestion.
    "spend_contrast.question": "What did {high} and {low} each notice in their customers this week, and what "
                               "made them act — or hold back?",
    "spend_contrast.why": "{high} used {high_spent} of the mandate this week (n={high_n} gestures), {low} "
                          "{low_spent} (n={low_n}); the weekly allowance is {allowance}.",
    "spend_contrast.suggestion": "Ask {high} and {low}, each on their own, for one moment this week where they "
                                 "used the mandate or chose not to — and listen for what made the difference.",
    "cost_vs_reaction.cheap.question": "Free and small gestures landed as warmly as the pricier ones. What makes "
                                       "the small ones work — and when is a pricier one really worth it?",
    "cost_vs_reaction.cheap.why": "Over the last {weeks} weeks, gestures up to {limit} averaged {cheap_mean} "
                                  "(n={cheap_n}) and pricier ones {pricey_mean} (n={pricey_n}), shrunk toward "
                                  "the team mean. Givers tend to expect pricier gestures to be appreciated "
                                  "more; customers mostly don't (Flynn & Adams 2009).",
    "cost_vs_reaction.cheap.suggestion": "In the team session, ask two colleagues to tell about a free gesture "
                                         "that landed well, and see who wants to try one this week.",
    "cost_vs_reaction.pricey.question": "Here the pricier gestures did move customers more. Is it the money, or "
                                        "what comes with it — the time, the attention, the moment?",
    "cost_vs_reaction.pricey.why": "Over the last {weeks} weeks, gestures over {limit} averaged {pricey_mean} "
                                   "(n={pricey_n}) against {cheap_mean} (n={cheap_n}) for free and small ones, "
                                   "shrunk toward the team mean. That runs against the usual finding that price "
                                   "matters less to customers than givers think (Flynn & Adams 2009).",
    "cost_vs_reaction.pricey.suggestion": "Look together at two pricier gestures that landed: what else did the "
                                          "colleague do besides spending?",
    "what_moves.question": "{pair} got some of the warmest reactions of the last {weeks} weeks. What makes it "
                           "work — and could others in the team try it?",
    "what_moves.why": "{pair}: mean reaction {mean} (n={n}, shrunk toward the team mean of {team_mean}; raw "
                      "{raw}); {delighted} of {n} customers were delighted or moved.",
    "what_moves.suggestion": "Ask someone who did it to tell in a short huddle how it went, and agree who tries "
                             "it this week.",
    "what_moves.basics.question": "Complaints and waiting prompted {share} of the gestures of the last {weeks} "
                                  "weeks. Beyond putting things right: which basic could you fix so customers "
                                  "need less rescuing?",
    "what_moves.basics.why": "{n_basic} of {n} gestures in the last {weeks} weeks answered a complaint or "
                             "waiting. Taking effort away from customers builds more loyalty than delighting "
                             "them (Dixon et al. 2010).",
    "what_moves.basics.suggestion": "List the three most frequent causes with the team and pick one to fix this "
                                    "week.",
    "falls_flat.question": "{pair} often got no visible reaction. What did those customers seem to need instead?",
    "falls_flat.why": "{flat} of {n} gestures of {pair} in the last {weeks} weeks got no visible reaction or a "
                      "negative one; mean {mean} (shrunk) against the team's {team_mean}.",
    "falls_flat.suggestion": "Bring one of these moments to the session and ask together: what would have helped "
                             "this customer more?",
    "quiet_mandate.question": "{name} used {spent} of {allowance} over the last {weeks} weeks. Is the frame clear "
                              "to {name}, and does it feel safe to use?",
    "quiet_mandate.why": "{name} logged {gestures} gestures and spent {spent} in {weeks} weeks, against an "
                         "allowance of {allowance} for those weeks.",
    "quiet_mandate.suggestion": "Over coffee, ask {name} about a customer moment where a small extra could have "
                                "fitted — and what, if anything, held them back. An invitation, not a target.",
    "over_frame.question": "{n} gestures went beyond the agreed frame this week. What did those situations ask "
                           "for — and should the frame move?",
    "over_frame.why": "{n} gestures beyond the frame ({parts}), together {spent}; mean reaction {mean} (n={n}).",
    "over_frame.suggestion": "Pick one of them for the session: let the colleague tell what the customer needed, "
                             "then ask the team whether the frame still fits.",
    "over_frame.person.question": "{n} of {name}'s gestures this week went beyond the frame. What did {name} see "
                                  "in those moments that asked for more?",
    "over_frame.person.why": "{name}: {n} gestures beyond the frame this week, together {spent}.",
    "over_frame.person.suggestion": "Ask {name} to walk you through one of them — curious, not checking.",
    "shifting_triggers.up.question": "“{trigger}” prompted more gestures lately ({recent_share} in the last "
                                     "{recent_weeks} weeks against {before_share} before). What changed for "
                                     "customers?",
    "shifting_triggers.basic.question": "“{trigger}” prompted more gestures lately ({recent_share} in the last "
                                        "{recent_weeks} weeks against {before_share} before). What changed — and "
                                        "is there a basic you could fix so customers need no gesture at all?",
    "shifting_triggers.down.question": "“{trigger}” prompted fewer gestures lately ({recent_share} in the last "
                                       "{recent_weeks} weeks against {before_share} before). What changed — for "
                                       "customers, or in what the team notices?",
    "shifting_triggers.up.why": "{count} of {recent_n} gestures in the last {recent_weeks} weeks against "
                                "{before_count} of {before_n} in the {before_weeks} weeks before.",
    "shifting_triggers.basic.why": "{count} of {recent_n} gestures in the last {recent_weeks} weeks against "
                                   "{before_count} of {before_n} in the {before_weeks} weeks before. Taking effort "
                                   "away from customers builds more loyalty than delighting them (Dixon et al. "
                                   "2010).",
    "shifting_triggers.down.why": "{count} of {recent_n} gestures in the last {recent_weeks} weeks against "
                                  "{before_count} of {before_n} in the {before_weeks} weeks before.",
    "shifting_triggers.up.suggestion": "Start the next session by asking what the team notices about "
                                       "“{trigger}” lately.",
    "shifting_triggers.basic.suggestion": "Ask the team for the most frequent cause of “{trigger}” this month and "
                                          "who could take one step to fix it.",
    "shifting_triggers.down.suggestion": "Start the next session by asking what the team notices about "
                                         "“{trigger}” lately.",
    "trend.reaction_up.question": "Reactions have grown warmer over the last {weeks} weeks. What is the team "
                                  "doing differently?",
    "trend.reaction_down.question": "Reactions have cooled over the last {weeks} weeks. What are customers "
                                    "telling you — and what would help?",
    "trend.reaction_up.why": "Mean reaction {first_mean} (n={first_n}) in the first {half} weeks against "
                             "{second_mean} (n={second_n}) in the last {half}.",
    "trend.reaction_down.why": "Mean reaction {first_mean} (n={first_n}) in the first {half} weeks against "
                               "{second_mean} (n={second_n}) in the last {half}.",
    "trend.reaction_up.suggestion": "Share the trend on Monday and ask the team for their explanation before "
                                    "giving yours.",
    "trend.reaction_down.suggestion": "Share the trend on Monday and ask the team for their explanation before "
                                      "giving yours.",
    "trend.usage_up.question": "The team used the mandate more over the last {weeks} weeks. What made that "
                               "possible — and is it going where it helps most?",
    "trend.usage_down.question": "The team logged fewer gestures over the last {weeks} weeks. Is it quieter, or "
                                 "does something hold people back?",
    "trend.usage_up.why": "{first_per_week} gestures per week in the first {half} weeks against "
                          "{second_per_week} in the last {half}; spent {first_spent} and then {second_spent}.",
    "trend.usage_down.why": "{first_per_week} gestures per week in the first {half} weeks against "
                            "{second_per_week} in the last {half}; spent {first_spent} and then {second_spent}.",
    "trend.usage_up.suggestion": "Ask the team which gestures of the last weeks they would do again.",
    "trend.usage_down.suggestion": "Ask the team, without judging, whether logging or the frame itself got in "
                                   "the way lately.",
    "story_of_week.named.question": "What made {name}'s moment work — “{story}” — and what could the team take "
                                    "from it?",
    "story_of_week.team.question": "What made this moment work — “{story}” — and what could the team take from "
                                   "it?",
    "story_of_week.named.why": "The customer was {reaction_label} ({reaction}/5) after {pair}, cost {cost}.{note}",
    "story_of_week.team.why": "The customer was {reaction_label} ({reaction}/5) after {pair}, cost {cost}.{note}",
    "story_of_week.named.suggestion": "Ask {name} to tell this story at the start of the next team meeting.",
    "story_of_week.team.suggestion": "Tell this story at the start of the next team meeting and ask who "
                                     "recognises such a moment.",
    "unseen_work.question": "{n} gestures that delighted customers this week have not been appreciated by anyone "
                            "yet. Which of them deserve a word of thanks?",
    "unseen_work.why": "{n} of the {delighted_n} gestures with a delighted or moved customer this week have no "
                       "appreciation.",
    "unseen_work.suggestion": "Appreciate two of them today: one tap and one sentence about what you noticed.",
    "unseen_work.person.question": "None of {name}'s {n} gestures of the last {weeks} weeks has been appreciated "
                                   "yet. Does {name}'s work get seen?",
    "unseen_work.person.why": "{name}: {n} gestures in {weeks} weeks, none appreciated by a colleague or manager.",
    "unseen_work.person.suggestion": "Read one of {name}'s stories and tell {name} this week what you noticed.",
    "since_last_session.question": "Since the frame changed on {date} ({change}), what do you notice — is it "
                                   "what the team hoped for?",
    "since_last_session.why": "Before: {before_per_week} gestures per week, mean reaction {before_mean} "
                              "(n={before_n}). Since: {after_per_week} per week, mean reaction {after_mean} "
                              "(n={after_n}).",
    "since_last_session.suggestion": "Open the next session with it: ask each colleague for one moment where the "
                                     "new frame made a difference.",
    # Plain-text report (CLI).
    "text.title": "Weekly report — {team}, {week}",
    "text.incomplete": "This week is not over yet: the numbers will still change.",
    "text.gestures": "Gestures: {n} (people giving: {people})",
    "text.spent": "Spent: {spent} of a weekly frame of {allowance}",
    "text.reaction": "Mean reaction: {mean} (n={n})",
    "text.over_frame": "Beyond the frame: {n}",
    "text.appreciated": "Appreciated: {n} of {total}",
    "text.no_prompts": "No conversation prompts this week: the data is too thin for an honest question.",
    "text.why": "Why", "text.try": "Try this week", "text.evidence": "Evidence: {n} gestures",
    # Singular forms, used when n == 1.
    "confidence.thin.one": "Based on a single entry: a first hint, not yet a pattern.",
    "over_frame.question.one": "One gesture went beyond the agreed frame this week. What did that situation ask for — and should the frame move?",
    "over_frame.why.one": "One gesture beyond the frame ({parts}), {spent}; reaction {mean}.",
    "over_frame.part.over_cap": "{n} over the cap of {cap}",
    "over_frame.part.over_allowance": "{n} over the allowance",
    "over_frame.part.outside_kinds": "{n} of a kind outside the frame",
    "over_frame.suggestion.one": "Bring it to the session: let the colleague tell what the customer needed, then ask the team whether the frame still fits.",
    "text.evidence.one": "Evidence: 1 gesture",
    "confidence.weeks": "Based on {weeks} whole weeks of the ledger.",
    "confidence.story": "One gesture, told as a story: an example to learn from, not a pattern.",
}
