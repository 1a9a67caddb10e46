"""The CLI's commands, one module each; each module has `register(subparsers)`."""

from zjtx_desktop.commands import evaluate, schema

COMMAND_MODULES = (evaluate, schema)
