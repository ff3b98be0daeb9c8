"""Files to articles: .txt, .jsonl, .parquet, .html/.htm, folders and glob patterns.

Each problem with an input becomes an ``IntakeError`` naming the file (and line or
row); readers never raise for bad input, so the rest of a batch goes on. An article
kept with a change or an unknown value (an unreadable date, replaced characters) is
preceded by an ``IntakeWarning``. JSONL lines and Parquet rows share one field mapping
(``_from_record``).

Characters no store can hold (lone surrogates such as a JSON ``"\\ud800"``, and NUL)
become U+FFFD, one code point for one, so every character offset keeps its meaning.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from newsgraph.intake import jsonl
from newsgraph.intake.decoding import decode
from newsgraph.model import Article

SUFFIXES = {".txt", ".jsonl", ".parquet", ".html", ".htm"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_HTML_WORDS = 8
RECORD_FIELDS = ("id", "text", "title", "url", "source", "published", "author")
PARQUET_BATCH = 256  # rows per record batch: a huge file is never loaded at once
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass
class IntakeError:
    origin: str  # "path" or "path:line"
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass
class IntakeWarning:
    """The article that follows is kept, changed or with an unknown value."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


Item = Article | IntakeError | IntakeWarning
REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")  # lone surrogates (no pair in a str) and NUL


