# Sourced by the other scripts: puts Node >= 22.12 and pnpm 10 on PATH.
# When the machine's Node is older, node@24 and pnpm@10 are installed from the npm registry
# into a cache folder (no other network access is needed).
UC_TOOLS="${UC_TOOLS:-$HOME/.cache/uc-node}"
uc_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$UC_TOOLS/node_modules/.bin/node" ]; then
  export PATH="$UC_TOOLS/node_modules/.bin:$PATH"
fi
if ! uc_node_ok || ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  echo "==> installing node@24 and pnpm@10 into $UC_TOOLS"
  mkdir -p "$UC_TOOLS"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$UC_TOOLS" node@24 pnpm@10 >/dev/null
  export PATH="$UC_TOOLS/node_modules/.bin:$PATH"
fi
uc_node_ok || { echo "Node >= 22.12 is required (found $(node --version 2>/dev/null))" >&2; exit 1; }
export PNPM_HOME="${PNPM_HOME:-$UC_TOOLS/pnpm-home}"
