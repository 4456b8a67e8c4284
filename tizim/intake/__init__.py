"""Intake: lists uploaded by staff (preview, confirm, import with progress); later the public
report form."""
