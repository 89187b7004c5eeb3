"""Output stage: reports and findings to JSON, JSON Lines, JSON Schema and people's formats."""
