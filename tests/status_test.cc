// Tests for pipeline/status.h (Status: ToString, WithPrefix) and for the exit code of each
// category (ExitCodeFor, pipeline/pipeline.h), which both commands use: the same error has the
// same exit code everywhere.
#include "pipeline/status.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace kg {
namespace {

TEST(StatusTest, ToStringIsOkOrCategoryAndMessage) {
  EXPECT_EQ(Status::Ok().ToString(), "OK");
  EXPECT_EQ(Status::Usage("--threads wants a number").ToString(),
            "Usage error: --threads wants a number");
  EXPECT_EQ(Status::NotFound("a.txt: no such file").ToString(), "Not found: a.txt: no such file");
  EXPECT_EQ(Status::InvalidInput("a.txt: invalid UTF-8 at byte 3").ToString(),
            "Invalid input: a.txt: invalid UTF-8 at byte 3");
  EXPECT_EQ(Status::IOError("out.json: cannot write: No space left on device").ToString(),
            "IO error: out.json: cannot write: No space left on device");
  EXPECT_EQ(Status::Rules("roles.txt:3: invalid UTF-8").ToString(),
            "Rules error: roles.txt:3: invalid UTF-8");
  EXPECT_EQ(Status::Internal("ICU error U_MEMORY_ALLOCATION_ERROR").ToString(),
            "Internal error: ICU error U_MEMORY_ALLOCATION_ERROR");
}

TEST(StatusTest, WithPrefixKeepsTheCategory) {
  Status s =
      Status::Internal("ICU error U_BUFFER_OVERFLOW_ERROR").WithPrefix("dump.jsonl: line 7: ");
  EXPECT_EQ(s.code(), Status::Code::kInternal);
  EXPECT_EQ(s.message(), "dump.jsonl: line 7: ICU error U_BUFFER_OVERFLOW_ERROR");
  EXPECT_TRUE(Status::Ok().WithPrefix("x: ").ok());
  EXPECT_EQ(Status::Ok().WithPrefix("x: ").message(), "");
}

TEST(ExitCodeForTest, EachCategoryHasTheDocumentedCode) {
  EXPECT_EQ(ExitCodeFor(Status::Ok()), 0);
  EXPECT_EQ(ExitCodeFor(Status::Internal("x")), 1);
  EXPECT_EQ(ExitCodeFor(Status::Usage("x")), 2);
  EXPECT_EQ(ExitCodeFor(Status::NotFound("x")), 3);
  EXPECT_EQ(ExitCodeFor(Status::InvalidInput("x")), 4);
  EXPECT_EQ(ExitCodeFor(Status::IOError("x")), 5);
  EXPECT_EQ(ExitCodeFor(Status::Rules("x")), 6);
}

}  // namespace
}  // namespace kg
