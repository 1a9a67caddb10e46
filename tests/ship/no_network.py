"""Importing this module forbids the network for the rest of the process.

An audit hook (PEP 578) sees every socket the Python process creates, connects or resolves, wherever
it comes from, and turns it into an error, so a single network call anywhere fails the run.
"""

import sys

FORBIDDEN = ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request")


def refuse_network(event: str, args) -> None:
    if event in FORBIDDEN:
        raise RuntimeError(f"network use attempted: {event} {args!r}")


sys.addaudithook(refuse_network)
