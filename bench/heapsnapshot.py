"""V8 heap snapshots through the DevTools protocol, summarised by constructor and compared.

A snapshot (`HeapProfiler.takeHeapSnapshot`) is a flat JSON graph; what answers "what grows" is
the count and the self size of the objects of each constructor, and their difference between two
moments. Strings, compiled code and V8's internal objects are grouped by kind, not by content.
"""

import json
from collections import Counter

# Node kinds whose name says what the object is (a constructor, a function, a DOM class);
# for the others the name is content (a string's text, a code object's source position).
NAMED_KINDS = {"object", "closure", "native", "regexp"}


def take(cdp) -> dict:
    """A full heap snapshot of the page the CDP session is attached to (it collects garbage first)."""
    chunks = []

    def collect(params):
        chunks.append(params["chunk"])

    cdp.on("HeapProfiler.addHeapSnapshotChunk", collect)
    cdp.send("HeapProfiler.takeHeapSnapshot", {"reportProgress": False})
    cdp.remove_listener("HeapProfiler.addHeapSnapshotChunk", collect)
    return json.loads("".join(chunks))


def summarise(snapshot: dict) -> dict[str, tuple[int, int]]:
    """{group: (objects, bytes)}; a group is "kind:constructor" for objects and functions, else "(kind)"."""
    meta = snapshot["snapshot"]["meta"]
    fields = meta["node_fields"]
    kinds = meta["node_types"][0]
    strings = snapshot["strings"]
    nodes = snapshot["nodes"]
    width = len(fields)
    at_kind, at_name, at_size = fields.index("type"), fields.index("name"), fields.index("self_size")
    counts, sizes = Counter(), Counter()
    for start in range(0, len(nodes), width):
        kind = kinds[nodes[start + at_kind]]
        group = f"{kind}:{strings[nodes[start + at_name]]}" if kind in NAMED_KINDS else f"({kind})"
        counts[group] += 1
        sizes[group] += nodes[start + at_size]
    return {group: (counts[group], sizes[group]) for group in counts}


def growth(before: dict, after: dict, top: int = 15) -> list[tuple[str, int, int, int]]:
    """The groups that grew most in bytes: [(group, objects before, objects after, bytes gained)]."""
    rows = []
    for group in before.keys() | after.keys():
        count0, size0 = before.get(group, (0, 0))
        count1, size1 = after.get(group, (0, 0))
        if size1 != size0 or count1 != count0:
            rows.append((group, count0, count1, size1 - size0))
    rows.sort(key=lambda row: -row[3])
    return rows[:top]


def total_bytes(summary: dict) -> int:
    return sum(size for _, size in summary.values())
