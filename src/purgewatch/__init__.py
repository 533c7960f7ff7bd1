"""purgewatch: a source-linked database of personnel events (appointments, dismissals, arrests…) from reports on purges."""

__version__ = "0.1.0"
