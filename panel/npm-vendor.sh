#!/usr/bin/env sh
# Run by `mvn` (exec-maven-plugin, generate-resources): installs the panel's front-end libraries
# from package-lock.json with the machine's npm (`npm ci`: exact versions, integrity checked) and
# copies their browser builds into the jar's static files, target/classes/web/vendor/. Nothing it
# produces is committed. Usage: npm-vendor.sh <output web directory>
set -eu
cd "$(dirname "$0")"
out="${1:?usage: npm-vendor.sh <output web directory>}"

if ! command -v npm >/dev/null 2>&1; then
  echo "panel: npm not found on PATH. The panel's charts (Chart.js) are installed from npm at build time:" >&2
  echo "panel: install Node.js 18 or later with npm (Debian: apt-get install npm), then build again." >&2
  exit 1
fi

# --prefer-offline: a package already in npm's cache is not fetched again (offline builds work
# once it was fetched once).
npm ci --prefer-offline --no-audit --no-fund --loglevel=error || {
  echo "panel: 'npm ci' failed (see above): the registry may be unreachable and the package not in npm's cache." >&2
  exit 1
}

mkdir -p "$out/vendor"
cp node_modules/chart.js/dist/chart.umd.min.js "$out/vendor/chartjs.js"
cp node_modules/chart.js/LICENSE.md "$out/vendor/chartjs-LICENSE.md"
