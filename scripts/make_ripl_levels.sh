#!/usr/bin/env bash
# Regenerate the RIPL-3 based level files of data/deexcitation/ (scripts/ripl_levels_to_lenu.py).
# Usage: scripts/make_ripl_levels.sh DIR_WITH_zZZZ.dat COMMIT   (RIPL files from GitHub
# LLNL/Yet-Another-Hauser-Feshbach-Code Data/levels/, e.g. git show COMMIT:Data/levels/z008.dat > DIR/z008.dat)
set -euo pipefail
dir=$1; commit=$2; here=$(cd "$(dirname "$0")/.." && pwd)
for pair in 8:16O:O16 20:40Ca:Ca40 26:56Fe:Fe56 53:127I:I127 82:208Pb:Pb208 9:16F:F16 21:40Sc:Sc40 27:56Co:Co56 \
            54:127Xe:Xe127 83:208Bi:Bi208 7:16N:N16 5:12B:B12 17:40Cl:Cl40; do
  IFS=: read -r z s f <<<"$pair"; zz=$(printf %03d "$z")
  python3 "$here/scripts/ripl_levels_to_lenu.py" "$dir/z$zz.dat" "$s" --commit "$commit" \
    --path "Data/levels/z$zz.dat" > "$here/data/deexcitation/$f.dat"
done
