"""Print-ready PDF packets and the summary report (reportlab; never Qt)."""
