#!/bin/bash
# MNIST all-spin, ferrimagnetic and ferromagnetic devices, seeds 1-3, each recorded in benchmarks/results.json
# (seed 1 under the plain keys mnist_allspin_{ferri,ferro}_*, others under _seedN). Compare the two families with
#   ./spinnet results --compare mnist_allspin_ferro --compare mnist_allspin_ferri
# Usage: benchmarks/mnist-allspin-seeds.sh [FAMILY...] (default: ferro ferri). About 100 s per run on a 2-core Zen 5.
set -euo pipefail
cd "$(dirname "$0")/.."
families=("$@"); [ ${#families[@]} -eq 0 ] && families=(ferro ferri)
for fam in "${families[@]}"; do
  for s in 1 2 3; do
    ./spinnet train mnist --synapse data/devices/$fam-synapse.json --neuron data/devices/$fam-neuron.json \
      --device-lr-scale 50 --device-momentum 0.9 --noisy-test 5 --seed $s --out runs/mnist-allspin-$fam-seed$s --record
  done
done
