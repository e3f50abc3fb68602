#!/usr/bin/env python3
"""CEvNS sigma(E) of 40Ar (Helm) over 1e5 energies from Python: the vectorised
CevnsCrossSection.sigma(numpy array) (one C++ loop) next to a Python loop of scalar calls.
Compare with the C++ loop build/release/bench/bench_cevns_sigma_loop (issue 11: within 2x).

    PYTHONPATH=build/release/python /usr/bin/python3 bench/bench_python_cevns.py
Not a test (timings are not asserted); prints ms per 1e5 evaluations (best of N repeats).
"""
import time

import numpy as np

import lenu


def best(fn, repeats, clock=time.perf_counter):
    t = []
    for _ in range(repeats):
        t0 = clock()
        fn()
        t.append(clock() - t0)
    return min(t)


def main():
    ar = lenu.nuclide("Ar40")
    xs = lenu.CevnsCrossSection(ar, "helm")
    e = np.linspace(1.0, 100.0, 100000)  # MeV
    vec = best(lambda: xs.sigma(e), 7)
    cpu = best(lambda: xs.sigma(e), 7, time.process_time)  # CPU time: robust on a shared machine
    sub = e[:10000]
    loop = best(lambda: [xs.sigma(float(x)) for x in sub], 3) * 10
    print(f"vectorised sigma(E), 1e5 energies : {vec * 1e3:8.2f} ms  ({vec / e.size * 1e9:.0f} ns per energy)")
    print(f"vectorised sigma(E), CPU time     : {cpu * 1e3:8.2f} ms  (compare the CPU column of bench_cevns_sigma_loop)")
    print(f"python loop of scalar calls (est.): {loop * 1e3:8.2f} ms")
    assert np.array_equal(xs.sigma(sub), np.array([xs.sigma(float(x)) for x in sub]))


if __name__ == "__main__":
    main()
