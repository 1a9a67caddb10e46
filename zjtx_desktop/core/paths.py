"""Where the data files live: next to the package in a checkout, under sys._MEIPASS in a bundle."""

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds `resources/`, `forms/` and `examples/`.

    A PyInstaller bundle unpacks them under `sys._MEIPASS`; a checkout keeps them beside the package.
    """
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def examples_dir() -> Path:
    """The example firms: the demo database and the self-check are built from them."""
    return app_root() / "examples"


def forms_dir() -> Path:
    return app_root() / "forms"


def policies_dir() -> Path:
    return resources_dir() / "policies"


def rates_dir() -> Path:
    return resources_dir() / "rates"
