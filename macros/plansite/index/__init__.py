"""What one partnership publishes, indexed once per build: the layer that pages, exports and
feeds all read, below each of them."""
