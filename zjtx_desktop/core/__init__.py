"""The pure-Python core: profile, policy data, evaluator, money. Imports neither Qt nor reportlab."""
