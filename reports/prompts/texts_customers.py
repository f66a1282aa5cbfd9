"""The texts of the prompts about customers and the team's work: what a gesture's cost does, what moves
customers, what falls flat, shifting triggers, trends, the story of the week and unseen work
(rules in reactions.py, patterns.py, recognition.py).
"""

from ledger.i18n.labels import N_
from reports.prompts.messages import Texts

CUSTOMER_TEXTS: dict[str, Texts] = {
    'cost_vs_reaction.cheap': Texts(
        question=N_(
            'Free and small gestures landed better than the pricier ones. What makes the small ones '
            'work — and when is a pricier one really worth it?'),
        why=N_(
            'Over the last %(weeks)s weeks, gestures up to %(limit)s got a mean reaction of '
            '%(cheap_mean)s (n=%(cheap_n)s), pricier ones %(pricey_mean)s (n=%(pricey_n)s). Givers tend '
            "to expect pricier gestures to be appreciated more; customers mostly don't (Flynn & Adams "
            '2009).'),
        suggestion=N_(
            'In the team session, ask two colleagues to tell about a free gesture that landed well, '
            'and see who wants to try one this week.'),
    ),
    'cost_vs_reaction.same': Texts(
        question=N_(
            'Free and small gestures landed as warmly as the pricier ones. What makes the small ones '
            'work — and when is a pricier one really worth it?'),
        why=N_(
            'Over the last %(weeks)s weeks, gestures up to %(limit)s got a mean reaction of '
            '%(cheap_mean)s (n=%(cheap_n)s), pricier ones %(pricey_mean)s (n=%(pricey_n)s) — about the '
            "same. Givers tend to expect pricier gestures to be appreciated more; customers mostly don't "
            '(Flynn & Adams 2009).'),
        suggestion=N_(
            'In the team session, ask two colleagues to tell about a free gesture that landed well, '
            'and see who wants to try one this week.'),
    ),
    'cost_vs_reaction.pricey': Texts(
        question=N_(
            'Here the pricier gestures did move customers more. Is it the money, or what comes with it '
            '— the time, the attention, the moment?'),
        why=N_(
            'Over the last %(weeks)s weeks, gestures over %(limit)s got a mean reaction of '
            '%(pricey_mean)s (n=%(pricey_n)s), free and small ones %(cheap_mean)s (n=%(cheap_n)s). That '
            'runs against the usual finding that price matters less to customers than givers think '
            '(Flynn & Adams 2009).'),
        suggestion=N_(
            'Look together at two pricier gestures that landed: what else did the colleague do besides '
            'spending?'),
    ),
    'what_moves': Texts(
        question=N_(
            'These got the warmest reactions of the last %(weeks)s weeks: %(pairs)s. What makes them '
            'work — and could others in the team try them?'),
        why=N_(
            '%(details)s. The whole team: %(team_mean)s (n=%(team_n)s).'),
        suggestion=N_(
            'Ask someone who did it to tell in a short huddle how it went, and agree who tries it this '
            'week.'),
    ),
    'what_moves.basics': Texts(
        question=N_(
            'Complaints and waiting prompted %(share)s of the gestures of the last %(weeks)s weeks. '
            'Beyond putting things right: which basic could you fix so customers need less rescuing?'),
        why=N_(
            '%(n_basic)s of %(n)s gestures in the last %(weeks)s weeks answered a complaint or '
            'waiting. Taking effort away from customers builds more loyalty than delighting them '
            '(Dixon et al. 2010).'),
        suggestion=N_(
            'List the three most frequent causes with the team and pick one to fix this week.'),
    ),
    'falls_flat': Texts(
        question=N_(
            '%(pair)s often got no visible reaction. What did those customers seem to need instead?'),
        why=N_(
            '%(flat)s of %(n)s gestures of %(pair)s in the last %(weeks)s weeks got no visible '
            "reaction or a negative one; mean reaction %(raw)s (n=%(n)s) against the team's "
            '%(team_mean)s (n=%(team_n)s).'),
        suggestion=N_(
            'Bring one of these moments to the session and ask together: what would have helped this '
            'customer more?'),
    ),
    'shifting_triggers.up': Texts(
        question=N_(
            '“%(trigger)s” prompted more gestures lately (%(recent_share)s in the last '
            '%(recent_weeks)s weeks against %(before_share)s before). What changed for customers?'),
        why=N_(
            '%(count)s of %(recent_n)s gestures in the last %(recent_weeks)s weeks against '
            '%(before_count)s of %(before_n)s in the %(before_weeks)s weeks before.'),
        suggestion=N_(
            'Start the next session by asking what the team notices about “%(trigger)s” lately.'),
    ),
    'shifting_triggers.basic': Texts(
        question=N_(
            '“%(trigger)s” prompted more gestures lately (%(recent_share)s in the last '
            '%(recent_weeks)s weeks against %(before_share)s before). What changed — and is there a '
            'basic you could fix so customers need no gesture at all?'),
        why=N_(
            '%(count)s of %(recent_n)s gestures in the last %(recent_weeks)s weeks against '
            '%(before_count)s of %(before_n)s in the %(before_weeks)s weeks before. Taking effort away '
            'from customers builds more loyalty than delighting them (Dixon et al. 2010).'),
        suggestion=N_(
            'Ask the team for the most frequent cause of “%(trigger)s” this month and who could take '
            'one step to fix it.'),
    ),
    'shifting_triggers.down': Texts(
        question=N_(
            '“%(trigger)s” prompted fewer gestures lately (%(recent_share)s in the last '
            '%(recent_weeks)s weeks against %(before_share)s before). What changed — for customers, or '
            'in what the team notices?'),
        why=N_(
            '%(count)s of %(recent_n)s gestures in the last %(recent_weeks)s weeks against '
            '%(before_count)s of %(before_n)s in the %(before_weeks)s weeks before.'),
        suggestion=N_(
            'Start the next session by asking what the team notices about “%(trigger)s” lately.'),
    ),
    'trend.reaction_up': Texts(
        question=N_(
            'Reactions have grown warmer over the last %(weeks)s weeks. What is the team doing '
            'differently?'),
        why=N_(
            'Mean reaction %(first_mean)s (n=%(first_n)s) in the first %(half)s weeks against '
            '%(second_mean)s (n=%(second_n)s) in the last %(half)s.'),
        suggestion=N_(
            'Share the trend on Monday and ask the team for their explanation before giving yours.'),
    ),
    'trend.reaction_down': Texts(
        question=N_(
            'Reactions have cooled over the last %(weeks)s weeks. What are customers telling you — and '
            'what would help?'),
        why=N_(
            'Mean reaction %(first_mean)s (n=%(first_n)s) in the first %(half)s weeks against '
            '%(second_mean)s (n=%(second_n)s) in the last %(half)s.'),
        suggestion=N_(
            'Share the trend on Monday and ask the team for their explanation before giving yours.'),
    ),
    'trend.usage_up': Texts(
        question=N_(
            'The team used the mandate more over the last %(weeks)s weeks. What made that possible — '
            'and is it going where it helps most?'),
        why=N_(
            '%(first_per_week)s gestures per week in the first %(half)s weeks against '
            '%(second_per_week)s in the last %(half)s; spent %(first_spent)s and then '
            '%(second_spent)s.'),
        suggestion=N_(
            'Ask the team which gestures of the last weeks they would do again.'),
    ),
    'trend.usage_down': Texts(
        question=N_(
            'The team logged fewer gestures over the last %(weeks)s weeks. Is it quieter, or does '
            'something hold people back?'),
        why=N_(
            '%(first_per_week)s gestures per week in the first %(half)s weeks against '
            '%(second_per_week)s in the last %(half)s; spent %(first_spent)s and then '
            '%(second_spent)s.'),
        suggestion=N_(
            'Ask the team, without judging, whether logging or the frame itself got in the way lately.'),
    ),
    'story_of_week.named': Texts(
        question=N_(
            "What made %(name)s's moment work — “%(story)s” — and what could the team take from it?"),
        why=N_(
            'Reaction: %(reaction_label)s (%(reaction)s/5) after %(pair)s; cost %(cost)s.%(note)s'),
        suggestion=N_(
            'Ask %(name)s to tell this story at the start of the next team meeting.'),
    ),
    'story_of_week.team': Texts(
        question=N_(
            'What made this moment work — “%(story)s” — and what could the team take from it?'),
        why=N_(
            'Reaction: %(reaction_label)s (%(reaction)s/5) after %(pair)s; cost %(cost)s.%(note)s'),
        suggestion=N_(
            'Tell this story at the start of the next team meeting and ask who recognises such a '
            'moment.'),
    ),
    'unseen_work': Texts(
        question=N_(
            '%(n)s gestures that delighted customers this week have not been appreciated by anyone '
            'yet. Which of them deserve a word of thanks?'),
        why=N_(
            '%(n)s of the %(delighted_n)s gestures with a delighted or moved customer this week have '
            'no appreciation.'),
        suggestion=N_(
            'Appreciate two of them today: one tap and one sentence about what you noticed.'),
    ),
    'unseen_work.person': Texts(
        question=N_(
            "None of %(name)s's %(n)s gestures of the last %(weeks)s weeks has been appreciated yet. "
            "Does %(name)s's work get seen?"),
        why=N_(
            '%(name)s: %(n)s gestures in %(weeks)s weeks, none appreciated by a colleague or manager.'),
        suggestion=N_(
            "Read one of %(name)s's stories and tell %(name)s this week what you noticed."),
    ),
}
