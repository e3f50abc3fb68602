// Robustness sweep of every command with bad and extreme inputs (issue 12): each call must end in
// a typed error (exit 2, message naming the input) or a finite documented result (exit 0, no
// NaN / inf printed) -- never a crash (signal), an internal error (exit 3) or a hang. The table
// is run in parallel threads; every call is small (light nuclei or Ar40, no heavy HF solves).
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "CliRun.hpp"

namespace {

namespace fs = std::filesystem;

struct Case {
  std::string args;    ///< arguments after `lenu` ({dir} is replaced by the scratch directory)
  int exit;            ///< expected exit code: 0 (finite result) or 2 (typed or usage error)
  std::string mention; ///< text the output must contain (the input named in the message)
};

// Scratch files: empty, malformed, NaN-holding, unsorted, binary.
fs::path scratch() {
  const fs::path d = fs::temp_directory_path() / "lenu_cli_sweep";
  fs::create_directories(d);
  auto put = [&](const char* name, const std::string& text) { std::ofstream(d / name, std::ios::binary) << text; };
  put("empty.csv", "");
  put("empty.toml", "");
  put("nanflux.csv", "energy_MeV,flux\n10,nan\n20,1\n");
  put("unsorted.csv", "energy_MeV,flux\n10,1\n5,1\n");
  put("negative.csv", "energy_MeV,flux\n10,-1\n20,-1\n");
  put("huge.csv", "energy_MeV,flux\n1e300,1\n2e300,1\n");
  put("wrongcols.csv", "E,phi\n10,1\n20,1\n");
  put("binary.csv", std::string("\x00\x01\xff garbage\n", 12));
  put("bad.toml", "[experiment\nname = 1\n");
  put("acc_nan.csv", "theta_deg,weight\n5,nan\n");
  put("acc_wide.csv", "theta_deg,weight\n5,1\n170,1\n");
  return d;
}

const std::vector<Case> kCases = {
    // xsec cevns: zero, negative, NaN, inf, huge, unknown names, wrong units, beyond coherence
    {"xsec cevns Ar40 --energy 0", 2, "neutrino energy = 0 MeV"},
    {"xsec cevns Ar40 --energy -5", 2, "neutrino energy = -5"},
    {"xsec cevns Ar40 --energy nan", 2, "neutrino energy = nan"},
    {"xsec cevns Ar40 --energy inf", 2, "neutrino energy = inf"},
    {"xsec cevns Ar40 --energy 1e300", 2, "accepted range is [0, 10000] MeV"},
    {"xsec cevns Ar40 --differential 1e300", 2, "accepted range is [0, 10000] MeV"},
    {"xsec cevns Ar40 --range 1:nan:5", 2, "range '1:nan:5'"},
    {"xsec cevns Ar40 --energy 10MeV", 2, "10MeV"},
    {"xsec cevns Xx99 --energy 10", 2, "unknown nuclide 'Xx99'"},
    {"xsec cevns Ar40 --energy 10 --form-factor bogus", 2, "'bogus'"},
    {"xsec cevns Ar40 --energy 10 --flavour bogus", 2, "'bogus'"},
    {"xsec cevns Pb208 --energy 80", 0, "outside the validity range"},  // warns, elastic result
    {"xsec cevns H1 --energy 10", 0, "sigma"},
    // formfactor, compare-formfactors
    {"formfactor Ar40 --qmax 0", 2, "--qmax = 0"},
    {"formfactor Ar40 --qmax nan", 2, "--qmax = nan"},
    {"formfactor Ar40 --points 100000000000", 2, "--points 100000000000"},
    {"compare-formfactors Ar40 --models helm --emax 1e300", 2, "--emax = 1e+300"},
    // xsec cc / nc: the cases, convergence, validity, options, flux files
    {"xsec cc Ar40 --energy 1e6", 2, "1e+06 MeV is outside the validity range"},
    {"xsec cc Ar40 --energy 1e6 --allow-outside-validity", 2, "1000000 MeV above the largest energy"},
    {"xsec cc Ar40 --energy 300", 2, "300 MeV is outside the validity range"},
    {"xsec cc Ar40 --energy 160 --allow-outside-validity --maxj-cap 6", 2, "not converged"},
    {"xsec cc Ar40 --energy 0", 2, "= 0 MeV"},
    {"xsec cc Ar40 --energy nan", 2, "= nan MeV"},
    {"xsec cc Ar40 --energy 2 --omegas 3 --double-differential", 0, "no continuum at E = 2 MeV"},
    {"xsec cc Ar40 --energy 40 --maxj 2", 0, "converged: tolerance"},
    {"xsec cc Ar40 --maxj 0", 2, "multipole J = 0"},
    {"xsec cc Ar40 --maxj 99", 2, "multipole J = 99"},
    {"xsec cc Ar40 --multipole-tolerance nan", 2, "tolerance = nan"},
    {"xsec cc Ar40 --angles 100000000", 2, "--angles 100000000"},
    {"xsec cc Ar40 --omegas -3", 2, "--omegas -3"},
    {"xsec cc Ar40 --model bogus", 2, "'bogus'"},
    {"xsec cc Ar40 --coulomb bogus", 2, "'bogus'"},
    {"xsec cc Ar40 --longitudinal bogus", 2, "'bogus'"},
    {"xsec cc Ar40 --flavour numubar", 0, "sigma"}, // below the muon threshold: zero, documented
    {"xsec cc Ar40 --flux {dir}/missing.csv", 2, "missing.csv"},
    {"xsec cc Ar40 --flux {dir}/empty.csv", 2, "empty.csv"},
    {"xsec cc Ar40 --flux {dir}/nanflux.csv", 2, "nanflux.csv:2"},
    {"xsec cc Ar40 --flux {dir}/unsorted.csv", 2, "unsorted.csv"},
    {"xsec cc Ar40 --flux {dir}/negative.csv", 2, "-1"},
    {"xsec cc Ar40 --flux {dir}/huge.csv", 2, "highest energy of the flux"},
    {"xsec cc Ar40 --flux {dir}/wrongcols.csv", 2, "energy_MeV"},
    {"xsec cc Ar40 --flux {dir}/binary.csv", 2, "binary.csv"},
    {"xsec nc H1 --energy 30", 2, "Z = 1"},
    {"xsec nc Ar40 --model allowed", 2, "allowed model"},
    // flux, rate, predict: experiment files and exposure numbers
    {"flux coherent-csi-2017 --window nan 5", 2, "--window"},
    {"flux coherent-csi-2017 --window -1e300 1e300", 0, "nu"},
    {"flux bogus-experiment", 2, "'bogus-experiment'"},
    {"flux {dir}/bad.toml", 2, "bad.toml:1"},
    {"flux {dir}/empty.toml", 2, "missing key 'experiment'"},
    {"predict {dir}/binary.csv --no-files", 2, "binary.csv"},
    {"predict coherent-csi-2017 --no-files --inelastic bogus", 2, "'bogus'"},
    {"rate --mass nan", 2, "target mass = nan"},
    {"rate --mass inf", 2, "target mass = inf"},
    {"rate --distance 1e-300", 2, "distance = 1e-300 m"},
    {"rate --pot 1e300 --nu-per-proton 1e300", 2, "overflows"},
    {"rate --pulse-fwhm nan", 2, "FWHM = nan"},
    {"rate --threshold -1", 2, "--threshold = -1"},
    {"rate --threshold 1e300", 0, "events"},
    {"rate --material Ar0", 2, "'Ar0'"},
    {"rate --material Ar99999999999999", 2, "'Ar99999999999999'"},
    {"rate --material Zz", 2, "'Zz'"},
    // hf
    {"hf Ca40 --box nan", 2, "boxRadius = nan"},
    {"hf Ca40 --step 1e-9", 2, "meshStep = 1e-09"},
    {"hf Ca40 --pairing bogus", 2, "'bogus'"},
    {"hf H1", 2, "Z = 1"},
    // pves, pves-invert: kinematics, validity, densities, acceptance files
    {"pves C12 --energy nan --angle 5", 2, "= nan MeV"},
    {"pves C12 --energy 953 --angle 45", 2, "scattering angle = 45 deg is outside the validity range"},
    {"pves C12 --energy 953 --q2 nan", 2, "(--q2) = nan"},
    {"pves C12 --energy 953 --q2 100", 2, "not reachable"},
    {"pves C12 --energy 953 --acceptance {dir}/acc_nan.csv", 2, "acc_nan.csv:2"},
    {"pves C12 --energy 953 --acceptance {dir}/acc_wide.csv", 2, "scattering angle = 170 deg"},
    {"pves C12 --energy 953 --angle 5 --density sf:nan,0.5", 2, "c = nan fm"},
    {"pves C12 --energy 953 --angle 5 --weak-diffuseness 0", 2, "a = 0 fm"},
    {"pves C12 --energy 953 --angle 5", 0, "A_PV"},
    {"pves-invert C12 --energy 953 --angle 5 --apv nan --apv-error 100", 2, "A_PV = nan"},
    // response: operators, models, nuclides, forces
    {"response Pb208 --operator BOGUS", 2, "unknown operator 'BOGUS'"},
    {"response Pb208 --operator IS0 --model bogus", 2, "unknown strength model 'bogus'"},
    {"response Xx99 --operator GT", 2, "unknown nuclide 'Xx99'"},
    {"response Ca40 --operator IV1 --force Bogus", 2, "unknown Skyrme force 'Bogus'"},
    // supernova: distance, detector, ordering, per-flavour spectra, model files
    {"supernova --distance 0", 2, "--distance = 0 kpc is out of range"},
    {"supernova --distance nan", 2, "--distance = nan kpc"},
    {"supernova --distance -10", 2, "accepted range is [1e-06, 1000000] kpc"},
    {"supernova --detector bogus", 2, "unknown detector 'bogus'"},
    {"supernova --detector {dir}/bad.toml", 2, "bad.toml:1"},
    {"supernova --ordering bogus", 2, "unknown flavour transformation 'bogus'"},
    {"supernova --mean-energy nue=nan", 2, "'nue=nan'"},
    {"supernova --mean-energy nue=1e300", 2, "out of range [0.1, 100] MeV"},
    {"supernova --alpha nue=-5", 2, "out of range [-0.9, 20]"},
    {"supernova --energy-erg nue=-1", 2, "out of range [1e+40, 1e+56] erg"},
    {"supernova --model {dir}/missing.dat", 2, "missing.dat"},
    {"supernova --inelastic-model bogus", 2, "unknown inelastic model 'bogus'"},
    // generate: config files and counts
    {"generate {dir}/missing.toml -n 10 -o {dir}/x.hepmc3", 2, "missing.toml"},
    {"generate {dir}/bad.toml -n 10 -o {dir}/x.hepmc3", 2, "bad.toml:1"},
    {"generate {dir}/empty.toml -n 10 -o {dir}/x.hepmc3", 2, "missing table [generator]"},
    {"generate {dir}/empty.toml -n -5 -o {dir}/x.hepmc3", 2, "--events"},
    {"generate {dir}/empty.toml -n 10 -o {dir}/x.hepmc3 --threads 0", 2, "--threads"},
    // figures: an output directory that cannot be created (release: IoError; sanitize: no Python module)
    {"figures --out /proc/lenu-no-such-dir/figs", 2, "error ["},
    // the command line itself
    {"bogus-command", 2, "A subcommand is required"},
    // every model command states its validity range in --help
    {"xsec cc --help", 0, "Validity: neutrino energy in [0, 150] MeV"},
    {"xsec nc --help", 0, "Validity: neutrino energy in [0, 150] MeV"},
    {"xsec cevns --help", 0, "Validity: coherence holds"},
    {"pves --help", 0, "Validity: beam kinetic energy in [50, 3000] MeV"},
    {"pves-invert --help", 0, "laboratory scattering angle in [1, 30] deg"},
    {"xsec --help", 0, "cc and nc (inelastic multipoles)"},
};

// True if a word "nan", "inf" or "infinity" (any case) appears: printed non-finite numbers.
// (A hand-written scan: std::regex trips GCC 12's -Wmaybe-uninitialized under the sanitizers.)
bool printsNonFinite(const std::string& out) {
  std::string word;
  auto isWordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  for (std::size_t i = 0; i <= out.size(); ++i) {
    if (i < out.size() && isWordChar(out[i])) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(out[i]))));
      continue;
    }
    if (word == "nan" || word == "inf" || word == "infinity") return true;
    word.clear();
  }
  return false;
}

} // namespace

TEST(RobustnessSweep, EveryBadInputIsATypedErrorOrAFiniteResult) {
  const fs::path dir = scratch();
  std::vector<lenu::test::CliRun> results(kCases.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < kCases.size(); i = next++) {
      std::string args = kCases[i].args;
      for (auto p = args.find("{dir}"); p != std::string::npos; p = args.find("{dir}")) args.replace(p, 5, dir.string());
      results[i] = lenu::test::runCli(args, true);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < 3; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  for (std::size_t i = 0; i < kCases.size(); ++i) {
    const auto& c = kCases[i];
    const auto& r = results[i];
    SCOPED_TRACE("lenu " + c.args);
    EXPECT_EQ(r.status, c.exit) << r.out;
    EXPECT_NE(r.out.find(c.mention), std::string::npos) << "expected '" << c.mention << "' in:\n" << r.out;
    if (c.exit == 0) {
      EXPECT_FALSE(printsNonFinite(r.out)) << r.out;
    } else {
      EXPECT_EQ(r.out.find("internal error"), std::string::npos) << r.out;
    }
  }
  fs::remove_all(dir);
}
