#!/usr/bin/env bash
# Crash safety of `atl batch`, shown with the release binary and SIGKILL (run by .ci/run after
# `swift build -c release --product atl`; about a minute on 2 cores).
#
# A SYNTHETIC cohort is run once without interruption. Then, for each kill point, the same run is killed with
# `kill -9` at a moment chosen from the run's own progress (its resume state and work file), resumed with
# --resume, and compared byte for byte (`cmp`, `diff -r`) with the uninterrupted run. Kill points:
#   before-state     the state file does not exist yet (the resume must start from scratch and say so)
#   first-block      the state exists but no block is complete (rows: 0): start from scratch, say so
#   early, middle, late   after a block at about 10%, 50%, 90% of the rows
#   mid-record       while a block is being written: the work file is longer than the state records
#   lists            while a block's --lists-dir files are being written (a temporary list file may be left)
#   during-resume    a resume is itself killed further on, then resumed again
# Each resume after a complete block must say "resuming after row N" with N the rows the state recorded at
# the kill, and no temporary or work file may be left behind. Finally a full disk (ulimit -f) must fail with
# exit code 3 and leave the previous output untouched, for `batch` and for `synth-cohort`.
#   N=3000 LISTS_N=400 tests/kill-resume.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ATL=${ATL:-.build/release/atl}
N=${N:-3000}
LISTS_N=${LISTS_N:-400}
[ -x "$ATL" ] || swift build -c release --product atl
tmp=$(mktemp -d)
trap 'jobs -p | xargs -r kill -9 2>/dev/null; rm -rf "$tmp"' EXIT
say() { echo "kill-resume: $*"; }
fail() { echo "kill-resume: FAIL: $*" >&2; exit 1; }

"$ATL" synth-cohort --la 999 --size "$N" --seed 42 --output "$tmp/cohort.csv" >/dev/null
"$ATL" synth-cohort --la 999 --size "$LISTS_N" --seed 43 --output "$tmp/small.csv" >/dev/null
common=(--date 2026-11-23 --threads 2)
BS=100   # block size of the next run (not part of the configuration: any block size gives the same bytes)

say "uninterrupted runs: $N children, and $LISTS_N with --lists-dir"
"$ATL" batch --cohort "$tmp/cohort.csv" "${common[@]}" --block-size 100 --output "$tmp/whole.jsonl" --summary "$tmp/whole.md" \
    --summary-json "$tmp/whole.json" 2>/dev/null
"$ATL" batch --cohort "$tmp/small.csv" "${common[@]}" --block-size 40 --output "$tmp/lwhole.jsonl" \
    --summary "$tmp/lwhole.md" --lists-dir "$tmp/lwhole" 2>/dev/null

rows_of() { sed -n 's/^rows: //p' "$1" 2>/dev/null || true; }
offset_of() { sed -n 's/^offset: //p' "$1" 2>/dev/null || true; }
size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }

# Starts a batch in the background into $out (extra arguments follow) and sets $pid.
start() {
    local cohort=$1 out=$2; shift 2
    "$ATL" batch --cohort "$cohort" "${common[@]}" --block-size "$BS" --output "$out" --summary "${out%.jsonl}.md" "$@" 2>>"$out.err" &
    pid=$!
}

