"""Checks vtlint JSON reports of shards against the full run: the shards'
files are disjoint, their union is every file, and findings add up."""
import json
import sys

full = json.load(open(sys.argv[1]))
shards = [json.load(open(path)) for path in sys.argv[2:]]
all_files = [f["file"] for f in full["files"]]
shard_files = [[f["file"] for f in s["files"]] for s in shards]
seen = [f for files in shard_files for f in files]
if len(seen) != len(set(seen)):
    sys.exit(f"shards overlap: {seen}")
if sorted(seen) != sorted(all_files):
    sys.exit(f"union {sorted(seen)} != all {sorted(all_files)}")
findings = sum(len(s["findings"]) for s in shards)
if findings != len(full["findings"]):
    sys.exit(f"findings {findings} != {len(full['findings'])}")
sizes = "+".join(str(len(files)) for files in shard_files)
print(f"shards: {sizes} files, disjoint, union = all {len(all_files)} files, "
      f"findings {findings} = {len(full['findings'])}")
