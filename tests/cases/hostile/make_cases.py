"""Writes the input files of the hostile-input cases that are too awkward to type (run once; the files are kept)."""
from __future__ import annotations

import gzip
from pathlib import Path

HERE = Path(__file__).parent
GOOD = b'{"type":"track","event":"Products Searched","messageId":"m-%d","properties":{"query":"shoes","results_count":%d}}\n'


def deep(levels: int) -> bytes:
    return (b'{"type":"track","event":"Products Searched","messageId":"deep","properties":{"query":"x","nested":'
            + b"[" * levels + b"]" * levels + b"}}\n")


def write(folder: str, name: str, data: bytes) -> None:
    (HERE / folder).mkdir(exist_ok=True)
    (HERE / folder / name).write_bytes(data)


write("deep_event", "events.jsonl", GOOD % (1, 1) + deep(1000) + GOOD % (2, 2) + deep(200) + GOOD % (3, 3))
write("deep_event_in_document", "events.json", b"[" + GOOD.rstrip() % (1, 1) + b"," + deep(300).rstrip() + b"]\n")
write("gzip_named_plain/events", "events.jsonl", gzip.compress(GOOD % (1, 1) + GOOD % (2, 2)))
write("gzip_named_plain/events", "plain.jsonl.gz", GOOD % (3, 3))
write("valid_json_fast_parser_refuses", "events.jsonl",
      b"\xef\xbb\xbf" + GOOD % (1, 1)
      + b'{"type":"track","event":"Products Searched","messageId":"m-s","properties":{"query":"\\ud800 lone","results_count":2}}\n'
      + b'{"type":"track","event":"Products Searched","messageId":"m-e","properties":{"query":"big","results_count":1e400}}\n')
