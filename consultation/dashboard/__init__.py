"""The feedback dashboard: what it counts (counting), how it draws it (charts), and the page (views)."""
