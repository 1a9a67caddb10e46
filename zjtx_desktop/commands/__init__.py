"""The CLI's commands, one module each; each module has `register(subparsers)`."""

from zjtx_desktop.commands import evaluate, firms, maintenance, schema

COMMAND_MODULES = (evaluate, schema, firms, maintenance)
