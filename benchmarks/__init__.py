"""Benchmarks and the large-database generator (run: python -m benchmarks)."""
