"""`lenu figures --out DIR` (one command) makes every figure of the talk whose physics exists, and each
figure's CSV shows the physics it is about. Figures are made once per session (conftest.figures_dir)."""
import csv
import math

import numpy as np
import pytest

import lenu

CM2 = lenu.units.cm2


def load(path):
    """(comment lines, rows as dicts of strings) of a lenu CSV."""
    lines = open(path).read().splitlines()
    comments = [l[2:] for l in lines if l.startswith("#")]
    rows = list(csv.DictReader([l for l in lines if not l.startswith("#")]))
    return comments, rows


def col(rows, name, where=None):
    return np.array([float(r[name]) for r in rows if where is None or where(r)])


def test_summary_lists_every_figure(figures_dir):
    out, stdout = figures_dir
    _, rows = load(out / "figures.csv")
    status = {int(r["figure"]): r["status"] for r in rows}
    assert sorted(status) == list(range(1, 10))
    assert all(status[i] == "made" for i in range(1, 9)), status
    has_supernova = any("supernova" in n.lower() for n in dir(lenu))
    assert status[9] == ("made" if has_supernova else "missing")
    assert "MISSING" in rows[8]["note"] or has_supernova
    for r in rows:
        for f in filter(None, r["files"].split(";")):
            assert (out / f).stat().st_size > 100, f
            if f.endswith(".csv"):
                comments, data = load(out / f)
                assert comments and data, f
                header = list(data[0].keys())
                # every numeric column names its unit or is dimensionless by construction
                assert all(("_" in h) or h in ("channel", "model", "figure", "citation", "experiment") for h in header), (f, header)


