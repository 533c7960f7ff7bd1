"""Moved to :mod:`purgewatch.export.charts` (issue 12: export must not import serve); switch imports there."""

from purgewatch.export.charts import bars, colour, legend, timeline, type_colours, type_order, waves

TYPE_COLOURS = type_colours()  # kept for serve/app.py until it reads export.charts.type_colours()

__all__ = ["TYPE_COLOURS", "bars", "colour", "legend", "timeline", "type_colours", "type_order", "waves"]
