"""`zjtx-desktop`: the command line beside the application, driving the same core.

With no command it opens the application. Every command reports bad input in Chinese with exit
code 2 and never shows a traceback. An automatic backup that failed (the data itself committed) is a
warning on stderr after the command's own output; the exit code stays the command's own.
"""

from __future__ import annotations

import argparse
import io
import os
import sqlite3
import sys

from zjtx_desktop import __version__

READER_GONE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head`


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse's own errors are English; say in Chinese what was wrong and where to look."""

    def error(self, message: str):
        self.exit(2, f"错误：命令行参数有误（{message}）。请用 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    from zjtx_desktop.commands import COMMAND_MODULES  # the commands load core, store and reportlab

    parser = ChineseArgumentParser(
        prog="zjtx-desktop",
        description="专精特新政策申报助手：评估厦府办规〔2024〕11号15条措施并生成申请材料。不带命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    if not argv or argv[0].startswith("--") and argv[0] not in ("--help", "--version"):
        return open_application(argv)  # before the commands are imported: the window shows sooner
    from zjtx_desktop.commands.common import UserError, print_backup_warnings
    from zjtx_desktop.store.errors import StoreError, explained

    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
            if args.command is None:
                parser.print_help()
                return 0
            return args.run(args)
        finally:
            sys.stdout.flush()  # here, not at exit, so a reader that left is seen below
    except BrokenPipeError:
        return reader_gone()
    except (UserError, StoreError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as error:  # a read outside the store's own translation (a USB stick pulled out)
        if isinstance(error, sqlite3.ProgrammingError):
            raise
        from zjtx_desktop.store.locations import default_data_dir

        print(f"错误：{explained(error, getattr(args, 'data_dir', None) or default_data_dir())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:  # a failed automatic backup is a warning after the command's own result: never instead of it
        print_backup_warnings()


def reader_gone() -> int:
    """The reader of stdout stopped early (`| head`): end quietly as Unix tools do, with the status a
    shell shows for them (128 + SIGPIPE), and point stdout at the null device so that Python's own
    flush at exit does not report the broken pipe again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # stdout without a file descriptor (tests)
        pass
    return READER_GONE


def open_application(argv: list[str]) -> int:
    """No command: the desktop application (its own options, e.g. --demo, follow)."""
    try:
        from zjtx_desktop.ui.app import run_application
    except ImportError:
        print("图形界面尚未安装或不可用，请使用命令行，如：zjtx-desktop evaluate 企业.json", file=sys.stderr)
        return 2
    return run_application(argv)


if __name__ == "__main__":
    sys.exit(main())
