#!/usr/bin/env python3
"""Writes specs/reference/*.yaml from shared/reference/counts.json.

The generated YAML is committed; rerun this after counts.json changes:
    python3 specs/tools/gen-reference-specs.py [path/to/counts.json]
ReferenceSpecsTest fails when the committed files drift from counts.json.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SPECS = HERE.parent
DEFAULT_COUNTS = SPECS.parent.parent / "shared" / "reference" / "counts.json"

SCENARIOS = {
    "s1": "the mailing-list scenario: node 1 has one CPU and one memory block, both removable",
    "s2": "s1 plus a possible node 2 with no memory and a CPU that is only hot-added later",
    "s3": "s1 with two removable memory blocks on node 1",
}


def component(c):
    return "{home: %d, boot: %s, hotplug: %s}" % (
        c["home"], str(c["boot"]).lower(), str(c["hotplug"]).lower())


def spec(case):
    t = case["topology"]
    scenario = case["name"].split("-")[0]
    lines = [
        "# Reference scenario %s: %s." % (scenario, SCENARIOS[scenario]),
        "# Reference counts: %d states, %d transitions (checked by ReferenceSpecsTest)."
        % (case["states"], case["transitions"]),
        "# Generated from shared/reference/counts.json by specs/tools/gen-reference-specs.py;",
        "# edit the script, not this file.",
        "name: %s" % case["name"],
        "arch: %s" % t["arch"],
        "kernel: %s" % t["kernel"],
        "nodes: %d" % t["nodes"],
    ]
    if "distance" in t:
        lines.append("distance:")
        lines += ["  - [%s]" % ", ".join(str(d) for d in row) for row in t["distance"]]
    lines.append("cpus:")
    lines += ["  - " + component(c) for c in t["cpus"]]
    if t.get("memory"):
        lines.append("memory:")
        lines += ["  - " + component(m) for m in t["memory"]]
    if t.get("faults"):
        lines.append("faults: [%s]" % ", ".join(t["faults"]))
    lines.append("expect:")
    lines += ["  %s: %s" % (p, v) for p, v in case["verdicts"].items()]
    return "\n".join(lines) + "\n"


def main():
    counts = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNTS
    out = SPECS / "reference"
    out.mkdir(exist_ok=True)
    for case in json.loads(counts.read_text()):
        (out / (case["name"] + ".yaml")).write_text(spec(case))
    print("wrote %d specs to %s" % (len(json.loads(counts.read_text())), out))


if __name__ == "__main__":
    main()
