"""The start page and the language switch."""

from web.main.views import bp

__all__ = ["bp"]
