#!/usr/bin/env bash
# Each layer is checked with its own compiler settings (see the per-folder tsconfig.json files).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in shared shared/api-client server electron renderer test; do
  echo "typecheck: $p"
  npx tsc -p "$p/tsconfig.json"
done
