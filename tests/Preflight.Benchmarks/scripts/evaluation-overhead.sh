#!/bin/bash
# Evaluation cost of Preflight's targets per project, without the SDK: 30 projects that import only TARGETS, with
# PreflightRepositoryRoot=ROOT, evaluated in one MSBuild process (-m:1) and built with TARGET (default: _PreflightDiscover,
# which the former targets did not have: use Nothing for them). Prints the mean evaluation time per project and the
# time of the discovery target/task (the walk of ROOT, once per build and node; the other projects reuse its lists).
#   evaluation-overhead.sh ROOT TARGETS [TARGET]
# TARGETS: msbuild-tasks/Preflight.Build/build/Preflight.targets of this checkout, or of an earlier commit
# (git show COMMIT:msbuild-tasks/Preflight.Build/build/Preflight.targets > old.targets). The task assembly is this
# checkout's Release build (dotnet build msbuild-tasks/Preflight.Build -c Release).
set -e
root=$(cd "$1" && pwd)/; targets=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); target=${3:-Discover}
here=$(cd "$(dirname "$0")/../../.." && pwd)
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
for i in $(seq 1 30); do cat > "$d/p$i.proj" <<P
<Project>
  <PropertyGroup>
    <PreflightEnabled>true</PreflightEnabled>
    <PreflightRepositoryRoot>$root</PreflightRepositoryRoot>
    <PreflightTaskAssembly>$here/msbuild-tasks/Preflight.Build/bin/Release/netstandard2.0/Preflight.Build.dll</PreflightTaskAssembly>
  </PropertyGroup>
  <Import Project="$targets" />
  <Target Name="Nothing" />
  <Target Name="Discover" DependsOnTargets="_PreflightDiscover" />
</Project>
P
done
echo "<Project><ItemGroup><P Include=\"p*.proj\" /></ItemGroup><Target Name=\"Build\"><MSBuild Projects=\"@(P)\" Targets=\"$target\" /></Target></Project>" > "$d/dirs.proj"
dotnet msbuild "$d/dirs.proj" -m:1 -nologo -nodeReuse:false -noConsoleLogger "-flp:Verbosity=minimal;LogFile=$d/e.log;PerformanceSummary" > /dev/null
awk '/Project Evaluation Performance Summary/{f=1;next} /Summary:/{f=0} f&&/ms .*p[0-9]+\.proj/{s+=$1;n++} END{printf "%d projects, %.1f ms evaluation per project; ", n, s/n}' "$d/e.log"
grep -E "ms +(_PreflightDiscover|PreflightDiscover) " "$d/e.log" | tr -s ' ' | tr '\n' ';'; echo
