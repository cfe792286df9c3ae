"""Measured figures, each as a ratio to a baseline timed in the same run."""
