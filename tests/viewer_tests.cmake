# STUB: tests of issue 3 (viewer).
