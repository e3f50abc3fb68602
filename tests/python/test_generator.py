"""Bindings of the generator layer: lenu.Generator / lenu.generate / lenu.write_nuhepmc.
Reproducibility (same seed -> identical arrays, any thread count; the same events as the CLI),
four-momentum, charge and baryon-number conservation per event, the event sample's estimate of the
flux-averaged cross section against the value the C++ reports, the stopped-pion prompt line, bad
configurations raising lenu.Error."""
import json
import subprocess

import numpy as np
import pytest

import lenu

from conftest import SOURCE_DIR

CSI = str(SOURCE_DIR / "examples" / "cevns-csi-sns.toml")
AR_CC = str(SOURCE_DIR / "examples" / "ar40-cc-dar.toml")
CSI_DICT = {"generator": {"experiment": "coherent-csi-2017", "process": "cevns",
                          "flavours": ["numu", "nue", "numubar"], "energy_nodes": 400, "block_size": 10000}}
# m_pi+ = 139.57039 MeV, m_mu = 105.6583755 MeV (PDG 2022): E_nu(prompt) = (m_pi^2 - m_mu^2) / (2 m_pi)
M_PI, M_MU = 139.57039, 105.6583755
E_PROMPT = (M_PI**2 - M_MU**2) / (2.0 * M_PI)


@pytest.fixture(scope="module")
def csi():
    return lenu.Generator(CSI)


@pytest.fixture(scope="module")
def ar_cc():
    return lenu.Generator(AR_CC)


