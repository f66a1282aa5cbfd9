"""Managers' report pages (blueprint "reports"): the weekly report, print view, exports, the overview."""

from web.manager_reports.views import bp

__all__ = ["bp"]
