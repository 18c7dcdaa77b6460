# STUB: tests of issue 3 (metrics).
