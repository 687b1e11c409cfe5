"""Synthetic documents for demos, tests and benchmarks (no real people, no real events)."""
