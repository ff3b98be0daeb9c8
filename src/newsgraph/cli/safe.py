"""Terminal-safe output of data: no console markup, no control characters from articles."""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console
from rich.highlighter import JSONHighlighter
from rich.text import Text

PLACEHOLDER = "\ufffd"
# ESC sequences (CSI, OSC/DCS/PM/APC strings, two-byte), then single C0 (but \t \n), DEL, C1.
_CONTROL = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|[ -~]?)"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")  # json.dumps escapes C0 itself


def clean(value: Any) -> str:
    """The text of `value` with every control character or escape sequence made visible."""
    return _CONTROL.sub(PLACEHOLDER, "" if value is None else str(value))


def plain(value: Any) -> Text:
    """A table cell or line: shown literally (no markup, no highlighting), controls replaced."""
    return Text(clean(value))


def print_line(console: Console, line: Any) -> None:
    """One line of data (an error reason, a summary) printed literally."""
    console.print(plain(line), highlight=False, soft_wrap=True)


def print_json(console: Console, data: Any) -> None:
    """JSON whose strings hold no raw DEL/C1 byte (escaped as \\u00XX, same value)."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    text = _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    console.print(JSONHighlighter()(Text(text)), soft_wrap=True)
