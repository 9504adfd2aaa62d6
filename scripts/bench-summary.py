#!/usr/bin/env python3
"""Summarises package-benchmark markdown output (scripts/bench-micro.sh) as one table per operation.

Each benchmark name says how much work one iteration does ("×1000" = 1000 frames or messages; sizes in
B/KiB/MiB); this turns the p50 figures per iteration into time and allocations per operation and bytes per
second.
"""
import re
import sys

UNITS = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}
SCALE = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}


def size_of(name):
    match = re.search(r"(\d+) (B|KiB|MiB)", name)
    if not match:
        return None
    return int(match.group(1)) * {"B": 1, "KiB": 1024, "MiB": 1024 * 1024}[match.group(2)]


def parse(text):
    results, current = {}, None
    for line in text.splitlines():
        if line.startswith("### "):
            current = line[4:].strip()
            results[current] = {}
            continue
        if current is None or not line.startswith("| ") or line.startswith("| Metric") or ":--" in line:
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        label, p50 = cells[0], cells[3]
        try:
            value = float(p50)
        except ValueError:
            continue
        scale_match = re.search(r"\((K|M|G)\)", label)
        scale = SCALE[scale_match.group(1)] if scale_match else 1
        if label.startswith("Time (wall clock)"):
            unit = re.search(r"\((ns|us|μs|ms|s)\)", label)
            results[current]["seconds"] = value * scale * UNITS[unit.group(1) if unit else "ns"]
        elif label.startswith("Throughput"):
            results[current]["per_second"] = value * scale
        elif label.startswith("Malloc (bytes total)"):
            results[current]["malloc_bytes"] = value * scale
        elif label.startswith("Malloc (total)"):
            results[current]["mallocs"] = value * scale
    return results


def human_time(seconds):
    for unit, factor in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= factor:
            return f"{seconds / factor:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def main():
    results = parse(open(sys.argv[1], encoding="utf-8").read())
    print("\n## Summary (p50)\n")
    print("| Benchmark | Time / iteration | Ops / iteration | Time / op | Throughput | Mallocs / op | Bytes malloc'd / op |")
    print("|:--|--:|--:|--:|--:|--:|--:|")
    for name, figures in results.items():
        seconds = figures.get("seconds")
        if seconds is None:
            continue
        ops_match = re.search(r"×(\d+)", name)
        ops = int(ops_match.group(1)) if ops_match else 1
        size = size_of(name)
        throughput = "–"
        if size is not None:
            rate = size * ops / seconds
            throughput = f"{rate / 1e9:.2f} GB/s" if rate >= 1e9 else f"{rate / 1e6:.0f} MB/s"
        mallocs = figures.get("mallocs")
        mallocs_text = "–" if mallocs is None else f"{mallocs / ops:.3g}"
        malloc_bytes = figures.get("malloc_bytes")
        bytes_text = "–" if malloc_bytes is None else f"{malloc_bytes / ops:.4g}"
        print(
            f"| {name} | {human_time(seconds)} | {ops} | {human_time(seconds / ops)} | {throughput} "
            f"| {mallocs_text} | {bytes_text} |"
        )


if __name__ == "__main__":
    main()
