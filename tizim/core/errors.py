"""The one error type the parsers raise, carrying a reason a volunteer can read."""


class ParseError(ValueError):
    """A value could not be understood; ``reason`` says why, in plain words (English)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
