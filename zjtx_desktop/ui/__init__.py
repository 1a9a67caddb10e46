"""The desktop application: the only package that imports PySide6; it calls core, store and packets.

Importing this package first applies `binding_guard`, before any widget is made.
"""

from zjtx_desktop.ui.binding_guard import keep_singletons_alive

keep_singletons_alive()