def storable(value: str) -> tuple[str, int]:
    """``value`` with lone surrogates and NUL replaced by U+FFFD (one code point for one,
    so offsets do not move), and how many were replaced."""
    return _UNSTORABLE.subn(REPLACEMENT, value)


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | IntakeError]:
    """Files named directly, every readable file inside named folders, and the files
    matching glob patterns (``data/*.jsonl``, ``more/**/*.parquet``), each sorted."""
    for raw in inputs:
        path = Path(raw)
        if not path.exists() and _GLOB_MAGIC.search(str(raw)):
            yield from _expand_glob(str(raw))
        elif path.is_dir():
            yield from _folder_files(path)
        elif path.exists():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield IntakeError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
        else:
            yield IntakeError(str(path), "no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path]:
    for child in sorted(p for p in folder.rglob("*") if p.is_file()):
        if child.suffix.lower() in SUFFIXES:
            yield child


def _expand_glob(pattern: str) -> Iterator[Path | IntakeError]:
    """A pattern's matches; files of other types are skipped as inside a folder."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield IntakeError(pattern, "no file matches this pattern")
        return
    found = False
    for match in map(Path, matches):
        if match.is_dir():
            for child in _folder_files(match):
                found = True
                yield child
        elif match.suffix.lower() in SUFFIXES:
            found = True
            yield match
    if not found:
        kinds = ", ".join(sorted(SUFFIXES))
        yield IntakeError(pattern, f"the pattern matches no readable file ({kinds})")


def read_inputs(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles from files and folders, in a stable order, with errors in line."""
    for item in expand_inputs(inputs):
        if isinstance(item, IntakeError):
            yield item
            continue
        reader = read_file(item, max_bytes)
        try:
            yield from reader
        except Exception as exc:  # a reader bug must cost one file, never the batch
            yield IntakeError(str(item), f"cannot read further: {type(exc).__name__}: {exc}")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    origin = str(path)
    if path.suffix.lower() == ".parquet":  # read in batches: ``max_bytes`` limits each text
        yield from _read_parquet(path, max_bytes)
        return
    if path.suffix.lower() == ".jsonl":  # streamed: one bad line costs that line only
        yield from _read_jsonl(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IntakeError(origin, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IntakeError(origin, f"cannot read file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield IntakeError(origin, "empty file")
        return
    suffix = path.suffix.lower()
    text = decode(data)
    if text is None:
        yield IntakeError(origin, "binary or undecodable file, not text")
        return
    if not text.strip():  # e.g. only a byte-order mark
        yield IntakeError(origin, "empty file")
        return
    if suffix in (".html", ".htm"):
        yield from _read_html(path, text)
    else:
        yield from _checked(Article(id=path.stem, text=text, origin=origin))


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    """A JSON Lines file, streamed: ``max_bytes`` limits each line (an article), not the file."""
    content = False
    try:
        for lineno, line in jsonl.lines(path, max_bytes):
            content = content or line is None or bool(line.strip())
            yield from _jsonl_item(path, lineno, line, max_bytes)
        if not content:
            yield IntakeError(str(path), "empty file")
    except jsonl.TooBig as exc:  # not UTF-8 and read whole: the file's limit
        yield IntakeError(str(path), str(exc))
    except OSError as exc:
        yield IntakeError(str(path), f"cannot read file: {exc.strerror or exc}")


def _jsonl_item(path: Path, lineno: int, line: str | None, max_bytes: int) -> Iterator[Item]:
    origin = f"{path}:{lineno}"
    if line is jsonl.OVERSIZE:
        yield IntakeError(origin, f"line is over the {max_bytes:,}-byte limit")
    elif line is None:
        yield IntakeError(origin, "not valid UTF-8")
    elif line.strip():
        try:
            yield from _jsonl_line(line, origin, f"{path.stem}-{lineno}")
        except Exception as exc:  # one odd line must not end the file
            yield IntakeError(origin, f"cannot read: {type(exc).__name__}: {exc}")


def _jsonl_line(line: str, origin: str, fallback_id: str) -> Iterator[Item]:
    if line.lstrip().startswith("["):  # an array is never an article: not decoded (depth)
        yield IntakeError(origin, "not a JSON object")
        return
    try:
        record = json.loads(line)
    except RecursionError:
        yield IntakeError(origin, "not read: JSON nested too deeply")
        return
    except ValueError as exc:  # JSONDecodeError, or an integer of too many digits
        yield IntakeError(origin, f"not valid JSON ({getattr(exc, 'msg', exc)})")
        return
    if not isinstance(record, dict):
        yield IntakeError(origin, "not a JSON object")
        return
    yield from _from_record(record, origin, fallback_id)


def _read_parquet(path: Path, max_bytes: int) -> Iterator[Item]:
    """Rows of a Parquet file, batch by batch; a row is named ``path:N`` (N from 1)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield IntakeError(str(path), f"cannot read Parquet file ({exc})")
        return
    with parquet:
        names = set(parquet.schema_arrow.names)
        if "text" not in names:
            yield IntakeError(str(path), 'no "text" column with article text')
            return
        columns = [name for name in RECORD_FIELDS if name in names]
        row = 0
        try:
            for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
                for record in batch.to_pylist():
                    row += 1
                    yield from _parquet_row(record, f"{path}:{row}", f"{path.stem}-{row}",
                                            max_bytes)  # fmt: skip
        except (OSError, pa.ArrowException) as exc:  # a damaged row group: the rest is lost
            yield IntakeError(f"{path}:{row + 1}", f"cannot read Parquet rows from here ({exc})")


def _parquet_row(
    record: dict[str, object], origin: str, fallback_id: str, max_bytes: int
) -> Iterator[Item]:
    try:
        body = record.get("text")
        if isinstance(body, str) and len(body.encode("utf-8", "replace")) > max_bytes:
            yield IntakeError(origin, f"article text is over the {max_bytes:,}-byte limit")
            return
        yield from _from_record(record, origin, fallback_id)
    except Exception as exc:  # one odd row must not end the file
        yield IntakeError(origin, f"cannot read: {type(exc).__name__}: {exc}")


def _from_record(record: dict[str, object], origin: str, fallback_id: str) -> Iterator[Item]:
    """One JSONL object or Parquet row as an article (the one field mapping of both)."""
    body = record.get("text")
    if body is None or (isinstance(body, str) and not body.strip()):
        yield IntakeError(origin, 'no "text" field with article text')
        return
    if not isinstance(body, str):
        yield IntakeError(origin, f'"text" is {_kind(body)}, not a string of article text')
        return
    published = record.get("published")
    iso = normalise_date(published) if published else None
    if published and iso is None:
        shown = published if isinstance(published, str) else type(published).__name__
        yield IntakeWarning(origin, f"unreadable published date {shown!r:.80}; kept as unknown")
    article = Article(
        id=str(record.get("id") or fallback_id),
        text=body,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        source=_str_or_none(record.get("source")),
        published=iso,
        author=_str_or_none(record.get("author")),
        origin=origin,
    )
    yield from _checked(article)


def _kind(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), f"a {type(value).__name__}")


def _checked(article: Article) -> Iterator[Item]:
    """``article`` made storable (see ``storable``) with a warning for what changed, or an
    error when its text holds no letter or digit at all."""
    replaced = 0
    for name in ("id", "text", "title", "url", "source", "author"):
        value = getattr(article, name)
        if isinstance(value, str):
            value, n = storable(value)
            setattr(article, name, value)
            replaced += n
    if not any(ch.isalnum() for ch in article.text):
        yield IntakeError(article.origin, "no readable text (no letter or digit)")
        return
    if replaced:
        yield IntakeWarning(
            article.origin,
            f"{replaced} unstorable character(s) (lone surrogate or NUL) replaced by U+FFFD",
        )
    yield article


def _read_html(path: Path, html: str) -> Iterator[Item]:
    import trafilatura

    origin = str(path)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        yield IntakeError(origin, f"cannot parse HTML ({type(exc).__name__})")
        return
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or len(body.split()) < MIN_HTML_WORDS:  # menus and boilerplate only
        yield IntakeError(origin, "no article text found in the HTML")
        return
    published = getattr(doc, "date", None)
    yield from _checked(
        Article(
            id=path.stem,
            text=body,
            title=getattr(doc, "title", None),
            url=getattr(doc, "url", None),
            source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
            published=normalise_date(published) if published else None,
            author=getattr(doc, "author", None),
            origin=origin,
        )
    )


_ISO_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO date or datetime string (or a Parquet
    date/timestamp value), else None."""
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    m = _ISO_PREFIX.match(value)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
