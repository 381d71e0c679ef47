# Fails when a test source uses Qt Test's checking macros. Inside a GoogleTest body they
# only log to Qt's test log and return: a failing QTRY_VERIFY reports PASSED. Use
# EXPECT_*/ASSERT_* (with QTest::qWaitFor to wait) instead.
#   cmake -DTESTS_DIR=<tests folder> -P NoQtTestAssertions.cmake
file(GLOB_RECURSE sources "${TESTS_DIR}/*.cpp" "${TESTS_DIR}/*.h")
set(found "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "Q(TRY_[A-Z_]+|VERIFY[A-Z0-9_]*|COMPARE|FAIL|EXPECT_FAIL)[ \t]*\\(")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    string(APPEND found "\n  ${source}: ${line}")
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "Qt Test macros in GoogleTest sources (they cannot fail a test):${found}")
endif()
