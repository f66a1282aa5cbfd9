"""The weekly digest e-mail, sent to a real (tiny, local) SMTP server started by the test."""

import email
import socketserver
import threading
from email import policy

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo

from ledger.models import Membership
from reports.digest import SmtpSettings, anchor_for, build_digests, send_digests
from tests.factories import make_person, make_team
from tests.reports.scenes import NOW, WEEK, busy_team
from web.cli import main

PUBLIC = "https://ledger.example.org"


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 test-smtp ready")
        envelope = {"from": None, "to": []}
        while line := self.rfile.readline():
            verb = line.decode().strip().split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 test-smtp")
            elif verb == "MAIL":
                envelope = {"from": line.decode().strip(), "to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                message = email.message_from_bytes(data, policy=policy.default)
                self.server.received.append((envelope["to"], message))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP and anything else
                self.reply("250 OK")


@pytest.fixture
def cli(app):
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), obj=ScriptInfo(create_app=lambda: app))


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_each_manager_gets_one_mail_with_their_teams_numbers_top_prompts_and_links(session, smtp_server):
    scene = busy_team(session)
    scene.manager.lang = "en"
    session.add(scene.manager)
    session.commit()
    digests = build_digests(session=session, public_url=PUBLIC + "/", week=WEEK, now=NOW)
    settings = SmtpSettings(host="127.0.0.1", port=smtp_server.server_address[1], sender="ledger@example.org")

    assert send_digests(digests, settings) == 1

    (to, msg), = smtp_server.received
    assert to == ["marieke@example.org"] and msg["Subject"] == "Your week 45 in Gesture Ledger: Front desk"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "8 gestures · €65.50 of €80.00 frame · reaction 3.6 (n=8) · 1 appreciated" in text
    report = f"{PUBLIC}/reports/{scene.team.id}?week=2026-W45"
    assert f"Open the report: {report}" in text and f'href="{report}"' in html
    first = digests[0]
    assert text.count("\n* ") == 5  # the five the page shows first, each with its own link
    assert f"{report}#p-spend-contrast-2026-w45-" in text
    assert "What did Anouk and Chris each notice" in text and "What did Anouk and Chris" in html
    assert first.lang == "en" and msg["Content-Language"] == "en"


def test_a_manager_who_reads_in_dutch_gets_the_mail_in_dutch(session):
    busy_team(session)  # the manager's language is not known yet: Dutch, the installation's default
    digest, = build_digests(session=session, public_url=PUBLIC, week=WEEK, now=NOW)
    assert digest.subject == "Je week 45 in Gesture Ledger: Front desk"
    assert "8 gebaren · €\u00a065,50 van €\u00a080,00 kader · reactie 3,6 (n=8)" in digest.text
    assert "Hoi Marieke," in digest.text


def test_a_manager_of_two_teams_gets_both_in_one_mail_and_staff_get_nothing(session):
    scene = busy_team(session)
    shop = make_team(session, "Shop floor")
    session.add(Membership(team_id=shop.id, person_id=scene.manager.id))
    session.commit()
    make_person(session, shop, "Mo", role="manager")  # no e-mail address: nothing to send to

    digests = build_digests(session=session, public_url=PUBLIC, week=WEEK, now=NOW)

    assert [d.email for d in digests] == ["marieke@example.org"]
    assert "Front desk · 2026-W45" in digests[0].text and "Shop floor · 2026-W45" in digests[0].text
    assert "Deze week geen gespreksvragen" in digests[0].text  # the quiet shop floor


def test_a_team_level_digest_names_nobody(session):
    busy_team(session, person_comparisons=False)
    digest, = build_digests(session=session, public_url=PUBLIC, week=WEEK, now=NOW)
    for name in ("Anouk", "Bram", "Chris", "Daan"):
        assert name not in digest.text and name not in digest.html


def test_text_from_the_ledger_is_escaped_in_the_html_mail(session):
    busy_team(session, name="Desk <b>&</b>")
    digest, = build_digests(session=session, public_url=PUBLIC, week=WEEK, now=NOW)
    assert "Desk &lt;b&gt;&amp;&lt;/b&gt;" in digest.html and "<b>&</b>" not in digest.html


def test_prompt_links_land_on_the_prompt_card_of_the_report_page():
    assert anchor_for("spend_contrast:2026-W45:2-4") == "p-spend-contrast-2026-w45-2-4"


def test_the_cli_prints_the_mails_without_send_and_sends_them_with_it(app, session, smtp_server, cli):
    busy_team(session)
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.server_address[1],
                      MAIL_FROM="ledger@example.org", PUBLIC_URL=PUBLIC)
    dry = cli("digest", "--week", "2026-W45")
    assert dry.exit_code == 0, dry.output
    assert "To: marieke@example.org" in dry.output and "1 digest(s) not sent" in dry.output
    assert smtp_server.received == []

    sent = cli("digest", "--week", "2026-W45", "--send", "--any-day")
    assert sent.exit_code == 0, sent.output
    assert "Sent 1 digest(s)" in sent.output and len(smtp_server.received) == 1


def test_the_cli_says_clearly_when_the_week_or_the_mail_server_is_wrong(app, session, cli):
    busy_team(session)
    bad_week = cli("digest", "--week", "45")
    assert bad_week.exit_code != 0 and "not an ISO week" in bad_week.output
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=1)  # nothing listens there
    no_server = cli("digest", "--week", "2026-W45", "--send", "--any-day")
    assert no_server.exit_code != 0 and "could not send through 127.0.0.1:1" in no_server.output
    assert "Traceback" not in no_server.output


def test_the_dry_run_prints_readable_text_and_writes_the_html_part_for_a_browser(app, session, cli, tmp_path):
    busy_team(session)
    app.config.update(PUBLIC_URL=PUBLIC)
    page = tmp_path / "digest.html"
    dry = cli("digest", "--week", "2026-W45", "--html", str(page))
    assert dry.exit_code == 0, dry.output
    assert "€\u00a065,50" in dry.output and "·" in dry.output  # the characters themselves (Dutch)
    assert "=E2=82=AC" not in dry.output and "=C2=B7" not in dry.output  # no quoted-printable
    assert "Subject: Je week 45 in Gesture Ledger: Front desk" in dry.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "?week=2026-W45#p-spend-contrast" in html


def test_the_digest_follows_up_on_prompts_discussed_in_the_weeks_before(session):
    from ledger.models import PromptReview

    scene = busy_team(session)
    scene.manager.lang = "en"
    session.add(PromptReview(team_id=scene.team.id, prompt_key=f"trend:{WEEK.shift(-1)}:usage",
                             week=str(WEEK.shift(-1)), status="discussed"))
    session.commit()
    digest, = build_digests(session=session, public_url=PUBLIC, week=WEEK, now=NOW)
    line = "Week 44: you discussed “Trend”. What came of it — did it help?"
    assert "Following up" in digest.text and line in digest.text
    assert "Week 44: you discussed “Trend”." in digest.html
