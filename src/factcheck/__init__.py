"""factcheck: catch numbers that contradict each other before an article is published."""

__version__ = "0.1.0"
