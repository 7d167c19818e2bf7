// Review comments, threaded on a cell. Comments are appended, never edited.
#pragma once

#include <string>
#include <vector>

#include "core/assessment/keys.h"
#include "core/assessment/people.h"

namespace ocindex::core::assessment {

struct Comment {
  UserRef author;
  Timestamp at = 0;
  std::string text;  // trimmed, non-empty
};

struct CommentThread {
  int id = 0;  // 1, 2, ... within the round
  CellKey cell;
  std::vector<Comment> comments;  // the first opens the thread
};

}  // namespace ocindex::core::assessment
