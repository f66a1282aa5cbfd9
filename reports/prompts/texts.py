"""The texts of every conversation prompt and fact, as gettext msgids (translations live in the catalogue).

A prompt rule picks its texts by kind and variant (`over_frame`, `cost_vs_reaction.cheap`); a pair of
msgids is a plural, chosen by the prompt's `n` with the language's CLDR rule. Placeholders are %-style
names filled by the rule. pybabel finds them through the `N_` and `Nn_` markers. The prompts' texts are
kept in two modules by subject (texts_frame.py, texts_customers.py); this one gathers them and holds the
facts' labels.
"""

from ledger.i18n.labels import N_
from reports.prompts.messages import Message, Nn_, Texts
from reports.prompts.texts_customers import CUSTOMER_TEXTS
from reports.prompts.texts_frame import FRAME_TEXTS

__all__ = ["FACTS", "PAIR_DETAIL", "PROMPTS", "Message", "Nn_", "Texts"]

PROMPTS: dict[str, Texts] = {**FRAME_TEXTS, **CUSTOMER_TEXTS}

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
