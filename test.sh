#!/usr/bin/env bash
# Runs every test of OrleansFlow from a fresh clone: restores, builds (warnings are errors) and runs the xunit suite.
# Installs whatever the tests need when it is missing: Azurite (npm package, into ./.tools; Node and npm from apt when
# absent). The storage tests start Azurite themselves on 127.0.0.1, on a port of their own, and stop it.
# Ends with one line of its own: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

AZURITE_VERSION=3.37.0
if [ ! -x .tools/node_modules/.bin/azurite-blob ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing Node.js and npm (apt) for Azurite" >&2
    (apt-get update -qq && apt-get install -y -qq nodejs npm) >/dev/null 2>&1 || { echo "test.sh: could not install npm" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
  fi
  echo "test.sh: installing Azurite $AZURITE_VERSION into .tools/" >&2
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null 2>&1 \
    || { echo "test.sh: npm could not install azurite@$AZURITE_VERSION" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi
export AZURITE_BLOB="$PWD/.tools/node_modules/.bin/azurite-blob"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build OrleansFlow.sln -c Release 2>&1 | tail -n 30
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "test.sh: build failed" >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test OrleansFlow.sln -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" 2>&1 | tee "$results/console.log" | grep -vE '^\s*$' | tail -n 60
status=${PIPESTATUS[0]}

# Sum the counters of every test project's TRX file (one per project).
passed=0; failed=0
for trx in "$results"/*.trx "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; status=1; fi
echo "tests: $passed passed, $failed failed"
exit "$status"
