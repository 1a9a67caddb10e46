"""The desktop application: the only package that imports PySide6; it calls core, store and packets."""
