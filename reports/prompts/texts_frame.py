"""The texts of the prompts about the frame and its use: spend contrast, a quiet mandate, gestures beyond
the frame, and what changed since the last learning session (rules in people.py, frame.py, loop.py).
"""

from ledger.i18n.labels import N_
from reports.prompts.messages import Nn_, Texts

FRAME_TEXTS: dict[str, Texts] = {
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
