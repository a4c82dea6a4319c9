#!/usr/bin/env bash
# Writes the benchmark seed CSV: ROWS rows of id, customer_code (leading zeros), name (some quoted
# with a comma), amount (decimal), is_active (boolean), order_date (date), updated_at (timestamp
# with milliseconds), note (empty = NULL, some quoted with doubled quotes and an embedded newline)
# and zip (five digits, leading zeros). Deterministic (awk srand(42)).
#
#   scripts/bench/seed-csv.sh ROWS OUT.csv
set -euo pipefail
rows=$1
out=$2
awk -v rows="$rows" 'BEGIN {
  srand(42)
  print "id,customer_code,name,amount,is_active,order_date,updated_at,note,zip"
  for (i = 1; i <= rows; i++) {
    name = (i % 7 == 0) ? sprintf("\"Smith, Jane %d\"", i) : sprintf("customer_%d", i)
    note = (i % 11 == 0) ? "\"said \"\"hi\"\"\nthen left\"" : ((i % 5 == 0) ? "" : sprintf("note number %d for this row", i))
    printf "%d,C%06d,%s,%d.%02d,%s,2024-%02d-%02d,2024-%02d-%02d %02d:%02d:%02d.%03d,%s,%05d\n",
      i, i % 1000000, name, int(rand() * 100000), i % 100, (i % 3 ? "true" : "false"),
      1 + i % 12, 1 + i % 28, 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, i % 1000, note, i % 100000
  }
}' >"$out"
