"""The web UI and JSON API (`purgewatch serve`)."""
