"""The window's views: overview, the records tables, and the news."""
