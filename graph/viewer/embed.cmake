# STUB: the HTML viewer's build-time embedding of graph/viewer (issue 3).
