#include "core/model/rational.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>

#include "support/tiny_framework.h"

namespace ocindex::core {
namespace {

// ---------------------------------------------------------------- construction

TEST(RationalTest, NormalisesSignAndCommonFactors) {
  Rational half(2, -4);
  EXPECT_EQ(half.num(), -1);
  EXPECT_EQ(half.den(), 2);
  EXPECT_EQ(Rational(-6, -9), Rational(2, 3));
  EXPECT_EQ(Rational(0, -5), Rational(0));
  EXPECT_EQ(Rational(0, -5).den(), 1);
  EXPECT_TRUE(Rational(10, 5).IsInteger());
  EXPECT_FALSE(Rational(5, 10).IsInteger());
}

TEST(RationalTest, ArithmeticIsExact) {
  EXPECT_EQ(Rational(1, 3) + Rational(1, 6), Rational(1, 2));
  EXPECT_EQ(Rational(1, 3) - Rational(1, 2), Rational(-1, 6));
  EXPECT_EQ(Rational(2, 3) * Rational(9, 4), Rational(3, 2));
  EXPECT_EQ(Rational(3, 4) / Rational(-3, 8), Rational(-2));
  // 0.1 + 0.2 is exactly 0.3, unlike in binary floating point.
  EXPECT_EQ(Rational(1, 10) + Rational(2, 10), Rational(3, 10));
  Rational sum = 0;
  for (int k = 0; k < 10; ++k) sum += Rational(1, 10);
  EXPECT_EQ(sum, Rational(1));
}

TEST(RationalTest, OrdersByValue) {
  EXPECT_LT(Rational(1, 3), Rational(1, 2));
  EXPECT_GT(Rational(-1, 3), Rational(-1, 2));
  EXPECT_LE(Rational(2, 4), Rational(1, 2));
  EXPECT_LT(Rational(549, 100), Rational(11, 2));
  EXPECT_DOUBLE_EQ(Rational(-5, 4).ToDouble(), -1.25);
}

// ---------------------------------------------------------------- ParseDecimal

TEST(RationalParseTest, ParsesIntegersDecimalsAndExponents) {
  EXPECT_EQ(Rational::ParseDecimal("4"), Rational(4));
  EXPECT_EQ(Rational::ParseDecimal("-2.5"), Rational(-5, 2));
  EXPECT_EQ(Rational::ParseDecimal("+3.25"), Rational(13, 4));
  EXPECT_EQ(Rational::ParseDecimal("1e1"), Rational(10));
  EXPECT_EQ(Rational::ParseDecimal("1.5e1"), Rational(15));
  EXPECT_EQ(Rational::ParseDecimal("2.5E-1"), Rational(1, 4));
  EXPECT_EQ(Rational::ParseDecimal("7E+2"), Rational(700));
  EXPECT_EQ(Rational::ParseDecimal("0"), Rational(0));
  EXPECT_EQ(Rational::ParseDecimal("-0.0"), Rational(0));
  EXPECT_EQ(Rational::ParseDecimal("6.93"), Rational(693, 100));
  EXPECT_EQ(Rational::ParseDecimal("10.0"), Rational(10));
}

TEST(RationalParseTest, RoundsSpreadsheetNoiseAwayAtMaxDecimals) {
  // 4.02 stored as a binary double prints as 4.0199999999999996.
  EXPECT_EQ(Rational::ParseDecimal("4.0199999999999996"), Rational(402, 100));
  EXPECT_EQ(Rational::ParseDecimal("0.30000000000000004"), Rational(3, 10));
  EXPECT_EQ(Rational::ParseDecimal("-4.0199999999999996"), Rational(-402, 100));
  // The noise is only removed at max_decimals: with 20 places the digits are data.
  EXPECT_EQ(Rational::ParseDecimal("4.0199999999999996", 20), Rational(40199999999999996, 10000000000000000));
  // Rounding at the 10th place is half-up.
  EXPECT_EQ(Rational::ParseDecimal("0.00000000005"), Rational(1, 10000000000));
  EXPECT_EQ(Rational::ParseDecimal("0.000000000049"), Rational(0));
  EXPECT_EQ(Rational::ParseDecimal("5e-11"), Rational(1, 10000000000));
  // An unrounded mean keeps its first 10 places: 104/15 = 6.9333333333|33...
  EXPECT_EQ(Rational::ParseDecimal("6.933333333333333"), Rational(69333333333, 10000000000));
}

TEST(RationalParseTest, RejectsTextThatIsNotANumber) {
  for (const char* text :
       {"", "abc", "1.2.3", "5x", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-", "1e5x", "4,5", "x5", "--1", "1e1.5"}) {
    EXPECT_EQ(Rational::ParseDecimal(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(RationalParseTest, LeadingOrTrailingDotIsStillANumber) {
  EXPECT_EQ(Rational::ParseDecimal(".5"), Rational(1, 2));
  EXPECT_EQ(Rational::ParseDecimal("5."), Rational(5));
}

TEST(RationalParseTest, RejectsValuesTooLargeForInt64) {
  EXPECT_EQ(Rational::ParseDecimal("99999999999999999999"), std::nullopt);
  EXPECT_EQ(Rational::ParseDecimal("1e30"), std::nullopt);
  EXPECT_EQ(Rational::ParseDecimal("1e999"), std::nullopt);
}

// Exponents well past the 128-bit range used to overflow the intermediate mantissa
// (undefined behaviour; in practice a garbage value was returned).
TEST(RationalParseTest, HugeExponentsDoNotOverflow) {
  EXPECT_EQ(Rational::ParseDecimal("1e40"), std::nullopt);
  EXPECT_EQ(Rational::ParseDecimal("1e300"), std::nullopt);
  EXPECT_EQ(Rational::ParseDecimal("-7.5e250"), std::nullopt);
  // Tiny values round to zero at max_decimals, however small.
  EXPECT_EQ(Rational::ParseDecimal("1e-60"), Rational(0));
  EXPECT_EQ(Rational::ParseDecimal("9.99e-300"), Rational(0));
  EXPECT_EQ(Rational::ParseDecimal("-5.5511151231257827e-17"), Rational(0));
}

// ---------------------------------------------------------------- RoundHalfUp

TEST(RationalRoundTest, RoundsHalfUpExactlyInDecimal) {
  EXPECT_EQ(Rational(1625, 1000).RoundHalfUp(2), 163);
  // 2.675 is 2.67499999999999982236431605997495353221893310546875 as a double, so
  // rounding the double gives 2.67; the exact value rounds up.
  char printed[16];
  std::snprintf(printed, sizeof printed, "%.2f", 2.675);
  EXPECT_STREQ(printed, "2.67");
  EXPECT_EQ(Rational::ParseDecimal("2.675")->RoundHalfUp(2), 268);
  EXPECT_EQ(Rational(42625, 10000).RoundHalfUp(2), 426);
  EXPECT_EQ(Rational(55, 24).RoundHalfUp(2), 229);  // 2.291666...
  EXPECT_EQ(Rational(1, 3).RoundHalfUp(2), 33);
  EXPECT_EQ(Rational(2, 3).RoundHalfUp(2), 67);
  EXPECT_EQ(Rational(104, 15).RoundHalfUp(2), 693);    // 6.9333...
  EXPECT_EQ(Rational(1387, 200).RoundHalfUp(2), 694);  // 6.935
  EXPECT_EQ(Rational(1, 200).RoundHalfUp(2), 1);       // 0.005
  EXPECT_EQ(Rational(4999, 1000000).RoundHalfUp(2), 0);
}

TEST(RationalRoundTest, NegativeHalvesRoundAwayFromZero) {
  EXPECT_EQ(Rational(-1625, 1000).RoundHalfUp(2), -163);
  EXPECT_EQ(Rational(-1624, 1000).RoundHalfUp(2), -162);
  EXPECT_EQ(Rational(-55, 24).RoundHalfUp(2), -229);
  EXPECT_EQ(Rational(-5, 2).RoundHalfUp(0), -3);
  EXPECT_EQ(Rational(-1, 200).RoundHalfUp(2), -1);
}

TEST(RationalRoundTest, OtherPrecisions) {
  EXPECT_EQ(Rational(5, 2).RoundHalfUp(0), 3);
  EXPECT_EQ(Rational(7, 3).RoundHalfUp(0), 2);
  EXPECT_EQ(Rational(42625, 10000).RoundHalfUp(3), 4263);
  EXPECT_EQ(Rational(42625, 10000).RoundHalfUp(4), 42625);
  EXPECT_EQ(Rational(42625, 10000).RoundHalfUp(6), 4262500);
  EXPECT_EQ(Rational(7).RoundHalfUp(2), 700);
}

// ---------------------------------------------------------------- formatting

TEST(RationalFormatTest, FormatUnitsAlwaysPrintsTheDecimals) {
  EXPECT_EQ(FormatUnits(430, 2), "4.30");
  EXPECT_EQ(FormatUnits(426, 2), "4.26");
  EXPECT_EQ(FormatUnits(5, 2), "0.05");
  EXPECT_EQ(FormatUnits(-5, 2), "-0.05");
  EXPECT_EQ(FormatUnits(0, 2), "0.00");
  EXPECT_EQ(FormatUnits(-163, 2), "-1.63");
  EXPECT_EQ(FormatUnits(1000, 2), "10.00");
  EXPECT_EQ(FormatUnits(7, 3), "0.007");
  EXPECT_EQ(FormatUnits(426, 0), "426");
  EXPECT_EQ(FormatUnits(-426, 0), "-426");
}

TEST(RationalFormatTest, FormatRationalPrintsTheShortestExactDecimal) {
  EXPECT_EQ(FormatRational(Rational(42625, 10000)), "4.2625");
  EXPECT_EQ(FormatRational(Rational(5)), "5");
  EXPECT_EQ(FormatRational(Rational(0)), "0");
  EXPECT_EQ(FormatRational(Rational(-1, 4)), "-0.25");
  EXPECT_EQ(FormatRational(Rational(73, 10)), "7.3");
  EXPECT_EQ(FormatRational(Rational(1, 1024)), "0.0009765625");
}

TEST(RationalFormatTest, FormatRationalRoundsNonTerminatingValuesTo12Places) {
  EXPECT_EQ(FormatRational(Rational(1, 3)), "0.333333333333");
  EXPECT_EQ(FormatRational(Rational(2, 3)), "0.666666666667");
  EXPECT_EQ(FormatRational(Rational(-2, 3)), "-0.666666666667");
  EXPECT_EQ(FormatRational(Rational(197, 30)), "6.566666666667");  // Libya 2023 markets
  // 1/2^13 needs 13 places, one more than allowed.
  EXPECT_EQ(FormatRational(Rational(1, 8192)), "0.000122070313");
}

}  // namespace
}  // namespace ocindex::core
