"""Exercises: the registry, scoring, checks, saved answers, submissions and the release mode."""
