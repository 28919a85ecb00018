#!/bin/sh
# Regenerates the worked scenario examples in this folder: the SYNTHETIC cohorts (atl synth-cohort) and each
# example's report in HTML, Markdown and JSON. Run from anywhere after a catalogue, weights, allocation or
# renderer change, then review the diff:
#   docs/examples/scenarios/regenerate.sh
# Date and seeds are fixed, so re-running gives the same files byte for byte. Set ATL to use an existing binary.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
out=docs/examples/scenarios
date=2026-11-23
if [ -z "${ATL:-}" ]; then
    swift build --product atl >/dev/null
    ATL="$(swift build --show-bin-path)/atl"
fi

# Worked example 1: the fictional example LA, ASD demand +20% over three years with no new places.
"$ATL" synth-cohort --la 999 --size 400 --seed 7 --year 7 --output "$out/example-la-cohort.csv"
for format in html md json; do
    "$ATL" scenario --cohort "$out/example-la-cohort.csv" --scenario examples/scenarios/asd-demand-plus-20.scenario \
        --catalogue provision-catalogue/example-la --seed 7 --date "$date" --format "$format" \
        --output "$out/example-la-asd-plus-20.$format"
done

# Worked example 2: the real West Midlands catalogue, a hypothetical 16-place autism resourced provision in a
# Telford secondary, for a synthetic cohort of Telford and Wrekin children transferring to Year 7.
"$ATL" synth-cohort --la 894 --size 150 --seed 11 --year 7 --output "$out/telford-cohort.csv"
for format in html md json; do
    "$ATL" scenario --cohort "$out/telford-cohort.csv" --scenario examples/scenarios/telford-asd-resourced-provision.scenario \
        --catalogue provision-catalogue/west-midlands --seed 11 --date "$date" --format "$format" \
        --output "$out/telford-asd-resourced-provision.$format"
done
echo "wrote $out"
