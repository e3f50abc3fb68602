// Unit tests of the generator layer: samplers, kinematics and conservation, NuHepMC output read
// back with HepMC3, reproducibility over thread counts, resumption, config errors.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <atomic>
#include <thread>

#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/GenRunInfo.h>
#include <HepMC3/GenVertex.h>
#include <HepMC3/ReaderAscii.h>

#include "GeneratorTestSupport.hpp"
#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/NuHepMcWriter.hpp"
#include "lenu/generator/RunDriver.hpp"
#include "lenu/generator/TabulatedSampler.hpp"
#include "lenu/generator/VectorAttributes.hpp"
#include "lenu/generator/detail/LazyTable.hpp"
#include "lenu/core/Diagnostics.hpp"

using namespace lenu;
using namespace lenu::generator;
using namespace lenu::generator::testing;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::filesystem::path tmpDir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("lenu_gen_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d;
}

std::shared_ptr<EventGenerator> csiGenerator() {
  auto src = snsSource();
  std::vector<ProcessEntry> e;
  const std::vector<Flavour> fl{Flavour::NuMu, Flavour::NuE, Flavour::NuMuBar};
  for (Flavour f : fl) {
    e.push_back({cevnsProcess("Cs133", f, 52.9, {StoppedPionSource::promptEnergy()}), 1.0});
    e.push_back({cevnsProcess("I127", f, 52.9, {StoppedPionSource::promptEnergy()}), 1.0});
  }
  return std::make_shared<EventGenerator>(src, fl, e);
}

} // namespace

TEST(TabulatedSampler, InverseCdfOfLinearDensityIsExact) {
  // f(x) = x on [0, 2]: CDF x^2/4, quantile 2 sqrt(u)
  TabulatedSampler s({0.0, 1.0, 2.0}, {0.0, 1.0, 2.0});
  for (double u : {0.0, 0.1, 0.25, 0.5, 0.9, 1.0}) {
    EXPECT_NEAR(s.quantile(u), 2.0 * std::sqrt(u), 1e-12) << u;
    EXPECT_NEAR(s.cdf(s.quantile(u)), u, 1e-12);
  }
  EXPECT_NEAR(s.integral(), 2.0, 1e-15);
  EXPECT_THROW(TabulatedSampler({0.0, 0.0}, {1.0, 1.0}), Error);
  EXPECT_THROW(TabulatedSampler({0.0, 1.0}, {-1.0, 1.0}), Error);
  EXPECT_THROW(TabulatedSampler({0.0, 1.0}, {0.0, 0.0}), Error);
}

TEST(Random, BlockStreamsAreReproducibleAndDistinct) {
  auto a = blockEngine(7, 3);
  auto b = blockEngine(7, 3);
  auto c = blockEngine(7, 4);
  auto d = blockEngine(8, 3);
  const auto x = a();
  EXPECT_EQ(x, b());
  EXPECT_NE(x, c());
  EXPECT_NE(x, d());
}

TEST(Kinematics, CevnsEventsConserveEverything) {
  auto p = cevnsProcess("Cs133", Flavour::NuMu, 60.0);
  Engine eng = blockEngine(1, 0);
  for (int i = 0; i < 20000; ++i) {
    Event ev;
    const double E = 1.0 + 59.0 * uniform(eng);
    p->generate(E, eng, ev);
    const auto c = checkConservation(ev);
    ASSERT_TRUE(c.ok(1e-9)) << c.firstProblem << " dp " << c.maxMomentum << " dE " << c.maxEnergy;
    ASSERT_GE(ev.recoil, 0.0);
    ASSERT_LE(ev.recoil, p->crossSection().maxRecoil(E) * (1 + 1e-12));
  }
}

TEST(Kinematics, InelasticLinesConserveAndHaveTheLevelMass) {
  auto p = argonCc(60.0);
  Engine eng = blockEngine(2, 0);
  for (int i = 0; i < 20000; ++i) {
    Event ev;
    const double E = p->thresholdEnergy() + 0.01 + (60.0 - p->thresholdEnergy() - 0.01) * uniform(eng);
    p->generate(E, eng, ev);
    const auto c = checkConservation(ev);
    ASSERT_TRUE(c.ok(1e-9)) << c.firstProblem;
    ASSERT_EQ(ev.processId, kProcessCcLines);
    // the final nucleus is 40K at one of the tabulated levels
    const auto& k = ev.particles.back();
    ASSERT_EQ(k.pdg, 1000190400);
    bool found = false;
    for (std::size_t l = 0; l < p->lineCount(); ++l) {
      found = found || std::abs(ev.excitation - p->lineExcitation(l)) < 1e-9;
    }
    ASSERT_TRUE(found) << ev.excitation;
  }
  EXPECT_THROW(p->generate(p->thresholdEnergy() - 0.5, eng, *std::make_unique<Event>()), Error);
}

