"""Reading user-supplied text files safely: one clear error per problem."""

from __future__ import annotations

import re
from pathlib import Path

from medialit.errors import MediaLitError

UTF8_BOM = "\ufeff"
_BINARY_SAMPLE_BYTES = 8192
# Control characters (C0, DEL, C1), line/paragraph separators and bidi overrides: never printed as they are.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def cut(text: str, limit: int) -> str:
    """Return ``text``, cut to ``limit`` characters with a note of how much was left out."""
    if len(text) <= limit:
        return text
    note = f" [... {len(text) - limit} more characters cut]"
    return text[: max(0, limit - len(note))] + note


def terminal_safe(text: object, limit: int = 160) -> str:
    """Return ``text`` fit to print: control characters (ANSI escapes, CR, bidi overrides) escaped, cut to ``limit``."""
    shown = CONTROL_CHARACTERS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), str(text))
    return cut(shown, limit)


def describe(path: Path | str) -> str:
    """Return the path as it should appear in a message to the user."""
    return str(path)


def read_bytes(path: Path | str) -> bytes:
    """Return the raw bytes of ``path``.

    Raises:
        MediaLitError: the path does not exist, is a folder, or cannot be read.
    """
    path = Path(path)
    if not path.exists():
        raise MediaLitError(f"{describe(path)}: file not found; check the name and the folder you are in")
    if path.is_dir():
        raise MediaLitError(f"{describe(path)}: is a folder, not a text file; give the path of a .txt file inside it")
    try:
        return path.read_bytes()
    except OSError as error:
        raise MediaLitError(f"{describe(path)}: cannot be read ({error.strerror}); check its permissions") from None


def decode_text(data: bytes, path: Path | str) -> str:
    """Return ``data`` decoded as text with any BOM removed and newlines normalised to ``\\n``.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM are decoded. Anything else
    is refused with advice on re-saving the file as UTF-8.

    Raises:
        MediaLitError: the bytes look binary or are not UTF-8.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise MediaLitError(
                f"{describe(path)}: starts like UTF-16 but is damaged; re-save it as 'UTF-8' text"
            ) from None
    else:
        if b"\x00" in data[:_BINARY_SAMPLE_BYTES]:
            raise MediaLitError(
                f"{describe(path)}: looks like a binary file, not text; save the article as plain text (.txt, UTF-8)"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise MediaLitError(
                f"{describe(path)}: is not UTF-8 text (bad byte at position {error.start}); "
                "re-save it as 'UTF-8' in your editor (Save As > Encoding: UTF-8)"
            ) from None
    text = text.removeprefix(UTF8_BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path | str) -> str:
    """Return the decoded, newline-normalised text of the file at ``path``.

    Raises:
        MediaLitError: missing file, folder, unreadable, binary, or not UTF-8.
    """
    return decode_text(read_bytes(path), path)
