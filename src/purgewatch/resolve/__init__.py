"""The resolve stage: person mentions grouped into persons across documents (persons, inputs), a typed
name matched to stored people (lookup), a report's country (country). Name and post normalisation is in
purgewatch.normalize."""