# Waits until the condition (a shell expression) holds or the run ends; kills the run with SIGKILL.
kill_when() {
    local cond=$1
    until eval "$cond"; do
        kill -0 "$pid" 2>/dev/null || fail "the run ended before the kill point ($cond)"
        sleep 0.002
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Resumes $out (same arguments) and checks what the resume said against the state recorded at the kill.
resume_and_check() {
    local cohort=$1 out=$2 recorded=$3 label=$4; shift 4
    "$ATL" batch --cohort "$cohort" "${common[@]}" --block-size "$BS" --output "$out" --summary "${out%.jsonl}.md" "$@" --resume 2>"$out.resume.err" \
        || fail "$label: the resume failed: $(cat "$out.resume.err")"
    if [ -z "$recorded" ]; then
        grep -q "no state file" "$out.resume.err" || fail "$label: killed before the state existed, the resume must say it starts from the beginning"
    elif [ "$recorded" = 0 ]; then
        grep -q "wrote no complete block; starting from the beginning" "$out.resume.err" \
            || fail "$label: killed before the first block, the resume must say it starts from the beginning"
    else
        grep -q "resuming after row $recorded of" "$out.resume.err" \
            || fail "$label: the resume did not skip the $recorded recorded rows: $(cat "$out.resume.err")"
    fi
    [ ! -e "$out.partial" ] || fail "$label: the work file is left after a complete run"
    grep -q '^complete: yes' "$out.state" || fail "$label: the state does not say complete"
}

same() {
    local a=$1 b=$2 label=$3
    cmp -s "$a" "$b" || fail "$label: $b differs from the uninterrupted run ($(cmp "$a" "$b" 2>&1 | head -1))"
}

no_temporaries() {
    local label=$1; shift
    local left
    left=$(find "$@" -name '.*.atl-tmp*' 2>/dev/null | head -3)
    [ -z "$left" ] || fail "$label: temporary files left: $left"
}

kills=0
check_plain() {
    local out=$1 label=$2
    same "$tmp/whole.jsonl" "$out" "$label"
    same "$tmp/whole.md" "${out%.jsonl}.md" "$label"
    no_temporaries "$label" "$tmp"
    kills=$((kills + 1))
    say "OK $label: $(wc -l <"$out") records byte-identical"
}

# before-state: killed before the state file exists.
out="$tmp/k1.jsonl"; start "$tmp/cohort.csv" "$out"
kill_when 'true'
[ -e "$out.state" ] && recorded=$(rows_of "$out.state") || recorded=""
resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "before-state"
check_plain "$out" "before-state (state existed: ${recorded:-no})"

# first-block: the state exists with no complete block.
out="$tmp/k2.jsonl"; start "$tmp/cohort.csv" "$out"
kill_when '[ -e "$out.state" ]'
recorded=$(rows_of "$out.state")
resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "first-block"
check_plain "$out" "first-block (rows recorded: $recorded)"

# early, middle, late: after a complete block at about 10%, 50%, 90%.
for pct in 10 50 90; do
    out="$tmp/k-$pct.jsonl"; start "$tmp/cohort.csv" "$out"
    kill_when "[ \"\$(rows_of \"$out.state\")\" -ge $((N * pct / 100)) ] 2>/dev/null"
    recorded=$(rows_of "$out.state")
    [ "$recorded" -gt 0 ] || fail "at $pct%: no rows recorded"
    resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "at-$pct%"
    check_plain "$out" "at about $pct% (rows recorded: $recorded of $N)"
done

# mid-record: while a block is being appended (the work file is longer than the state records).
BS=500; out="$tmp/k-mid.jsonl"; start "$tmp/cohort.csv" "$out"
kill_when "r=\$(rows_of \"$out.state\"); [ \"\${r:-0}\" -ge $((N / 5)) ] && [ \"\$(size_of \"$out.partial\")\" -gt \"\$(offset_of \"$out.state\")\" ]"
recorded=$(rows_of "$out.state"); offset=$(offset_of "$out.state"); extra=$(( $(size_of "$out.partial") - offset ))
[ "$extra" -gt 0 ] || fail "mid-record: the kill did not land inside a block"
[ "$(tail -c1 "$out.partial" | od -An -c | tr -d ' ')" = '\n' ] && torn="" || torn=", its last record torn,"
# A power cut can tear the write itself: cut the unrecorded bytes in the middle of a record, as it would.
cp "$out.partial" "$tmp/torn.partial"; cp "$out.state" "$tmp/torn.state"
resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "mid-record"
BS=100
check_plain "$out" "mid-record ($extra bytes of an unrecorded block$torn cut off; rows recorded: $recorded)"
out="$tmp/k-torn.jsonl"; cp "$tmp/torn.partial" "$out.partial"; cp "$tmp/torn.state" "$out.state"
truncate -s $((offset + extra / 2 + 7)) "$out.partial"
[ "$(tail -c1 "$out.partial" | od -An -c | tr -d ' ')" != '\n' ] || fail "torn write: the cut is not inside a record"
resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "torn-write"
check_plain "$out" "torn write (the work file cut inside a record, $((extra / 2 + 7)) bytes past the recorded offset)"

# during-resume: a resume killed further on, then resumed again.
out="$tmp/k-resume.jsonl"; start "$tmp/cohort.csv" "$out"
kill_when "[ \"\$(rows_of \"$out.state\")\" -ge $((N / 4)) ] 2>/dev/null"
first=$(rows_of "$out.state")
"$ATL" batch --cohort "$tmp/cohort.csv" "${common[@]}" --block-size "$BS" --output "$out" --summary "${out%.jsonl}.md" --resume 2>"$out.r1.err" &
pid=$!
kill_when "[ \"\$(rows_of \"$out.state\")\" -ge $((N * 3 / 4)) ] 2>/dev/null"
grep -q "resuming after row $first of" "$out.r1.err" || fail "during-resume: the first resume did not skip $first rows"
recorded=$(rows_of "$out.state")
resume_and_check "$tmp/cohort.csv" "$out" "$recorded" "during-resume"
check_plain "$out" "during a resume (first kill at row $first, second at row $recorded)"

# lists: while a block's list files are being written (more list files than recorded rows).
BS=40
for at in 3 7; do
    out="$tmp/k-lists-$at.jsonl"; start "$tmp/small.csv" "$out" --lists-dir "$tmp/lists-$at"
    kill_when "r=\$(rows_of \"$out.state\"); [ \"\${r:-0}\" -ge $((40 * at)) ] && [ \"\$(find \"$tmp/lists-$at\" -name '*.md' | wc -l)\" -gt \"\$r\" ]"
    recorded=$(rows_of "$out.state")
    left=$(find "$tmp/lists-$at" -name '.*.atl-tmp*' | wc -l)
    resume_and_check "$tmp/small.csv" "$out" "$recorded" "lists-$at" --lists-dir "$tmp/lists-$at"
    same "$tmp/lwhole.jsonl" "$out" "lists-$at"
    same "$tmp/lwhole.md" "${out%.jsonl}.md" "lists-$at"
    diff -r "$tmp/lwhole" "$tmp/lists-$at" >/dev/null || fail "lists-$at: the list files differ from the uninterrupted run"
    no_temporaries "lists-$at" "$tmp"
    kills=$((kills + 1))
    say "OK while writing --lists-dir files of block $((recorded / 40 + 1)) (rows recorded: $recorded; $left temporary list file(s) at the kill, none after the resume; $(ls "$tmp/lists-$at" | wc -l) list files identical)"
done

# A full disk (ulimit -f: writes fail with EFBIG) fails with exit code 3 and leaves the previous output as it was.
cp "$tmp/whole.jsonl" "$tmp/full.jsonl"
set +e
( ulimit -f 2000; trap '' XFSZ; exec "$ATL" batch --cohort "$tmp/cohort.csv" "${common[@]}" --block-size 100 --output "$tmp/full.jsonl" ) 2>"$tmp/full.err"
code=$?
( ulimit -f 50; trap '' XFSZ; exec "$ATL" synth-cohort --la 999 --size 5000 --seed 1 --output "$tmp/cohort.csv" ) 2>"$tmp/full2.err"
code2=$?
set -e
[ "$code" = 3 ] || fail "full disk: batch exit code $code, expected 3: $(cat "$tmp/full.err")"
same "$tmp/whole.jsonl" "$tmp/full.jsonl" "full disk (batch)"
[ "$code2" = 3 ] || fail "full disk: synth-cohort exit code $code2, expected 3"
"$ATL" synth-cohort --la 999 --size "$N" --seed 42 --output "$tmp/again.csv" >/dev/null
same "$tmp/again.csv" "$tmp/cohort.csv" "full disk (synth-cohort)"
no_temporaries "full disk" "$tmp"
say "OK full disk: batch and synth-cohort exit 3 and leave the previous output untouched"

say "OK: $kills kill points, every resume byte-identical to the uninterrupted run"
