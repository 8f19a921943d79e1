"""Benchmarks (`make bench`): parser speed, acks under load and faults, create latency, memory."""
