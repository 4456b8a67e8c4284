"""Who did what to whom: acts of violence, perpetrators, places of detention, evidence."""
