#include "adapters/render/described_csv.h"

#include <sstream>

#include "adapters/io/csv_writer.h"

namespace ocindex::adapters::render {

std::string DescribedCsv(const Description& description, const Grid& table) {
  std::ostringstream out;
  for (const auto& [field, value] : description) out << io::CsvField(field) << ',' << io::CsvField(value) << '\n';
  out << "Table starts at row," << description.size() + 3 << "\n\n";
  WriteCsv(table, out);
  return std::move(out).str();
}

}  // namespace ocindex::adapters::render
