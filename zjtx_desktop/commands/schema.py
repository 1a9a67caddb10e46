"""`zjtx-desktop schema`: the profile's JSON Schema, derived from forms/questions/."""

import json

from zjtx_desktop.core.schema import profile_schema


def register(subparsers) -> None:
    parser = subparsers.add_parser("schema", help="输出企业信息JSON文件的结构定义（JSON Schema）")
    parser.set_defaults(run=run)


def run(args) -> int:
    print(json.dumps(profile_schema(), ensure_ascii=False, indent=2))
    return 0
