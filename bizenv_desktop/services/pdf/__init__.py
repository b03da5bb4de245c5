"""PDF reports in official-document layout (GB/T 9704-2012). No Qt."""
