"""Quickcal parser: one chat message in, one EventDraft out."""
