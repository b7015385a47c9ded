"""Many kiosks and laptops in step, with or without the network, through pycrdt (Yjs CRDTs).

SQLite stays the store every screen reads. Each device keeps a pycrdt document holding its
scans, undone check-ins and schedule edits, each under its own key (a scan id, a device+clock
edit key), so concurrent writers never collide on a key. Documents merge in any order, any
number of times; the engine then writes what arrived into SQLite and derives the shared state
the same way on every device.
"""
