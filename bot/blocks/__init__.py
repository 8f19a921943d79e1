"""Pure Block Kit builders: data in, JSON-ready dicts out; no I/O, no clock."""
