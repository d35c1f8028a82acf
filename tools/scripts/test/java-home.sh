# tools/scripts/java-home on fake macOS and Linux machines: $tmp/root stands for /, $tmp/home for ~.

java_home() { # runs java-home on the fake machine; prints its stdout, then its stderr
  env -u JAVA_HOME -u SDKMAN_DIR HOME="$tmp/home" WORKSHOP_SYSTEM_ROOT="$tmp/root" PATH="$(sandbox_path)" \
    "$@" "$repo/tools/scripts/java-home" 2>&1
}

test_linux_takes_the_newest_jdk_under_usr_lib_jvm() {
  fake_jdk "$tmp/root/usr/lib/jvm/java-17-openjdk-amd64" 17.0.15
  fake_jdk "$tmp/root/usr/lib/jvm/temurin-21-jdk-amd64" 21.0.7
  fake_jdk "$tmp/root/usr/lib/jvm/temurin-25-jdk-amd64" 25.0.3
  assert_eq "$(java_home)" "$tmp/root/usr/lib/jvm/temurin-25-jdk-amd64"
}

test_java_home_env_is_kept_when_it_is_21_or_newer() {
  fake_jdk "$tmp/root/usr/lib/jvm/temurin-25-jdk-amd64" 25.0.3
  fake_jdk "$tmp/jdk-21" 21.0.7
  assert_eq "$(java_home JAVA_HOME="$tmp/jdk-21")" "$tmp/jdk-21"
}

test_java_home_env_older_than_21_is_passed_over() {
  fake_jdk "$tmp/jdk-17" 17.0.15
  fake_jdk "$tmp/root/usr/lib/jvm/temurin-21-jdk-amd64" 21.0.7
  assert_eq "$(java_home JAVA_HOME="$tmp/jdk-17")" "$tmp/root/usr/lib/jvm/temurin-21-jdk-amd64"
}

test_macos_asks_usr_libexec_java_home() {
  fake_jdk "$tmp/elsewhere/zulu-21.jdk/Contents/Home" 21.0.5
  mkdir -p "$tmp/root/usr/libexec"
  printf '#!/bin/sh\n[ "$1 $2" = "-v 21+" ] && echo "%s"\n' "$tmp/elsewhere/zulu-21.jdk/Contents/Home" \
    >"$tmp/root/usr/libexec/java_home"
  chmod +x "$tmp/root/usr/libexec/java_home"
  assert_eq "$(java_home)" "$tmp/elsewhere/zulu-21.jdk/Contents/Home"
}

test_an_answer_of_java_home_older_than_21_is_not_taken() {
  fake_jdk "$tmp/elsewhere/jdk-17.jdk/Contents/Home" 17.0.9
  mkdir -p "$tmp/root/usr/libexec"
  printf '#!/bin/sh\necho "%s"\n' "$tmp/elsewhere/jdk-17.jdk/Contents/Home" >"$tmp/root/usr/libexec/java_home"
  chmod +x "$tmp/root/usr/libexec/java_home"
  local out
  out=$(java_home) && fail "java-home succeeded: $out"
  assert_contains "$out" "No JDK 21 or newer found"
  assert_not_contains "$out" "jdk-17"
}

test_macos_finds_library_java_virtual_machines() {
  fake_jdk "$tmp/root/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home" 17.0.12
  fake_jdk "$tmp/root/Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home" 21.0.4
  assert_eq "$(java_home)" "$tmp/root/Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home"
}

test_macos_finds_homebrews_openjdk_keg() {
  fake_jdk "$tmp/root/opt/homebrew/opt/openjdk@21/libexec/openjdk.jdk/Contents/Home" 21.0.6
  assert_eq "$(java_home)" "$tmp/root/opt/homebrew/opt/openjdk@21/libexec/openjdk.jdk/Contents/Home"
}

test_intel_homebrew_too() {
  fake_jdk "$tmp/root/usr/local/opt/openjdk/libexec/openjdk.jdk/Contents/Home" 23.0.1
  assert_eq "$(java_home)" "$tmp/root/usr/local/opt/openjdk/libexec/openjdk.jdk/Contents/Home"
}

test_sdkman_candidates_in_the_home_folder() {
  fake_jdk "$tmp/home/.sdkman/candidates/java/17.0.12-tem" 17.0.12
  fake_jdk "$tmp/home/.sdkman/candidates/java/21.0.5-tem" 21.0.5
  assert_eq "$(java_home)" "$tmp/home/.sdkman/candidates/java/21.0.5-tem"
}

test_sdkman_dir_where_it_is_set() {
  fake_jdk "$tmp/sdkman/candidates/java/21.0.5-tem" 21.0.5
  assert_eq "$(java_home SDKMAN_DIR="$tmp/sdkman")" "$tmp/sdkman/candidates/java/21.0.5-tem"
}

test_the_jdk_of_the_javac_on_path() {
  fake_jdk "$tmp/tools/jdk-22" 22.0.2
  mkdir -p "$tmp/bin"
  ln -s "$tmp/tools/jdk-22/bin/javac" "$tmp/bin/javac"
  assert_eq "$(java_home)" "$tmp/tools/jdk-22"
}

test_a_jre_is_no_jdk() {
  fake_jdk "$tmp/root/usr/lib/jvm/jre-21" 21.0.7
  rm "$tmp/root/usr/lib/jvm/jre-21/bin/javac"
  local out
  out=$(java_home) && fail "java-home succeeded: $out"
  assert_contains "$out" "./workshop setup prints how to install one"
}

test_only_old_jdks_is_an_error_and_prints_no_home() {
  fake_jdk "$tmp/root/usr/lib/jvm/java-17-openjdk-amd64" 17.0.15
  fake_jdk "$tmp/root/Library/Java/JavaVirtualMachines/jdk-11.jdk/Contents/Home" 11.0.2
  fake_jdk "$tmp/home/.sdkman/candidates/java/8.0.392-tem" 1.8.0_392
  local stdout
  stdout=$(env -u JAVA_HOME HOME="$tmp/home" WORKSHOP_SYSTEM_ROOT="$tmp/root" PATH="$(sandbox_path)" \
    "$repo/tools/scripts/java-home" 2>/dev/null) && fail "java-home succeeded"
  assert_eq "$stdout" ""
}
