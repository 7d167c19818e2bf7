#include "core/model/rational.h"

#include <cassert>
#include <compare>
#include <cstdlib>
#include <numeric>

namespace ocindex::core {
namespace {

__extension__ using Wide = __int128;

int64_t Narrow(Wide value) {
  // Scores have tiny denominators; overflow here means a malformed framework weight.
  assert(value <= INT64_MAX && value >= INT64_MIN);
  return static_cast<int64_t>(value);
}

Rational Make(Wide num, Wide den) {
  Wide a = num < 0 ? -num : num;
  Wide b = den < 0 ? -den : den;
  while (b != 0) {
    Wide t = a % b;
    a = b;
    b = t;
  }
  Wide g = a == 0 ? 1 : a;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  return Rational(Narrow(num / g), Narrow(den / g));
}

int64_t Pow10(int exponent) {
  int64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

}  // namespace

Rational::Rational(int64_t num, int64_t den) {
  assert(den != 0);
  int64_t g = std::gcd(num, den);
  if (g == 0) g = 1;
  if (den < 0) g = -g;
  num_ = num / g;
  den_ = den / g;
}

std::optional<Rational> Rational::ParseDecimal(std::string_view text, int max_decimals) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  Wide mantissa = 0;
  int fraction_digits = 0;
  int digits = 0;
  bool in_fraction = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else if (c >= '0' && c <= '9') {
      ++digits;
      // Digits far past max_decimals cannot change a half-up rounding at max_decimals.
      if (in_fraction && fraction_digits >= max_decimals + 8) continue;
      if (mantissa > (Wide(1) << 100)) return std::nullopt;
      mantissa = mantissa * 10 + (c - '0');
      if (in_fraction) ++fraction_digits;
    } else {
      break;
    }
  }
  if (digits == 0) return std::nullopt;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9' || exponent > 30) return std::nullopt;
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  int scale = fraction_digits - exponent;  // value = mantissa * 10^-scale
  while (scale < 0) {
    if (mantissa > INT64_MAX) return std::nullopt;  // stop before the 128-bit product overflows
    mantissa *= 10;
    ++scale;
  }
  if (scale > max_decimals) {
    if (scale - max_decimals > 32) {
      mantissa = 0;  // mantissa < 2^104 < 10^33 / 2 <= divisor / 2: rounds to zero
    } else {
      Wide divisor = 1;
      for (int k = max_decimals; k < scale; ++k) divisor *= 10;
      mantissa = (2 * mantissa + divisor) / (2 * divisor);  // half-up on a non-negative mantissa
    }
    scale = max_decimals;
  }
  if (mantissa > INT64_MAX) return std::nullopt;
  return Make(negative ? -mantissa : mantissa, Pow10(scale));
}

Rational Rational::FromUnits(int64_t units, int decimals) { return Rational(units, Pow10(decimals)); }

int64_t Rational::RoundHalfUp(int decimals) const {
  Wide scaled = Wide(num_ < 0 ? -num_ : num_) * Pow10(decimals);
  Wide rounded = (2 * scaled + den_) / (2 * Wide(den_));
  return Narrow(num_ < 0 ? -rounded : rounded);
}

Rational operator+(const Rational& a, const Rational& b) {
  return Make(Wide(a.num_) * b.den_ + Wide(b.num_) * a.den_, Wide(a.den_) * b.den_);
}
Rational operator-(const Rational& a, const Rational& b) {
  return Make(Wide(a.num_) * b.den_ - Wide(b.num_) * a.den_, Wide(a.den_) * b.den_);
}
Rational operator*(const Rational& a, const Rational& b) {
  return Make(Wide(a.num_) * b.num_, Wide(a.den_) * b.den_);
}
Rational operator/(const Rational& a, const Rational& b) {
  assert(b.num_ != 0);
  return Make(Wide(a.num_) * b.den_, Wide(a.den_) * b.num_);
}
std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  return Wide(a.num_) * b.den_ <=> Wide(b.num_) * a.den_;
}

std::string FormatUnits(int64_t units, int decimals) {
  const uint64_t magnitude = units < 0 ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  const auto scale = static_cast<uint64_t>(Pow10(decimals));
  std::string out = units < 0 ? "-" : "";
  out += std::to_string(magnitude / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    out += '.';
    out.append(static_cast<size_t>(decimals) - fraction.size(), '0');
    out += fraction;
  }
  return out;
}

std::string FormatRational(const Rational& value) {
  for (int decimals = 0; decimals <= 12; ++decimals) {
    int64_t units = value.RoundHalfUp(decimals);
    if (Rational(units, Pow10(decimals)) == value) return FormatUnits(units, decimals);
  }
  return FormatUnits(value.RoundHalfUp(12), 12);
}

}  // namespace ocindex::core
