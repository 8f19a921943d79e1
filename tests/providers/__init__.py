"""Tests of providers/: mappings, clients against fake servers, OAuth, local calendar."""
