"""The profile's JSON Schema, derived from forms/questions/ so it never drifts from the wizard."""

from __future__ import annotations

from typing import Any

from zjtx_desktop.core.questions import Field, Questions, default_questions

NUMBER_AS_STRING = {"type": ["number", "string"], "pattern": r"^-?[\d,]+(\.\d{1,2})?$"}


def _field_schema(spec: Field) -> dict[str, Any]:
    base: dict[str, Any] = {"title": spec.label}
    if spec.help:
        base["description"] = spec.help
    kind = spec.type
    if kind == "table":
        columns = {c.key: _field_schema(c) for c in spec.columns}
        required = [c.key for c in spec.columns if c.required]
        item = {"type": "object", "properties": columns, "required": required, "additionalProperties": False}
        return {**base, "type": "array", "items": item}
    if kind == "choice":
        return {**base, "enum": [o.value for o in spec.options],
                "x-labels": {str(o.value): o.label for o in spec.options}}
    if kind == "bool":
        return {**base, "type": "boolean"}
    if kind == "integer":
        schema = {**base, "type": "integer"}
        if spec.min is not None:
            schema["minimum"] = spec.min
        return schema
    if kind == "money":
        return {**base, **NUMBER_AS_STRING, "x-unit": "元"}
    if kind == "percent":
        return {**base, "type": ["number", "string"], "x-unit": "%", "description": base.get("description", "百分数")}
    if kind == "date":
        return {**base, "type": "string", "format": "date"}
    schema = {**base, "type": "string"}
    if spec.max_length:
        schema["maxLength"] = spec.max_length
    if kind == "uscc":
        schema["pattern"] = "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"
    return schema


def profile_schema(questions: Questions | None = None) -> dict[str, Any]:
    questions = questions or default_questions()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "专精特新政策申报助手 企业信息",
        "type": "object",
        "additionalProperties": False,
        "properties": {f.key: {**_field_schema(f), "x-page": f.page} for f in questions.fields},
    }
