"""Query functions by subject: each takes a Session, never commits, returns tuples or domain
objects. Services open the one transaction per user action and assemble views from these."""
