"""Reference data for the demo site: Leicester's 21 electoral wards (as of the 2015 boundary
review, the wards the city council reports by)."""

WARDS = [
    "Abbey",
    "Aylestone",
    "Beaumont Leys",
    "Belgrave",
    "Braunstone Park & Rowley Fields",
    "Castle",
    "Evington",
    "Eyres Monsell",
    "Fosse",
    "Humberstone & Hamilton",
    "Knighton",
    "North Evington",
    "Rushey Mead",
    "Saffron",
    "Spinney Hills",
    "Stoneygate",
    "Thurncourt",
    "Troon",
    "Westcotes",
    "Western",
    "Wycliffe",
]
