"""Tools for measuring how plansite performs on large, synthetic data sets."""
