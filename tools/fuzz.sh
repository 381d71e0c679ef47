#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for a bounded
# number of executions (default 20000; e.g. `tools/fuzz.sh 2000000` for a longer run).
# Exits non-zero when a target finds a crash (the input is saved in build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20000}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DLATENT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 >/dev/null
corpus=build-fuzz/corpus
/usr/bin/python3 fuzz/make_seeds.py "$corpus"
cd build-fuzz
# Seeds kept in the repository (images, sessions, model metadata) join the generated ones.
for kind in image session model; do
  mkdir -p "corpus/$kind" && cp "../fuzz/seeds/$kind"/* "corpus/$kind/"
done
for target in idx npy npz tsv image session model_metadata; do
  mkdir -p "work-$target"
  fuzz/fuzz_$target -runs="$runs" -seed=1 -max_len=65536 -print_final_stats=1 "work-$target" "corpus/${target%_metadata}" \
    2>"fuzz_$target.log" || { tail -40 "fuzz_$target.log"; exit 1; }
  echo "fuzz_$target: $(grep -E 'stat::number_of_executed_units' "fuzz_$target.log" | awk '{print $2}') executions, no crash"
done
