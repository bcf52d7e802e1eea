"""The exam screens: intro, question page, navigator, review, clock ticker, exhibits."""
