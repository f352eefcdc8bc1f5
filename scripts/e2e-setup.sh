#!/usr/bin/env bash
# Prepares what the end-to-end tests need: Debian's Chromium and build tools, and a cached
# code-server (a real VS Code workbench served to the browser). Safe to run again: every step
# is skipped when its result is already in place, so a warm run takes well under a second.
#
# Environment:
#   CROSSWIRE_E2E_CACHE   where code-server is kept (default ~/.cache/crosswire-e2e)
#
# Prints the code-server folder on its last line, so callers can capture it.
set -euo pipefail

CODE_SERVER_VERSION=4.96.4
# code-server 4.96.4 pins this proxy agent to a git URL; the registry tarball has the same hash.
PROXY_AGENT_VERSION=0.27.0
# @vscode/ripgrep looks for its download in this cache before reaching the network.
RIPGREP_CACHE_DIR=vscode-ripgrep-cache-1.15.9
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

CACHE_ROOT=${CROSSWIRE_E2E_CACHE:-$HOME/.cache/crosswire-e2e}
TARGET="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$TARGET/.crosswire-ready"

log() { printf 'e2e-setup: %s\n' "$*" >&2; }

start=$(date +%s)

# --- Debian packages ---------------------------------------------------------------------
packages=(chromium fonts-dejavu-core build-essential python3 pkg-config libkrb5-dev ripgrep)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    as_root=(sudo)
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server -------------------------------------------------------------------------
if [[ -f $MARKER && -f $TARGET/out/node/entry.js ]]; then
  log "code-server $CODE_SERVER_VERSION already in $TARGET ($(($(date +%s) - start)) s)"
  echo "$TARGET"
  exit 0
fi

[[ $(uname -m) == x86_64 ]] || { log "only x86_64 is supported (the ripgrep cache is for that)"; exit 1; }

mkdir -p "$CACHE_ROOT"
work=$(mktemp -d "$CACHE_ROOT/.build-XXXXXX")
trap 'rm -rf "$work"' EXIT

log "fetching code-server $CODE_SERVER_VERSION"
(cd "$work" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null)
tar -xzf "$work"/code-server-*.tgz -C "$work"
pkg="$work/package"

log "routing @vscode/proxy-agent to the registry"
proxy_tarball=$(npm view "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.tarball)
node - "$pkg/lib/vscode/npm-shrinkwrap.json" "$proxy_tarball" <<'EOF'
const fs = require('node:fs');
const [file, tarball] = process.argv.slice(2);
const shrinkwrap = JSON.parse(fs.readFileSync(file, 'utf8'));
let patched = 0;
for (const [key, entry] of Object.entries(shrinkwrap.packages ?? {})) {
  if (key.endsWith('node_modules/@vscode/proxy-agent') && !String(entry.resolved).startsWith('https://')) {
    entry.resolved = tarball;
    patched++;
  }
}
for (const [name, entry] of Object.entries(shrinkwrap.dependencies ?? {})) {
  if (name === '@vscode/proxy-agent' && !String(entry.resolved ?? entry.version).startsWith('https://')) {
    entry.resolved = tarball;
    if (String(entry.version).includes('://')) entry.version = tarball;
    patched++;
  }
}
fs.writeFileSync(file, JSON.stringify(shrinkwrap, null, 2));
console.error(`e2e-setup: patched ${patched} shrinkwrap entr${patched === 1 ? 'y' : 'ies'}`);
EOF

log "seeding the ripgrep download cache with Debian's rg"
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR/$RIPGREP_CACHE_DIR" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$TMPDIR/$RIPGREP_CACHE_DIR/$RIPGREP_TARBALL" -C "$work/rg" rg

log "installing code-server (builds native modules; a few minutes when cold)"
(
  cd "$pkg"
  export npm_config_unsafe_perm=true npm_config_nodedir=/usr CI=true
  npm install --omit=dev --no-audit --no-fund --loglevel=error >"$work/install.log" 2>&1
) || { log "npm install failed; last lines:"; tail -40 "$work/install.log" >&2; exit 1; }

# code-server writes under XDG folders even for --version; keep it away from the real home.
XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
  node "$pkg/out/node/entry.js" --version >"$work/version.txt" 2>&1 \
  || { log "code-server does not start:"; cat "$work/version.txt" >&2; exit 1; }
grep -q "^$CODE_SERVER_VERSION" "$work/version.txt" \
  || { log "unexpected version: $(head -1 "$work/version.txt")"; exit 1; }
[[ -d $pkg/lib/vscode/node_modules/@vscode/ripgrep/bin ]] \
  || { log "ripgrep was not installed into lib/vscode"; exit 1; }

rm -rf "$TARGET"
mv "$pkg" "$TARGET"
date -u +%FT%TZ >"$MARKER"
log "code-server $CODE_SERVER_VERSION ready in $TARGET ($(($(date +%s) - start)) s)"
echo "$TARGET"
