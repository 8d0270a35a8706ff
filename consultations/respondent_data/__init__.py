"""What is held about respondents: withdrawal, retention, the audit log and erasure."""
