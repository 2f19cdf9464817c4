"""Typo detection: a curated misspelling list plus a word-frequency model of English."""
