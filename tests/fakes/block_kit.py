"""Block Kit limits from shared/contracts/block-kit-limits.json, as a checker for fake Slack."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from tests.fakes.contracts import CONTRACTS

Surface = str  # "message" | "modal" | "home"


@cache
def limits() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (CONTRACTS / "block-kit-limits.json").read_text(encoding="utf-8")
    )
    return data


def _max(*path: str) -> int:
    node: Any = limits()
    for key in path:
        node = node[key]
    return int(node["max"])


def _text_problems(obj: Any, where: str, *, limit: int) -> Iterator[str]:
    if not isinstance(obj, dict) or obj.get("type") not in {"plain_text", "mrkdwn"}:
        yield f"{where}: not a text object"
        return
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        yield f"{where}: empty text"
    elif len(text) > min(limit, _max("composition", "text")):
        yield f"{where}: {len(text)} characters > {limit}"


def _option_problems(option: Any, where: str) -> Iterator[str]:
    yield from _text_problems(
        option.get("text"), f"{where}.text", limit=_max("composition", "option", "text")
    )
    value = option.get("value", "")
    # Node's types say 75, the Python SDK 150: the contract advises the stricter.
    if len(value) > 75:
        yield f"{where}.value: {len(value)} characters > 75"


def _element_problems(element: Any, where: str) -> Iterator[str]:
    kind = element.get("type")
    action_id = element.get("action_id", "")
    if len(action_id) > _max("identifiers", "action_id"):
        yield f"{where}.action_id too long"
    if "placeholder" in element:
        yield from _text_problems(
            element["placeholder"], f"{where}.placeholder", limit=_max("elements", "placeholder")
        )
    if kind == "button":
        yield from _text_problems(
            element.get("text"), f"{where}.text", limit=_max("elements", "button", "text")
        )
        if len(element.get("value", "")) > _max("elements", "button", "value"):
            yield f"{where}.value too long"
        if len(element.get("url", "")) > _max("elements", "button", "url"):
            yield f"{where}.url too long"
        if "style" in element and element["style"] not in {"primary", "danger"}:
            yield f"{where}.style {element['style']!r}"
    if kind in {"static_select", "multi_static_select", "overflow", "checkboxes", "radio_buttons"}:
        options = element.get("options", [])
        cap = _max("elements", kind, "options") if kind in limits()["elements"] else 100
        if not options and "option_groups" not in element:
            yield f"{where}: no options"
        if len(options) > cap:
            yield f"{where}: {len(options)} options > {cap}"
        for index, option in enumerate(options):
            yield from _option_problems(option, f"{where}.options[{index}]")
        if "initial_option" in element:
            yield from _option_problems(element["initial_option"], f"{where}.initial_option")


def block_problems(blocks: Any, *, surface: Surface) -> list[str]:
    """Every Block Kit limit `blocks` breaks on `surface` (empty when fine)."""
    if not isinstance(blocks, list):
        return ["blocks: not a list"]
    found: list[str] = []
    cap = _max("surfaces", surface, "maxBlocks")
    if len(blocks) > cap:
        found.append(f"{len(blocks)} blocks > {cap} on a {surface}")
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        where = f"blocks[{index}]({block.get('type')})"
        block_id = block.get("block_id")
        if block_id is not None:
            if block_id in seen:
                found.append(f"{where}: duplicate block_id {block_id!r}")
            seen.add(block_id)
            if len(block_id) > _max("identifiers", "block_id"):
                found.append(f"{where}: block_id too long")
        found.extend(_block(block, where))
    return found


def _block(block: dict[str, Any], where: str) -> Iterator[str]:
    kind = block.get("type")
    if kind == "section":
        if "text" not in block and "fields" not in block:
            yield f"{where}: neither text nor fields"
        if "text" in block:
            yield from _text_problems(
                block["text"], f"{where}.text", limit=_max("blocks", "section", "text")
            )
        fields = block.get("fields", [])
        if len(fields) > _max("blocks", "section", "fields"):
            yield f"{where}: too many fields"
        for index, field in enumerate(fields):
            yield from _text_problems(
                field, f"{where}.fields[{index}]", limit=_max("blocks", "section", "fieldText")
            )
        if "accessory" in block:
            yield from _element_problems(block["accessory"], f"{where}.accessory")
    elif kind == "header":
        yield from _text_problems(
            block.get("text"), f"{where}.text", limit=_max("blocks", "header", "text")
        )
    elif kind == "context":
        elements = block.get("elements", [])
        if not elements or len(elements) > _max("blocks", "context", "elements"):
            yield f"{where}: {len(elements)} elements"
        for index, element in enumerate(elements):
            if element.get("type") != "image":
                yield from _text_problems(element, f"{where}.elements[{index}]", limit=3000)
    elif kind == "actions":
        elements = block.get("elements", [])
        if not elements or len(elements) > _max("blocks", "actions", "elements"):
            yield f"{where}: {len(elements)} elements"
        action_ids = [e.get("action_id") for e in elements if e.get("action_id")]
        if len(action_ids) != len(set(action_ids)):
            yield f"{where}: duplicate action_id"
        for index, element in enumerate(elements):
            yield from _element_problems(element, f"{where}.elements[{index}]")
    elif kind == "input":
        yield from _text_problems(
            block.get("label"), f"{where}.label", limit=_max("blocks", "input", "label")
        )
        if "hint" in block:
            yield from _text_problems(
                block["hint"], f"{where}.hint", limit=_max("blocks", "input", "hint")
            )
        if "element" not in block:
            yield f"{where}: no element"
        else:
            yield from _element_problems(block["element"], f"{where}.element")
    elif kind != "divider":
        yield f"{where}: block type not used by Quickcal"


def view_problems(view: Any) -> list[str]:
    """Limits of a modal or home view, its blocks included."""
    if not isinstance(view, dict):
        return ["view: not an object"]
    surface = "home" if view.get("type") == "home" else "modal"
    found = block_problems(view.get("blocks", []), surface=surface)
    if surface == "modal":
        for key in ("title", "submit", "close"):
            if key in view:
                found.extend(
                    _text_problems(view[key], f"view.{key}", limit=_max("surfaces", "modal", key))
                )
        if "title" not in view:
            found.append("view.title missing")
        has_input = any(b.get("type") == "input" for b in view.get("blocks", []))
        if has_input and "submit" not in view:
            found.append("view.submit missing with input blocks")
    if len(view.get("private_metadata", "")) > _max("surfaces", surface, "private_metadata"):
        found.append("view.private_metadata too long")
    if len(view.get("callback_id", "")) > _max("surfaces", surface, "callback_id"):
        found.append("view.callback_id too long")
    return found
