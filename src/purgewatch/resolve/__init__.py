"""The resolve stage: names compared and grouped across mentions and documents."""
