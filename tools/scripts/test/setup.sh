# tools/scripts/setup on fake machines: uname, mvn, node, npm and java are stubs in $tmp/bin, $tmp/root stands for /.

os() { # os Darwin | os Linux 'ID=...' ...: a uname stub and, for Linux, the lines of /etc/os-release
  stub uname "echo $1"
  shift
  mkdir -p "$tmp/root/etc"
  printf '%s\n' "$@" >"$tmp/root/etc/os-release"
}

toolchain() { # a JDK 21 found by java-home, Maven 3.9.9 and Node.js 20 with npm on PATH, java on PATH of version $1
  fake_jdk "$tmp/root/usr/lib/jvm/temurin-21-jdk" 21.0.7
  stub mvn 'echo "Apache Maven 3.9.9 (8e8579a9e76f7d015ee5ec7bfcdc97d260186937)"'
  stub node 'echo v20.18.0'
  stub npm 'echo 10.8.2'
  fake_jdk "$tmp/path-jdk" "$1"
  ln -s "$tmp/path-jdk/bin/java" "$tmp/bin/java"
}

setup() { # runs setup on the fake machine, no local DynamoDB to install; prints stdout and stderr
  env -u JAVA_HOME -u SDKMAN_DIR HOME="$tmp/home" WORKSHOP_SYSTEM_ROOT="$tmp/root" PATH="$(sandbox_path)" \
    WORKSHOP_DYNAMODB_ENDPOINT=http://127.0.0.1:8000 "$repo/tools/scripts/setup" 2>&1
}

test_macos_missing_everything_is_told_the_brew_commands() {
  os Darwin
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "setup: missing a JDK 21 or newer. Install it: brew install openjdk@21"
  assert_contains "$out" "setup: missing Maven 3.8 or newer (mvn). Install it: brew install maven"
  assert_contains "$out" "setup: missing Node.js 18 or newer with npm, for the local DynamoDB (dynoxide). Install it: brew install node"
}

test_debian_is_told_the_apt_commands() {
  os Linux 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"' 'ID=debian'
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "Install it: sudo apt-get install openjdk-21-jdk"
  assert_contains "$out" "Install it: sudo apt-get install maven"
  assert_contains "$out" "Install it: sudo apt-get install nodejs npm"
}

test_ubuntu_is_a_debian() {
  os Linux 'ID=ubuntu' 'ID_LIKE=debian' 'VERSION_ID="24.04"'
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "Install it: sudo apt-get install maven"
}

test_fedora_and_its_kin_are_told_the_dnf_commands() {
  local release out
  for release in 'ID=fedora' 'ID="rhel"|ID_LIKE="fedora"' 'ID="rocky"|ID_LIKE="rhel centos fedora"'; do
    IFS='|' read -ra lines <<<"$release"
    os Linux "${lines[@]}"
    out=$(setup) && fail "setup succeeded: $out"
    assert_contains "$out" "Install it: sudo dnf install java-21-openjdk-devel"
    assert_contains "$out" "Install it: sudo dnf install maven"
    assert_contains "$out" "Install it: sudo dnf install nodejs npm"
  done
}

test_another_linux_is_told_a_way_that_works_anywhere() {
  os Linux 'ID=arch'
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "Install it: sdk install java 21-tem, with SDKMAN"
  assert_contains "$out" "Install it: nvm install 20, with nvm"
}

test_an_old_maven_is_named_with_its_version() {
  os Linux 'ID=ubuntu' 'ID_LIKE=debian' 'VERSION_ID="22.04"'
  toolchain 21.0.7
  stub mvn 'echo "Apache Maven 3.6.3"'
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "setup: missing Maven 3.8 or newer: the mvn on PATH ($tmp/bin/mvn) is '3.6.3'. Install it: sudo apt-get install maven"
  assert_contains "$out" "e.g. Ubuntu 22.04: sdk install maven"
}

test_an_old_node_is_named_with_its_version() {
  os Darwin
  toolchain 21.0.7
  stub node 'echo v16.20.2'
  local out
  out=$(setup) && fail "setup succeeded: $out"
  assert_contains "$out" "setup: missing Node.js 18 or newer: the node on PATH is 16.20.2. Install it: brew install node"
}

test_java_17_on_path_is_warned_about_with_the_fix() {
  os Darwin
  toolchain 17.0.12
  local out
  out=$(setup) || fail "setup failed: $out"
  assert_contains "$out" "JDK:      $tmp/root/usr/lib/jvm/temurin-21-jdk"
  assert_contains "$out" "setup: warning: java on PATH is 17: sam build will fail with 'release version 21 not supported'; fix: export JAVA_HOME=\$(tools/scripts/java-home) PATH=\$JAVA_HOME/bin:\$PATH"
}

test_java_8_on_path_reads_as_8() {
  os Darwin
  toolchain 1.8.0_392
  local out
  out=$(setup) || fail "setup failed: $out"
  assert_contains "$out" "setup: warning: java on PATH is 8: sam build will fail"
}

test_java_21_on_path_needs_no_warning() {
  os Darwin
  toolchain 21.0.7
  local out
  out=$(setup) || fail "setup failed: $out"
  assert_contains "$out" "Maven:    3.9.9"
  assert_contains "$out" "Node.js:  20.18.0"
  assert_not_contains "$out" "warning"
}

test_chromium_is_left_to_ci_on_a_mac() {
  os Darwin
  toolchain 21.0.7
  local out
  out=$(setup) || fail "setup failed: $out"
  assert_contains "$out" "Chromium: not needed here; the browser test (module 4) runs in CI, on Debian's chromium"
}

test_chromium_install_command_on_debian_without_root() {
  os Linux 'ID=debian'
  toolchain 21.0.7
  stub id 'echo 1000'
  local out
  out=$(setup) || fail "setup failed: $out"
  assert_contains "$out" "to run it here: sudo apt-get install chromium chromium-driver"
}
