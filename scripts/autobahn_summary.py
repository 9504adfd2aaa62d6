#!/usr/bin/env python3
"""Summarise an Autobahn|Testsuite index.json; exit 1 unless every case passed.

A case passes when its behaviour is OK, NON-STRICT or INFORMATIONAL and its close behaviour is OK or
INFORMATIONAL. Prints one line of counts and every case that did not pass.
"""
import collections
import json
import sys

PASSING = {"OK", "NON-STRICT", "INFORMATIONAL"}
PASSING_CLOSE = {"OK", "INFORMATIONAL"}


def case_key(case_id):
    return [int(part) for part in case_id.split(".")]


def main():
    path, label = sys.argv[1], sys.argv[2]
    try:
        with open(path) as handle:
            index = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"autobahn[{label}]: no usable report at {path}: {error}")
        return 1
    if not index:
        print(f"autobahn[{label}]: the report lists no agent")
        return 1
    failed = False
    for agent, cases in index.items():
        counts = collections.Counter(result["behavior"] for result in cases.values())
        bad = []
        for case_id in sorted(cases, key=case_key):
            result = cases[case_id]
            if result["behavior"] not in PASSING or result["behaviorClose"] not in PASSING_CLOSE:
                bad.append(f"{case_id}: {result['behavior']} (close: {result['behaviorClose']})")
        summary = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        print(f"autobahn[{label}] {agent}: {len(cases)} cases: {summary}")
        for line in bad:
            print(f"  not passed: {line}")
        failed = failed or bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
