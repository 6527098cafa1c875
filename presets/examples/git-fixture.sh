#!/bin/sh
# Creates the small git repository the git-history preset asks about, with fixed authors, dates
# and contents, so its history (and every commit id) is the same on every machine.
# Usage: presets/examples/git-fixture.sh DIR   (DIR must not exist yet, or be empty)
set -eu
dir=${1:?usage: git-fixture.sh DIR}
mkdir -p "$dir"
cd "$dir"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_SYSTEM=/dev/null
git init -q -b main
commit() { # author email date file line subject
  printf '%s\n' "$5" >> "$4"
  git add "$4"
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
  GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
    git commit -q -m "$6"
}
commit "Ada Lovelace" ada@example.com 2026-01-05T09:00:00Z ledger.md "# Ledger format" "Add the ledger format"
commit "Grace Hopper" grace@example.com 2026-01-07T10:30:00Z invoices.txt "INV-1 120.00" "Compile the invoices"
commit "Ada Lovelace" ada@example.com 2026-01-09T14:15:00Z ledger.md "Totals round half to even." "Fix rounding in totals"
commit "Katherine Johnson" katherine@example.com 2026-01-12T08:45:00Z orbit.txt "check: 3 orbits" "Add orbit checks"
commit "Grace Hopper" grace@example.com 2026-01-15T16:00:00Z CHANGELOG.md "1.0: first release" "Release 1.0"
