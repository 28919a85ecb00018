#!/bin/sh
# Rebuilds every committed example output under docs/examples/ with a release binary and fixed dates and seeds,
# so the outputs are byte-identical on every run. Run after a catalogue, weights, engine or renderer change,
# then review `git diff docs/examples`.
#   docs/examples/regenerate-all.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ -z "${ATL:-}" ]; then
    swift build -c release --product atl >/dev/null
    ATL="$(swift build -c release --show-bin-path)/atl"
fi
export ATL
date=2026-11-23

# SEN information gap analysis (docs/audit.md) for both catalogues, plus sample letters.
a=docs/examples/audit
for cat in example-la west-midlands; do
    "$ATL" audit --catalogue "provision-catalogue/$cat" --date "$date" --output "$a/$cat.md"
    "$ATL" audit --catalogue "provision-catalogue/$cat" --date "$date" --format csv --output "$a/$cat.csv"
    "$ATL" audit --catalogue "provision-catalogue/$cat" --date "$date" --format csv-settings --output "$a/$cat-settings.csv"
    "$ATL" audit --catalogue "provision-catalogue/$cat" --date "$date" --format json --output "$a/$cat.json"
done
for f in "$a"/letters/*.md; do
    urn=$(basename "$f" | cut -d- -f1)
    case "$urn" in 9*) cat=example-la ;; *) cat=west-midlands ;; esac
    "$ATL" audit --catalogue "provision-catalogue/$cat" --date "$date" --letters "$a/letters" --urn "$urn" >/dev/null
done

# Advisory lists for the example profiles (docs/examples/lists/README.md).
docs/examples/lists/regenerate.sh

# Allocation worked example (docs/allocation.md): a batch of 15 synthetic profiles, then the simulation.
al=docs/examples/allocation
"$ATL" batch --cohort "$al/profiles" --output "$al/example-la-batch.jsonl" --date "$date" 2>/dev/null || true
rm -f "$al/example-la-batch.jsonl.state"   # resume state of a finished run: not an example
for format in md json csv; do
    "$ATL" allocate --lists "$al/example-la-batch.jsonl" --date "$date" --format "$format" \
        --output "$al/example-la-allocation.$format" 2>/dev/null
done

# Scenario worked examples (docs/examples/scenarios/README.md).
docs/examples/scenarios/regenerate.sh
echo "regenerated docs/examples"
