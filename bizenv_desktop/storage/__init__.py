"""SQLite storage: connection, schema version and upgrades, tracked writes. No Qt."""
