# tools/dynoxide/install, run from a copy of tools/dynoxide in $tmp so the repository's node_modules stays as it is.

copy_dynoxide() {
  mkdir -p "$tmp/dynoxide"
  cp "$repo/tools/dynoxide/install" "$repo/tools/dynoxide/package.json" "$tmp/dynoxide/"
}

install() { # install [NAME=value ...] [--path]: the copy's install, outside CI, with these variables
  local variables=()
  while [[ ${1:-} == *=* ]]; do variables+=("$1"); shift; done
  env -u CI "${variables[@]}" "$tmp/dynoxide/install" "$@" 2>&1
}

this_platform() { node -p 'process.platform + "-" + process.arch'; }

test_each_platform_has_its_own_binary_path() {
  copy_dynoxide
  assert_eq "$(install WORKSHOP_PLATFORM=darwin-arm64 --path)" "$tmp/dynoxide/node_modules/@dynoxide/darwin-arm64/dynoxide"
  assert_eq "$(install WORKSHOP_PLATFORM=linux-arm64 --path)" "$tmp/dynoxide/node_modules/@dynoxide/linux-arm64/dynoxide"
  assert_eq "$(install WORKSHOP_PLATFORM=win32-x64 --path)" "$tmp/dynoxide/node_modules/@dynoxide/win32-x64/dynoxide.exe"
}

test_a_platform_dynoxide_does_not_publish_is_told_to_bring_its_own_endpoint() {
  copy_dynoxide
  local out
  out=$(install WORKSHOP_PLATFORM=freebsd-x64) && fail "install succeeded: $out"
  assert_eq "$out" "dynoxide: no dynoxide package for freebsd-x64 at 1.2.1: dynoxide is published for darwin-arm64, darwin-x64, linux-arm64, linux-x64, win32-x64 only; set WORKSHOP_DYNAMODB_ENDPOINT to a DynamoDB endpoint you run yourself (DynamoDB Local, LocalStack)."
}

test_a_package_the_registry_lacks_is_told_to_bring_its_own_endpoint() {
  copy_dynoxide
  # A registry that has no package at all, as this machine's has no @dynoxide/darwin-arm64.
  node -e 'require("http").createServer((request, response) => {
      response.writeHead(404, {"content-type": "application/json"}); response.end("{\"error\":\"Not found\"}");
    }).listen(0, "127.0.0.1", function () { console.log(this.address().port); })' >"$tmp/port" 2>"$tmp/registry.log" &
  local registry=$! port out status=0
  for _ in $(seq 100); do port=$(cat "$tmp/port"); [ -z "$port" ] || break; sleep 0.1; done
  out=$(install WORKSHOP_PLATFORM=darwin-arm64 npm_config_registry="http://127.0.0.1:$port/") || status=$?
  kill "$registry"
  [ "$status" != 0 ] || fail "install succeeded: $out"
  assert_contains "$out" "Installing @dynoxide/darwin-arm64@1.2.1 (dynoxide, the local DynamoDB) ..."
  assert_contains "$out" "dynoxide: no dynoxide package for darwin-arm64 at 1.2.1: the npm registry (http://127.0.0.1:$port/) has no @dynoxide/darwin-arm64@1.2.1; set WORKSHOP_DYNAMODB_ENDPOINT to a DynamoDB endpoint you run yourself (DynamoDB Local, LocalStack)."
}

test_installs_this_platforms_package_and_nothing_else() {
  copy_dynoxide
  local out platform
  platform=$(this_platform)
  out=$(install) || fail "install failed: $out"
  assert_eq "$(tail -n1 <<<"$out")" "$tmp/dynoxide/node_modules/@dynoxide/$platform/dynoxide"
  assert_eq "$("$tmp/dynoxide/node_modules/@dynoxide/$platform/dynoxide" --version)" "dynoxide 1.2.1"
  # one package, npm's record of it, and install's own record of its last check (.workshop-checked)
  assert_eq "$(cd "$tmp/dynoxide/node_modules" && find . -mindepth 1 -maxdepth 2 | sort)" \
    "./.package-lock.json"$'\n'"./.workshop-checked"$'\n'"./@dynoxide"$'\n'"./@dynoxide/$platform"
  [ ! -e "$tmp/dynoxide/package-lock.json" ] || fail "install wrote a package-lock.json"
  assert_eq "$(cat "$tmp/dynoxide/package.json")" "$(cat "$repo/tools/dynoxide/package.json")"
}

test_once_installed_it_needs_no_npm() {
  copy_dynoxide
  install >/dev/null || fail "first install failed"
  local out
  out=$(install PATH="$(sandbox_path node)") || fail "second install failed: $out"
  assert_eq "$out" "$(install --path)"
}

test_a_package_that_does_not_match_its_pinned_integrity_is_removed() {
  copy_dynoxide
  local platform out
  platform=$(this_platform)
  node -e 'const fs = require("fs"), file = process.argv[1], manifest = JSON.parse(fs.readFileSync(file));
    manifest.config.integrity = { ["@dynoxide/" + process.argv[2]]: "sha512-" + "A".repeat(86) + "==" };
    fs.writeFileSync(file, JSON.stringify(manifest));' "$tmp/dynoxide/package.json" "$platform"
  out=$(install) && fail "install succeeded: $out"
  assert_contains "$out" "dynoxide: @dynoxide/$platform@1.2.1 does not match the integrity package.json pins: expected sha512-AAAA"
  [ ! -e "$tmp/dynoxide/node_modules/@dynoxide/$platform" ] || fail "the package is still installed"
}

test_the_pin_of_linux_x64_is_the_one_npm_records() {
  [ "$(this_platform)" = linux-x64 ] || return 0  # the one package this repository can verify (CI's platform)
  copy_dynoxide
  install >/dev/null || fail "install failed"
  assert_eq "$(node -p 'require(process.argv[1]).packages["node_modules/@dynoxide/linux-x64"].integrity' \
    "$tmp/dynoxide/node_modules/.package-lock.json")" \
    "$(node -p 'require(process.argv[1]).config.integrity["@dynoxide/linux-x64"]' "$repo/tools/dynoxide/package.json")"
}
