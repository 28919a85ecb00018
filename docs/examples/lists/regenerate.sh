#!/bin/sh
# Regenerates the example advisory lists in this folder (Markdown, HTML, JSON for each example profile).
# Run from anywhere after a catalogue, weights or renderer change, then review the diff:
#   docs/examples/lists/regenerate.sh
# The date is fixed so the outputs are reproducible byte for byte. Set ATL to use an existing binary.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
out=docs/examples/lists
date=2026-11-23
if [ -z "${ATL:-}" ]; then
    swift build --product atl >/dev/null
    ATL="$(swift build --show-bin-path)/atl"
fi

# name | profile | catalogue
while IFS='|' read -r name profile catalogue; do
    [ -z "$name" ] && continue
    for format in md html json; do
        "$ATL" list --profile "examples/$profile" --catalogue "$catalogue" --date "$date" \
            --format "$format" --output "$out/$name.$format"
    done
    echo "wrote $out/$name.{md,html,json}"
done <<'LISTS'
asd-slcn-year7|asd-slcn-year7.profile|provision-catalogue/example-la
pmld-hoist-physio-year7|pmld-hoist-physio-year7.profile|provision-catalogue/example-la
semh-year9-move|semh-year9-move.profile|provision-catalogue/example-la
hi-signing-year3|hi-signing-year3.profile|provision-catalogue/example-la
post16-mld-year12|post16-mld-year12.profile|provision-catalogue/example-la
real-telford-asd-year7|real-telford-asd-year7.profile|provision-catalogue/west-midlands
LISTS
