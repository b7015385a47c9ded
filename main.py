#!/usr/bin/env python3
"""Build everything and start it: the kiosk, or one of its headless commands.

    python main.py [--db PATH] [--now 2023-06-15T10:45] [--lang ko] [--view agenda] [--windowed]
    python main.py --view agenda --screenshot shot.png [--size 1080x1920]
    python main.py init-db PATH [--data DIR] [--force]
    python main.py keys|badges|set-pin|pin-unlock|checkin|checkins-csv …   (see --help of each)

The code is in ``kiosk/app.py``: Python compiles a script again on every start (≈ 2–4 ms of
CPU for the 430 lines that were here, counted in the start-up's first frame, issue 11) but a
module only once, into its ``.pyc``.
"""

import gc
import sys

if __name__ == "__main__":
    # no cyclic garbage collection while the kiosk starts: it only makes objects that it keeps
    # (kiosk/app.py: start_collecting, just after the first frame, freezes them and switches it on)
    gc.disable()
    from kiosk.app import main

    sys.exit(main())
else:
    # `import main` (tests, drivers) is kiosk.app itself: `main.LOG_DIR = …` reaches its code
    import kiosk.app

    sys.modules[__name__] = kiosk.app
