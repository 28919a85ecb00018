#!/usr/bin/env bash
# Kill-and-resume test for `atl batch` with the release binary: a big SYNTHETIC cohort is run once without
# interruption, then again killed with SIGKILL after about a second and resumed with --resume; the two outputs
# (records and summary) must be byte-identical. Run from .ci/run after `swift build -c release --product atl`.
#   N=20000 KILL_AFTER=1 tests/kill-resume.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ATL=${ATL:-.build/release/atl}
N=${N:-20000}
KILL_AFTER=${KILL_AFTER:-1}
[ -x "$ATL" ] || swift build -c release --product atl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ATL" synth-cohort --la 999 --size "$N" --seed 42 --output "$tmp/cohort.csv"
common=(--cohort "$tmp/cohort.csv" --date 2026-11-23 --block-size 256)

echo "kill-resume: uninterrupted run of $N children"
"$ATL" batch "${common[@]}" --threads 2 --output "$tmp/whole.jsonl" --summary "$tmp/whole.md" 2>"$tmp/whole.err"

echo "kill-resume: run killed with SIGKILL after ${KILL_AFTER}s"
"$ATL" batch "${common[@]}" --threads 1 --output "$tmp/run.jsonl" --summary "$tmp/run.md" 2>"$tmp/run.err" &
pid=$!
sleep "$KILL_AFTER"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if grep -q '^complete: yes' "$tmp/run.jsonl.state" 2>/dev/null; then
    echo "kill-resume: FAIL: the run finished before it was killed; raise N" >&2
    exit 1
fi
rows=$(sed -n 's/^rows: //p' "$tmp/run.jsonl.state" 2>/dev/null || echo 0)
echo "kill-resume: killed after ${rows:-0} rows were recorded ($(wc -c <"$tmp/run.jsonl") bytes on disk)"

echo "kill-resume: resuming"
"$ATL" batch "${common[@]}" --threads 2 --output "$tmp/run.jsonl" --summary "$tmp/run.md" --resume 2>"$tmp/resume.err"
grep 'resuming after row' "$tmp/resume.err" || true
cmp "$tmp/whole.jsonl" "$tmp/run.jsonl"
cmp "$tmp/whole.md" "$tmp/run.md"
echo "kill-resume: OK: resumed output is byte-identical ($(wc -l <"$tmp/run.jsonl") records)"
