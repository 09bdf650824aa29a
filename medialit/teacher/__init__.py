"""Teacher tools: building exercises, releases, grading and class statistics (never released)."""
