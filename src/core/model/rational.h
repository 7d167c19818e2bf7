// Exact rational numbers for scores and means. Published figures are decimal and
// rounded half-up; doing the arithmetic in binary floating point misrounds values
// such as 1.625, so every score, weight and mean is a fraction of 64-bit integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ocindex::core {

class Rational {
 public:
  constexpr Rational() = default;
  constexpr Rational(int64_t integer) : num_(integer) {}  // NOLINT: integers are rationals
  // Normalises sign and common factors. den must not be 0.
  Rational(int64_t num, int64_t den);

  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  double ToDouble() const { return static_cast<double>(num_) / static_cast<double>(den_); }

  // Parses a decimal such as "4", "-2.5", "4.0199999999999996" or "1.5e1". Digits beyond
  // max_decimals are rounded half-up first: spreadsheets write binary noise (4.02 stored
  // as 4.0199999999999996) that must not count as data. nullopt if text is not a number.
  static std::optional<Rational> ParseDecimal(std::string_view text, int max_decimals = 10);

  // Rounds half away from zero to `decimals` places; returns the value in units of
  // 10^-decimals (4.2625 at 2 places gives 426).
  int64_t RoundHalfUp(int decimals) const;
  bool IsInteger() const { return den_ == 1; }
  // The value of `units` in units of 10^-decimals (426 at 2 decimals is 4.26).
  static Rational FromUnits(int64_t units, int decimals);

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);
  Rational& operator+=(const Rational& o) { return *this = *this + o; }
  friend bool operator==(const Rational& a, const Rational& b) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  int64_t num_ = 0;
  int64_t den_ = 1;
};

// "4.26" from 426 units at 2 decimals; always prints `decimals` places ("4.30").
std::string FormatUnits(int64_t units, int decimals);
// Shortest exact decimal text when one exists within 12 places ("4.2625", "5"),
// otherwise rounded to 12 places.
std::string FormatRational(const Rational& value);

}  // namespace ocindex::core
