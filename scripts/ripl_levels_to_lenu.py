#!/usr/bin/env python3
"""Convert one nucleus of the RIPL-3 discrete-level library (levels/zZZZ.dat) to lenu's level layout.

Our own code (stdlib only). Input format: RIPL-3 levels.readme (8 Jan 2009), "Format" section:
  identification record (a5,6i5,2f12.6): SYMB A Z Nol Nog Nmax Nc Sn[MeV] Sp[MeV]
  level record (i3,1x,f10.6,1x,f5.1,i3,1x,e10.2,i3,...): N Elv[MeV] s p T1/2[s] Ng ...
      s = -1.0: unknown spin; p = 0: unknown parity; T1/2 blank: unknown; -1.0: stable
  gamma record (39x,i4,1x,f10.3,3(1x,e10.3)): Nf (1-based) Eg[MeV] Pg Pe ICC
Output layout (data/deexcitation/K40.dat header): block "Z A n"; level lines
"E_MeV 2J parity ngammas T_half_s|?|gs"; gamma lines "E_gamma_MeV branching final_index" (0-based).

Choices (repeated in every generated header):
  * cutoff: levels with E < min(Sn, Sp) of the RIPL header and RIPL index <= 50 (Nmax is reported, not applied).
  * levels that RIPL marks as decaying mostly (> 50 %) by particle emission (%A, %P, %N, ...) are DROPPED (the
    generator's Hauser-Feshbach / evaporation treats particle emission; RIPL gives no S_alpha).
  * levels with unknown spin (s = -1) or unknown parity (p = 0), and levels without gamma records (other than the
    ground state), are DROPPED; gammas feeding a dropped level are removed, the remaining branches renormalised;
    a level left without gammas is dropped too (repeated until stable). No gamma to the ground state is invented.
  * branching: Pe (electromagnetic transition probability, gamma + conversion) renormalised to sum 1 per level;
    if all Pe are 0, Pg; if all Pg are 0 too (ENSDF gives no branching), equal branches (an assumption, counted);
    a gamma with probability 0 next to branches > 0 of the same level (no ENSDF intensity) is dropped (weight 0).
  * E_gamma is RIPL's Eg (recoil not removed); a gamma with |Eg - (Ei - Ef)| > 10 keV (inconsistent with its
    final-level index in RIPL) is DROPPED and listed in the header.
Usage: ripl_levels_to_lenu.py zZZZ.dat SYMB(e.g. 16O) --repo R --commit C --path P > out.dat
"""
import argparse
import re
import sys

PARTICLE_MODES = ("%A", "%P", "%N", "%2P", "%2N", "%D", "%T", "%3HE")
MODE_RE = re.compile(r"([=<>?]|AP|GE|LE|LT|GT|SY)\s+([0-9.]+(?:E[+-]?[0-9]+)?)\s+(%[A-Z0-9+]+)")


def particle_fraction(tail):
    """Summed percentage of particle-emission modes (%A, %P, %N, ...) listed in a RIPL level record."""
    return sum(float(x) for _, x, mode in MODE_RE.findall(tail) if mode in PARTICLE_MODES)

MAX_INDEX = 50
TOL_MEV = 0.010


def parse_nucleus(lines, symb):
    i = 0
    while i < len(lines):
        ln = lines[i]
        if len(ln) >= 5 and ln[:5].strip() == symb and len(ln.split()) >= 9:
            f = ln.split()
            hdr = dict(A=int(f[1]), Z=int(f[2]), nol=int(f[3]), nog=int(f[4]), nmax=int(f[5]), nc=int(f[6]),
                       sn=float(f[7]), sp=float(f[8]))
            i += 1
            levels = []
            for _ in range(hdr["nol"]):
                r = lines[i]
                i += 1
                t = r[24:34].strip()
                lv = dict(n=int(r[0:3]), e=float(r[4:14]), s=float(r[15:20]), p=int(r[20:23]),
                          t=float(t) if t else None, ng=int(r[34:37]), spins=r[37:60].strip(), gammas=[],
                          pfrac=particle_fraction(r[60:]))
                for _ in range(lv["ng"]):
                    g = lines[i]
                    i += 1
                    lv["gammas"].append(dict(nf=int(g[39:43]), eg=float(g[44:54]), pg=float(g[55:65]),
                                             pe=float(g[66:76])))
                levels.append(lv)
            return hdr, levels
        i += 1
    raise SystemExit(f"nucleus {symb} not found")


