"""Section builders: each turns a context into flowables for one part of a packet or the report."""
