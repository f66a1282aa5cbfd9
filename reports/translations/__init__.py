"""Per-language string tables of the report texts (plain dicts, no Flask)."""
