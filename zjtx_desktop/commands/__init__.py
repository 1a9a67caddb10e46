"""The CLI's commands, one module each; each module has `register(subparsers)`."""

from zjtx_desktop.commands import (
    assess,
    criteria,
    evaluate,
    firms,
    history,
    lpr,
    maintenance,
    packets,
    policy,
    schema,
    self_check,
)

COMMAND_MODULES = (evaluate, assess, packets, schema, firms, maintenance, history, lpr, policy, criteria, self_check)
