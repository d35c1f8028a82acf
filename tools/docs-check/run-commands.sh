#!/usr/bin/env bash
# Runs the offline commands of README.md and docs/*.md as a learner would, from the repository root:
# every ```bash run block (must exit 0 and print what the ```output block after it shows), every
# ```bash run-background block (./workshop run N) as a server for the blocks after it, whose printed
# URLs are then requested before it is stopped. Needs what the guides need: `./workshop setup` done and the
# stages and local runtime built (`mvn verify` or `mvn install` at the root). Ends with "docs: N passed, M failed".
# Arguments name the guides to run (docs/module-3-counter.md ...); by default all of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec tools/maven/mvnw -q -f tools/docs-check compile exec:java -Dexec.mainClass=com.example.workshop.docs.DocCommands -Dexec.args="$*"