TEST(Pdg, ChargeAndBaryonNumber) {
  EXPECT_EQ(pdgCharge(1000190400), 19);
  EXPECT_EQ(pdgBaryonNumber(1000190400), 40);
  EXPECT_EQ(pdgCharge(11), -1);
  EXPECT_EQ(pdgCharge(-11), 1);
  EXPECT_EQ(pdgCharge(2212), 1);
  EXPECT_EQ(pdgBaryonNumber(2112), 1);
  EXPECT_EQ(chargedLeptonPdg(Flavour::NuE), 11);
  EXPECT_EQ(chargedLeptonPdg(Flavour::NuEBar), -11);
  EXPECT_THROW(pdgCharge(211), Error);
}

TEST(VectorAttributes, TextLayoutOfHepMC32AndExactDoubles) {
  std::string s;
  VectorIntAttribute({100, 150, -3}).to_string(s);
  EXPECT_EQ(s, "100 150 -3"); // HepMC3 3.2: std::to_string joined by single blanks
  VectorStringAttribute({"G.C.1", "E.C.5"}).to_string(s);
  EXPECT_EQ(s, "G.C.1 E.C.5");
  const std::vector<double> v{0.0, -1.5, 1.2345678901234567e-07, 6.02214076e23};
  VectorDoubleAttribute(v).to_string(s);
  VectorDoubleAttribute back;
  back.from_string(s);
  ASSERT_EQ(back.value().size(), v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(back.value()[i], v[i]) << s; // bit-exact round trip
  }
  // HepMC3 3.2's own writer (std::to_string, "%f") would have lost the 1.2e-7 s lab time:
  EXPECT_EQ(std::to_string(v[2]), "0.000000");
  EXPECT_THROW(VectorStringAttribute({"two words"}), Error);
}

TEST(EventGenerator, FluxAveragedCrossSectionMatchesIndependentIntegral) {
  auto gen = csiGenerator();
  auto src = snsSource();
  double num = 0.0, den = 0.0;
  for (Flavour f : gen->flavours()) {
    const auto spec = src->spectrum(f);
    const auto cs = cevnsXs("Cs133");
    const auto io = cevnsXs("I127");
    num += src->totalNeutrinos(f) * spec.average([&](double e) { return cs.sigma(e) + io.sigma(e); }, 1e-10);
    den += src->totalNeutrinos(f) * 2.0;
  }
  const double ref = num / den;
  EXPECT_NEAR(gen->fluxAveragedSigma() / ref, 1.0, 2e-4) << gen->fluxAveragedSigma() / units::cm2;
}

