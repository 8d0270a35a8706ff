"""After a comment: the outcome, email alerts, subscriptions and feeds."""
