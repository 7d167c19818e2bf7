#include "adapters/http/access_log.h"

#include <gtest/gtest.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace ocindex::adapters::http {
namespace {

// A pipe to read back what the log wrote.
class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(fds_), 0); }
  ~Pipe() {
    CloseWriteEnd();
    ::close(fds_[0]);
  }
  int write_end() const { return fds_[1]; }
  void CloseWriteEnd() {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }
  // Everything written until the write end is closed (by this thread or another).
  std::string ReadToEnd() const {
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds_[0], buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<size_t>(n));
    return out;
  }
  std::string Drain() {
    CloseWriteEnd();
    return ReadToEnd();
  }
  // What has been written so far, without waiting.
  size_t Available() const {
    int bytes = 0;
    return ::ioctl(fds_[0], FIONREAD, &bytes) == 0 ? static_cast<size_t>(bytes) : 0;
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(AccessLog, LinesWaitForTheLimitOrAFlush) {
  Pipe pipe;
  LogSink sink(pipe.write_end());
  LogBatch batch(sink, 20);
  EXPECT_TRUE(batch.Add("first line\n"));   // the batch was empty: the caller schedules a flush
  EXPECT_FALSE(batch.Add("second\n"));      // already due
  EXPECT_EQ(pipe.Available(), 0u);          // 18 bytes: under the limit, nothing written yet
  EXPECT_FALSE(batch.Add("third\n"));       // 24 bytes: the batch goes out
  EXPECT_EQ(pipe.Available(), 24u);
  EXPECT_TRUE(batch.Add("fourth\n"));
  batch.Flush();
  batch.Flush();  // nothing left: writes nothing
  EXPECT_EQ(pipe.Drain(), "first line\nsecond\nthird\nfourth\n");
}

TEST(AccessLog, ABatchIsWrittenWhenItIsDestroyed) {
  Pipe pipe;
  LogSink sink(pipe.write_end());
  { LogBatch(sink).Add("last words\n"); }
  EXPECT_EQ(pipe.Drain(), "last words\n");
}

TEST(AccessLog, ThreadsNeverInterleaveInsideALine) {
  Pipe pipe;
  LogSink sink(pipe.write_end());
  constexpr int kThreads = 4, kLines = 2000;
  std::string everything;
  std::thread reader([&] { everything = pipe.ReadToEnd(); });  // a full pipe would block the writers
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&sink, t] {
      LogBatch batch(sink, 512);  // lines of different lengths: batches end mid-way through the lines' rhythm
      const std::string line = std::string(40 + t * 7, static_cast<char>('a' + t)) + "\n";
      for (int i = 0; i < kLines; ++i) batch.Add(line);
    });
  }
  for (std::thread& writer : writers) writer.join();
  pipe.CloseWriteEnd();
  reader.join();
  int counts[kThreads] = {};
  size_t start = 0;
  for (size_t end; (end = everything.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string_view line(everything.data() + start, end - start);
    ASSERT_FALSE(line.empty());
    const int t = line.front() - 'a';
    ASSERT_TRUE(t >= 0 && t < kThreads) << line;
    ASSERT_EQ(line, std::string(40 + t * 7, line.front()));
    ++counts[t];
  }
  EXPECT_EQ(start, everything.size());
  for (int count : counts) EXPECT_EQ(count, kLines);
}

}  // namespace
}  // namespace ocindex::adapters::http
