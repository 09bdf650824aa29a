"""Answer keys: their schema, reading, writing, validation and comparison."""
