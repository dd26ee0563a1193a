"""The JSON Schema of the screen protocol, generated from the models in core/protocol.py, and its section
of docs/protocol.md.

    python -m core.protocol_schema           rewrite the generated section of docs/protocol.md
    python -m core.protocol_schema --check   exit 1 if that section is stale
    python -m core.protocol_schema --print   print the schema
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import CoreSchema

from . import protocol

DOC = Path(__file__).resolve().parent.parent / "docs" / "protocol.md"
BEGIN = "<!-- BEGIN GENERATED SCHEMA -->"
END = "<!-- END GENERATED SCHEMA -->"
HEADING = "## Schema (generated)"
WIDTH = 110


class _WithoutFieldTitles(GenerateJsonSchema):
    # A field's title only repeats its name.
    def field_title_should_be_set(self, schema: CoreSchema) -> bool:
        return False


def protocol_schema() -> dict[str, Any]:
    """Both directions in one document: the frames and every shape they use, under $defs."""
    frames, definitions = TypeAdapter.json_schemas(
        [("ClientFrame", "validation", protocol.CLIENT_FRAME), ("ServerFrame", "validation", protocol.SERVER_FRAME)],
        schema_generator=_WithoutFieldTitles,
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Screen protocol, version {max(protocol.PROTOCOL_VERSIONS)}",
        "description": "A frame a client sends is #/$defs/ClientFrame, one the server sends #/$defs/ServerFrame.",
        "$defs": {name: schema for (name, _), schema in frames.items()} | definitions["$defs"],
    }


def rendered() -> str:
    return _json(protocol_schema()) + "\n"


def _json(value: Any, indent: int = 0, key: str = "") -> str:
    """Indented JSON that keeps what fits in a line of WIDTH on one line, so the doc stays readable."""
    line = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or indent + len(key) + len(line) <= WIDTH:
        return line
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {_json(v, indent + 2, json.dumps(k) + ': ')}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [inner + _json(v, indent + 2) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def with_schema(doc: str) -> str:
    """The doc with its generated section made current; a doc without one gets it appended."""
    section = f"{BEGIN}\n```json\n{rendered()}```\n{END}"
    if BEGIN not in doc or END not in doc:
        intro = "Generated from `core/protocol.py` by `python -m core.protocol_schema`; do not edit it here."
        return f"{doc.rstrip()}\n\n{HEADING}\n\n{intro}\n\n{section}\n"
    before, rest = doc.split(BEGIN, 1)
    return before + section + rest.split(END, 1)[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m core.protocol_schema", description=f"Rewrite the generated schema section of {DOC.name}."
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help=f"exit 1 if {DOC.name} is stale")
    action.add_argument("--print", action="store_true", help="print the schema; change no file")
    arguments = parser.parse_args(argv)
    if arguments.print:
        sys.stdout.write(rendered())
        return 0
    doc = DOC.read_text(encoding="utf-8")
    current = with_schema(doc)
    if arguments.check:
        if current != doc:
            print(f"{DOC} is stale: run python -m core.protocol_schema", file=sys.stderr)
            return 1
        return 0
    if current != doc:
        DOC.write_text(current, encoding="utf-8")
        print(f"{DOC} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
