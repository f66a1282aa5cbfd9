"""CI checks the dependencies and the code (issue 12): bandit finds no medium or high issue in the app, with
its exceptions documented in pyproject.toml, and pip-audit runs before the tests (see .ci/audit-dependencies
for what happens where PyPI's advisory API cannot be reached)."""

import shutil
import subprocess  # noqa: S404 - runs bandit, a fixed command
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BANDIT = ROOT / ".venv" / "bin" / "bandit"
APP = ["ledger", "reports", "web", "seed_data"]

needs_bandit = pytest.mark.skipif(not BANDIT.exists() and shutil.which("bandit") is None,
                                  reason="bandit is a dev extra (pip install -e '.[dev]')")


def _bandit(*targets: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    exe = str(BANDIT) if BANDIT.exists() else "bandit"
    args = [exe, "-q", "-c", str(ROOT / "pyproject.toml"), "-r", *targets, "--severity-level", "medium"]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603


def test_ci_runs_bandit_and_pip_audit_before_the_tests():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.index("bandit") < script.index("make test")
    assert script.index(".ci/audit-dependencies") < script.index("make test")
    assert "pip-audit" in (ROOT / ".ci" / "audit-dependencies").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev = project["optional-dependencies"]["dev"]
    assert {"pip-audit", "bandit"} <= {d.split(">")[0].split("=")[0] for d in dev}


def test_every_skipped_bandit_check_is_documented():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for check in tomllib.loads(text)["tool"]["bandit"]["skips"]:
        assert f"# - {check} " in text, f"{check} is skipped without a documented reason"


@needs_bandit
def test_bandit_finds_no_medium_or_high_issue_in_the_app():
    result = _bandit(*APP)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_bandit
def test_the_bandit_settings_still_catch_a_high_finding(tmp_path):
    (tmp_path / "bad.py").write_text("import subprocess\n\n\ndef run(cmd):\n"
                                     "    return subprocess.call(cmd, shell=True)\n", encoding="utf-8")
    result = _bandit(str(tmp_path))
    assert result.returncode == 1 and "B602" in result.stdout
