// TomlTable (core/TomlTable.hpp): key bookkeeping of TOML input files. Every error is a
// ConfigError naming the file, the line and the dotted key; unknown keys are rejected.
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "lenu/core/Error.hpp"
#include "lenu/core/TomlTable.hpp"

using namespace lenu;

namespace {

// line 1: [det], line 2..6 its keys, line 8 [[chan]], line 9 its key, line 11 [[chan]], line 12
const char* kText = "[det]\n"
                    "mass = 14.6\n"
                    "name = \"CsI\"\n"
                    "n = 7\n"
                    "on = true\n"
                    "edges = [0.0, 1.0, 2.5]\n"
                    "\n"
                    "[[chan]]\n"
                    "kind = \"es\"\n"
                    "\n"
                    "[[chan]]\n"
                    "kind = \"ibd\"\n";

std::string errorOf(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ConfigError) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

struct Parsed {
  toml::table root = toml::parse(std::string_view(kText), std::string_view("in.toml"));
  TomlTable top{root, "", "in.toml"};
};

} // namespace

TEST(TomlTable, ReadsValuesAndAcceptsAllUsedKeys) {
  Parsed p;
  auto det = p.top.sub("det");
  EXPECT_DOUBLE_EQ(det.number("mass"), 14.6);
  EXPECT_DOUBLE_EQ(det.positive("mass"), 14.6);
  EXPECT_DOUBLE_EQ(det.number("mass", 1.0, 20.0), 14.6);
  EXPECT_EQ(det.string("name"), "CsI");
  EXPECT_EQ(det.optInteger("n", 1, 10), 7);
  EXPECT_DOUBLE_EQ(*det.optNumber("n"), 7.0); // an integer is a number
  EXPECT_EQ(det.optBool("on"), true);
  EXPECT_EQ(det.numbers("edges"), (std::vector<double>{0.0, 1.0, 2.5}));
  EXPECT_FALSE(det.optNumber("absent").has_value());
  EXPECT_FALSE(det.optString("absent").has_value());
  EXPECT_TRUE(det.strings("absent").empty());
  EXPECT_NO_THROW(det.finish());
  const auto chans = p.top.tables("chan");
  ASSERT_EQ(chans.size(), 2U);
  for (auto c : chans) {
    (void)c.string("kind");
    EXPECT_NO_THROW(c.finish());
  }
  EXPECT_NO_THROW(p.top.finish());
  EXPECT_EQ(det.line(), 1);
}

TEST(TomlTable, UnknownKeyNamesFileLineAndKey) {
  Parsed p;
  auto det = p.top.sub("det");
  (void)det.number("mass");
  (void)det.string("name");
  (void)det.optInteger("n", 0, 10);
  (void)det.numbers("edges");
  const auto msg = errorOf([&] { det.finish(); }); // "on" (line 5) never asked for
  EXPECT_NE(msg.find("in.toml:5: unknown key 'det.on'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("accepted here: edges, mass, n, name"), std::string::npos) << msg;
  // the root table: [[chan]] was never asked for
  const auto top = errorOf([&] { p.top.finish(); });
  EXPECT_NE(top.find("unknown key 'chan'"), std::string::npos) << top;
}

TEST(TomlTable, OutOfRangeNamesValueAndRange) {
  Parsed p;
  auto det = p.top.sub("det");
  auto msg = errorOf([&] { (void)det.number("mass", 0.0, 10.0); });
  EXPECT_NE(msg.find("in.toml:2: key 'det.mass': value 14.6 out of range: accepted range is [0, 10]"),
            std::string::npos)
      << msg;
  msg = errorOf([&] { (void)det.optNumber("mass", 20.0, 30.0); });
  EXPECT_NE(msg.find("accepted range is [20, 30]"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.optInteger("n", 8, 9); });
  EXPECT_NE(msg.find("in.toml:4: key 'det.n': value 7 out of range: accepted range is [8, 9]"), std::string::npos)
      << msg;
  const auto neg = toml::parse(std::string_view("x = -1.5\n"), std::string_view("neg.toml"));
  TomlTable t(neg, "", "neg.toml");
  msg = errorOf([&] { (void)t.positive("x"); });
  EXPECT_NE(msg.find("neg.toml:1: key 'x': value -1.5 out of range: must be > 0"), std::string::npos) << msg;
  // within range the value comes back unchanged, at the ends too
  EXPECT_DOUBLE_EQ(det.number("mass", 14.6, 14.6), 14.6);
}

TEST(TomlTable, MissingKeyNamesTableLineAndWhatWasExpected) {
  Parsed p;
  auto det = p.top.sub("det");
  auto msg = errorOf([&] { (void)det.number("distance"); });
  EXPECT_NE(msg.find("in.toml:1: missing key 'det.distance' (a number expected)"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.number("distance", 1.0, 2.0); });
  EXPECT_NE(msg.find("missing key 'det.distance' (a number in [1, 2] expected)"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.string("label"); });
  EXPECT_NE(msg.find("missing key 'det.label' (a string expected)"), std::string::npos) << msg;
  msg = errorOf([&] { (void)p.top.sub("analysis"); });
  EXPECT_NE(msg.find("missing key 'analysis'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing table [analysis]"), std::string::npos) << msg;
}

TEST(TomlTable, WrongTypeNamesKeyAndExpectedType) {
  Parsed p;
  auto det = p.top.sub("det");
  auto msg = errorOf([&] { (void)det.number("name"); });
  EXPECT_NE(msg.find("in.toml:3: key 'det.name': expected a finite number"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.string("mass"); });
  EXPECT_NE(msg.find("in.toml:2: key 'det.mass': expected a string"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.optInteger("mass", 0, 100); }); // 14.6 is not an integer
  EXPECT_NE(msg.find("key 'det.mass': expected an integer"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.optBool("n"); });
  EXPECT_NE(msg.find("key 'det.n': expected true or false"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.numbers("name"); });
  EXPECT_NE(msg.find("key 'det.name': expected an array of numbers"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.strings("edges"); });
  EXPECT_NE(msg.find("key 'det.edges': expected an array of strings"), std::string::npos) << msg;
  msg = errorOf([&] { (void)det.sub("mass"); });
  EXPECT_NE(msg.find("key 'det.mass': expected a table"), std::string::npos) << msg;
  msg = errorOf([&] { (void)p.top.tables("det"); });
  EXPECT_NE(msg.find("key 'det': expected an array of tables ([[det]])"), std::string::npos) << msg;
  // inf parses as a float but is no finite number
  const auto inf = toml::parse(std::string_view("x = inf\n"), std::string_view("inf.toml"));
  TomlTable t(inf, "", "inf.toml");
  msg = errorOf([&] { (void)t.optNumber("x", 0.0, 1.0); });
  EXPECT_NE(msg.find("inf.toml:1: key 'x': expected a finite number"), std::string::npos) << msg;
}

TEST(TomlTable, ArrayElementsAreNamedWithOrWithoutIndex) {
  Parsed p;
  auto indexed = p.top.tables("chan", TomlTable::ElementPath::KeyAndIndex);
  ASSERT_EQ(indexed.size(), 2U);
  auto msg = errorOf([&] { indexed[1].finish(); });
  EXPECT_NE(msg.find("in.toml:12: unknown key 'chan[1].kind'"), std::string::npos) << msg;
  auto plain = p.top.tables("chan");
  msg = errorOf([&] { plain[0].finish(); });
  EXPECT_NE(msg.find("in.toml:9: unknown key 'chan.kind'"), std::string::npos) << msg;
}