def charge_of(pdg):
    """Electric charge [e] from PDG numbers, computed here independently of lenu."""
    pdg = np.asarray(pdg, dtype=np.int64)
    a = np.abs(pdg)
    q = np.zeros(pdg.shape, dtype=np.int64)
    nucleus = a >= 1000000000
    q[nucleus] = (a[nucleus] // 10000) % 1000
    lepton = (a == 11) | (a == 13) | (a == 15)
    q[lepton] = -np.sign(pdg[lepton])  # e- (11) has charge -1
    q[a == 2212] = 1
    return np.where(nucleus | (a == 2212), np.sign(pdg) * q, q)


def baryon_of(pdg):
    pdg = np.asarray(pdg, dtype=np.int64)
    a = np.abs(pdg)
    b = np.zeros(pdg.shape, dtype=np.int64)
    nucleus = a >= 1000000000
    b[nucleus] = (a[nucleus] // 10) % 1000
    b[(a == 2212) | (a == 2112)] = 1
    return np.sign(pdg) * b


def per_event_sums(ev, values, mask):
    """sum over the particles of each event of values[mask] (values: [n_particles, ...])."""
    w = np.where(mask.reshape(mask.shape + (1,) * (values.ndim - 1)), values, 0)
    return np.add.reduceat(w, ev.offsets[:-1], axis=0)


def test_reproducible_and_thread_independent(csi):
    a = csi.generate(25000, seed=7, threads=1)
    b = csi.generate(25000, seed=7, threads=2)
    c = csi.generate(25000, seed=8, threads=2)
    assert len(a) == 25000 and a.seed == 7
    assert np.array_equal(a.events, b.events) and np.array_equal(a.particles, b.particles)
    assert not np.array_equal(a.events["E_nu"], c.events["E_nu"])
    assert np.array_equal(a.events["number"], np.arange(25000))
    # the same configuration as a dict gives the same events
    d = lenu.generate(CSI_DICT, n=3000, seed=7, threads=2)
    assert np.array_equal(d.events, a.events[:3000])


def test_event_layout_and_units(csi):
    ev = csi.generate(2000, seed=1)
    e, p = ev.events, ev.particles
    assert ev.offsets[0] == 0 and ev.offsets[-1] == len(p)
    assert np.array_equal(np.diff(ev.offsets), e["n_particles"])
    assert np.all(e["weight"] == 1.0)
    assert np.array_equal(ev.p4, np.stack([p["px"], p["py"], p["pz"], p["E"]], axis=1))
    one = ev[5]
    assert one["E_nu"] == e["E_nu"][5] and one["p4"].shape == (e["n_particles"][5], 4)
    assert np.array_equal(one["pdg"], p["pdg"][ev.offsets[5]:ev.offsets[6]])
    # incoming neutrino along +z with E = E_nu [MeV]; the Cs/I target at rest
    beam = p["status"] == 4
    assert np.allclose(p["E"][beam], e["E_nu"], rtol=1e-14) and np.allclose(p["pz"][beam], e["E_nu"], rtol=1e-14)
    assert set(np.unique(e["target_Z"])) == {53, 55}
    # numu events are the prompt pi+ -> mu+ numu line at 29.79 MeV
    numu = e["nu_pdg"] == 14
    assert numu.sum() > 0
    assert np.allclose(e["E_nu"][numu], E_PROMPT, rtol=1e-4)
    # delayed flavours below the Michel endpoint (m_mu / 2 - m_e-ish: < 52.83 MeV)
    assert e["E_nu"][~numu].max() < M_MU / 2.0 + 1e-9
    with pytest.raises(IndexError):
        ev[2000]


@pytest.mark.parametrize("which", ["csi", "ar_cc"])
def test_conservation_per_event(which, request):
    gen = request.getfixturevalue(which)
    ev = gen.generate(4000, seed=11, threads=2)
    p = ev.particles
    p4 = ev.p4
    initial = (p["status"] == 4) | (p["status"] == 20)
    final = p["status"] == 1
    pin = per_event_sums(ev, p4, initial)
    pout = per_event_sums(ev, p4, final)
    scale = pin[:, 3].max()
    # four-momentum [MeV]: nuclear masses ~1e5 MeV, double precision leaves ~1e-10 relative
    diff = np.abs(pin - pout).max()
    print(f"{which}: max |sum p_in - sum p_out| = {diff:.3g} MeV (E_in up to {scale:.6g} MeV)")
    assert diff < 1e-9 * scale
    # charge and baryon number (computed here from the PDG codes)
    q = charge_of(p["pdg"])
    b = baryon_of(p["pdg"])
    assert np.array_equal(per_event_sums(ev, q, initial), per_event_sums(ev, q, final))
    assert np.array_equal(per_event_sums(ev, b, initial), per_event_sums(ev, b, final))
    # the independent charge function agrees with the C++ one on every code seen
    for code in np.unique(p["pdg"]):
        assert lenu.pdg_charge(int(code)) == int(charge_of([code])[0])
    # final-state particles on their mass shell: E^2 - p^2 = m^2 (relative to E^2)
    f4 = p4[final]
    m2 = f4[:, 3] ** 2 - (f4[:, :3] ** 2).sum(axis=1)
    assert np.allclose(m2, p["mass"][final] ** 2, rtol=0, atol=1e-9 * (f4[:, 3] ** 2).max())
    if which == "ar_cc":
        # nu_e CC on 40Ar: electron and a K40 (excited, then gammas) in every event
        assert np.all(per_event_sums(ev, (p["pdg"] == 11).astype(int), final) == 1)
        assert np.all(ev.events["excitation"] >= 0.0)


def test_event_sample_reproduces_flux_averaged_sigma(csi):
    """Events are drawn from f(E) sigma(E); then <1/sigma_tot(E)> over events = 1/<sigma>_flux
    (exact for CEvNS, sigma > 0 at every E). The generator's <sigma> is the one the C++ reports
    (NuHepMC G.C.2, `lenu generate` summary)."""
    ev = csi.generate(200000, seed=5, threads=2)
    inv = 1.0 / ev.events["total_xs"]
    est = 1.0 / inv.mean()
    err = inv.std(ddof=1) / np.sqrt(len(inv)) / inv.mean() ** 2
    ref = csi.flux_averaged_sigma
    print(f"<sigma> from events {est / lenu.units.cm2:.5e} +- {err / lenu.units.cm2:.1e} cm^2, "
          f"C++ {ref / lenu.units.cm2:.5e} cm^2 per atom")
    assert ev.flux_averaged_sigma == ref
    assert abs(est - ref) < 4.0 * err
    assert err < 0.01 * ref  # the check has teeth: a 4% error would fail
    # per-flavour values add up with the flavour weights (equal numbers per flavour at the SNS)
    per = [csi.flux_averaged_sigma_of(f) for f in ("numu", "nue", "numubar")]
    assert np.mean(per) == pytest.approx(ref, rel=1e-12)
    assert sum(c["fraction"] for c in csi.channels) == pytest.approx(1.0, rel=1e-12)


def test_write_nuhepmc_matches_cli(csi, tmp_path, lenu_cli):
    out = tmp_path / "py.hepmc3"
    s = csi.write(str(out), n=1500, seed=4, threads=2)
    assert s["completed"] and s["events"] == 1500
    assert s["flux_averaged_sigma_fm2"] == csi.flux_averaged_sigma
    text = out.read_text()
    header = text[:text.index("\nE ")]
    assert "NuHepMC.Version.Major 1" in header
    # G.C.2 in pb per atom (1 pb = 1e-36 cm^2)
    pb = float(header.split("NuHepMC.FluxAveragedTotalCrossSection")[1].split()[0])
    assert pb * 1e-36 == pytest.approx(csi.flux_averaged_sigma / lenu.units.cm2, rel=1e-12)
    assert text.count("\nE ") == 1500
    # the CLI with the same seed writes the same events (provenance lines differ)
    cli_out = tmp_path / "cli.hepmc3"
    proc = subprocess.run([lenu_cli, "generate", CSI, "-n", "1500", "--seed", "4", "-o", str(cli_out), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    cli_text = cli_out.read_text()
    assert text[text.index("\nE "):] == cli_text[cli_text.index("\nE "):]
    summary = json.loads((tmp_path / "cli.hepmc3.summary.json").read_text())
    assert summary["flux_averaged_xsec_per_atom_cm2"] == pytest.approx(s["flux_averaged_sigma_cm2"], rel=1e-12)
    # the arrays of the same run carry the same energies as the file's beam particles
    ev = csi.generate(1500, seed=4)
    beam_e = [float(l.split()[6]) for l in text.splitlines() if l.startswith("P ") and l.split()[-1] == "4"]
    assert np.allclose(beam_e, ev.events["E_nu"], rtol=1e-15)
    # module-level shortcut
    s2 = lenu.write_nuhepmc(CSI_DICT, str(tmp_path / "d.hepmc3"), n=10, seed=1, csv=str(tmp_path / "d.csv"))
    assert s2["events"] == 10 and (tmp_path / "d.csv").read_text().count("\n") == 11


def test_bad_configuration_raises_lenu_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[generator]\nexperiment = "coherent-csi-2017"\nprocess = "cevns"\nenergy_nodez = 400\n')
    with pytest.raises(lenu.Error) as e:
        lenu.Generator(str(bad))
    assert e.value.code == "ConfigError" and "energy_nodez" in e.value.message and "bad.toml:4" in e.value.message
    with pytest.raises(lenu.Error) as e:
        lenu.generate({"generator": {"experiment": "coherent-csi-2017", "process": "cevns", "energy_nodes": 1}}, 10)
    assert e.value.code == "ConfigError" and "energy_nodes" in e.value.message and "<config dict>" in e.value.message
    with pytest.raises(lenu.Error) as e:
        lenu.generate({"generator": {"experiment": "no-such-experiment", "process": "cevns"}}, 10)
    assert "no-such-experiment" in e.value.message
    with pytest.raises(lenu.Error) as e:
        lenu.generate({"generator": {"experiment": "coherent-csi-2017", "process": "elastic"}}, 10)
    assert e.value.code == "ConfigError" and "elastic" in e.value.message
    with pytest.raises(lenu.Error) as e:
        lenu.generate({"experiment": "coherent-csi-2017"}, 10)
    assert e.value.code == "ConfigError"
    with pytest.raises(lenu.Error) as e:
        lenu.Generator(str(tmp_path / "missing.toml"))
    assert e.value.code == "IoError"
    gen = lenu.Generator(CSI_DICT)
    with pytest.raises(lenu.Error) as e:
        gen.generate(0)
    assert e.value.code == "InvalidArgument" and "[1, 2^31 - 1]" in e.value.message
    with pytest.raises(lenu.Error) as e:
        gen.generate(10, threads=0)
    assert e.value.code == "InvalidArgument"
    with pytest.raises(lenu.Error) as e:
        lenu.pdg_charge(211)
    assert e.value.code == "InvalidArgument"
