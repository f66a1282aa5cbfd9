"""The Flask application factory (flaskr/microblog style: no module-level app)."""

from flask import Flask

from ledger.i18n import TRANSLATIONS
from web import config as settings
from web import converters, db, i18n, limits
from web.extensions import babel, csrf, login_manager


def create_app(config: dict | None = None) -> Flask:
    """Build the app; with no `config` every setting comes from the environment."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(settings.DEFAULTS)
    if config is None:
        app.config.update(settings.from_env())
    else:
        app.config.update(config)
        app.config.setdefault("DATABASE_URL", settings.from_env({"FLASK_DEBUG": "1"})["DATABASE_URL"])
    _init_extensions(app)
    _register_blueprints(app)
    from web import proxies
    from web.api import lane

    lane.init_app(app)  # in front of the whole app ...
    proxies.init_app(app)  # ... behind the proxies' headers, so the lane sees the client's scheme too
    return app


def _init_extensions(app: Flask) -> None:
    converters.init_app(app)  # before any blueprint adds a rule with <id:...>
    limits.init_app(app)
    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale,
                   default_translation_directories=str(TRANSLATIONS))
    i18n.init_app(app)
    from web import compress, errors, headers, icons, logs, security, static_files

    logs.init_app(app)  # no credentials and no forged lines in any log (issue 12)
    headers.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    static_files.init_app(app)
    compress.init_app(app)
    icons.init_app(app)


def _register_blueprints(app: Flask) -> None:
    # Imported here, not at the top: each area imports web.db/web.security, which must not need a built app.
    from web import admin, api, auth, gestures, main, manager_reports, sessions, tablet, users  # noqa: F401

    for bp in (main.bp, manager_reports.bp, auth.bp, tablet.bp, gestures.bp, api.bp, sessions.bp,
               admin.bp, admin.public_bp):
        app.register_blueprint(bp)
