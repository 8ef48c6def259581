"""Files in and out: news output, the homepage block, imports and exports; never Qt."""
