"""`make bench` ends with one table of every DESIGN §7 budget, kept in instance/bench/results.md."""

from bench import results


def test_the_budget_table_lists_each_figure_with_its_budget_and_verdict_and_is_written(monkeypatch, tmp_path):
    monkeypatch.setattr(results, "ROWS", [])
    monkeypatch.setattr(results, "RESULTS_FILE", tmp_path / "results.md")
    results.add("Logging p99 at 32 connections", "62.0 ms", "< 50 ms", False)
    results.add("Org overview (CPU)", "727 ms", "< 2,000 ms", True, database="PostgreSQL")
    printed: list[str] = []
    results.write(log=printed.append)
    written = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| Logging p99 at 32 connections | SQLite | 62.0 ms | < 50 ms | MISS |" in written
    assert "| Org overview (CPU) | PostgreSQL | 727 ms | < 2,000 ms | pass |" in written
    assert results.table() in printed[0]
