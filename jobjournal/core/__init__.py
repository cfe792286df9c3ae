"""The journal without a GUI: vault, records, letters. Never imports Qt."""
