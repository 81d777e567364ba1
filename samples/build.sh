#!/usr/bin/env bash
# Packs Preflight from this checkout and builds a sample service with it, the way a user's build would run.
#   samples/build.sh broken-service    # meant to fail: shows Preflight's findings
#   samples/build.sh healthy-service   # builds clean
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sample=${1:-broken-service}
if [ ! -d "$root/samples/$sample" ]; then
  echo "No sample '$sample'. Samples: $(cd "$root/samples" && ls -d */ | tr -d / | tr '\n' ' ')" >&2
  exit 2
fi
# A version of its own for every run, so no build server or package cache can serve an older copy.
version="0.1.0-local.$(date +%Y%m%d%H%M%S)"
echo "Packing Preflight $version ..."
dotnet pack "$root/msbuild-tasks/Preflight.Build/Preflight.Build.csproj" -c Release -o "$root/samples/artifacts/feed" \
  -p:Version="$version" --nologo -v:quiet
echo "Building samples/$sample with Preflight $version ..."
cd "$root/samples/$sample"
exec dotnet build -p:PreflightVersion="$version" --nologo -v:quiet
