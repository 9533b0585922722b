"""Data files (see README.md); a package only so that importlib.resources finds them."""
