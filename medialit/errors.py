"""The one exception type the kit raises for problems a user can fix."""

from __future__ import annotations


class MediaLitError(Exception):
    """A problem with a file or value that the user can fix.

    The message is one line that names the file (and line or row where known),
    says what is wrong and how to fix it. The command line prints exactly this
    message, without a traceback.
    """
