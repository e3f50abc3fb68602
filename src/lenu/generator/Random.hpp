#pragma once
/// @file Random.hpp
/// Reproducible random streams for block-parallel generation. Events are generated in blocks of
/// fixed size; block b of a run with seed s uses its own engine, seeded from (s, b) through the
/// SplitMix64 finaliser (S. Vigna, "An experimental exploration of Marsaglia's xorshift
/// generators, scrambled", ACM TOMS 42 (2016) 30; constants of splitmix64.c), so a block's events
/// do not depend on which thread, rank or run produced it. No global state: the engine is passed in.

#include <cstdint>
#include <random>

namespace lenu::generator {

/// The engine every sampler takes.
using Engine = std::mt19937_64;

/// SplitMix64 finaliser: a bijective 64-bit mixer.
constexpr std::uint64_t splitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31U);
}

/// The engine of block `block` of a run with seed `seed` (independent streams per block).
inline Engine blockEngine(std::uint64_t seed, std::uint64_t block) {
  const std::uint64_t a = splitMix64(seed);
  const std::uint64_t b = splitMix64(a ^ splitMix64(block + 0x632be59bd9b4e019ULL));
  std::seed_seq seq{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(a >> 32U),
                    static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b >> 32U)};
  return Engine(seq);
}

/// Uniform deviate in [0, 1) with 53 random bits.
inline double uniform(Engine& e) { return static_cast<double>(e() >> 11U) * 0x1.0p-53; }

} // namespace lenu::generator
