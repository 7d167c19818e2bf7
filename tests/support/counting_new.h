// Replaces the global operator new with one that counts, so a test can check that a
// hot loop allocates nothing. Include in exactly one file of a test binary.
#pragma once

#include <atomic>
#include <cstdlib>
#include <new>

namespace ocindex::test {
inline std::atomic<long> allocations{0};
}  // namespace ocindex::test

// GCC 12 cannot see that these replacements pair malloc with free throughout.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t size) {
  ++ocindex::test::allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's buffer): otherwise a sanitizer runtime's own
// allocates what the replaced delete frees (ASan: alloc-dealloc-mismatch).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++ocindex::test::allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
