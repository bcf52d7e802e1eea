"""Use cases, one public method per user action, each owning one transaction. No Qt."""
