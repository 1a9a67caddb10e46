"""`python -m zjtx_desktop` and the PyInstaller entry point: the same CLI, no command opens the app."""

import sys

from zjtx_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
