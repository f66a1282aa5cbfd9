"""The layering of DESIGN §6: ledger imports neither web nor reports; reports imports only ledger."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The web stack: Flask and the libraries that only make sense inside a request.
WEB_STACK = {"flask", "flask_babel", "flask_login", "flask_wtf", "werkzeug"}
FORBIDDEN = {"ledger": {"web", "reports"} | WEB_STACK, "reports": {"web"} | WEB_STACK}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_the_layers_above_it(package):
    offenders = {
        str(p.relative_to(ROOT)): sorted(imported_top_levels(p) & FORBIDDEN[package])
        for p in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
