"""`python -m bench` (`make bench`): performance budgets of DESIGN §7 for the reports, measured on SQLite."""
