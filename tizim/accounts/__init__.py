"""Staff accounts: roles, two-factor login, recipient keys for sealed data."""
