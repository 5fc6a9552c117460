#!/usr/bin/env bash
# The CIFAR-10 ablation table at the 16-epoch configuration of the all-spin rows (canonical pixels, device lr
# scale 0.1, no neuron noise in training, seed 1): ideal float + ReLU, ideal float + CeLU, device neuron only,
# device synapse only, all-spin ferri, all-spin ferro; and ideal float + CeLU without Lookahead (nola), which
# device synapses cannot use, to separate Lookahead's share of the synapse row. Each row trains with --record
# into runs/, one after the other (never two at once: each uses both cores). A row whose result.json exists is skipped; a row with a
# checkpoint but no result is resumed, so the script can be stopped and restarted at any time.
# Each row takes 37-40 min on the Zen 5 machine class and 60-100 min on the others (BENCHMARKS.md).
# Usage: benchmarks/ablation-cifar10-e16.sh [CIFAR_DIR] [ROW...]
#   CIFAR_DIR: a folder holding cifar10/ (default: where `./spinnet data fetch cifar10` puts it)
#   ROW: any of relu celu neuron synapse ferri ferro nola (default: all seven, in that order)
set -euo pipefail
cd "$(dirname "$0")/.."
known=" relu celu neuron synapse ferri ferro nola "
data=()
if [[ $# -gt 0 && "$known" != *" $1 "* ]]; then
    if [[ ! -d "$1" ]]; then
        echo "ablation-cifar10-e16.sh: '$1' is neither a row (${known:1:-1}) nor a folder" >&2
        exit 2
    fi
    data=(--data "$1")
    shift
elif [[ ! -d data/datasets/cifar10/cifar-10-batches-bin ]]; then
    # The rows compare on the canonical pixels; without them train would fall back to a JPEG copy.
    ./spinnet data fetch cifar10
fi
rows=("$@")
[[ ${#rows[@]} -gt 0 ]] || read -r -a rows <<< "$known"

common=(--epochs 16 --record)
ferri=(--synapse data/devices/ferri-synapse.json --neuron data/devices/ferri-neuron.json)
ferro=(--synapse data/devices/ferro-synapse.json --neuron data/devices/ferro-neuron.json)
pulsed=(--device-momentum 0.85 --device-lr-scale 0.1)

for row in "${rows[@]}"; do
    case "$row" in
        relu)    out=runs/cifar10-relu-canonical-e16;               args=(--activation relu) ;;
        celu)    out=runs/cifar10-float-canonical-e16;              args=() ;;
        neuron)  out=runs/cifar10-neuron-only-canonical-nnoise0-e16; args=(--neuron data/devices/ferri-neuron.json --neuron-noise 0) ;;
        synapse) out=runs/cifar10-synapse-only-canonical-lr0.1-e16; args=(--synapse data/devices/ferri-synapse.json "${pulsed[@]}") ;;
        ferri)   out=runs/cifar10-allspin-ferri-canonical-lr0.1-nnoise0-e16; args=("${ferri[@]}" "${pulsed[@]}" --neuron-noise 0 --noisy-test 3) ;;
        ferro)   out=runs/cifar10-allspin-ferro-canonical-lr0.1-nnoise0-e16; args=("${ferro[@]}" "${pulsed[@]}" --neuron-noise 0 --noisy-test 1) ;;
        nola)    out=runs/cifar10-float-nolookahead-canonical-e16;  args=(--no-lookahead) ;;
        *) echo "ablation-cifar10-e16.sh: unknown row '$row' (${known:1:-1})" >&2; exit 2 ;;
    esac
    if [[ -f "$out/result.json" ]]; then
        echo "== $row: $out/result.json exists, skipped"
        continue
    fi
    resume=()
    [[ -f "$out/checkpoint.bin" ]] && resume=(--resume)
    echo "== $row: ./spinnet train cifar10 ${data[*]} ${args[*]} ${common[*]} --out $out ${resume[*]}"
    ./spinnet train cifar10 "${data[@]}" "${args[@]}" "${common[@]}" --out "$out" "${resume[@]}"
done
