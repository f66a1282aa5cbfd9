"""Inline SVG icons from the vendored Lucide set in static/icons (no emoji: fonts on tablets vary)."""

from functools import cache
from pathlib import Path

from flask import Flask
from markupsafe import Markup, escape

ICON_DIR = Path(__file__).parent / "static" / "icons"


@cache
def _svg(name: str) -> str:
    path = ICON_DIR / f"{name}.svg"
    if not name.replace("-", "").isalnum() or not path.is_file():
        raise LookupError(f"no icon named {name!r} in {ICON_DIR}")
    return path.read_text(encoding="utf-8").strip()


def icon_svg(name: str, label: str | None = None, extra_class: str = "") -> Markup:
    """The icon as inline SVG: decorative (aria-hidden) unless a `label` names it for screen readers."""
    a11y = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    cls = f"icon {escape(extra_class)}".strip()
    return Markup(_svg(name).replace("<svg ", f'<svg class="{cls}" {a11y} focusable="false" ', 1))  # noqa: S704


def init_app(app: Flask) -> None:
    app.jinja_env.globals["icon_svg"] = icon_svg
