"""The Quickcal Slack app."""
