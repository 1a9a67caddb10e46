"""YAML from files an administrator hands us (policy packs, their cases): data only, bounded.

Safe construction alone is not enough: anchors and aliases let a 1 KB file stand for gigabytes once
anything walks it (the "billion laughs"), and a deep or huge document costs memory and time. The event
stream is read first, which expands nothing: any alias, or more events than a policy could need, is
refused before a single object is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from zjtx_desktop.core.questions import SAFE_LOADER

MAX_YAML_BYTES = 2 * 1024 * 1024  # the bundled policy is about 24 KB
MAX_EVENTS = 2**18


class YamlRefused(ValueError):
    """The text is not data we accept; str() says why in Chinese."""


def read_yaml(path: Path) -> Any:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise YamlRefused(f"文件有 {size // 1024} KB，超过上限 {MAX_YAML_BYTES // 1024} KB")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise YamlRefused("不是UTF-8编码的文本文件") from None
    except OSError as error:
        raise YamlRefused(f"无法读取（{error.strerror}）") from None
    return load_yaml(text)


def load_yaml(text: str) -> Any:
    """The document, built only after its events show no alias and a bounded size."""
    try:
        for count, event in enumerate(yaml.parse(text, Loader=SAFE_LOADER), start=1):
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(f"第{event.start_mark.line + 1}行使用了别名（*{event.anchor}），政策数据中不允许使用锚点和别名")
            if count > MAX_EVENTS:
                raise YamlRefused(f"内容过多（超过 {MAX_EVENTS} 个节点）")
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise YamlRefused(f"不是有效的YAML文件（{error}）") from None
    except (ValueError, RecursionError, OverflowError) as error:
        if isinstance(error, YamlRefused):
            raise
        raise YamlRefused(f"内容无法读取（{type(error).__name__}：{error}）") from None
