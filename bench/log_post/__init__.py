"""The logging benchmark of DESIGN §7: the logging POST under 32 concurrent tablets against a bare Flask
endpoint that inserts one SQLite row, both behind the same gunicorn settings and driven by wrk; and the
log screen's first-load weight. `python -m bench --only logging` runs it alone (see run.py)."""
