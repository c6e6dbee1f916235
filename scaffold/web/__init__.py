"""`scaffold web`: the questionnaire, Explore and downloads as a page and an HTTP API."""
