"""The installation's settings as a request reads them: language when the browser states none, currency.

Read once per request (cached on `g`). When the database cannot answer (the 503 page, say) the defaults
stand in, so a page about an outage still renders.
"""

from flask import g, has_request_context
from sqlalchemy.exc import SQLAlchemyError

from ledger.services.settings import InstallationSettings, get_settings
from web.db import get_session


def installation() -> InstallationSettings:
    """The settings in force for this request (the defaults outside a request or without a database)."""
    if not has_request_context():
        return InstallationSettings()
    if "installation" not in g:
        try:
            g.installation = get_settings(session=get_session())
        except SQLAlchemyError:
            g.installation = InstallationSettings()
    return g.installation


def currency() -> str:
    """The currency amounts are shown in (a display setting: stored cents never change with it)."""
    return installation().currency
