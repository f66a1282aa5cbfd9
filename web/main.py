"""The start page."""

from flask import Blueprint, render_template

from ledger.services.teams import list_teams
from web.db import get_session

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    return render_template("index.html", teams=list_teams(session=get_session()))
