#include "lenu/generator/EventGenerator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

EventGenerator::EventGenerator(std::shared_ptr<const NeutrinoSource> source, std::vector<Flavour> flavours,
                               std::vector<ProcessEntry> processes, Config cfg)
    : m_source(std::move(source)), m_flavours(std::move(flavours)), m_processes(std::move(processes)) {
  if (!m_source || m_flavours.empty() || m_processes.empty()) {
    throw Error(ErrorCode::InvalidArgument, "EventGenerator: needs a source, at least one flavour and one process");
  }
  if (cfg.timeNodes < 3) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("EventGenerator: timeNodes = {} must be >= 3", cfg.timeNodes));
  }
  const auto emitted = m_source->flavours();
  const TimeWindow range = m_source->timeRange();
  if (!std::isfinite(range.begin) || !std::isfinite(range.end) || !(range.end > range.begin)) {
    throw Error(ErrorCode::InvalidArgument, "EventGenerator: the source's timeRange() must be finite");
  }
  std::vector<double> weights;
  double sumNu = 0.0;
  for (std::size_t fi = 0; fi < m_flavours.size(); ++fi) {
    const Flavour f = m_flavours[fi];
    if (std::find(emitted.begin(), emitted.end(), f) == emitted.end()) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("EventGenerator: the source does not emit {} ({})", toString(f), m_source->description()));
    }
    const double nf = m_source->totalNeutrinos(f);
    sumNu += nf;
    std::vector<double> tx(cfg.timeNodes), tf(cfg.timeNodes);
    for (std::size_t k = 0; k < cfg.timeNodes; ++k) {
      tx[k] = range.begin + (range.end - range.begin) * static_cast<double>(k) / static_cast<double>(cfg.timeNodes - 1);
      tf[k] = std::max(0.0, m_source->timePdf(f, tx[k]));
    }
    m_time.emplace_back(std::move(tx), std::move(tf));
    const EnergySpectrum spec = m_source->spectrum(f);
    for (const auto& pe : m_processes) {
      if (pe.process->flavour() != f) {
        continue;
      }
      Channel ch;
      ch.process = pe.process.get();
      ch.flavour = f;
      ch.timeIndex = fi;
      std::vector<double> parts;
      double mean = 0.0;
      for (const auto& l : spec.lines()) {
        const double w = l.weight * pe.process->sigma(l.energy);
        ch.lineEnergies.push_back(l.energy);
        parts.push_back(w);
        mean += w;
      }
      double contPart = 0.0;
      if (const ContinuousSpectrum* c = spec.continuousPart(); c != nullptr && spec.continuousWeight() > 0.0) {
        std::vector<double> x, y;
        const double lo = std::max(c->eMin(), pe.process->thresholdEnergy());
        const double hi = c->eMax();
        x.push_back(lo);
        for (double e : pe.process->energyNodes()) {
          if (e > lo && e < hi) {
            x.push_back(e);
          }
        }
        x.push_back(hi);
        for (double e : x) {
          y.push_back(c->pdf(e) * pe.process->sigma(e));
        }
        double integral = 0.0;
        for (std::size_t k = 1; k < x.size(); ++k) {
          integral += 0.5 * (y[k] + y[k - 1]) * (x[k] - x[k - 1]);
        }
        if (integral > 0.0) {
          ch.continuous = TabulatedSampler(std::move(x), std::move(y));
          contPart = spec.continuousWeight() * integral;
        }
      }
      parts.push_back(contPart);
      mean += contPart;
      if (!(mean > 0.0)) {
        continue; // closed for this spectrum
      }
      ch.part = DiscreteSampler(parts);
      weights.push_back(nf * pe.atoms * mean);
      m_info.push_back({f, pe.process.get(), pe.atoms, mean, 0.0});
      m_channels.push_back(std::move(ch));
    }
  }
  for (const auto& pe : m_processes) {
    m_atoms += pe.atoms; // one entry per (nucleus, flavour): count each nucleus once below
  }
  // atoms per formula unit: sum over distinct (Z, A)
  {
    std::vector<std::pair<int, int>> seen;
    m_atoms = 0.0;
    for (const auto& pe : m_processes) {
      const std::pair<int, int> za{pe.process->targetZ(), pe.process->targetA()};
      if (std::find(seen.begin(), seen.end(), za) == seen.end()) {
        seen.push_back(za);
        m_atoms += pe.atoms;
      }
    }
  }
  if (m_channels.empty()) {
    throw Error(ErrorCode::BelowThreshold, "EventGenerator: no process is open for the source's spectra");
  }
  m_channelChoice = DiscreteSampler(weights);
  m_totalNeutrinos = sumNu;
  m_fluxAveraged = m_channelChoice.total() / (sumNu * m_atoms);
  for (std::size_t c = 0; c < m_info.size(); ++c) {
    m_info[c].probability = m_channelChoice.probability(c);
  }
}

double EventGenerator::fluxAveragedSigma(Flavour f) const {
  double s = 0.0;
  for (const auto& i : m_info) {
    if (i.flavour == f) {
      s += i.atoms * i.meanSigma;
    }
  }
  return s / m_atoms;
}

void EventGenerator::generate(Engine& engine, Event& ev) const {
  const Channel& ch = m_channels[m_channelChoice.sample(engine)];
  const std::size_t part = ch.part.sample(engine);
  const double E = part < ch.lineEnergies.size() ? ch.lineEnergies[part] : ch.continuous.sample(engine);
  ev.clear();
  ev.flavour = ch.flavour;
  ev.energy = E;
  ev.time = m_time[ch.timeIndex].sample(engine);
  ch.process->generate(E, engine, ev);
  if (ev.processXs == 0.0) {
    ev.processXs = ch.process->sigma(E);
  }
  double tot = 0.0;
  for (const auto& pe : m_processes) {
    if (pe.process->flavour() == ch.flavour && pe.process->targetZ() == ch.process->targetZ() &&
        pe.process->targetA() == ch.process->targetA()) {
      tot += pe.process->sigma(E);
    }
  }
  if (ev.totalXs == 0.0) {
    ev.totalXs = tot;
  }
}

std::vector<Event> EventGenerator::generateBlock(std::uint64_t seed, std::uint64_t block, std::uint64_t first,
                                                 std::size_t count) const {
  Engine engine = blockEngine(seed, block);
  std::vector<Event> out(count);
  for (std::size_t k = 0; k < count; ++k) {
    generate(engine, out[k]);
    out[k].number = first + k;
  }
  return out;
}

} // namespace lenu::generator
