# tools/scripts/check-events on small repository trees in $tmp.

stages() { # two stages with their events, and the top-level events/ as links
  local stage
  for stage in module-1-hello module-2-table; do
    mkdir -p "$tmp/repo/$stage/events" "$tmp/repo/events"
    echo '{"path": "/"}' >"$tmp/repo/$stage/events/get-root.json"
    ln -s "../$stage/events" "$tmp/repo/events/$stage"
  done
}

check() { "$repo/tools/scripts/check-events" "$tmp/repo" 2>&1; }

test_this_repository_passes() {
  local out
  out=$("$repo/tools/scripts/check-events" 2>&1) || fail "$out"
}

test_links_pass() {
  stages
  assert_eq "$(check)" "events/: one entry for each of the 2 stages, each its stage's events/ folder"
}

test_equal_copies_pass() {
  stages
  rm "$tmp/repo/events/module-1-hello"
  cp -r "$tmp/repo/module-1-hello/events" "$tmp/repo/events/module-1-hello"
  check >/dev/null || fail "$(check)"
}

test_a_link_checked_out_as_a_text_file_is_reported_with_the_fix() {
  stages
  rm "$tmp/repo/events/module-2-table"
  printf '../module-2-table/events' >"$tmp/repo/events/module-2-table"
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "events/module-2-table is a file holding '../module-2-table/events', not a link"
  assert_contains "$out" "Fix: git config core.symlinks true && git checkout -- events"
}

test_a_copy_that_drifted_is_reported() {
  stages
  rm "$tmp/repo/events/module-1-hello"
  cp -r "$tmp/repo/module-1-hello/events" "$tmp/repo/events/module-1-hello"
  echo '{"path": "/changed"}' >"$tmp/repo/module-1-hello/events/get-root.json"
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "events/module-1-hello is a copy that differs from module-1-hello/events"
}

test_a_link_to_the_wrong_stage_is_reported() {
  stages
  ln -sfn ../module-1-hello/events "$tmp/repo/events/module-2-table"
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "events/module-2-table links to '../module-1-hello/events', not to ../module-2-table/events"
}

test_a_missing_link_and_a_stale_one_are_reported() {
  stages
  mv "$tmp/repo/module-2-table" "$tmp/repo/module-2-tables"
  local out
  out=$(check) && fail "check passed: $out"
  assert_contains "$out" "events/module-2-tables is missing; add it: ln -s ../module-2-tables/events events/module-2-tables"
  assert_contains "$out" "events/module-2-table names no stage with an events/ folder"
}
