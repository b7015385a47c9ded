"""The domain: dataclasses, domain verbs, the repository over SQLite and its migrations.

Nothing in this package imports Qt or reads the wall clock: callers pass ``now`` in.
"""
