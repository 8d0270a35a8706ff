"""Analyse responses: themes, tags and stances, campaign groups, counts and the draft report."""
