"""The lines of a JSON Lines file, read as a stream: a day of news in one file is never
held in memory, and the size limit applies to each line (one article), not to the file.

Lines end at \\n only (JSON strings may hold U+2028 and the like). Each line is decoded as
UTF-8 on its own, so one bad line costs that line only. A file with no UTF-8 at all
beyond ASCII but with lines that are not UTF-8 is a legacy file: it is decoded as a
whole in the encoding it most likely has (and then the limit is the file's).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.intake.decoding import decode, utf8

BOM = b"\xef\xbb\xbf"
OVERSIZE = "\x00oversize"  # the text given for a line over the limit (never a real line)


class TooBig(Exception):
    """A legacy (not UTF-8) file over the size limit: it would be read whole."""


def lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | None]]:
    """(line number from 1, text, None when not UTF-8, or ``OVERSIZE``)."""
    if _legacy(path):
        yield from _legacy_lines(path, max_bytes)
        return
    for lineno, raw in _raw_lines(path):
        if len(raw) > max_bytes:
            yield lineno, OVERSIZE
        else:
            yield lineno, utf8(raw.removesuffix(b"\r"))


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, start=1):
            if lineno == 1:
                raw = raw.removeprefix(BOM)
            yield lineno, raw.removesuffix(b"\n")


def _legacy(path: Path) -> bool:
    """Some line is not UTF-8 and no line has UTF-8 beyond ASCII (a first pass, streamed)."""
    invalid = False
    for _, raw in _raw_lines(path):
        if raw.isascii():
            continue
        if utf8(raw) is not None:
            return False
        invalid = True
    return invalid


def _legacy_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, str | None]]:
    size = path.stat().st_size
    if size > max_bytes:
        raise TooBig(f"file is {size:,} bytes, not UTF-8, over the {max_bytes:,}-byte limit")
    data = path.read_bytes().removeprefix(BOM)
    text = decode(data)
    if text is None:  # nothing to decode it as: each line is reported alone
        for lineno, raw in enumerate(data.split(b"\n"), start=1):
            yield lineno, utf8(raw.removesuffix(b"\r"))
        return
    yield from enumerate((x.removesuffix("\r") for x in text.split("\n")), start=1)
