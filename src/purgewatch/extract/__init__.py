"""The extract stage: personnel events from parsed documents, driven by the ontology data."""
