"""Bindings of the supernova layer: pinched sources (with the neutronization burst), the MSW flavour
transformation, detectors, the time-resolved prediction. Vectorised = scalar, the prediction equals
the `lenu supernova` CLI, counts scale as 1/d^2, bad input raises lenu.Error."""
import json
import math
import subprocess

import numpy as np
import pytest

import lenu

ERG = lenu.units.erg
S = lenu.units.s
MS = lenu.units.ms


@pytest.fixture(scope="module")
def dune():
    return lenu.load_supernova_detector("dune-40kt")


@pytest.fixture(scope="module")
def channels(dune):
    # allowed (measured Fermi + GT) inelastic model: the fast one
    return lenu.SupernovaChannels(dune, inelastic_model="allowed")


@pytest.fixture(scope="module")
def burst_source():
    return lenu.pinched_supernova(burst=True)


def test_pinched_pdf_vectorised_normalised():
    e = np.linspace(0.0, 150.0, 30001)
    f = lenu.pinched_pdf(e, 12.0, 3.0)
    assert isinstance(f, np.ndarray) and f.shape == e.shape
    assert [lenu.pinched_pdf(float(x), 12.0, 3.0) for x in e[::1000]] == pytest.approx(f[::1000], rel=1e-15)
    assert np.trapz(f, e) == pytest.approx(1.0, rel=1e-6)
    assert np.trapz(e * f, e) == pytest.approx(12.0, rel=1e-6)
    # <E^2>/<E>^2 = (2 + alpha)/(1 + alpha)
    m2 = np.trapz(e * e * f, e)
    assert lenu.pinched_alpha_from_moments(12.0, m2) == pytest.approx(3.0, rel=1e-4)
    with pytest.raises(lenu.Error) as err:
        lenu.pinched_pdf(e, 12.0, 50.0)
    assert err.value.code == "InvalidArgument" and "alpha" in err.value.message


def test_pinched_source_energies_and_spectra(burst_source):
    plain = lenu.pinched_supernova()
    assert isinstance(plain, lenu.SupernovaSource) and isinstance(plain, lenu.NeutrinoSource)
    for f in lenu.flavours():
        assert plain.total_energy(f) / ERG == pytest.approx(5e52, rel=1e-3)
    # the burst adds ~5e51 erg to nu_e only (Huedepohl et al. 2010 light curve)
    extra = (burst_source.total_energy("nue") - plain.total_energy("nue")) / ERG
    assert 3e51 < extra < 8e51
    assert burst_source.total_energy("numu") == pytest.approx(plain.total_energy("numu"), rel=1e-12)
    t = np.linspace(0.0, 50.0, 501) * MS
    lum = burst_source.luminosity("nue", t)
    assert [burst_source.luminosity("nue", float(x)) for x in t[::50]] == pytest.approx(lum[::50], rel=1e-14)
    peak = t[np.argmax(lum)]
    assert peak == pytest.approx(5.9 * MS, abs=0.2 * MS)
    assert lum.max() / lenu.units.erg_per_s == pytest.approx(3.8e53 + plain.luminosity("nue", peak) / lenu.units.erg_per_s, rel=0.02)
    # constant parameters: the time-integrated nu_x spectrum is the pinched one
    e = np.linspace(1.0, 80.0, 80)
    assert plain.spectrum("numu").pdf(e) == pytest.approx(lenu.pinched_pdf(e, 15.0, 2.5), rel=1e-3)
    rate = plain.number_rate("numu", 1.0 * S)
    assert rate == pytest.approx(plain.luminosity("numu", 1.0 * S) / 15.0, rel=1e-12)
    custom = lenu.pinched_supernova(nue=(10.0, 3.0, 1e52 * ERG), decay_time=1.0 * S, duration=5.0 * S)
    assert custom.total_energy("nue") / ERG == pytest.approx(1e52, rel=1e-3)
    assert custom.time_range[1] == pytest.approx(5.0 * S)
    with pytest.raises(lenu.Error):
        lenu.pinched_supernova(nue=(10.0, 3.0))
    with pytest.raises(lenu.Error):
        lenu.pinched_supernova(nux=(500.0, 2.5, 5e52 * ERG))
    with pytest.raises(lenu.Error):
        lenu.pinched_supernova(decay_time=-1.0)


