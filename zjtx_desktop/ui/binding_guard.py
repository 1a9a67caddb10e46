"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 returns None from every void call (setText, setEnabled, processEvents…) and True from
Signal.emit without taking a reference, as is correct only on Python 3.12+, where these singletons are
immortal. On 3.11 each call costs one reference; after a few thousand calls None's count reaches zero
and the interpreter aborts ("deallocating None"), losing the user's window (never saved data).
Giving the three singletons the huge count 3.12 gives them makes them immortal in practice here too.
They are statically allocated and never freed, so the count only has to stay above zero.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40  # a trillion leaked calls before this matters


def keep_singletons_alive() -> bool:
    """True when the counts were raised (Python < 3.12), False when the interpreter already does it."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value = IMMORTAL
    return True
