"""The OpenAPI 3.1 document of API v1, built from the operation table and the same pydantic models the
endpoints validate with (model_json_schema): there is no hand-kept copy to drift from the code."""

import re

from flask import current_app, request
from pydantic.json_schema import models_json_schema

from web.api.v1.blueprint import API_TOKEN, OPERATIONS, SEND_TOKEN, Operation, bp
from web.api.v1.schemas import ID_MAX, Problem
from web.cookies import TABLET_COOKIE

REF = "#/components/schemas/{model}"
_PARAM = re.compile(r"<(?:(?P<converter>[a-z]+)(?:\([^)]*\))?:)?(?P<name>[a-z_]+)>")
_PATH_SCHEMAS = {
    "uuid": {"type": "string", "format": "uuid"},
    "int": {"type": "integer", "minimum": 1, "maximum": ID_MAX},
    None: {"type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$"},  # the one plain segment: an ISO week
}
ERROR_TITLES = {
    400: "The body is not the JSON asked for (broken, too deeply nested, not an object)",
    401: "No valid token: missing, wrong or revoked",
    403: "Not allowed: a read-only token writing, or a rule of the ledger",
    404: "Not found, or not one of the token's teams",
    409: "Conflicts with what is stored (an id reused with other content, a gesture changed meanwhile)",
    413: "The body is too large",
    415: "The body is not application/json",
    422: "A field is refused; `codes` names each field with the ledger's code",
    429: "Over the token's rate limit; try again after Retry-After seconds",
    503: "The database is busy or unreachable; try again after Retry-After seconds",
}
# What a refusal means where the sender is the tablet's outbox (a send token, no API token).
SEND_ERROR_TITLES = {
    403: "Not allowed: the send token is missing, forged or expired, or its sign-in ended; or the request "
         "comes from neither the token's tablet nor its sign-in's browser; or the team is archived",
}
SEND_SECURITY = [{"tabletDevice": []}, {"signInSession": []}]
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
RATE = {name: {"description": text, "schema": {"type": "integer", "minimum": 0}} for name, text in (
    ("RateLimit-Limit", "Requests the token may make per minute"),
    ("RateLimit-Remaining", "Requests left this minute"),
    ("RateLimit-Reset", "Seconds until the next minute's count starts"))}


def _schemas(ops: list[Operation]) -> dict:
    inputs = {op.body for op in ops if op.body}
    outputs = {model for op in ops for model in op.responses.values()} | {Problem}
    pairs = [(m, "validation") for m in inputs] + [(m, "serialization") for m in outputs]
    _keys, schema = models_json_schema(sorted(pairs, key=lambda p: p[0].__name__), ref_template=REF)
    return schema.get("$defs", {})


def _path(rule: str) -> tuple[str, list[dict]]:
    params = [{"name": m["name"], "in": "path", "required": True, "schema": _PATH_SCHEMAS[m["converter"]]}
              for m in _PARAM.finditer(rule)]
    return "/api/v1" + _PARAM.sub(lambda m: "{" + m["name"] + "}", rule), params


def _query(model) -> list[dict]:
    if model is None:
        return []
    schema = model.model_json_schema(by_alias=True)
    required = set(schema.get("required", []))
    return [{"name": name, "in": "query", "required": name in required,
             "description": prop.get("description", ""), "schema": {k: v for k, v in prop.items()
                                                                    if k != "description"}}
            for name, prop in schema["properties"].items()]


def _problem(status: int, auth: str = API_TOKEN) -> dict:
    titles = ERROR_TITLES | (SEND_ERROR_TITLES if auth == SEND_TOKEN else {})
    answer = {"description": titles[status],
              "content": {"application/problem+json": {"schema": {"$ref": REF.format(model="Problem")}}}}
    if status == 429:
        answer["headers"] = RETRY_AFTER | RATE
    elif status == 503:
        answer["headers"] = RETRY_AFTER
    return answer


def _responses(op: Operation) -> dict:
    token = op.auth == API_TOKEN  # the token's rate limit: its headers, 401 and 429
    answers = {str(status): {"description": "OK" if status == 200 else "Created",
                             **({"headers": RATE} if token else {}),
                             "content": {"application/json": {"schema": {"$ref": REF.format(
                                 model=model.__name__)}}}}
               for status, model in sorted(op.responses.items())}
    errors = {503, *op.errors} | ({401, 429} if token else set()) | (
        {400, 403, 413, 415, 422} if op.body else set())
    return answers | {str(status): _problem(status, op.auth) for status in sorted(errors)}


def _operation(op: Operation) -> tuple[str, dict]:
    path, params = _path(op.rule)
    doc = {"operationId": op.endpoint, "summary": op.summary, "description": op.description,
           "tags": [op.tag], "parameters": params + _query(op.query), "responses": _responses(op)}
    if op.write:
        doc["description"] += "\n\nNeeds a token with the write scope."
    if op.auth == SEND_TOKEN:
        doc["security"] = SEND_SECURITY
    if op.body is not None:
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": {
            "$ref": REF.format(model=op.body.__name__)}}}}
    return path, doc


def _security_schemes() -> dict:
    send = ("The body's `send_token` is what authorises the send: issued with the log form, signed, valid "
            "for minutes and only while its sign-in may still send.")
    return {
        "bearer": {"type": "http", "scheme": "bearer", "description": "An API token created by an admin."},
        "tabletDevice": {"type": "apiKey", "in": "cookie", "name": TABLET_COOKIE,
                         "description": "The device cookie of the team tablet the send token was issued on. "
                                        + send},
        "signInSession": {"type": "apiKey", "in": "cookie", "name": current_app.config["SESSION_COOKIE_NAME"],
                          "description": "The session cookie of the very sign-in the send token names (a "
                                         "gesture logged in a browser that is no tablet). " + send},
    }


def document() -> dict:
    """The whole OpenAPI 3.1 document of API v1."""
    paths: dict[str, dict] = {}
    for op in OPERATIONS:
        path, doc = _operation(op)
        paths.setdefault(path, {})[op.method.lower()] = doc
    return {
        "openapi": "3.1.0",
        "info": {"title": "Gesture Ledger API", "version": "1",
                 "description": "Log and read gestures, teams, frames and weekly reports. Authenticate with "
                                "an API token created by an admin: `Authorization: Bearer <token>`. (The "
                                "tablet's outbox operation is the app's own: a send token and a cookie.)"},
        "servers": [{"url": request.host_url.rstrip("/") if request else "/"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {"schemas": _schemas(OPERATIONS),
                       "securitySchemes": _security_schemes()},
    }


@bp.get("/openapi.json")
def openapi_json():
    """The OpenAPI document (public: it holds no data)."""
    return current_app.json.response(document())
