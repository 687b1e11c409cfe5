"""Outputs for people and programs outside Tocsin: exports (and, later, reports)."""
