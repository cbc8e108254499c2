#!/usr/bin/env bash
# Builds BASE (a commit, default HEAD) in a temporary folder and this tree as it is, writes the
# records of every fixture and of ../shared copy with both, and shows any difference.
# Exit 0 when every record is byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive "$base" | tar -x -C "$tmp"
ln -s "$PWD/node_modules" "$tmp/node_modules"
(cd "$tmp" && npx tsc -p tsconfig.json --outDir "$tmp/dist-base") >/dev/null
npm run build >/dev/null
node scripts/records.mjs "$tmp/before" --dist "$tmp/dist-base"
node scripts/records.mjs "$tmp/after" --dist dist
if diff -r "$tmp/before" "$tmp/after" >"$tmp/diff"; then
  echo "records identical to $base ($(ls "$tmp/after" | wc -l) files)"
else
  head -60 "$tmp/diff"
  echo "RECORDS DIFFER from $base ($(grep -c '^diff\|^Only' "$tmp/diff" || true) files)"
  exit 1
fi
