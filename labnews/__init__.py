"""labnews: keep a research lab's records and write its news from them."""

__version__ = "0.1.0"