TEST(RunDriver, ByteIdenticalOverThreadCountsAndResumable) {
  auto gen = csiGenerator();
  RunMetadata meta;
  meta.seed = 42;
  meta.blockSize = 500;
  meta.fluxAveragedPb = gen->fluxAveragedSigma() / (1e-36 * units::cm2);
  meta.pot = 1e23;
  NuHepMcFormatter fmtr(meta);
  const auto dir = tmpDir("run");
  RunOptions o;
  o.events = 3200;
  o.seed = 42;
  o.blockSize = 500;
  o.threads = 1;
  o.output = dir / "a.hepmc3";
  o.csv = dir / "a.csv";
  o.checkpointSeconds = 0.0;
  auto r1 = runGeneration(*gen, fmtr, o);
  EXPECT_TRUE(r1.completed);
  EXPECT_EQ(r1.eventsWritten, 3200U);
  o.threads = 2;
  o.output = dir / "b.hepmc3";
  o.csv = dir / "b.csv";
  runGeneration(*gen, fmtr, o);
  EXPECT_EQ(slurp(dir / "a.hepmc3"), slurp(dir / "b.hepmc3"));
  EXPECT_EQ(slurp(dir / "a.csv"), slurp(dir / "b.csv"));
  // killed after 3 blocks: no complete-looking file, then resumed
  o.output = dir / "c.hepmc3";
  o.csv = dir / "c.csv";
  o.stopAfterBlocks = 3;
  auto part = runGeneration(*gen, fmtr, o);
  EXPECT_FALSE(part.completed);
  EXPECT_FALSE(std::filesystem::exists(dir / "c.hepmc3"));
  EXPECT_TRUE(std::filesystem::exists(dir / "c.hepmc3.part"));
  // simulate a crash in the middle of block 4: garbage appended after the checkpoint
  {
    std::ofstream g(dir / "c.hepmc3.part", std::ios::app);
    g << "E 99999 garbage from a killed run";
  }
  o.stopAfterBlocks.reset();
  auto rest = runGeneration(*gen, fmtr, o);
  EXPECT_TRUE(rest.completed);
  EXPECT_EQ(rest.blocksResumed, 3U);
  EXPECT_EQ(slurp(dir / "a.hepmc3"), slurp(dir / "c.hepmc3"));
  EXPECT_EQ(slurp(dir / "a.csv"), slurp(dir / "c.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "c.hepmc3.ckpt"));
  // a different seed gives a different file
  o.seed = 43;
  o.output = dir / "d.hepmc3";
  o.csv.reset();
  runGeneration(*gen, fmtr, o);
  EXPECT_NE(slurp(dir / "a.hepmc3"), slurp(dir / "d.hepmc3"));
  std::filesystem::remove_all(dir);
}

namespace {

template <class T>
std::shared_ptr<T> runAttr(const std::shared_ptr<HepMC3::GenRunInfo>& r, const std::string& name) {
  auto a = r->attribute<T>(name);
  EXPECT_TRUE(a) << "missing GenRunInfo attribute " << name;
  return a;
}

} // namespace

TEST(NuHepMC, FileReadBackSatisfiesEveryRequirement) {
  // 40Ar CC (allowed) with de-excitation on the DAR nu_e spectrum: two vertex types
  auto src = snsSource();
  auto deex = loadDeexcitation(nuclides());
  auto proc = argonCc(52.9, {}, deex);
  EventGenerator gen(src, {Flavour::NuE}, {{proc, 1.0}});
  RunMetadata meta;
  meta.seed = 5;
  meta.blockSize = 100;
  meta.fluxAveragedPb = gen.fluxAveragedSigma() / (1e-36 * units::cm2);
  meta.pot = 1e23;
  meta.beams.push_back({12, {0.0, 26.0, 53.0}, {0.5e22, 0.5e22}});
  meta.configText = "line one\nline two";
  NuHepMcFormatter fmtr(meta);
  const auto dir = tmpDir("nuhepmc");
  RunOptions o;
  o.events = 600;
  o.seed = 5;
  o.blockSize = 100;
  o.threads = 2;
  o.output = dir / "ar.hepmc3";
  ASSERT_TRUE(runGeneration(gen, fmtr, o).completed);

  HepMC3::ReaderAscii rd((dir / "ar.hepmc3").string());
  HepMC3::GenEvent ev;
  ASSERT_TRUE(rd.read_event(ev));
  auto run = rd.run_info();
  ASSERT_TRUE(run); // G.R.1
  EXPECT_EQ(runAttr<HepMC3::IntAttribute>(run, "NuHepMC.Version.Major")->value(), 1); // G.R.2
  EXPECT_EQ(runAttr<HepMC3::IntAttribute>(run, "NuHepMC.Version.Minor")->value(), 0);
  EXPECT_EQ(runAttr<HepMC3::IntAttribute>(run, "NuHepMC.Version.Patch")->value(), 0);
  ASSERT_FALSE(run->tools().empty()); // G.R.3
  EXPECT_EQ(run->tools()[0].name, "lenu");
  EXPECT_FALSE(run->tools()[0].version.empty());
  const auto conv = runAttr<VectorStringAttribute>(run, "NuHepMC.Conventions")->value(); // G.R.4
  const std::set<std::string> convs(conv.begin(), conv.end());
  for (const char* c : {"G.C.1", "G.C.2", "G.C.4", "E.C.1", "E.C.5", "G.S.1"}) {
    EXPECT_TRUE(convs.count(c)) << c;
  }
  // G.R.5 via G.C.2
  EXPECT_NEAR(runAttr<HepMC3::DoubleAttribute>(run, "NuHepMC.FluxAveragedTotalCrossSection")->value() / meta.fluxAveragedPb,
              1.0, 1e-12);
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Units.CrossSection.Unit")->value(), "pb"); // G.R.6
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Units.CrossSection.TargetScale")->value(), "PerAtom");
  ASSERT_EQ(run->weight_names().size(), 1U); // G.R.7
  EXPECT_EQ(run->weight_names()[0], "CV");
  const auto pids = runAttr<VectorIntAttribute>(run, "NuHepMC.ProcessIDs")->value(); // G.R.8
  for (int id : pids) {
    EXPECT_GE(id, 100); // E.C.1 low-energy range
    EXPECT_LE(id, 199);
    EXPECT_FALSE(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.ProcessInfo[" + std::to_string(id) + "].Name")->value().empty());
    EXPECT_FALSE(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.ProcessInfo[" + std::to_string(id) + "].Description")->value().empty());
  }
  const auto vids = runAttr<VectorIntAttribute>(run, "NuHepMC.VertexStatusIDs")->value(); // G.R.9
  for (int id : vids) {
    EXPECT_TRUE(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.VertexStatusInfo[" + std::to_string(id) + "].Name"));
  }
  const auto sids = runAttr<VectorIntAttribute>(run, "NuHepMC.ParticleStatusIDs")->value(); // G.R.10
  for (int id : sids) {
    EXPECT_TRUE(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.ParticleStatusInfo[" + std::to_string(id) + "].Name"));
  }
  EXPECT_TRUE(runAttr<VectorIntAttribute>(run, "NuHepMC.AdditionalParticleNumbers")->value().empty()); // G.R.11
  EXPECT_DOUBLE_EQ(runAttr<HepMC3::DoubleAttribute>(run, "NuHepMC.Exposure.POT")->value(), 1e23); // G.C.1
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Beam[12].Type")->value(), "Histogram"); // G.C.4
  EXPECT_EQ(runAttr<VectorDoubleAttribute>(run, "NuHepMC.Beam[12].Histogram.BinEdges")->value().size(), 3U);
  EXPECT_EQ(runAttr<VectorDoubleAttribute>(run, "NuHepMC.Beam[12].Histogram.BinContent")->value().size(), 2U);
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Beam.EnergyUnit")->value(), "MEV");
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Provenance.lenu.Seed")->value(), "5"); // G.S.1
  EXPECT_EQ(runAttr<HepMC3::StringAttribute>(run, "NuHepMC.Provenance.lenu.ConfigText")->value(), "line one\nline two");
  std::set<int> numbers;
  std::set<int> vertexStatuses(vids.begin(), vids.end());
  std::set<int> particleStatuses(sids.begin(), sids.end());
  std::set<int> processIds(pids.begin(), pids.end());
  int nEvents = 0, nGamma = 0;
  do {
    ++nEvents;
    EXPECT_GE(ev.event_number(), 0); // E.R.2
    EXPECT_TRUE(numbers.insert(ev.event_number()).second);
    auto sp = ev.attribute<HepMC3::IntAttribute>("signal_process_id"); // E.R.3
    ASSERT_TRUE(sp);
    EXPECT_TRUE(processIds.count(sp->value()));
    EXPECT_EQ(ev.momentum_unit(), HepMC3::Units::MEV); // E.R.4
    EXPECT_EQ(ev.length_unit(), HepMC3::Units::CM);
    auto lp = ev.attribute<VectorDoubleAttribute>("lab_pos"); // E.R.5, E.C.5
    ASSERT_TRUE(lp);
    ASSERT_EQ(lp->value().size(), 4U);
    EXPECT_GT(lp->value()[3], -1e-5); // seconds: stopped-pion nu_e emitted after the pulse start
    EXPECT_LT(lp->value()[3], 1e-3);
    int primary = 0; // E.R.6
    for (const auto& v : ev.vertices()) {
      EXPECT_NE(v->status(), 0);
      EXPECT_TRUE(vertexStatuses.count(v->status())) << v->status();
      primary += v->status() == 1 ? 1 : 0;
      // four-momentum conservation at every vertex in the file (full precision)
      HepMC3::FourVector in, out;
      for (const auto& p : v->particles_in()) in += p->momentum();
      for (const auto& p : v->particles_out()) out += p->momentum();
      EXPECT_NEAR(in.e(), out.e(), 1e-7);
      EXPECT_NEAR(in.pz(), out.pz(), 1e-7);
    }
    EXPECT_EQ(primary, 1);
    int beams = 0, targets = 0; // E.R.7
    for (const auto& p : ev.particles()) {
      EXPECT_TRUE(particleStatuses.count(p->status())) << p->status();
      beams += p->status() == 4 ? 1 : 0;
      targets += p->status() == 20 ? 1 : 0;
      if (!p->production_vertex() || p->production_vertex()->id() == 0) {
        EXPECT_TRUE(p->status() == 4 || p->status() == 20);
      }
      if (!p->end_vertex()) {
        EXPECT_EQ(p->status(), 1); // E.R.8 outgoing real particles have status 1
      }
      nGamma += p->pid() == 22 ? 1 : 0;
    }
    EXPECT_EQ(beams, 1);
    EXPECT_EQ(targets, 1);
    EXPECT_TRUE(ev.attribute<HepMC3::DoubleAttribute>("tot_xs")); // E.C.2
    EXPECT_TRUE(ev.attribute<HepMC3::DoubleAttribute>("proc_xs")); // E.C.3
    ev.clear();
  } while (rd.read_event(ev) && !rd.failed());
  EXPECT_EQ(nEvents, 600);
  EXPECT_GT(nGamma, 600); // every 40K* level decays by at least one gamma
  std::filesystem::remove_all(dir);
}

TEST(GeneratorSetup, ConfigErrorsNameFileLineAndKey) {
  const auto dir = tmpDir("cfg");
  const auto f = dir / "bad.toml";
  {
    std::ofstream o(f);
    o << "[generator]\nexperiment = \"coherent-csi-2017\"\nprocess = \"cevns\"\nblock_size = 0\n";
  }
  try {
    readGeneratorSettings(f);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError);
    EXPECT_NE(std::string(e.what()).find("bad.toml:4: key 'generator.block_size'"), std::string::npos) << e.what();
  }
  {
    std::ofstream o(f);
    o << "[generator]\nexperiment = \"coherent-csi-2017\"\nprocess = \"cevns\"\nblok_size = 10\n";
  }
  try {
    readGeneratorSettings(f);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:4: unknown key 'generator.blok_size'"), std::string::npos) << e.what();
  }
  {
    std::ofstream o(f);
    o << "[generator]\nexperiment = \"coherent-csi-2017\"\nprocess = \"dis\"\n";
  }
  try {
    readGeneratorSettings(f);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:3: key 'generator.process'"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

TEST(Deexcitation, CascadesEndInGroundStateWithTableBranchings) {
  auto deex = loadDeexcitation(nuclides());
  const LevelScheme* k40 = deex->scheme(19, 40);
  ASSERT_NE(k40, nullptr);
  ASSERT_GT(k40->levels.size(), 100U);
  // 40K level at 2.28987 MeV (1+, the strongest Gamow-Teller state of 40Ar(nu_e, e-))
  const std::size_t li = k40->levelAt(2.28987);
  ASSERT_NEAR(k40->levels[li].energy, 2.28987, 1e-6);
  EXPECT_EQ(k40->levels[li].twoJ, 2);
  EXPECT_EQ(k40->levels[li].parity, 1);
  const auto& br = k40->levels[li].gammas;
  std::map<std::size_t, double> observed;
  const int n = 100000;
  Engine eng = blockEngine(11, 0);
  for (int i = 0; i < n; ++i) {
    Event ev;
    ev.vertices.push_back({kVertexPrimary});
    const double m = k40->groundMass + k40->levels[li].energy;
    ev.particles.push_back({1000190400, kStatusFinal, momentumAlong(30.0, 0.3, 1.0, std::sqrt(900.0 + m * m)), m, 0, -1, 0.0});
    ev.particles.push_back({1000190400, kStatusTarget, {0.0, 0.0, 30.0 * 0.3, 0.0}, 0.0, -1, 0, 0.0}); // bookkeeping only
    ev.particles.pop_back();
    deex->decay(0, eng, ev);
    // ends in the ground state: the last nucleus has the ground-state mass and status 1
    const auto& last = ev.particles.back();
    ASSERT_EQ(last.pdg, 1000190400);
    ASSERT_EQ(last.status, kStatusFinal);
    ASSERT_NEAR(last.mass, k40->groundMass, 1e-9);
    // each de-excitation vertex conserves four-momentum
    for (std::size_t v = 1; v < ev.vertices.size(); ++v) {
      FourMomentum in, out;
      for (const auto& p : ev.particles) {
        if (p.end == static_cast<int>(v)) in += p.p;
        if (p.origin == static_cast<int>(v)) out += p.p;
      }
      ASSERT_NEAR(in.e, out.e, 1e-8);
      ASSERT_NEAR(in.px, out.px, 1e-8);
      ASSERT_NEAR(in.pz, out.pz, 1e-8);
    }
    // first gamma: in the rest frame its energy fixes the final level
    const Particle& d1 = ev.particles[2];
    const double exAfter = d1.mass - k40->groundMass;
    observed[k40->levelAt(exAfter)] += 1.0;
  }
  std::vector<double> o, e;
  for (const auto& b : br) {
    o.push_back(observed[b.finalLevel]);
    e.push_back(n * b.ratio);
  }
  const auto chi = chiSquare(o, e);
  std::printf("[chi2] 40K 2.290 MeV level, first-gamma branchings (1e5 cascades): chi2 = %.2f ndf = %d p = %.4f\n",
              chi.chi2, chi.ndf, chi.pValue);
  EXPECT_GT(chi.pValue, kPValueThreshold) << "chi2 " << chi.chi2 << " ndf " << chi.ndf;
  EXPECT_EQ(br.size(), 4U);
}

TEST(Deexcitation, EvaporationAboveSeparationEnergiesConservesAndEndsInGroundState) {
  auto deex = loadDeexcitation(nuclides());
  const double m40K = *deex->groundMass(19, 40);
  const double sn = *deex->groundMass(19, 39) + constants::kMassNeutron - m40K;
  const double sp = *deex->groundMass(18, 39) + constants::kMassProton - m40K;
  EXPECT_NEAR(sn, 7.80, 0.01); // AME2020: S_n(40K) = 7.7993 MeV
  EXPECT_NEAR(sp, 7.58, 0.01); // S_p(40K) = 7.5823 MeV
  Engine eng = blockEngine(12, 0);
  std::map<int, int> ejectiles;
  int firstNeutron = 0;
  for (double ex : {7.952, 15.0, 25.0}) {
    for (int i = 0; i < 3000; ++i) {
      Event ev;
      ev.vertices.push_back({kVertexPrimary});
      const double m = m40K + ex;
      // at rest for Ex = 7.952 MeV (rest-frame energies checked), moving otherwise (boosts)
      const double pm = ex == 7.952 ? 0.0 : 40.0;
      const FourMomentum p = momentumAlong(pm, 0.2, 0.5, std::sqrt(pm * pm + m * m));
      // a primary vertex that produced the excited nucleus (one incoming pseudo-beam for the check)
      ev.particles.push_back({1000190400, kStatusTarget, p, m, -1, 0, 0.0});
      ev.particles.push_back({1000190400, kStatusFinal, p, m, 0, -1, 0.0});
      deex->decay(1, eng, ev);
      const auto c = checkConservation(ev);
      ASSERT_TRUE(c.ok(1e-8)) << c.firstProblem << " Ex " << ex;
      int nucleiLeft = 0;
      for (const auto& q : ev.particles) {
        if (q.status == kStatusFinal && q.pdg > 1000000000 && (q.pdg / 10) % 1000 > 4) { // not d, t, 3He, alpha
          ++nucleiLeft;
          const int Z = (q.pdg / 10000) % 1000, A = (q.pdg / 10) % 1000;
          ASSERT_NEAR(q.mass, *deex->groundMass(Z, A), 1e-9) << "not in its ground state: " << q.pdg;
        }
        if (q.origin > 0 && q.pdg != 22 && q.pdg != 1000190400 && q.status == kStatusFinal &&
            (q.pdg == 2112 || q.pdg == 2212 || (q.pdg / 10) % 1000 <= 4)) {
          ++ejectiles[q.pdg];
        }
      }
      ASSERT_EQ(nucleiLeft, 1);
      if (ex == 7.952) {
        // the neutron dominates (the proton is 0.37 MeV above S_p, far below the barrier); gammas
        // compete (Hauser-Feshbach) for the high-spin compound states (spin drawn from rho(E, J)),
        // which a 0.15 MeV neutron can only leave with l >= 2 onto the 3/2+ ground state of 39K
        if (ev.particles[2].pdg == 2112) {
          ASSERT_EQ(ev.particles[3].pdg, 1000190390);
          ASSERT_LT(ev.particles[2].p.e - constants::kMassNeutron, ex - sn + 1e-6);
          ++firstNeutron;
        } else {
          ASSERT_EQ(ev.particles[2].pdg, 22);
        }
      }
    }
  }
  std::printf("[evap] 40K* (7.952, 15, 25 MeV x 3000): emitted n %d, p %d, alpha %d\n", ejectiles[2112], ejectiles[2212],
              ejectiles[1000020040]);
  EXPECT_GT(ejectiles[2112], 3000);
  EXPECT_GT(ejectiles[2212], 0);
  EXPECT_GT(firstNeutron, 2400); // 2716 of 3000 with seed 12
}

TEST(NuHepMC, DirectFormatterWritesExactlyWhatHepMC3Writes) {
  auto deex = loadDeexcitation(nuclides());
  NuHepMcFormatter f(RunMetadata{});
  // CEvNS (CsI, 3 flavours), 40Ar CC allowed with gamma cascades and neutron emission
  auto a = csiGenerator()->generateBlock(3, 0, 0, 3000);
  EventGenerator ar(snsSource(), {Flavour::NuE}, {{argonCc(52.9, {}, deex), 1.0}});
  auto b = ar.generateBlock(3, 1, 3000, 3000);
  // de-excitation vertices with non-zero times (vertex positions written with "@")
  for (std::size_t i = 0; i < b.size(); i += 7) {
    for (auto& p : b[i].particles) {
      if (p.origin > 0) {
        p.time = 0.25 * static_cast<double>(p.origin);
      }
    }
  }
  for (const auto* set : {&a, &b}) {
    const std::string fast = f.formatEvents(*set);
    const std::string ref = f.formatEventsHepMC3(*set);
    ASSERT_EQ(fast.size(), ref.size());
    EXPECT_TRUE(fast == ref) << "first difference at byte "
                             << std::mismatch(fast.begin(), fast.end(), ref.begin()).first - fast.begin();
  }
}

// Lazy tables: four threads ask for the same 50 keys in different orders; every key is built
// exactly once, every thread sees the same object (stable address) and the same value, and a
// builder that throws leaves the key unbuilt for the next caller.
TEST(LazyTable, EachKeyBuiltOnceAcrossThreadsWithStableAddresses) {
  detail::LazyMap<int, std::vector<double>> map;
  std::atomic<int> builds{0};
  const int nKeys = 50, nThreads = 4;
  std::vector<std::vector<const std::vector<double>*>> seen(nThreads, std::vector<const std::vector<double>*>(nKeys));
  std::vector<std::thread> threads;
  for (int t = 0; t < nThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < nKeys; ++i) {
        const int k = t % 2 == 0 ? i : nKeys - 1 - i;
        seen[t][k] = &map.get(k, [&] {
          ++builds;
          return std::vector<double>(100, 0.5 * k);
        });
      }
    });
  }
  for (auto& th : threads) {
    th.join();
  }
  EXPECT_EQ(builds.load(), nKeys);
  EXPECT_EQ(map.size(), static_cast<std::size_t>(nKeys));
  for (int k = 0; k < nKeys; ++k) {
    for (int t = 1; t < nThreads; ++t) {
      EXPECT_EQ(seen[t][k], seen[0][k]);
    }
    EXPECT_EQ(seen[0][k]->at(99), 0.5 * k);
  }
  detail::Lazy<int> once;
  EXPECT_THROW((void)once.get([]() -> int { throw lenu::Error(lenu::ErrorCode::InvalidArgument, "first build fails"); }),
               lenu::Error);
  EXPECT_EQ(once.get([] { return 7; }), 7);
  EXPECT_EQ(once.get([] { return 8; }), 7);
}

TEST(Diagnostics, WarnOnceReportsEachKeyOnceToTheSink) {
  std::vector<std::string> got;
  lenu::Diagnostics d([&](const std::string& m) { got.push_back(m); });
  EXPECT_TRUE(d.warnOnce("a", "first"));
  EXPECT_FALSE(d.warnOnce("a", "again"));
  EXPECT_TRUE(d.warnOnce("b", "second"));
  EXPECT_EQ(got, (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(d.warnings(), got);
}
