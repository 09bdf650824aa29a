"""Tables and charts for the lessons."""
