"""Money as whole minor units (cents): parsed from what people type, shown back plainly."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jobjournal.core.errors import InvalidInput

MAX_CENTS = 10**15  # ten trillion in any currency: more is a typo, not a salary


def parse_amount(text: str, what: str = "The amount") -> int | None:
    """'85,000', '85000.50', '  1 200 ' → cents; '' → None; anything else → InvalidInput."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(f"{what} “{text.strip()}” is not a number.") from None
    if not value.is_finite():
        raise InvalidInput(f"{what} must be a number.")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InvalidInput(f"{what} has more than two decimals.")
    return check_cents(int(cents), what)


def check_cents(cents: int, what: str = "The amount") -> int:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise InvalidInput(f"{what} must be a whole number of cents.")
    if cents < 0:
        raise InvalidInput(f"{what} cannot be negative.")
    if cents > MAX_CENTS:
        raise InvalidInput(f"{what} is larger than any real amount; check the digits.")
    return cents


def format_amount(cents: int | None, currency: str = "") -> str:
    """12345600 → '123,456'; 4250 → '42.50'; with a currency code in front when given."""
    if cents is None:
        return ""
    whole, part = divmod(cents, 100)
    text = f"{whole:,}" if part == 0 else f"{whole:,}.{part:02d}"
    return f"{currency} {text}".strip()