def test_fig1_prompt_and_delayed_timing(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig1_timing.csv")
    t = col(rows, "t_ns")
    numu, nue, numubar, pulse = (col(rows, k) for k in ("numu_per_ns", "nue_per_ns", "numubar_per_ns", "proton_pulse_per_ns"))
    assert np.trapz(pulse, t) == pytest.approx(1.0, rel=1e-2)  # fine histogram pulse sampled every 1 ns
    assert np.trapz(numu, t) == pytest.approx(1.0, rel=1e-3)
    tau_mu = lenu.constants.tau_muon
    # delayed flavours: the fraction beyond 10 us is exp(-10 us / tau_mu) (pulse and pion delay are tiny)
    assert np.trapz(nue, t) == pytest.approx(1 - math.exp(-10000 / tau_mu), rel=2e-2)
    late = t > 1000.0
    prompt_late = np.trapz(numu[late], t[late])
    delayed_late = np.trapz(nue[late], t[late])
    assert prompt_late < 1e-3
    assert delayed_late == pytest.approx(math.exp(-1000 / tau_mu), rel=0.05)
    assert np.array_equal(nue, numubar)
    # prompt peak follows the pulse within tens of ns; delayed peak later
    assert abs(t[np.argmax(numu)] - t[np.argmax(pulse)]) < 60
    assert t[np.argmax(nue)] > t[np.argmax(numu)] + 100
    comments, rows = load(out / "fig1_spectra.csv")
    e = col(rows, "E_MeV")
    emax = lenu.constants.mass_muon / 2
    for k, mean in (("nue_per_MeV", 0.3), ("numubar_per_MeV", 0.35)):
        f = col(rows, k)
        assert np.all(f[e > emax + 1e-6] == 0)
        assert np.trapz(f, e) == pytest.approx(1.0, rel=2e-3)
        assert np.trapz(e * f, e) == pytest.approx(mean * lenu.constants.mass_muon, rel=3e-3)
    assert any("29.79" in c for c in comments)


def test_fig2_cevns_differential(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig2_cevns_dsigma_dT.csv")
    ar = lenu.nuclide("Ar40")
    M = ar.nuclear_mass
    xs = lenu.CevnsCrossSection(ar, "hf:SLy4")
    for E in sorted({float(r["E_MeV"]) for r in rows}):
        sel = lambda r: float(r["E_MeV"]) == E  # noqa: E731
        T = col(rows, "T_keV", sel) * lenu.units.keV
        d = col(rows, "dsigma_dT_cm2_per_keV", sel)
        tmax = col(rows, "Tmax_keV", sel)[0] * lenu.units.keV
        assert tmax == pytest.approx(2 * E * E / (M + 2 * E), rel=1e-7)  # CSV has 8 digits
        assert np.all(d[T > tmax * (1 + 1e-9)] == 0.0)  # the spectrum ends at T_max
        inside = T < 0.999 * tmax
        assert np.all(d[inside] > 0) and np.all(np.diff(d[inside]) < 0)
        area = np.trapz(d[T <= tmax], T[T <= tmax] / lenu.units.keV)
        assert area == pytest.approx(xs.sigma(E) / CM2, rel=1e-3)
    _, rows = load(out / "fig2_cevns_dsigma_dcos.csv")
    for E in (10.0, 50.0):
        sel = lambda r: float(r["E_MeV"]) == E  # noqa: E731
        c = col(rows, "cos_theta", sel)
        d = col(rows, "dsigma_dcos_cm2", sel)
        assert np.argmax(d) == len(c) - 1  # forward peaked
        assert np.trapz(d, c) == pytest.approx(xs.sigma(E) / CM2, rel=1e-3)
    # small-recoil limit: dsigma/dcos = G_F^2 E^2 (1 + cos theta) Q_W^2 F_W^2(q) / (8 pi), q = 2 E sin(theta/2)
    sel = lambda r: float(r["E_MeV"]) == 10.0  # noqa: E731
    c, d = col(rows, "cos_theta", sel), col(rows, "dsigma_dcos_cm2", sel)
    q90 = 2 * 10.0 * math.sin(math.pi / 4) / lenu.constants.hbar_c
    f2 = (xs.weak_charge_form_factor(q90) / xs.weak_charge) ** 2
    assert np.interp(0.0, c, d) / d[-1] == pytest.approx(0.5 * f2, rel=2e-3)


def zero_of(q, f):
    s = np.sign(f)
    i = np.nonzero(s[1:] * s[:-1] < 0)[0][0]
    return q[i] - f[i] * (q[i + 1] - q[i]) / (f[i + 1] - f[i])


def test_fig3_pb208_form_factors(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig3_pb208_charge_form_factor.csv")
    q = col(rows, "q_fm-1")
    fb = zero_of(q, col(rows, "F_ch_deVries_FB"))
    assert 0.62 < fb < 0.70  # first diffraction minimum of 208Pb (de Vries FB)
    for k in rows[0]:
        if k.startswith("F_ch_HF"):
            assert zero_of(q, col(rows, k)) == pytest.approx(fb, rel=0.03), k
            # HF describes the data up to q = 1 fm^-1 to 0.02 (F(0) = 1)
            low = q < 1.0
            assert np.max(np.abs(col(rows, k)[low] - col(rows, "F_ch_deVries_FB")[low])) < 0.02, k
    _, prex = load(out / "fig3_pb208_prex.csv")
    points = {r["experiment"].split()[0]: (float(r["q_fm-1"]), float(r["F_W"]), float(r["F_W_error"])) for r in prex}
    assert points["PREX-I"] == (0.475, 0.204, 0.028)
    # PREX-II (Adhikari et al., PRL 126 (2021) 172502): F_W = 0.368 +- 0.013 at Q^2 = 0.00616 GeV^2
    q2, fw2, err2 = points["PREX-II"]
    assert (fw2, err2) == (0.368, 0.013)
    assert q2 * lenu.constants.hbar_c == pytest.approx(math.sqrt(0.00616) * 1000.0, rel=1e-7)
    _, rows = load(out / "fig3_pb208_weak_form_factor.csv")
    q = col(rows, "q_fm-1")
    for k in rows[0]:
        if k.startswith("F_W_"):
            f = col(rows, k)
            assert f[0] == pytest.approx(1.0, abs=1e-6)
            qp, fw, err = points["PREX-I"]
            assert abs(np.interp(qp, q, f) - fw) < 2 * err, k  # HF within 2 sigma of PREX-I
            # below the first zero F_W falls with q: the lower-q PREX-II point sits higher on every curve
            assert np.interp(q2, q, f) > np.interp(qp, q, f), k
            # PREX-II band: every Skyrme force within 3 sigma of 0.368 +- 0.013 (3.5 % precision, the sharper test;
            # the five forces give 0.378-0.385, all above the point, see docs/validation.md)
            assert abs(np.interp(q2, q, f) - fw2) < 3 * err2, k


def test_fig4_ar40_form_factors(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig4_ar40_charge_form_factor.csv")
    q = col(rows, "q_fm-1")
    fb = zero_of(q, col(rows, "F_ch_deVries_FB"))
    assert 1.1 < fb < 1.3
    for k in rows[0]:
        if k.startswith("F_ch_HF"):
            assert zero_of(q, col(rows, k)) == pytest.approx(fb, rel=0.05), k
    _, rows = load(out / "fig4_ar40_weak_form_factor.csv")
    q = col(rows, "q_fm-1")
    models = [k for k in rows[0] if k.startswith("F_W_")]
    assert {"F_W_Helm", "F_W_Klein_Nystrand", "F_W_HF_SLy4"} <= set(models)
    at = {k: np.interp(0.5, q, col(rows, k)) for k in models}
    for k in models:
        assert col(rows, k)[0] == pytest.approx(1.0, abs=1e-6)
    # models agree at low q within ~5 % (the CEvNS region), differ more near the first zero
    assert max(at.values()) - min(at.values()) < 0.05
    zeros = [zero_of(q, col(rows, k)) for k in models]
    assert max(zeros) - min(zeros) > 0.02


def test_fig5_model_differences(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig5_cevns_model_differences.csv")
    e = col(rows, "E_MeV")
    rel = {k: col(rows, k) for k in rows[0] if k.startswith("rel_")}
    assert len(rel) >= 6
    for k, v in rel.items():
        assert abs(np.interp(5.0, e, v)) < 1e-3, k  # form factors -> 1 at low q: models agree
        assert abs(v[-1]) > abs(np.interp(10.0, e, v)), k  # nuclear structure matters more with energy
    hf = [k for k in rel if k.startswith("rel_HF")]
    assert max(abs(np.interp(50.0, e, rel[k])) for k in hf) < 0.02  # HF forces within 2 % at 50 MeV
    # sigma columns agree with the module
    ar = lenu.nuclide("Ar40")
    assert np.interp(30.0, e, col(rows, "sigma_helm_cm2")) == pytest.approx(
        lenu.CevnsCrossSection(ar, "helm").sigma(30.0) / CM2, rel=1e-6)


def test_fig6_coherent(figures_dir):
    out, _ = figures_dir
    comments, rows = load(out / "fig6_cenns10_spectrum.csv")
    pred = col(rows, "lenu_cevns_counts")
    fit = col(rows, "coherent_cevns_fit_counts")
    dat = col(rows, "data_minus_brn_counts")
    err = col(rows, "data_stat_error_counts")
    assert col(rows, "bin_hi_keVee")[-1] == 40.0
    # lenu's SM total next to the collaboration's SM prediction 128 +- 17 (release)
    assert abs(pred.sum() - 128.0) < 17.0
    # and consistent with the BRN-subtracted data (statistical errors)
    chi2 = np.sum(((dat - pred) / err) ** 2)
    assert chi2 < 2 * len(pred)
    # spectral shape: same falling shape as the collaboration's CEvNS fit, bin fractions within 0.07
    assert np.all(np.diff(pred) < 0)
    assert np.max(np.abs(pred / pred.sum() - fit / fit.sum())) < 0.07
    comments, rows = load(out / "fig6_csi2017_spectrum.csv")
    lo, hi = col(rows, "PE_lo"), col(rows, "PE_hi")
    assert np.all(hi - lo == 2.0) and lo[0] == 0.0 and hi[-1] == 50.0  # the release's 2-PE bins
    roi = (lo >= 6.0) & (hi <= 30.0)
    pred = col(rows, "lenu_cevns_counts")
    excess = col(rows, "data_excess_counts")
    stat = col(rows, "data_excess_stat_error_counts")
    # the released counts as transcribed: beam-on C - AC = 152 events in 6-30 PE, 0-12 us (CSV header)
    assert excess[roi].sum() == 152.0
    assert np.all(excess == col(rows, "beam_on_C_counts") - col(rows, "beam_on_AC_counts"))
    # beam-off: no neutrinos, so C - AC is consistent with zero (the AC window measures the steady background)
    off, off_err = col(rows, "beam_off_excess_counts")[roi], col(rows, "beam_off_excess_stat_error_counts")[roi]
    assert abs(off.sum()) < 2 * math.sqrt(np.sum(off_err ** 2))
    # lenu's SM prediction vs the data excess in 6-30 PE: within the data's statistical error combined with the
    # collaboration's 28 % SM-prediction uncertainty (173 +- 48; quenching dominates it). The excess also holds the
    # prompt beam neutrons (25 % prior in the release, not subtracted here), so the data may sit above the CEvNS alone.
    total_err = math.hypot(math.sqrt(np.sum(stat[roi] ** 2)), 48.0 / 173.0 * pred[roi].sum())
    assert abs(pred[roi].sum() - excess[roi].sum()) < total_err
    # and next to the collaboration's own SM prediction 173 +- 48 (SECONDARY)
    assert abs(pred[roi].sum() - 173.0) < 48.0
    # shape: the predicted spectrum peaks inside the analysis region, like the excess
    assert 6.0 <= lo[np.argmax(pred)] < 30.0


def test_fig7_inelastic(figures_dir):
    out, _ = figures_dir
    comments, rows = load(out / "fig7_ar40_inelastic.csv")
    curves = {(r["channel"], r["model"]) for r in rows}
    assert {("CC", "allowed"), ("CC", "hf"), ("NC", "hf")} <= curves
    # the fixture runs `lenu figures --without-crpa`: crpa is absent and the CSV says why
    assert ("CC", "crpa") not in curves
    assert any("--without-crpa" in c for c in comments)
    for ch, m in curves:
        sel = lambda r, ch=ch, m=m: r["channel"] == ch and r["model"] == m  # noqa: E731
        s = col(rows, "sigma_cm2", sel)
        assert np.all(np.diff(s) > 0), (ch, m)
    e = col(rows, "E_MeV", lambda r: r["channel"] == "CC" and r["model"] == "hf")
    hf = col(rows, "sigma_cm2", lambda r: r["channel"] == "CC" and r["model"] == "hf")
    al = col(rows, "sigma_cm2", lambda r: r["channel"] == "CC" and r["model"] == "allowed")
    # forbidden multipoles grow with energy: the multipole/allowed ratio rises
    assert hf[-1] / al[-1] > hf[np.searchsorted(e, 30.0)] / al[np.searchsorted(e, 30.0)] > 0.5
    nc = col(rows, "sigma_cm2", lambda r: r["channel"] == "NC" and r["model"] == "hf")
    assert np.all(nc < hf)  # NC below CC (no Coulomb enhancement, smaller couplings)


def test_fig8_backward_enhancement(figures_dir):
    out, _ = figures_dir
    _, rows = load(out / "fig8_ar40_cc_angular.csv")

    def ratio(E, m):
        sel = lambda r: float(r["E_MeV"]) == E and r["model"] == m  # noqa: E731
        c, d = col(rows, "cos_theta", sel), col(rows, "dsigma_dcos_cm2", sel)
        n = col(rows, "normalised_per_cos", sel)
        assert np.trapz(n, c) == pytest.approx(1.0, rel=1e-6)
        return d[0] / d[-1]

    for E in (30.0, 50.0):
        # the multipole calculation puts more strength backwards than the allowed approximation
        assert ratio(E, "hf") / ratio(E, "allowed") > 1.0
    assert ratio(50.0, "hf") > ratio(30.0, "hf")


def test_fig9_supernova_burst(figures_dir):
    out, _ = figures_dir
    comments, rows = load(out / "fig9_supernova_dune_nue_cc.csv")
    lo, hi = col(rows, "t_lo_s"), col(rows, "t_hi_s")
    assert np.all(hi > lo) and np.all(lo[1:] == pytest.approx(hi[:-1]))
    assert hi[-1] == pytest.approx(10.0)  # the full 10 s of emission
    assert np.all(hi[lo < 0.1] - lo[lo < 0.1] <= 1e-3 + 1e-12)  # fine bins in the first 100 ms
    width_ms = (hi - lo) * 1e3

    def mean_rate(name, a, b):  # events per ms in [a, b] s
        sel = (lo >= a - 1e-9) & (hi <= b + 1e-9)
        return col(rows, name)[sel].sum() / width_ms[sel].sum()

    for o in ("none", "normal"):
        assert col(rows, f"rate_{o}_per_ms") == pytest.approx(col(rows, f"events_{o}") / width_ms, rel=1e-6)
    none = mean_rate("events_none", 0.0, 0.02) / mean_rate("events_none", 0.05, 0.1)
    normal = mean_rate("events_normal", 0.0, 0.02) / mean_rate("events_normal", 0.05, 0.1)
    # the neutronization burst dominates the first ~20 ms without oscillation ...
    assert none > 3.0
    # ... and is suppressed under normal ordering (adiabatic MSW: P_ee = sin^2 theta13 ~ 0.02; the nu_e
    # seen are mostly former nu_x, which carry no burst)
    assert normal < 0.5 * none and normal < 2.0
    # the peak of the no-oscillation rate lies in the burst (5.9 ms peak luminosity)
    r = col(rows, "rate_none_per_ms")
    assert 0.0 < lo[np.argmax(r)] < 0.02
    # total events: a few thousand in 40 kt at 10 kpc; NO adds the harder former nu_x
    assert 1000 < col(rows, "events_none").sum() < col(rows, "events_normal").sum() < 20000
    assert any("normal ordering" in c or "adiabatic MSW" in c for c in comments)
