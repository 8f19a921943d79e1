"""The published request contracts in shared/contracts, loaded as jsonschema validators."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker, validators
from jsonschema.protocols import Validator
from referencing import Registry, Resource

# CI clones the repository with shared/ beside it.
CONTRACTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "contracts"

GOOGLE_EVENT = "google-event-insert.schema.json"
GRAPH_EVENT = "msgraph-event-create.schema.json"
LINEWORKS_EVENT = "lineworks-event-create.schema.json"


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON document `name` (a file in shared/contracts)."""
    data: dict[str, Any] = json.loads((CONTRACTS / name).read_text(encoding="utf-8"))
    return data


@cache
def validator(name: str, *, pointer: str = "") -> Validator:
    """A validator of the draft the schema names in `$schema`, checking formats.

    `pointer` ("$defs/CreateEventResponse") validates against a sub-schema while
    keeping the document's `$ref`s resolvable.
    """
    document = schema(name)
    cls = validators.validator_for(document)
    cls.check_schema(document)
    if not pointer:
        return cls(document, format_checker=FormatChecker())  # type: ignore[no-any-return]
    registry: Registry[Any] = Registry().with_resource(
        document["$id"], Resource.from_contents(document)
    )
    target = {"$ref": f"{document['$id']}#/{pointer}"}
    return cls(  # type: ignore[no-any-return]
        target, registry=registry, format_checker=FormatChecker()
    )


def problems(name: str, body: Any, *, pointer: str = "") -> list[str]:
    """Every way `body` breaks the contract, as readable lines (empty when it conforms)."""
    found = validator(name, pointer=pointer).iter_errors(body)
    return sorted(f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in found)
