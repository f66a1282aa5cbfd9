"""The texts of every conversation prompt and fact, as gettext msgids (translations live in the catalogue).

A prompt rule picks its texts by kind and variant (`over_frame`, `cost_vs_reaction.cheap`); a pair of
msgids is a plural, chosen by the prompt's `n` with the language's CLDR rule. Placeholders are %-style
names filled by the rule. pybabel finds them through the `N_` and `Nn_` markers.
"""

from dataclasses import dataclass

from ledger.i18n.labels import N_


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


PROMPTS: dict[str, Texts] = {
    'spend_contrast': Texts(
        question=N_(
            'What did %(high)s and %(low)s each notice in their customers this week, and what made '
            'them act — or hold back?'),
        why=N_(
            '%(high)s used %(high_spent)s of the mandate this week (n=%(high_n)s gestures), %(low)s '
            '%(low_spent)s (n=%(low_n)s); the weekly allowance is %(allowance)s.'),
        suggestion=N_(
            'Ask %(high)s and %(low)s, each on their own, for one moment this week where they used the '
            'mandate or chose not to — and listen for what made the difference.'),
    ),
    'spend_contrast.month': Texts(
        question=N_(
            'What did %(high)s and %(low)s each notice in their customers this week, and what made '
            'them act — or hold back?'),
        why=N_(
            '%(high)s used %(high_spent)s of the mandate this week (n=%(high_n)s gestures), %(low)s '
            '%(low_spent)s (n=%(low_n)s); the allowance is %(allowance)s per month.'),
        suggestion=N_(
            'Ask %(high)s and %(low)s, each on their own, for one moment this week where they used the '
            'mandate or chose not to — and listen for what made the difference.'),
    ),
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
    'quiet_mandate.month': Texts(
        question=N_(
            '%(name)s spent %(spent)s in the last %(weeks)s weeks, with an allowance of %(allowance)s '
            'per month. Is the frame clear to %(name)s, and does it feel safe to use?'),
        why=N_(
            '%(name)s logged %(gestures)s gestures and spent %(spent)s in %(weeks)s weeks; the '
            'allowance is %(allowance)s per month.'),
        suggestion=N_(
            'Over coffee, ask %(name)s about a customer moment where a small extra could have fitted — '
            'and what, if anything, held them back. An invitation, not a target.'),
    ),
    'quiet_mandate': Texts(
        question=N_(
            '%(name)s used %(spent)s of %(allowance)s over the last %(weeks)s weeks. Is the frame '
            'clear to %(name)s, and does it feel safe to use?'),
        why=N_(
            '%(name)s logged %(gestures)s gestures and spent %(spent)s in %(weeks)s weeks, against an '
            'allowance of %(allowance)s for those weeks.'),
        suggestion=N_(
            'Over coffee, ask %(name)s about a customer moment where a small extra could have fitted — '
            'and what, if anything, held them back. An invitation, not a target.'),
    ),
    'over_frame': Texts(
        question=Nn_(
            'One gesture went beyond the agreed frame this week. What did that situation ask for — and '
            'should the frame move?',
            '%(n)s gestures went beyond the agreed frame this week. What did those situations ask for '
            '— and should the frame move?'),
        why=Nn_(
            'One gesture beyond the frame (%(parts)s), %(spent)s; reaction %(mean)s.',
            '%(n)s gestures beyond the frame (%(parts)s), together %(spent)s; mean reaction %(mean)s '
            '(n=%(n)s).'),
        suggestion=Nn_(
            'Bring it to the session: let the colleague tell what the customer needed, then ask the '
            'team whether the frame still fits.',
            'Pick one of them for the session: let the colleague tell what the customer needed, then '
            'ask the team whether the frame still fits.'),
    ),
    'over_frame.person': Texts(
        question=N_(
            "%(n)s of %(name)s's gestures this week went beyond the frame. What did %(name)s see in "
            'those moments that asked for more?'),
        why=N_(
            '%(name)s: %(n)s gestures beyond the frame this week, together %(spent)s.'),
        suggestion=N_(
            'Ask %(name)s to walk you through one of them — curious, not checking.'),
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
    'since_last_session': Texts(
        question=N_(
            'Since the frame changed on %(date)s (%(change)s), what do you notice — is it what the '
            'team hoped for?'),
        why=N_(
            'Before: %(before_per_week)s gestures per week over the %(weeks_before)s weeks with entries, '
            'mean reaction %(before_mean)s (n=%(before_n)s). Since: %(after_per_week)s per week over '
            '%(weeks_after)s weeks with entries, mean reaction %(after_mean)s (n=%(after_n)s).'),
        suggestion=N_(
            'Open the next session with it: ask each colleague for one moment where the new frame made '
            'a difference.'),
    ),
    'since_last_session.session': Texts(
        question=N_(
            'The learning session of %(date)s agreed %(agreed)s. What has changed since — is it what '
            'the team agreed?'),
        why=N_(
            'Before the session: %(before_per_week)s gestures and %(before_spent_week)s spent per week over '
            'the %(weeks_before)s weeks with entries, mean reaction %(before_mean)s (n=%(before_n)s). '
            'Since: %(after_per_week)s gestures and %(after_spent_week)s per week over %(weeks_after)s '
            'weeks with entries, mean reaction %(after_mean)s (n=%(after_n)s).'),
        suggestion=N_(
            'Open the next session with it: go through the actions still open, and ask for one moment '
            'where what you agreed made a difference.'),
    ),
    'since_last_session.early': Texts(
        question=N_(
            'The learning session of %(date)s agreed %(agreed)s. How is it going?'),
        why=N_(
            'Too few gestures since the session to compare yet (n=%(after_n)s since, %(before_n)s '
            'before).'),
        suggestion=N_(
            'Ask at the next line-up who has tried what the team agreed, and how it went.'),
    ),
}

# One kind × trigger pair inside a merged "what moves customers" prompt.
PAIR_DETAIL = N_('%(pair)s: mean reaction %(mean)s (n=%(n)s), %(delighted)s of %(n)s delighted or moved')

# The labels of a prompt's facts by fact code (band_* and trigger_* facts use the code labels instead).
FACTS: dict[str, str] = {
    'high_spent': N_('Highest use this week'),
    'low_spent': N_('Lowest use this week'),
    'high_reaction': N_('Reactions to their gestures (mean)'),
    'low_reaction': N_('Reactions to their gestures (mean)'),
    'allowance': N_('Weekly allowance'),
    'allowance_month': N_('Allowance per month'),
    'spent_weeks': N_('Spent in these weeks'),
    'allowance_weeks': N_('Allowance for these weeks'),
    'spent_month': N_('Spent this month so far'),
    'weeks': N_('Weeks'),
    'over_frame': N_('Gestures beyond the frame'),
    'over_cap': N_('Over the cap per gesture'),
    'over_allowance': N_('Over the allowance'),
    'spent_over_frame': N_('Spent on them'),
    'mean_reaction': N_('Mean reaction'),
    'per_week_before': N_('Gestures per week before'),
    'per_week_after': N_('Gestures per week since'),
    'reaction_before': N_('Mean reaction before'),
    'reaction_after': N_('Mean reaction since'),
    'spent_before': N_('Spent before'),
    'spent_after': N_('Spent since'),
    'weeks_logged_before': N_('Weeks with entries before'),
    'weeks_logged_after': N_('Weeks with entries since'),
    'spent_week_before': N_('Spent per week before'),
    'spent_week_after': N_('Spent per week since'),
    'cheap_reaction': N_('Free and small gestures: mean reaction'),
    'pricey_reaction': N_('Pricier gestures: mean reaction'),
    'pricey_spent': N_('Spent on pricier gestures'),
    'delighted_share': N_('Delighted or moved'),
    'team_reaction': N_('Team mean reaction'),
    'basic_share': N_('Complaints and waiting'),
    'flat_share': N_('No visible reaction'),
    'recent_share': N_('Share in the last weeks'),
    'before_share': N_('Share in the weeks before'),
    'reaction_first_half': N_('Mean reaction, first half'),
    'reaction_second_half': N_('Mean reaction, second half'),
    'per_week_first_half': N_('Gestures per week, first half'),
    'per_week_second_half': N_('Gestures per week, second half'),
    'spent_first_half': N_('Spent, first half'),
    'spent_second_half': N_('Spent, second half'),
    'reaction': N_('Reaction'),
    'cost': N_('Cost'),
    'pair': N_('Kind · trigger'),
    'follow_up': N_('Afterwards'),
    'unappreciated': N_('Delighted customers, no appreciation yet'),
    'appreciated': N_('Gestures appreciated'),
    'window_gestures': N_('Gestures in the window'),
}
