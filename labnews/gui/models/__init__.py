"""Table models over tuples of frozen records: filtering and sorting happen inside them."""
