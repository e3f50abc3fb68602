"""Each bound call of the lenu module: vectorised results equal the C++ scalar results, units and
physics limits hold, bad input raises lenu.Error with the C++ message and code."""
import json
import math
import subprocess

import numpy as np
import pytest

import lenu

CM2 = lenu.units.cm2


@pytest.fixture(scope="module")
def ar40():
    return lenu.nuclide("Ar40")


@pytest.fixture(scope="module")
def pb208():
    return lenu.nuclide("Pb208")


@pytest.fixture(scope="module")
def pb_gs(pb208):
    return lenu.hartree_fock_ground_state(pb208, "SLy4")


# ------------------------------------------------------------------ core
def test_error_is_runtime_error_with_code():
    assert issubclass(lenu.Error, RuntimeError)
    with pytest.raises(lenu.Error) as e:
        lenu.nuclide("Xx999")
    assert e.value.code == "UnknownNuclide"
    assert "Xx999" in e.value.message


def test_nuclide_table(ar40):
    assert (ar40.Z, ar40.N, ar40.A, ar40.name) == (18, 22, 40, "Ar40")
    table = lenu.NuclideTable.load()
    assert table.get(18, 40).name == "Ar40"
    assert len(table) > 50
    # nuclear mass below A * m_nucleon by the binding energy (~8.6 MeV per nucleon)
    c = lenu.constants
    free = 18 * c.mass_proton + 22 * c.mass_neutron
    assert 8.0 < (free - ar40.nuclear_mass) / 40 < 9.0
    xe = table.natural_isotopes("Xe")
    assert abs(sum(n.abundance for n in xe) - 1.0) < 1e-3
    assert lenu.flavours() == ["nue", "numu", "nutau", "nuebar", "numubar", "nutaubar"]
    assert lenu.is_antineutrino("numubar")
    with pytest.raises(lenu.Error) as e:
        lenu.parse_flavour("nux")
    assert e.value.code == "InvalidArgument"


def test_units():
    assert lenu.units.cm2 == 1e26
    assert lenu.constants.hbar_c == pytest.approx(197.3269804)


# ------------------------------------------------------------------ form factors
@pytest.mark.parametrize("name", ["helm", "klein-nystrand", "symmetrized-fermi", "fourier-bessel", "unit", "hf:SLy4"])
def test_form_factor_models_vectorised(name, ar40):
    ff = lenu.form_factor_model(name).for_nuclide(ar40)
    q = np.linspace(0.0, 2.0, 41)
    for f in (ff.proton, ff.neutron):
        v = f(q)
        assert v.shape == q.shape
        assert v[0] == pytest.approx(1.0, abs=1e-9)
        assert np.array_equal(v, np.array([f(float(x)) for x in q]))
    # 2-d input keeps its shape
    assert ff.proton(q.reshape(41, 1)).shape == (41, 1)


def test_form_factor_model_unknown():
    with pytest.raises(lenu.Error) as e:
        lenu.form_factor_model("nonsense")
    assert e.value.code == "UnknownModel"
    assert "helm" in e.value.message


def test_phenomenological_form_factors(pb208):
    helm = lenu.HelmFormFactor.lewin_smith(208)
    # uniform sphere + Gaussian: <r^2> = 3/5 R0^2 + 3 s^2
    assert helm.rms_radius ** 2 == pytest.approx(0.6 * helm.r0 ** 2 + 3 * helm.s ** 2)
    kn = lenu.KleinNystrandFormFactor.coherent(208)
    assert kn.rms_radius ** 2 == pytest.approx(0.6 * (1.2 * 208 ** (1 / 3)) ** 2 + 6 * 0.49)
    # small-q expansion F = 1 - q^2 <r^2>/6
    q = 0.01
    for f in (helm, kn):
        assert f(q) == pytest.approx(1 - q * q * f.rms_radius ** 2 / 6, rel=1e-6)
    fb = lenu.fourier_bessel_density(pb208)
    assert fb.norm() == pytest.approx(82, rel=2e-3)
    assert 5.45 < fb.rms_radius() < 5.55  # de Vries 208Pb charge radius 5.50 fm
    fch = lenu.fourier_bessel_charge_form_factor(pb208)
    dens = lenu.density_form_factor(fb)
    qq = np.linspace(0.1, 1.5, 8)
    assert np.allclose(fch(qq), dens(qq), atol=1e-6)
    with pytest.raises(lenu.Error) as e:
        lenu.fourier_bessel_density(lenu.NuclideTable.load().get(1, 1))
    assert e.value.code in ("NotSupported", "UnknownNuclide")


