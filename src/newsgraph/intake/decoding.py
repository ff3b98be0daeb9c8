"""Bytes of an article file as text: UTF-8, else the encoding it most likely has."""

from __future__ import annotations


def decode(data: bytes) -> str | None:
    """UTF-8 text, or the detected encoding when it is not UTF-8; None for binary data."""
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    ascii_share = sum(1 for b in data[:65536] if b < 128) / min(len(data), 65536)
    if ascii_share >= 0.8:  # mostly-English text with a few accented letters: a Windows code page
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if controls > 8 else text


def utf8(line: bytes) -> str | None:
    """The bytes as UTF-8 text, or None when they are not UTF-8."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None