def test_flavour_transformation():
    none = lenu.FlavourTransformation("none")
    assert (none.pee, none.pee_bar) == (1.0, 1.0)
    no = lenu.FlavourTransformation("normal")
    s13 = math.sin(math.radians(8.56))
    c12, s12 = math.cos(math.radians(33.68)), math.sin(math.radians(33.68))
    assert no.pee == pytest.approx(s13**2, rel=1e-12)  # Dighe & Smirnov: adiabatic NO, P_ee = |U_e3|^2
    assert no.pee_bar == pytest.approx((c12 * math.cos(math.radians(8.56))) ** 2, rel=1e-12)
    io = lenu.FlavourTransformation("inverted")
    assert io.pee == pytest.approx((s12 * math.cos(math.radians(8.59))) ** 2, rel=1e-12)
    f0 = np.array([[3.0, 1.0], [1.0, 2.0], [1.0, 2.0], [2.0, 1.0], [1.0, 0.5], [1.0, 0.5]])
    f = no.apply(f0)
    assert f.shape == f0.shape
    assert f.sum(axis=0) == pytest.approx(f0.sum(axis=0), rel=1e-14)  # total conserved
    assert f[0] == pytest.approx(no.pee * f0[0] + (1 - no.pee) * f0[1], rel=1e-14)
    assert none.apply(f0) == pytest.approx(f0)
    zero = lenu.FlavourTransformation("normal", 33.68, 0.0)  # theta13 = 0: non-adiabatic H, P_ee = P_e2
    assert zero.pee == pytest.approx(s12**2, rel=1e-12)
    with pytest.raises(lenu.Error) as err:
        lenu.FlavourTransformation("sideways")
    assert "normal" in err.value.message
    with pytest.raises(lenu.Error):
        no.apply(np.ones((5, 3)))


def test_detectors(dune):
    assert "dune-40kt" in lenu.supernova_detectors()
    assert dune.mass == pytest.approx(40e6)  # 40 kt [kg]
    kinds = [c.kind for c in dune.channels]
    assert kinds == ["nue-cc", "nuebar-cc", "nc", "es"]
    assert dune.channels[0].threshold == 5.0 and dune.channels[0].target == "Ar40"
    with pytest.raises(lenu.Error) as err:
        lenu.load_supernova_detector("no-such-detector")
    assert "no-such-detector" in err.value.message


def test_channels_tables(channels):
    labels = channels.labels
    cc = labels[0]
    e = channels.energy_centres
    assert len(e) == 200 and channels.energy_edges[-1] == pytest.approx(100.0)
    s = channels.sigma(cc, "nue")
    d = channels.sigma(cc, "nue", detected=True)
    assert s.shape == e.shape and np.all(d <= s + 1e-30) and s[-1] > 0
    assert np.all(s[e < 1.5] == 0.0)  # 40Ar(nu_e, e-) threshold ~1.5 MeV (Q + IAS region)
    assert np.all(channels.sigma(cc, "nuebar") == 0.0)
    n_ar = channels.targets[cc]
    assert n_ar == pytest.approx(40e6 * 1e3 / 39.95 * 6.02214076e23 * 0.996, rel=0.01)
    with pytest.raises(lenu.Error):
        channels.sigma("no-channel", "nue")
    with pytest.raises(lenu.Error) as err:
        lenu.SupernovaChannels(lenu.load_supernova_detector("dune-40kt"), inelastic_model="nonsense")
    assert err.value.code == "UnknownModel"


def test_prediction_arrays_and_distance_scaling(channels, burst_source):
    edges = np.concatenate([np.arange(0.0, 100.0, 2.0) * MS, np.arange(0.1, 10.0 + 1e-9, 0.1) * S])
    p10 = lenu.predict_supernova(channels, burst_source, distance=10 * lenu.units.kpc, ordering="none", time_edges=edges)
    p20 = lenu.predict_supernova(channels, burst_source, distance=20 * lenu.units.kpc, ordering="none", time_edges=edges)
    assert p10.time_edges == pytest.approx(edges)
    assert p10.time_edges_s == pytest.approx(edges / S)
    c = p10.counts_per_bin
    assert c.shape == (len(p10.channels), len(edges) - 1)
    for i, ch in enumerate(p10.channels):
        assert p10.counts[ch] == pytest.approx(c[i])
        assert c[i].sum() == pytest.approx(p10.events[ch], rel=1e-10)
        assert p20.events[ch] == pytest.approx(p10.events[ch] / 4.0, rel=1e-12)  # 1/d^2
        assert p10.events_interacting[ch] >= p10.events[ch]
    assert p20.counts_per_bin == pytest.approx(c / 4.0, rel=1e-12)
    assert p10.total_per_bin == pytest.approx(c.sum(axis=0))
    assert p10.events_total == pytest.approx(sum(p10.events.values()))
    cc = p10.channels[0]
    assert p10.spectrum_nu[cc].sum() == pytest.approx(p10.events[cc], rel=1e-8)
    te = p10.time_energy
    assert te.shape == (len(edges) - 1, len(p10.energy_edges) - 1)
    assert te.sum() == pytest.approx(p10.events_total, rel=1e-8)
    assert len(p10.observed_edges[cc]) == len(p10.observed_spectrum[cc]) + 1
    # fluence at the detector: N_emitted / (4 pi d^2), no transformation
    d = 10 * lenu.units.kpc
    nue = burst_source.total_neutrinos("nue") / (4 * math.pi * d * d)
    assert p10.fluence["nue"].sum() == pytest.approx(nue, rel=2e-3)
    # 40 kt at 10 kpc, 5e52 erg in nu_e: order 10^3 nu_e CC events (broad sanity range, not a data comparison)
    assert 1000 < p10.events[cc] < 10000
    # normal ordering moves nu_x (15 MeV) into nu_e: more nu_e CC events than without oscillation
    pno = lenu.predict_supernova(channels, burst_source, ordering="normal", time_edges=edges)
    assert pno.events[cc] > p10.events[cc]
    assert pno.fluence["nue"].sum() + 2 * pno.fluence["numu"].sum() == pytest.approx(
        p10.fluence["nue"].sum() + 2 * p10.fluence["numu"].sum(), rel=1e-12)
    for bad in (dict(distance=-1.0), dict(ordering="sideways"), dict(time_edges=np.array([0.0, 2.0, 1.0])),
                dict(time_edges=np.array([])), dict(max_step=0.0)):
        with pytest.raises(lenu.Error) as err:
            lenu.predict_supernova(channels, burst_source, **bad)
        assert err.value.code == "InvalidArgument"