def test_weak_form_factor(ar40):
    ff = lenu.form_factor_model("helm").for_nuclide(ar40)
    w = lenu.WeakFormFactor(ar40, ff)
    qw = lenu.weak_charge(ar40)
    assert w.weak_charge == pytest.approx(qw)
    assert qw == pytest.approx(-22 + 18 * (1 - 4 * 0.23857))
    q = np.array([0.0, 0.3, 0.6])
    assert np.allclose(w.charge_times_form_factor(q), qw * w(q))
    rad = lenu.NucleonWeakCharges.cevns_radiative("nue")
    assert rad.neutron == pytest.approx(2 * -0.5117)


# ------------------------------------------------------------------ CEvNS
def test_cevns_sigma_vectorised_equals_scalar(ar40):
    xs = lenu.CevnsCrossSection(ar40, "helm")
    e = np.linspace(1.0, 100.0, 50)
    v = xs.sigma(e)
    assert np.array_equal(v, np.array([xs.sigma(float(x)) for x in e]))
    assert np.allclose(v, xs.sigma_adaptive(e), rtol=1e-7)
    assert isinstance(xs.sigma(30.0), float)


def test_cevns_against_cli(ar40, lenu_cli):
    out = subprocess.run([lenu_cli, "xsec", "cevns", "Ar40", "--energy", "30", "--json"], capture_output=True,
                         text=True, check=True).stdout
    ref = json.loads(out)["sigma_cm2"]
    assert lenu.CevnsCrossSection(ar40, "helm").sigma(30.0) / CM2 == pytest.approx(ref, rel=1e-12)


