# ./workshop's launch of the local runtime, in a copy of the script with a fake JDK and a built jar in $tmp/repo.

fake_repo() { # a repository whose local runtime is built (jar newer than its sources) and whose java prints its args
  mkdir -p "$tmp/repo/tools/scripts" "$tmp/repo/tools/local-runtime/src/main" "$tmp/jdk/bin"
  cp "$repo/workshop" "$tmp/repo/workshop"
  printf '#!/bin/sh\necho "%s"\n' "$tmp/jdk" >"$tmp/repo/tools/scripts/java-home"
  printf '#!/bin/sh\necho "java $*"\n' >"$tmp/jdk/bin/java"
  chmod +x "$tmp/repo/tools/scripts/java-home" "$tmp/jdk/bin/java"
  touch -d '2 hours ago' "$tmp/repo/tools/local-runtime/pom.xml" "$tmp/repo/tools/local-runtime/src/main"
  mkdir -p "$tmp/repo/tools/local-runtime/target"
  touch -d '1 hour ago' "$tmp/repo/tools/local-runtime/target/local-runtime.jar"
}

test_an_archive_older_than_the_runtime_jar_is_deleted_before_the_jvm_starts() {
  fake_repo
  touch -d '90 minutes ago' "$tmp/repo/tools/local-runtime/target/local-runtime.jsa"
  assert_contains "$("$tmp/repo/workshop" smoke x)" "-XX:+AutoCreateSharedArchive"
  [ ! -e "$tmp/repo/tools/local-runtime/target/local-runtime.jsa" ] || fail "the stale archive is still there"
}

test_an_archive_newer_than_the_runtime_jar_is_kept() {
  fake_repo
  touch -d '30 minutes ago' "$tmp/repo/tools/local-runtime/target/local-runtime.jsa"
  "$tmp/repo/workshop" smoke x >/dev/null
  [ -e "$tmp/repo/tools/local-runtime/target/local-runtime.jsa" ] || fail "the archive was deleted"
}
