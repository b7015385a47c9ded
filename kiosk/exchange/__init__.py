"""Getting events in and schedules out: CSV/JSON/frab XML/c3voc JSON import, and exports in
the formats other tools read (frab XML, c3voc JSON, iCalendar, CSV). No Qt."""
