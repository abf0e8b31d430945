#!/usr/bin/env bash
# Refreshes the console's vendored browser libraries from the npm registry (run by hand only when updating them;
# neither the Maven build nor bin/run or bin/test needs Node.js). Versions are pinned in package.json; npm checks
# each tarball against the registry's integrity hash, and the copied files' SHA-256 are written to vendor/VERSIONS.
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/META-INF/resources/console/vendor
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pkgs=()
for p in oidc-client-ts dayjs navigo; do pkgs+=("$p@$(node -p "require('./package.json').dependencies['$p']")"); done
(cd "$tmp" && npm pack --silent "${pkgs[@]}" >/dev/null && for f in *.tgz; do mkdir "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done)
mkdir -p "$out"
cp "$tmp"/oidc-client-ts-*/package/dist/browser/oidc-client-ts.min.js "$out/oidc-client-ts.min.js"
cp "$tmp"/oidc-client-ts-*/package/LICENSE "$out/LICENSE.oidc-client-ts"
cp "$tmp"/dayjs-*/package/dayjs.min.js "$out/dayjs.min.js"
cp "$tmp"/dayjs-*/package/plugin/relativeTime.js "$out/dayjs.relativeTime.js"
cp "$tmp"/dayjs-*/package/plugin/duration.js "$out/dayjs.duration.js"
cp "$tmp"/dayjs-*/package/plugin/utc.js "$out/dayjs.utc.js"
cp "$tmp"/dayjs-*/package/locale/zh-cn.js "$out/dayjs.locale.zh-cn.js"
cp "$tmp"/dayjs-*/package/LICENSE "$out/LICENSE.dayjs"
cp "$tmp"/navigo-*/package/lib/navigo.min.js "$out/navigo.min.js"
cp "$tmp"/navigo-*/package/LICENSE "$out/LICENSE.navigo"
{
  echo "# Vendored by review-service/src/main/console/vendor.sh from the npm registry; do not edit by hand."
  for p in "${pkgs[@]}"; do echo "package $p"; done
  (cd "$out" && sha256sum -- *.js)
} > "$out/VERSIONS"
cat "$out/VERSIONS"
