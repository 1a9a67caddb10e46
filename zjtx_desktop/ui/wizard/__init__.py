"""The declaration wizard, generated from forms/questions/: one page per question file."""
