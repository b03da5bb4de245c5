"""Domain rules and data classes. Imports neither Qt nor SQL."""
