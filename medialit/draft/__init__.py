"""Drafting an answer key for any article from its text alone."""
