"""Numbers: documented counts for any day, official claims beside them, and multiple-systems
estimates of the people no list recorded."""