def test_cevns_differential(ar40):
    xs = lenu.CevnsCrossSection(ar40, "helm")
    E = 30.0
    tmax = xs.max_recoil(E)
    M = xs.nuclear_mass
    assert tmax == pytest.approx(2 * E * E / (M + 2 * E))
    t = np.linspace(0, 1.2 * tmax, 301)
    d = xs.dsigma_dT(E, t)
    assert np.all(d[t > tmax] == 0.0) and np.all(d[t < 0.99 * tmax] > 0)
    # integral of dsigma/dT = sigma
    tt = np.linspace(0, tmax, 4001)
    assert np.trapz(xs.dsigma_dT(E, tt), tt) == pytest.approx(xs.sigma(E), rel=1e-5)
    # broadcasting: energies x recoils
    grid = xs.dsigma_dT(np.array([[20.0], [40.0]]), t[None, :])
    assert grid.shape == (2, t.size)
    assert grid[1, 5] == xs.dsigma_dT(40.0, float(t[5]))
    # dsigma/dcos integrates to sigma too; forward peaked
    c = np.linspace(-1, 1, 4001)
    dc = xs.dsigma_dcos(E, c)
    assert np.trapz(dc, c) == pytest.approx(xs.sigma(E), rel=1e-4)
    assert dc[-1] > dc[len(c) // 2] > dc[0]
    assert xs.momentum_transfer(tmax) == pytest.approx(math.sqrt(2 * M * tmax + tmax ** 2) / lenu.constants.hbar_c)
    assert xs.min_neutrino_energy(tmax) == pytest.approx(E, rel=1e-9)
    with pytest.raises(lenu.Error) as e:
        xs.dsigma_dT(-1.0, 0.01)
    assert e.value.code == "InvalidArgument"
    with pytest.raises(lenu.Error):
        xs.sigma(np.array([10.0, np.nan]))


# ------------------------------------------------------------------ sources
def test_stopped_pion_source():
    src = lenu.StoppedPionSource(protons_on_target=1e23, neutrinos_per_flavour_per_proton=0.08, pulse_fwhm=400.0)
    assert src.flavours() == ["numu", "nue", "numubar"]
    assert src.total_neutrinos("nue") == pytest.approx(8e21)
    assert lenu.StoppedPionSource.prompt_energy() == pytest.approx(29.79, abs=0.01)
    e = np.linspace(0, lenu.constants.mass_muon / 2, 2001)
    for f, mean in (("nue", 0.3), ("numubar", 0.35)):
        s = src.spectrum(f)
        pdf = s.pdf(e)
        assert np.trapz(pdf, e) == pytest.approx(1.0, rel=1e-4)
        assert s.mean_energy == pytest.approx(mean * lenu.constants.mass_muon, rel=1e-6)
        assert s.pdf(52.84) == 0.0
    assert src.spectrum("numu").lines[0][0] == pytest.approx(29.79, abs=0.01)
    t = np.linspace(-2000, 20000, 22001)
    for f in src.flavours():
        p = src.time_pdf(f, t)
        assert np.trapz(p, t) == pytest.approx(1.0, rel=2e-3)
        assert np.array_equal(p[::1000], np.array([src.time_pdf(f, float(x)) for x in t[::1000]]))
    # delayed flavours follow the muon lifetime: mean time later by ~tau_mu
    mean = {f: np.trapz(t * src.time_pdf(f, t), t) for f in src.flavours()}
    assert mean["nue"] - mean["numu"] == pytest.approx(lenu.constants.tau_muon, rel=0.03)
    assert src.time_fraction("numu", -1e9, 1e9) == pytest.approx(1.0)
    assert src.fluence("nue", 20 * lenu.units.m) == pytest.approx(8e21 / (4 * math.pi * (20e15) ** 2))
    pulse = src.pulse
    tp = np.arange(-2000.0, 2000.0, 0.1)  # the pulse is a fine histogram (bins of sigma/50)
    assert np.trapz(pulse.pdf(tp), tp) == pytest.approx(1.0, rel=1e-5)
    assert pulse.mean_emission_time("delayed") == pytest.approx(26.033 + 2196.9811, rel=1e-3)
    with pytest.raises(lenu.Error):
        pulse.emission_pdf("sideways", 0.0)
    with pytest.raises(lenu.Error):
        lenu.StoppedPionSource(protons_on_target=-1.0)
    kdar = lenu.KaonDecayAtRestSource(neutrinos_per_proton=1e-3, protons_on_target=1e20)
    assert kdar.spectrum("numu").lines[0][0] == pytest.approx(235.5, abs=0.1)


def test_tabulated_source(tmp_path):
    f = tmp_path / "flux.csv"
    f.write_text("# test table\nenergy_MeV,nue\n0,0\n10,1\n20,0\n")
    src = lenu.TabulatedSource(str(f), 10 * lenu.units.m)
    assert src.flavours() == ["nue"]
    assert src.spectrum("nue").mean_energy == pytest.approx(10.0)
    with pytest.raises(lenu.Error) as e:
        lenu.TabulatedSource(str(tmp_path / "missing.csv"), 1.0)
    assert e.value.code == "IoError"


# ------------------------------------------------------------------ detectors, experiments
def test_target_material():
    csi = lenu.TargetMaterial.from_formula("CsI")
    names = sorted(n.name for n, _ in csi.components)
    assert names == ["Cs133", "I127"]
    assert csi.formula_mass_u == pytest.approx(259.81, abs=0.01)
    with pytest.raises(lenu.Error):
        lenu.TargetMaterial.from_formula("Qq")


def test_experiment_prediction(lenu_cli):
    assert "coherent-csi-2017" in lenu.known_experiments()
    x = lenu.load_experiment("coherent-csi-2017")
    p = x.predict()
    assert p.flavours == ["numu", "nue", "numubar"]
    assert set(p.events_detected) == {"numu", "nue", "numubar"}
    # spectra sum to the counts
    for f in p.flavours:
        # the binned spectrum (0-60 PE) holds all detected events but the few above its last bin
        assert 0.995 * p.events_detected[f] < p.observable_counts[f].sum() <= p.events_detected[f] * (1 + 1e-9)
    assert p.observable_time_table.shape == (len(p.observable_edges) - 1, len(p.time_edges) - 1)
    table = p.observable_time_table.sum()
    assert 0.99 * p.events_detected_total < table <= p.events_detected_total * (1 + 1e-9)
    assert p.observable_unit == "PE"
    det = x.detector
    assert det.observable_unit == "PE"
    eff = det.efficiency(np.array([2.0, 20.0]))
    assert eff[0] < eff[1] <= 1.0
    # same numbers as the CLI
    out = json.loads(subprocess.run([lenu_cli, "predict", "coherent-csi-2017", "--json"], capture_output=True,
                                    text=True, check=True).stdout)
    flat = json.dumps(out)
    assert f"{p.events_detected_total:.6g}"[:5] in flat or any(
        abs(v - p.events_detected_total) < 1e-6 * p.events_detected_total for v in _numbers(out))
    with pytest.raises(lenu.Error) as e:
        lenu.load_experiment("no-such-experiment")
    assert e.value.code == "IoError"


def _numbers(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _numbers(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _numbers(v)
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        yield float(obj)


def test_predict_inelastic():
    counts = lenu.load_experiment("coherent-cenns10-2020").predict_inelastic("allowed")
    cc = [c for c in counts if c.channel == "CC" and c.flavour == "nue" and c.nuclide == "Ar40"]
    assert cc and cc[0].events > 0 and cc[0].flux_averaged_xsec > 0


# ------------------------------------------------------------------ Hartree-Fock
def test_hartree_fock(pb_gs):
    r = pb_gs.hf
    assert r.converged and (r.Z, r.N) == (82, 126)
    assert 1620 < r.binding_energy < 1650  # 208Pb: 1636.4 MeV (AME2020)
    assert 5.40 < r.radii.charge < 5.55
    assert r.radii.skin == pytest.approx(r.radii.neutron - r.radii.proton)
    lv = r.levels
    occ = lv["occupation"] * (2 * lv["j"] + 1)
    assert occ[np.array(lv["isospin"]) == "p"].sum() == pytest.approx(82, abs=1e-6)
    assert occ[np.array(lv["isospin"]) == "n"].sum() == pytest.approx(126, abs=1e-6)
    rr, rp, rn = r.r, r.proton_density, r.neutron_density
    assert rr.shape == rp.shape == rn.shape
    assert 4 * math.pi * np.trapz(rr ** 2 * rp, rr) == pytest.approx(82, rel=1e-3)
    assert pb_gs.charge_density.moment(0) == pytest.approx(82, rel=1e-4)
    assert pb_gs.weak_density.moment(0) == pytest.approx(pb_gs.weak_charge, rel=1e-4)
    q = np.linspace(0, 1, 11)
    assert np.array_equal(pb_gs.charge(q), np.array([pb_gs.charge(float(x)) for x in q]))
    apv = pb_gs.born_apv(np.array([0.3, 0.4]))
    assert np.all(apv < 0)  # formula sign: negative for Q_W < 0
    s = r.states[0]
    h = rr[1] - rr[0]
    assert h * np.sum(s.u ** 2) == pytest.approx(1.0, rel=1e-6)


def test_hartree_fock_errors():
    with pytest.raises(lenu.Error) as e:
        lenu.HartreeFockSolver("SLy4", box_radius=1.0)
    assert e.value.code == "InvalidArgument"
    with pytest.raises(lenu.Error) as e:
        lenu.HartreeFockSolver("NoSuchForce")
    assert e.value.code == "UnknownModel"
    solver = lenu.HartreeFockSolver("SLy4")
    o16 = solver.solve(8, 8)
    assert 7.5 < o16.binding_energy / 16 < 8.5
    assert "SLy4" in lenu.SkyrmeForce.available()


# ------------------------------------------------------------------ PVES
def test_pves(pb208, pb_gs):
    pv = lenu.ParityViolatingScattering(82, pb208.nuclear_mass, pb_gs.charge_density, pb_gs.weak_charge, pb_gs.weak_density)
    one = pv.evaluate(950.0, 4.7)
    many = pv.evaluate_many(950.0, np.array([4.0, 4.7, 5.5]))
    assert many["apv"][1] == pytest.approx(one.apv, rel=1e-10)
    # PREX-2: A_PV = 550 ppb at <Q^2> = 0.00616 GeV^2 (Adhikari et al., PRL 126 (2021) 172502); HF in that region
    assert 4e-7 < one.apv < 7e-7
    assert one.apv_born == pytest.approx(one.apv, rel=0.35)  # Coulomb distortions: tens of per cent for Pb
    assert pv.q2_at(950.0, pv.angle_for_q2(950.0, 6160.0)) == pytest.approx(6160.0, rel=1e-8)
    with pytest.raises(lenu.Error):
        pv.evaluate(950.0, 179.9)


# ------------------------------------------------------------------ inelastic
def test_inelastic_allowed_and_hf():
    allowed = lenu.InelasticCrossSection("Ar40", "cc", "nue", "allowed")
    e = np.array([1.0, 20.0, 30.0, 50.0])  # 1 MeV: below the 40Ar(nu_e, e-)40K* threshold
    v = allowed.sigma(e)
    assert v[0] == 0.0 and np.all(np.diff(v[1:]) > 0)
    assert v[2] == allowed.sigma_detail(30.0).total
    t = allowed.sigma_table(e)
    parts = sum(t["by_multipole"].values())
    assert np.allclose(parts, t["total"], rtol=1e-10)
    assert set(t["by_multipole"]) == {"0+", "1+"}  # Fermi + Gamow-Teller
    assert allowed.lepton_mass == pytest.approx(lenu.constants.mass_electron)
    ws = lenu.InelasticCrossSection("Ar40", "cc", "nue", "ws")  # max_j = 6
    s = ws.sigma_detail(30.0)
    assert s.highest_j == 3  # the multipole series had converged at J = 3: J >= 4 skipped
    assert 0.0 < s.skipped_multipoles_estimate < 1e-4 * s.total
    assert ws.sigma_detail(100.0).highest_j == 6  # not converged there: every multipole
    hf = lenu.InelasticCrossSection("Ar40", "cc", "nue", "hf", max_j=3)
    c = np.linspace(-1, 1, 41)
    d = hf.dsigma_dcos(30.0, c)
    assert np.trapz(d, c) == pytest.approx(hf.sigma(30.0), rel=2e-2)
    nc = lenu.InelasticCrossSection("Ar40", "nc", "numu", "hf", max_j=2)
    assert nc.sigma(40.0) > 0 and not nc.charged_current
    avg = allowed.flux_averaged_dar("nue")
    src = lenu.StoppedPionSource()
    assert allowed.flux_averaged(src.spectrum("nue")) == pytest.approx(avg, rel=1e-6)
    with pytest.raises(lenu.Error) as e:
        lenu.InelasticCrossSection("Ar40", "cc", "nue", "no-such-model")
    assert e.value.code == "UnknownModel"
    with pytest.raises(lenu.Error):
        lenu.InelasticCrossSection("Ar40", "xx", "nue", "hf")
