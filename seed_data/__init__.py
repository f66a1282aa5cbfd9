"""The CSV folder format (import) and the demo installation.

`seed_data.csvfiles` reads what spreadsheets write, `seed_data.importer` loads a folder through the
ledger's services (all or nothing), `seed_data.demo` generates a realistic demo folder for today.
"""
