"""Service functions: keyword-only, own their transaction, raise ledger.errors on user mistakes."""
