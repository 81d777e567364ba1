#!/bin/bash
# The items two versions of the targets give a project of ROOT: PreflightArtifact (A:), PreflightSourceFile (S:) and
# AdditionalFiles (F:), one per line, sorted and without duplicates; prints the counts and the differences.
#   compare-discovery.sh ROOT OLD.targets NEW.targets
set -e
root=$(cd "$1" && pwd)/
here=$(cd "$(dirname "$0")/../../.." && pwd)
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
for v in old new; do
  t=$([ $v = old ] && echo "$2" || echo "$3"); t=$(cd "$(dirname "$t")" && pwd)/$(basename "$t")
  cat > "$d/$v.proj" <<P
<Project>
  <PropertyGroup>
    <PreflightEnabled>true</PreflightEnabled>
    <PreflightRepositoryRoot>$root</PreflightRepositoryRoot>
    <PreflightTaskAssembly>$here/msbuild-tasks/Preflight.Build/bin/Release/netstandard2.0/Preflight.Build.dll</PreflightTaskAssembly>
  </PropertyGroup>
  <!-- For targets without the discovery target (their globs ran at evaluation); the newer targets redefine it. -->
  <Target Name="_PreflightDiscover" />
  <Import Project="$t" />
  <Target Name="Show" DependsOnTargets="_PreflightDiscover">
    <WriteLinesToFile File="$d/$v.txt" Overwrite="true" Lines="@(PreflightArtifact->'A:%(Identity)');@(PreflightSourceFile->'S:%(Identity)');@(AdditionalFiles->'F:%(Identity)')" />
  </Target>
</Project>
P
  dotnet msbuild "$d/$v.proj" -t:Show -nologo -v:q -nodeReuse:false > /dev/null
  sort -u "$d/$v.txt" > "$d/$v.sorted"
done
echo "$1: old $(wc -l < "$d/old.sorted") new $(wc -l < "$d/new.sorted") differences $(diff "$d/old.sorted" "$d/new.sorted" | grep -c '^[<>]' || true)"
diff "$d/old.sorted" "$d/new.sorted" || true
