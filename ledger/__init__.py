"""Gesture Ledger domain: tables, rules and SQL aggregates. Knows nothing of the web or of reports."""
