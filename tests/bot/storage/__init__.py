"""Storage tests: every repository function on real SQLite and PostgreSQL databases."""
