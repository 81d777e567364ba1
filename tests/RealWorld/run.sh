#!/usr/bin/env bash
# Runs `preflight check` over the real-world corpus listed in repositories.md and prints a per-rule count table
# per repository and in total. Offline: it only reads checkouts that already exist locally; a repository whose
# checkout is absent (or not at the listed commit) is skipped with a line saying so.
#
#   PREFLIGHT_CORPUS   folder holding the checkouts, one per repository, named <owner>+<name> (default /work/corpus)
#   PREFLIGHT_CLI      command that runs the CLI (default: dotnet run --project cli/Preflight.Cli -c Release --)
#   PREFLIGHT_OUT      folder for the JSON outputs, <owner>+<name>.json (default: a new temporary folder)
#
# Usage: tests/RealWorld/run.sh [owner/name ...]     (no arguments: every repository listed)
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${PREFLIGHT_CORPUS:-/work/corpus}"
out="${PREFLIGHT_OUT:-$(mktemp -d)}"
cli="${PREFLIGHT_CLI:-dotnet run --project $root/cli/Preflight.Cli -c Release --}"
mkdir -p "$out"

# The table rows of repositories.md: | owner/name | commit | ... |
mapfile -t rows < <(grep -E '^\| *[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+ *\| *[0-9a-f]{40} *\|' "$here/repositories.md" |
  awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $3); print $2 " " $3 }')
if [ "${#rows[@]}" -eq 0 ]; then echo "run.sh: no repositories found in $here/repositories.md" >&2; exit 2; fi

wanted=("$@")
ran=()
failed=0
for row in "${rows[@]}"; do
  repo="${row%% *}"; commit="${row##* }"
  if [ "${#wanted[@]}" -gt 0 ] && [[ ! " ${wanted[*]} " == *" $repo "* ]]; then continue; fi
  name="${repo/\//+}"
  dir="$corpus/$name"
  if [ ! -d "$dir/.git" ] && [ ! -f "$dir/.git" ]; then
    echo "SKIP $repo: no checkout at $dir"; continue
  fi
  head="$(git -C "$dir" rev-parse HEAD 2>/dev/null || true)"
  if [ "$head" != "$commit" ]; then
    echo "SKIP $repo: $dir is at ${head:-an unknown commit}, not at the listed $commit"; continue
  fi
  echo "RUN  $repo ($commit)"
  # A non-zero exit only means that an error-severity finding remains; a missing output is a failure.
  rm -f "$out/$name.json"
  $cli check "$dir" --format json --output "$out/$name.json" --no-baseline >"$out/$name.log" 2>&1
  if [ ! -s "$out/$name.json" ]; then
    echo "FAIL $repo: no JSON output; see $out/$name.log"; tail -5 "$out/$name.log"; failed=$((failed + 1)); continue
  fi
  ran+=("$name")
done

echo
echo "JSON outputs: $out"
if [ "${#ran[@]}" -eq 0 ]; then echo "No repository was checked."; [ "$failed" -eq 0 ]; exit $?; fi

python3 - "$out" "${ran[@]}" <<'PY'
import json, sys, collections
out, names = sys.argv[1], sys.argv[2:]
per = {}
total = collections.Counter()
for n in names:
    with open(f"{out}/{n}.json", encoding="utf-8") as f:
        c = collections.Counter(x["ruleId"] for x in json.load(f)["findings"])
    per[n] = c
    total.update(c)
rules = sorted(total)
w = max([len(n) for n in names] + [len("TOTAL"), len("repository")])
print(f"{'repository':<{w}} " + " ".join(f"{r:>6}" for r in rules) + f" {'all':>6}")
for n in names:
    print(f"{n:<{w}} " + " ".join(f"{per[n][r]:>6}" for r in rules) + f" {sum(per[n].values()):>6}")
print(f"{'TOTAL':<{w}} " + " ".join(f"{total[r]:>6}" for r in rules) + f" {sum(total.values()):>6}")
PY
echo
echo "Judge them against the recorded verdicts: python3 $here/judge.py $out"
[ "$failed" -eq 0 ]