def ok(keep, n, g):
    return g["nf"] in keep and g["nf"] < n and not g.get("bad")


def convert(hdr, levels):
    smin = min(hdr["sn"], hdr["sp"])
    notes = dict(unknown_jpi=[], no_gamma=[], orphaned=[], equal=[], particle=[], zero=0)
    cand = [lv for lv in levels if lv["n"] <= MAX_INDEX and (lv["n"] == 1 or lv["e"] < smin)]
    keep = {}
    for lv in cand:
        if lv["n"] == 1:
            keep[1] = lv
            continue
        if lv["s"] < 0 or lv["p"] == 0:
            notes["unknown_jpi"].append(lv["e"])
            continue
        if lv["pfrac"] > 50.0:
            notes["particle"].append(lv["e"])
            continue
        if lv["ng"] == 0:
            notes["no_gamma"].append(lv["e"])
            continue
        keep[lv["n"]] = lv
    if keep[1]["s"] < 0 or keep[1]["p"] == 0:
        raise SystemExit("ground state without unique J^pi")
    bad = []
    for n, lv in keep.items():
        for g in lv["gammas"]:
            f = next((x for x in levels if x["n"] == g["nf"]), None)
            if f is None or abs(g["eg"] - (lv["e"] - f["e"])) > TOL_MEV:
                bad.append((g["eg"], lv["e"], f["e"] if f else float("nan")))
                g["bad"] = True
    notes["bad"] = bad
    changed = True
    while changed:
        changed = False
        for n in sorted(keep):
            if n == 1:
                continue
            gs = [g for g in keep[n]["gammas"] if ok(keep, n, g)]
            if not gs:
                notes["orphaned"].append(keep[n]["e"])
                del keep[n]
                changed = True
                break
    order = sorted(keep)
    index = {n: k for k, n in enumerate(order)}
    out = []
    for n in order:
        lv = keep[n]
        gs = [g for g in lv["gammas"] if ok(keep, n, g)]
        w = [g["pe"] for g in gs]
        if sum(w) <= 0:
            w = [g["pg"] for g in gs]
        if gs and sum(w) <= 0:
            w = [1.0] * len(gs)
            notes["equal"].append(lv["e"])
        if any(x <= 0 for x in w):
            notes["zero"] += sum(1 for x in w if x <= 0)
            gs = [g for g, x in zip(gs, w) if x > 0]
            w = [x for x in w if x > 0]
        tot = sum(w)
        gam = []
        for g, x in zip(gs, w):
            de = lv["e"] - keep[g["nf"]]["e"]
            assert abs(g["eg"] - de) <= TOL_MEV
            gam.append((g["eg"], x / tot, index[g["nf"]]))
        if n == 1:
            th = "gs"
        elif lv["t"] is None or lv["t"] <= 0:
            th = "?"
        else:
            th = f"{lv['t']:.4g}"
        out.append((lv["e"], int(round(2 * lv["s"])), "+" if lv["p"] > 0 else "-", th, gam, n))
    return out, notes, smin


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ripl")
    ap.add_argument("symb")
    ap.add_argument("--repo", default="LLNL/Yet-Another-Hauser-Feshbach-Code")
    ap.add_argument("--commit", required=True)
    ap.add_argument("--path", required=True)
    a = ap.parse_args()
    with open(a.ripl, encoding="latin-1") as fh:
        lines = fh.read().splitlines()
    hdr, levels = parse_nucleus(lines, a.symb)
    out, notes, smin = convert(hdr, levels)
    fmt = lambda xs: ", ".join(f"{x:g}" for x in xs) if xs else "none"
    nhalf = sum(1 for o in out[1:] if o[3] != "?")
    above = [o[0] for o in out if o[5] > hdr["nmax"]]
    w = sys.stdout.write
    w(f"# Discrete levels and gamma branching of {a.symb} for lenu's de-excitation (src/lenu/generator/Deexcitation.hpp).\n")
    w("# Layout (as K40.dat): block header \"Z A number_of_levels\"; level lines \"E_MeV 2J parity number_of_gammas T_half_s\"\n")
    w("# (T_half_s: half-life [s], '?' = unknown in RIPL-3 (gammas emitted promptly), 'gs' = ground state); gamma lines\n")
    w("# \"E_gamma_MeV branching_ratio final_level_index\" (index 0 = ground state; ratios renormalised on reading too).\n")
    w("# SOURCE: RIPL-3 discrete-level library, ENSDF (Nov. 2007) based (M. Verpelli, R. Capote Noy, INDC(NDS)-0702, IAEA 2015;\n")
    w("# R. Capote et al., Nucl. Data Sheets 110 (2009) 3107), file levels/z%03d.dat, nucleus block '%s', read from GitHub\n" % (hdr["Z"], a.symb))
    w(f"# {a.repo} {a.path} (commit {a.commit}).\n")
    w("# GENERATED by scripts/ripl_levels_to_lenu.py (do not edit by hand). What was done:\n")
    w(f"# - cutoff: levels below min(Sn, Sp) = {smin:g} MeV (RIPL header Sn = {hdr['sn']:g}, Sp = {hdr['sp']:g} MeV) with RIPL index <= {MAX_INDEX};\n")
    w(f"#   RIPL completeness Nmax = {hdr['nmax']} (kept levels beyond it: {fmt(above)} MeV). The alpha separation energy is not in\n")
    w("#   RIPL; instead levels RIPL marks as decaying > 50 % by particle emission (%A, %P, %N...) are DROPPED:\n")
    w(f"#   {fmt(notes['particle'])} MeV. Kept levels above S_alpha decay here by gammas only (their small %A ignored).\n")
    w("# - 2J = 2 * RIPL spin; parity from RIPL p. RIPL spins/parities below Umax include values INFERRED by RIPL (gamma analysis\n")
    w("#   or spin distribution; 'method not coded' for parities) - an assumption inherited from RIPL-3, not a measurement.\n")
    w(f"# - DROPPED, unknown spin or parity (RIPL s = -1 or p = 0): {fmt(notes['unknown_jpi'])} MeV.\n")
    w(f"# - DROPPED, no gamma records in RIPL (particle-decaying or unknown decay): {fmt(notes['no_gamma'])} MeV.\n")
    w(f"# - DROPPED, all gammas went to dropped levels: {fmt(notes['orphaned'])} MeV. Gammas feeding dropped levels were removed.\n")
    bl = "; ".join(f"Eg {b[0]:g} from {b[1]:g} to {b[2]:g}" for b in notes["bad"]) or "none"
    w(f"# - DROPPED gammas with |Eg - (Ei - Ef)| > 10 keV (RIPL final index inconsistent), MeV: {bl}.\n")
    w("#   No gamma to the ground state was invented for any level.\n")
    w("# - branching = RIPL Pe (gamma + internal conversion probability of each transition) renormalised to 1 per level\n")
    w(f"#   (Pg if all Pe = 0); equal branches assumed (no ENSDF branching) at: {fmt(notes['equal'])} MeV; gammas of\n")
    w(f"#   probability 0 beside branches > 0 of the same level (no ENSDF intensity) dropped: {notes['zero']}. Particle-decay\n")
    w("#   fractions of a level (RIPL %A, %P, %N) are ignored here: kept levels decay by gammas only.\n")
    w("# - a 0+ -> 0+ transition (E0: conversion electron or e+e- pair, no single gamma) is kept as RIPL lists it; lenu's\n")
    w("#   cascade emits it as one photon of that energy (an approximation: the deposited energy is right, the particle type not).\n")
    w("# - E_gamma = RIPL Eg (checked |Eg - (Ei - Ef)| <= 10 keV); T_half = RIPL T1/2 (widths converted to T1/2 by RIPL).\n")
    w(f"# Levels: {len(out)} (with a half-life: {nhalf} excited + gs).\n")
    w("# LICENCE: RIPL-3 is public data of the IAEA Nuclear Data Section (https://www-nds.iaea.org/RIPL-3/), free to use with\n")
    w("# citation of the references above.\n")
    w(f"{hdr['Z']} {hdr['A']} {len(out)}\n")
    for e, tj, par, th, gam, _ in out:
        w(f"  {e:.6g} {tj} {par} {len(gam)} {th}\n")
        for eg, br, f in gam:
            w(f"    {eg:.6g} {br:.6g} {f}\n")


if __name__ == "__main__":
    main()
