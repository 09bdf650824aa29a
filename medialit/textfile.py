"""Reading user-supplied text files safely: one clear error per problem."""

from __future__ import annotations

from pathlib import Path

from medialit.errors import MediaLitError

UTF8_BOM = "\ufeff"
_BINARY_SAMPLE_BYTES = 8192


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
