#!/bin/bash
# Preflight's share of Csc in a real build of the generated 30-project solution, with the compiler server, for a given
# build of the analyzers: copies ANALYZERS/Preflight.Analyzers.dll and Preflight.Artifacts.dll over the package the
# solution restored (in the NuGet cache), stops the compiler server so that it loads them, rebuilds RUNS times
# (--no-incremental, -m:1, ReportAnalyzer, the .NET analyzers at latest-recommended) and prints each run's figures
# (the `log` mode: Csc time, each analyzer assembly's share, Preflight's analyzers one by one).
#   analyzer-share.sh WORK ANALYZERS LABEL [RUNS]
# WORK: a folder written by `dotnet run -c Release --project tests/Preflight.Benchmarks -- solution 30 3000 --keep`
# (it holds repo/Bench.sln). ANALYZERS: e.g. analyzers/Preflight.Analyzers/bin/Release/netstandard2.0 after
# `dotnet build analyzers/Preflight.Analyzers -c Release` (of this checkout, or of a worktree at an earlier commit).
# With PROFILE=1 the first run also records the compiler server with dotnet-trace (sampled thread time) into
# WORK/LABEL.nettrace. With WARM=1 every run is a second build in the same compiler server (the first, not measured,
# loads and JIT-compiles the compiler and the analyzers), as a developer's next build is; without it every run starts a
# new server. The package's own DLLs are not put back: run it again with the folder you want.
set -e
work=$(cd "$1" && pwd); analyzers=$(cd "$2" && pwd); label=$3; runs=${4:-1}
here=$(cd "$(dirname "$0")/../../.." && pwd)
version=$(grep -ho 'Include="Preflight" Version="[^"]*"' "$work"/repo/src/Services/*/*.csproj | head -1 | sed 's/.*Version="//; s/"//')
package="${NUGET_PACKAGES:-$HOME/.nuget/packages}/preflight/$version/analyzers/dotnet/cs"
[ -d "$package" ] || { echo "no restored package at $package" >&2; exit 2; }
cp "$analyzers/Preflight.Analyzers.dll" "$analyzers/Preflight.Artifacts.dll" "$package/"
benchmarks="$here/tests/Preflight.Benchmarks/bin/Release/net10.0/Preflight.Benchmarks.dll"
[ -f "$benchmarks" ] || dotnet build -c Release "$here/tests/Preflight.Benchmarks" -v:q -nologo > /dev/null
build() { # LOG: one build of the solution, -m:1, with the compiler server
  (cd "$work/repo" && dotnet build Bench.sln --no-restore --no-incremental -noConsoleLogger -nodeReuse:false -m:1 \
    -flp:"Verbosity=detailed;LogFile=$1;PerformanceSummary" -p:ReportAnalyzer=true -p:EnableNETAnalyzers=true \
    -p:AnalysisLevel=latest-recommended -p:UseSharedCompilation=true > "${1%.log}.out" 2>&1)
}
for run in $(seq 1 "$runs"); do
  dotnet build-server shutdown > /dev/null 2>&1 || true
  log="$work/$label-$run.log"
  if [ "${WARM:-0}" = 1 ]; then build "$work/$label-$run-warmup.log"; fi
  build "$log" &
  build=$!
  if [ "${PROFILE:-0}" = 1 ] && [ "$run" = 1 ]; then
    for _ in $(seq 1 300); do server=$(pgrep -f 'bincore/VBCSCompiler' | head -1); [ -n "$server" ] && break; sleep 0.1; done
    dotnet-trace collect -p "$server" --profile dotnet-sampled-thread-time -o "$work/$label.nettrace" > /dev/null 2>&1 &
    trace=$!
  fi
  wait "$build"
  if [ -n "${trace:-}" ]; then # the trace ends with the server
    dotnet build-server shutdown > /dev/null 2>&1 || true
    wait "$trace" || true
    trace=
  fi
  echo "== $label, run $run"
  dotnet "$benchmarks" log "$log" | grep -v '^  Service'
done
