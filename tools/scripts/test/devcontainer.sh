# tools/devcontainer-check/check on workspaces in $tmp holding a changed copy of .devcontainer/devcontainer.json.

workspace_with() { # workspace_with NODE-EXPRESSION: the repository's devcontainer.json as `config`, changed by it
  mkdir -p "$tmp/ws/.devcontainer"
  cp "$repo/workshop" "$tmp/ws/"
  node -e 'const fs = require("fs"), config = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    eval(process.argv[2]); fs.writeFileSync(process.argv[3], JSON.stringify(config, null, 2));' \
    "$repo/.devcontainer/devcontainer.json" "$1" "$tmp/ws/.devcontainer/devcontainer.json"
}

check() { env -u CI "$repo/tools/devcontainer-check/check" "$tmp/ws" 2>&1; }

test_the_repositorys_configuration_as_written_passes() {
  workspace_with ''
  local out
  out=$(check) || fail "$out"
  assert_contains "$out" "then ./workshop setup, port 3000"
}

test_a_misspelt_property_is_caught() {
  workspace_with 'config.fowardPorts = config.forwardPorts; delete config.forwardPorts;'
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" 'unknown property "fowardPorts"'
  assert_contains "$out" "it must give port 3000 forwarded"
}

test_json_the_cli_would_read_leniently_is_caught() {
  workspace_with ''
  sed -i 's/"forwardPorts"/"forwardPorts" "x": 1,/' "$tmp/ws/.devcontainer/devcontainer.json"
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "devcontainer.json is not plain JSON"
}

test_a_missing_promise_is_named() {
  workspace_with 'delete config.postCreateCommand; config.features["ghcr.io/devcontainers/features/java:1"].version = "17";'
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "it must give postCreateCommand ./workshop setup"
  assert_contains "$out" "it must give JDK 21 and Maven"
}