def test_prediction_equals_cli(lenu_cli, channels, burst_source):
    cmd = [lenu_cli, "supernova", "--model", "pinched", "--burst", "--distance", "10", "--detector", "dune-40kt",
           "--ordering", "normal", "--inelastic-model", "allowed", "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    j = json.loads(proc.stdout)
    # default time bins (the CLI's, since they lie inside the source's emission range)
    p = lenu.predict_supernova("dune-40kt", burst_source, ordering="normal", inelastic_model="allowed")
    assert p.time_edges_s == pytest.approx(np.array(j["time_bins_s"]), rel=1e-12, abs=1e-15)
    assert p.time_edges == pytest.approx(lenu.supernova_default_time_edges(burst_source), rel=1e-15)
    for ch, n in j["events_by_channel"].items():
        assert p.events[ch] == pytest.approx(n, rel=1e-12), ch
    assert p.total_per_bin == pytest.approx(np.array(j["counts_per_bin"]), rel=1e-9, abs=1e-12)
    q = lenu.predict_supernova(channels, burst_source, ordering="normal")
    assert q.events == pytest.approx(p.events, rel=1e-12)


def test_read_supernova_model(tmp_path, channels):
    # moments table (docs/supernova-formats.md): <E> = 10 MeV, <E^2> = 125 MeV^2 <-> alpha = 3
    f = tmp_path / "moments.txt"
    f.write_text("# test table\ntime_s L_nue_erg_s E_nue_MeV E2_nue_MeV2 L_nux_erg_s E_nux_MeV alpha_nux\n"
                 "0.0 1e52 10 125 2e52 15 2.5\n1.0 1e52 10 125 2e52 15 2.5\n")
    src = lenu.read_supernova_model(str(f))
    assert isinstance(src, lenu.SupernovaSource)  # downcast from the generic reader
    assert src.total_energy("nue") / ERG == pytest.approx(1e52, rel=1e-12)
    assert src.components("nue")[0]["alpha"] == pytest.approx([3.0, 3.0], rel=1e-12)
    assert src.total_neutrinos("numubar") == pytest.approx(2e52 * ERG / 15.0, rel=1e-9)
    p = lenu.predict_supernova(channels, src, ordering="none")
    assert p.events[channels.labels[0]] > 0
    bad = tmp_path / "bad_moments.txt"
    bad.write_text("time_s L_nue_erg_s E_nue_MeV alpha_nue\n0 1e52 10 2\n1 1e52 x 2\n")
    with pytest.raises(lenu.Error) as err:
        lenu.read_supernova_model(str(bad))
    assert err.value.code == "ConfigError" and "bad_moments.txt:3" in err.value.message


def test_cc_deexcitation_choices(dune, channels, burst_source):
    # CC observed energy = electron kinetic energy + visible de-excitation (default "generator", as the CLI):
    # with the 5 MeV DUNE threshold, the electron alone < generator < full calorimetry, equal interactions
    src = lenu.pinched_supernova()
    ev = {}
    for m in ("lepton", "full"):
        ch = lenu.SupernovaChannels(dune, inelastic_model="allowed", nc_deexcitation="none", cc_deexcitation=m)
        ev[m] = lenu.predict_supernova(ch, src).events["nue-cc_Ar40"]
    ev["generator"] = lenu.predict_supernova(channels, src).events["nue-cc_Ar40"]
    assert ev["lepton"] < ev["generator"] < ev["full"]
    assert "neutrons invisible" in channels.notes["nue-cc_Ar40"]
    with pytest.raises(lenu.Error) as err:
        lenu.SupernovaChannels(dune, cc_deexcitation="sometimes")
    assert err.value.code == "InvalidArgument"
    assert "generator, full, lepton, none" in str(err.value)
