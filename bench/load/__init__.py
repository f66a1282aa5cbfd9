"""Load and fault harness: simulated tablets against gunicorn (and haproxy); used by tests/load and bench."""
