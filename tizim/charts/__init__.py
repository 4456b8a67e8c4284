"""Charts for the pages: ``tizim.core.charts`` draws them; ``files`` keeps each drawing as an
SVG and a PNG file, drawn once per change of what it shows, and serves it; ``localised`` phrases
charts in the page's language."""
