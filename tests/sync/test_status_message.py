"""The sync daemon's own messages reach the desk in the desk's language (issue 13, left item 5):
the daemon stores its English text with a code and arguments; ``sync status`` and the log show
the text, the desk's sync line says it in Korean or Chinese from the code."""

import asyncio
import json
import re
import subprocess
import sys

from kiosk.models.database import open_event_db
from kiosk.models.sync_state import decode_message, encode_message
from kiosk.sync.net import SyncNode
from tests.conftest import ROOT

from .conftest import CLOCK
from .test_network import started, until


def test_a_refused_peer_is_said_with_a_code_the_desk_can_translate(fleet):
    b = open_event_db(fleet.paths["b"])         # b's event data differs: one more attendee
    b.execute("INSERT INTO attendee (id, name, type) VALUES ('A9999', 'Extra Person', 'delegate')")
    b.close()

    async def main():
        a = SyncNode(open_event_db(fleet.paths["a"]), fleet.identity("a"), clock=CLOCK.now, peers=[], port=0,
                     host="127.0.0.1", status=True)
        atask = await started(a)
        bnode = SyncNode(open_event_db(fleet.paths["b"]), fleet.identity("b"), clock=CLOCK.now,
                         peers=[f"127.0.0.1:{a.bound_port}"], port=0, host="127.0.0.1", status=True)
        btask = await started(bnode)
        ok = await until(lambda: "differs" in (open_event_db(fleet.paths["a"]).sync.status() or {}).get("message", ""))
        a.stop(), bnode.stop()
        await asyncio.gather(atask, btask)
        return ok

    assert asyncio.run(main()), "a never said that b's data differs"
    status = open_event_db(fleet.paths["a"]).sync.status()
    assert status["message_code"] == "sync_reference_mismatch"
    assert status["message_args"]["device"] == "b"
    here, there = re.fullmatch(r"attendees: (\d+) here, (\d+) there", status["message_args"]["differences"]).groups()
    assert int(there) == int(here) + 1
    assert status["message"].startswith("The event data differs between this device and device b")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "status", "--db", str(fleet.paths["a"])],
                          capture_output=True, text=True)
    assert json.loads(done.stdout)["message"] == status["message"]        # the command line: the English text


def test_stored_messages_read_back_and_old_plain_ones_still_show():
    stored = encode_message("x has been revoked", "sync_revoked_self", {"device": "x"})
    assert decode_message(stored) == ("x has been revoked", "sync_revoked_self", {"device": "x"})
    assert decode_message("a plain message from an older daemon") == ("a plain message from an older daemon", "", {})
    assert decode_message("{not json") == ("{not json", "", {})
    assert decode_message(None) == ("", "", {})
    assert encode_message("") == "" and encode_message("plain") == "plain"
