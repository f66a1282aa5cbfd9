"""The admin blueprints and what every admin view shares: who acts, the admin-only check, field errors.
(The fresh sign-in a role change needs is web.recent_auth.require_recent_auth, the one mechanism for it.)"""

from flask import Blueprint, abort
from flask_babel import lazy_gettext as _l

from ledger.errors import FieldError, ValidationFailed
from ledger.permissions import Actor, may_administer
from web.labels import field_message
from web.security import MANAGER_ROLES, current_actor, role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")
public_bp = Blueprint("admin_public", __name__)

managers_area = role_required(*MANAGER_ROLES)  # password sessions of managers and admins; never a PIN

# Codes the administration adds to the shared field messages (web.labels).
_MESSAGES = {
    "taken": _l("This is already in use. Choose another."),
    "range": _l("Please give a value from %(min)s to %(max)s."),
    "too_short": _l("Use at least %(min)s characters."),
    "email_format": _l("Please give an email address like name@example.com."),
    "since_range": _l("Please give a date from the year 2000 up to a year from now."),
    "mismatch": _l("That does not match. Type it exactly as shown."),
}


def actor() -> Actor:
    """The acting manager/admin of this request (the views sit behind `managers_area`)."""
    who = current_actor()
    if who is None:
        abort(401)
    return who


def require_admin() -> Actor:
    """The acting admin, else 403."""
    who = actor()
    if not may_administer(actor=who):
        abort(403)
    return who


def message(error: FieldError) -> str:
    """The message for a field error, in the request's language."""
    code = {"format": "email_format", "range": "since_range"}.get(error.code) \
        if error.field in ("email", "since") else error.code
    template = _MESSAGES.get(code)
    if template is None:
        return field_message(error)
    try:
        return str(template) % error.params if "%(" in str(template) else str(template)
    except (KeyError, TypeError, ValueError):
        return str(template)


def show_errors(form, exc: ValidationFailed, fields: dict[str, str] | None = None) -> None:
    """Put a service's field errors next to the form's fields (`fields` renames service names)."""
    for name, error in exc.by_field().items():
        field = getattr(form, (fields or {}).get(name, name), None)
        target = field if field is not None and hasattr(field, "errors") else None
        if target is None:
            form.form_errors.append(message(error))
            continue
        target.errors = [*list(target.errors or []), message(error)]
