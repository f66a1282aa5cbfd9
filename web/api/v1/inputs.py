"""Validating a request against its schema, refusals named with the ledger's field codes.

The body is read by the shared limited reader (web/api/body.py: 413, 415, 400 for deep or broken JSON),
then validated strictly by the pydantic model; pydantic's error types become the same codes the ledger
uses ("required", "type", "unknown", "too_long", "negative", …), raised as ValidationFailed so
web/errors.py answers 422 once for the API, the forms and the outbox alike.
"""

import json
from typing import TypeVar

from flask import request
from pydantic import BaseModel, ValidationError

from ledger.errors import FieldError, ValidationFailed
from web.api.body import json_object

M = TypeVar("M", bound=BaseModel)

_CODES = {
    "missing": "required", "string_too_short": "required", "extra_forbidden": "unknown_field",
    "enum": "unknown", "literal_error": "unknown", "string_too_long": "too_long",
    "timezone_aware": "naive", "string_pattern_mismatch": "format",
    "date_parsing": "format", "date_from_datetime_parsing": "format", "date_from_datetime_inexact": "format",
}


def _code(error: dict, field: str) -> str:
    kind = error["type"]
    if kind in ("greater_than_equal", "greater_than"):
        return "negative" if error.get("ctx", {}).get("ge") == 0 and field != "reaction" else "out_of_range"
    if kind in ("less_than_equal", "less_than"):
        return "out_of_range" if field in ("reaction", "limit") else "too_large"
    return _CODES.get(kind, "type")


def _params(error: dict) -> dict:
    ctx = error.get("ctx") or {}
    names = {"max_length": "max", "le": "max", "ge": "min", "min_length": "min"}
    return {names[k]: v for k, v in ctx.items() if k in names and isinstance(v, int | float | str)}


def field_errors(exc: ValidationError) -> list[FieldError]:
    """pydantic's errors as the ledger's FieldErrors, named by the request's own field names."""
    errors = []
    for error in exc.errors():
        loc = error.get("loc") or ("form",)
        field = str(loc[0])
        errors.append(FieldError(field, _code(error, field), _params(error)))
    return errors


def read_body(model: type[M]) -> M:
    """The request body as `model`; ValidationFailed (422) naming each refused field."""
    body = json_object()
    try:
        return model.model_validate_json(json.dumps(body))
    except ValidationError as exc:
        raise ValidationFailed(field_errors(exc)) from None


def read_query(model: type[M]) -> M:
    """The query string as `model` (text converted); ValidationFailed (422) naming each refused field."""
    args = {key: request.args.getlist(key) for key in request.args}
    single = {key: values[0] if len(values) == 1 else values for key, values in args.items()}
    try:
        return model.model_validate(single)
    except ValidationError as exc:
        raise ValidationFailed(field_errors(exc)) from None
