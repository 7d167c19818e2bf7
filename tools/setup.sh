#!/usr/bin/env bash
# Installs what ocindex builds with, all from Debian's packages (docs/DEPENDENCIES.md
# says why each one). Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libeigen3-dev
  libsqlite3-dev libsqlitecpp-dev libpqxx-dev libminizip-dev libpugixml-dev libxlsxwriter-dev
  libboost-dev libhyperscan-dev libsodium-dev libpoppler-cpp-dev
  # OpenSSL for `serve --tls-cert/--tls-key`: Asio's TLS streams are built on it.
  libssl-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
  libgtest-dev libgmock-dev libbenchmark-dev
  # The fuzz preset (tools/fuzz.sh, .ci/run): clang builds the tests and the fuzz targets
  # with ASan and UBSan; libclang-rt-14-dev holds libFuzzer and the sanitizer runtimes;
  # llvm-14's llvm-symbolizer puts function names and lines in sanitizer reports.
  clang libclang-rt-14-dev llvm-14
  # The PostgreSQL server that .ci/run starts (tools/postgres_cluster.sh) for the store
  # conformance tests.
  postgresql
  # Only for bench/load/serve_vs_nginx.sh; small, so installed with the rest so the
  # benchmark runs after setup.
  nginx-light wrk curl
  # Only for bench/uncertainty_vs_numpy.sh: the NumPy baseline, run by Debian's python3.
  python3-numpy
  # The explorer's browser tests drive Debian's chromium (never a downloaded browser).
  chromium
)
# The explorer (web/) is built with Node.js and npm: Debian's only where none is installed
# already (a newer Node from elsewhere is kept).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all build dependencies are installed" >&2
  exit 0
fi

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
